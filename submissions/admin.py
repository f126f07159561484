from django.contrib import admin
from django.http import HttpRequest

from prize_portal.site.admin import ReadOnlyModelAdmin

from .models import Entry, Membership, Organisation, Submission


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    can_delete = False
    readonly_fields = ["user", "role", "created_at"]

    def has_add_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return False


@admin.register(Organisation)
class OrganisationAdmin(ReadOnlyModelAdmin):
    list_display = ["name_en", "name_native", "type", "country", "city"]
    list_filter = ["type", "country"]
    search_fields = ["name_en", "name_native", "city"]
    inlines = [MembershipInline]


@admin.register(Entry)
class EntryAdmin(ReadOnlyModelAdmin):
    list_display = ["reference", "title_en", "organisation", "category", "track", "status", "submitted_at"]
    list_filter = ["cycle", "category", "track", "status"]
    list_select_related = ["organisation", "category__cycle", "track"]
    search_fields = ["reference", "title_en", "title_original", "organisation__name_en"]
    exclude = ["collaborators"]


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyModelAdmin):
    list_display = ["entry", "number", "submitted_at", "submitted_by"]
    list_select_related = ["entry", "submitted_by"]
    search_fields = ["entry__reference"]
