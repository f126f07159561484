from django.contrib import admin

from prize_portal.site.admin import ReadOnlyModelAdmin

from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyModelAdmin):
    """Read-only: nothing in the portal edits or deletes the trail."""

    list_display = ["created_at", "actor", "action", "target_repr"]
    list_filter = ["action", "target_type"]
    search_fields = ["target_repr", "actor__email", "target_id"]
    list_select_related = ["actor"]
    date_hierarchy = "created_at"
