"""Staff edit the privacy texts here: a draft is edited in the six languages
and published; a published version is frozen, and "New version" makes the
draft of its successor. Answers are read-only."""

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TranslationAdmin

from prize_portal.site.admin import AccessAudited, LanguageTabsMedia, ReadOnlyModelAdmin

from .errors import PrivacyError
from .models import Consent, Text
from .services.texts import text_new_version, text_publish


@admin.register(Text)
class TextAdmin(LanguageTabsMedia, TranslationAdmin):
    list_display = ["title", "code", "kind", "version", "required", "published_at"]
    list_filter = ["kind", "required", ("published_at", admin.EmptyFieldListFilter)]
    search_fields = ["code", "title"]
    actions = ["publish", "new_version"]
    readonly_fields = ["published_at", "created_at"]

    def get_readonly_fields(self, request: HttpRequest, obj: Text | None = None) -> list[str]:
        if obj is not None and obj.is_published:  # frozen: a change is a new version
            return [field.name for field in obj._meta.fields]
        if obj is not None:  # a draft keeps its code and version: they name what people answered
            return [*self.readonly_fields, "code", "version", "kind"]
        return list(self.readonly_fields)

    def has_delete_permission(self, request: HttpRequest, obj: Text | None = None) -> bool:
        # A draft may be thrown away; a published text is what people answered.
        return super().has_delete_permission(request, obj) and (obj is None or not obj.is_published)

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    @admin.action(description=gettext_lazy("Publish the selected drafts"), permissions=["change"])
    def publish(self, request: HttpRequest, queryset: QuerySet[Text]) -> None:
        published = 0
        for text in queryset.order_by("code", "version"):
            try:
                if not text.is_published:
                    text_publish(text_id=text.pk, actor=request.user)  # type: ignore[arg-type]
                    published += 1
            except PrivacyError as error:
                self.message_user(request, f"{text}: {' '.join(error.messages)}", messages.ERROR)
        if published:
            self.message_user(
                request,
                _("%(count)d published: everybody it concerns is asked again at their next page.")
                % {"count": published},
                messages.SUCCESS,
            )

    @admin.action(description=gettext_lazy("Make a new version of the selected texts"), permissions=["change"])
    def new_version(self, request: HttpRequest, queryset: QuerySet[Text]) -> None:
        drafts = [text_new_version(text_id=text.pk, actor=request.user) for text in queryset]  # type: ignore[arg-type]
        self.message_user(
            request,
            _("Drafts ready to edit: %(drafts)s.") % {"drafts": ", ".join(str(draft) for draft in drafts)},
            messages.SUCCESS,
        )


@admin.register(Consent)
class ConsentAdmin(AccessAudited, ReadOnlyModelAdmin):
    """Every answer as it was given; nothing here changes one (on PostgreSQL
    the database refuses it too, see migration 0002)."""

    list_display = ["created_at", "user", "code", "given", "role", "source", "text", "notice"]
    list_filter = ["code", "given", "role", "source"]
    search_fields = ["user__email", "code"]
    list_select_related = ["user", "text", "notice"]
    date_hierarchy = "created_at"
