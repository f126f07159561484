from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from prize_portal.site.admin import DATETIME_INPUT, LanguageTabsMedia

from .models import Course, Event, ProgrammeItem


class ProgrammeItemInline(TranslationStackedInline):
    model = ProgrammeItem
    extra = 0
    fields = ["kind", "title", "place", "starts_at", "ends_at"]
    formfield_overrides = DATETIME_INPUT


@admin.register(Event)
class EventAdmin(LanguageTabsMedia, TranslationAdmin):
    list_display = ["name", "cycle", "place", "starts_at", "ends_at", "answer_by"]
    list_filter = ["cycle"]
    search_fields = ["name", "place"]
    fields = ["cycle", "name", "place", "address", "starts_at", "ends_at", "answer_by", "slides_by", "booth_places"]
    inlines = [ProgrammeItemInline]


@admin.register(Course)
class CourseAdmin(LanguageTabsMedia, TranslationAdmin):
    """Courses; their nominations are followed on the secretariat's course page."""

    list_display = ["title", "provider", "starts_on", "ends_on", "capacity", "nominations_close_at"]
    search_fields = ["title", "provider"]
    fields = [
        "title",
        "provider",
        "starts_on",
        "ends_on",
        "place",
        "language",
        "capacity",
        "places_per_organisation",
        "eligible_editions",
        "finalists_eligible",
        "nominations_close_at",
        "offer_days",
    ]
