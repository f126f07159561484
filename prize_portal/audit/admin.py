import json
from collections.abc import Iterator
from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from prize_portal.site.admin import ReadOnlyModelAdmin
from prize_portal.site.spreadsheets import Cell, download, seoul_iso

from .models import AuditEvent
from .selectors import pseudonyms_resolved, shown_with_people

COLUMNS = [
    gettext_lazy("When (Seoul time)"),
    gettext_lazy("Who"),
    gettext_lazy("What"),
    gettext_lazy("Object type"),
    gettext_lazy("Object id"),
    gettext_lazy("Object"),
    gettext_lazy("Before"),
    gettext_lazy("After"),
]


def _rows(queryset: QuerySet[AuditEvent]) -> Iterator[list[Cell]]:
    yield [str(label) for label in COLUMNS]
    events = list(queryset.select_related("actor").order_by("created_at", "pk"))
    people = pseudonyms_resolved(event.target_repr for event in events)
    for event in events:
        row: list[Cell] = [
            seoul_iso(event.created_at),
            event.actor.email if event.actor else "",
            event.action,
            event.target_type,
            event.target_id,
            shown_with_people(event.target_repr, people),
            json.dumps(event.before, ensure_ascii=False, sort_keys=True),
            json.dumps(event.after, ensure_ascii=False, sort_keys=True),
        ]
        yield row


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyModelAdmin):
    """Read-only: nothing in the portal edits or deletes the trail (on
    PostgreSQL the database refuses it too, see migration 0002)."""

    list_display = ["created_at", "actor", "action", "target"]
    list_filter = ["action", "target_type"]
    search_fields = ["target_repr", "actor__email", "target_id"]
    list_select_related = ["actor"]
    date_hierarchy = "created_at"
    actions = ["export_csv", "export_xlsx"]

    def get_changelist_instance(self, request: HttpRequest) -> Any:
        changelist = super().get_changelist_instance(request)
        # The people the page's events name, resolved in one query.
        self._people = pseudonyms_resolved(event.target_repr for event in changelist.result_list)
        return changelist

    @admin.display(description=gettext_lazy("object"))
    def target(self, event: AuditEvent) -> str:
        """The object, with a person's pseudonymous id shown as who they are
        while the account exists (an erased person stays a pseudonym)."""
        people = getattr(self, "_people", None) or pseudonyms_resolved([event.target_repr])
        return shown_with_people(event.target_repr, people)

    @admin.action(description=gettext_lazy("Export selected events as CSV"), permissions=["view"])
    def export_csv(self, request: HttpRequest, queryset: QuerySet[AuditEvent]) -> HttpResponse:
        return download(_rows(queryset), file_format="csv", name="audit-trail", title=_("Audit trail"))

    @admin.action(description=gettext_lazy("Export selected events as XLSX (Excel)"), permissions=["view"])
    def export_xlsx(self, request: HttpRequest, queryset: QuerySet[AuditEvent]) -> HttpResponse:
        return download(_rows(queryset), file_format="xlsx", name="audit-trail", title=_("Audit trail"))
