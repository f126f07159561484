from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from prize_portal.site.admin import AccessAudited

from .enums import OutboxStatus
from .models import OutboxMessage
from .services import outbox_retry


@admin.register(OutboxMessage)
class OutboxMessageAdmin(AccessAudited, admin.ModelAdmin):
    list_display = ["created_at", "to_email", "template", "language", "status", "attempts", "sent_at"]
    list_filter = ["status", "language", "template"]
    search_fields = ["to_email", "template", "message_id"]
    date_hierarchy = "created_at"
    actions = ["retry_failed"]
    # The context holds sign-in links and codes: staff see who was sent what and
    # when, never the secrets in it.
    exclude = ["context"]
    readonly_fields = [field.name for field in OutboxMessage._meta.fields if field.name != "context"]
    list_select_related = ["user"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: OutboxMessage | None = None) -> bool:
        return False

    @admin.action(description=_("Retry the selected failed e-mails now"), permissions=["change"])
    def retry_failed(self, request: HttpRequest, queryset: QuerySet[OutboxMessage]) -> None:
        ids = list(queryset.filter(status=OutboxStatus.FAILED).values_list("pk", flat=True))
        count = outbox_retry(message_ids=ids)
        self.message_user(
            request,
            ngettext("%(count)d e-mail queued again.", "%(count)d e-mails queued again.", count) % {"count": count},
            messages.SUCCESS,
        )
        if count < len(ids):
            skipped = len(ids) - count
            self.message_user(
                request,
                ngettext(
                    "%(count)d e-mail held a sign-in link or code that has been removed; "
                    "ask the person to request a new one.",
                    "%(count)d e-mails held a sign-in link or code that has been removed; "
                    "ask the people to request new ones.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )
