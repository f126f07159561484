"""Judging in Django admin: staff configure rounds here; conflicts, assignments,
reviews, judges' profiles and invitations are shown read-only, because they
change only through the services (which check, lock and audit). Assigning,
progress, reminders and unlocking reviews are on the staff judging pages."""

from typing import Any

from django.contrib import admin, messages
from django.db.models import ManyToManyField, QuerySet
from django.forms import ModelMultipleChoiceField
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries import countries
from django_countries.filters import CountryFilter
from modeltranslation.admin import TranslationAdmin

from categories.models import Category, Track
from judging.enums import ConflictKind, ConflictStatus, Progress
from judging.errors import JudgingError
from judging.forms.staff import RoundAdminForm, judge_label
from judging.models import (
    Assignment,
    Award,
    Certificate,
    Conflict,
    Declaration,
    Feedback,
    JudgeInvitation,
    JudgeProfile,
    Publication,
    Review,
    ReviewScore,
    Round,
    RoundEntry,
)
from judging.selectors.reviewer import PROGRESS, committee
from judging.services import conflict_decide
from prize_portal.accounts.requests import signed_in_user
from prize_portal.site.admin import AccessAudited, LanguageTabsMedia, ReadOnlyModelAdmin


@admin.register(Round)
class RoundAdmin(LanguageTabsMedia, TranslationAdmin):
    """Categories, tracks and the panel are checkboxes (``LanguageTabsMedia``'s
    overrides) rather than filter_horizontal, whose help icons fail axe."""

    form = RoundAdminForm
    list_display = ["name", "cycle", "kind", "opens_at", "closes_at", "judges_per_entry", "staff_page"]
    list_filter = ["cycle", "kind"]
    list_select_related = ["cycle"]
    search_fields = ["name"]
    fieldsets = [
        (None, {"fields": ["cycle", "name", "kind", "advances_from"]}),
        (_("Entries and judges"), {"fields": ["categories", "tracks", "panel", "judges_per_entry"]}),
        (_("Dates (Seoul time)"), {"fields": ["opens_at", "closes_at", "reminder_days"]}),
        (
            _("Fairness"),
            {"fields": ["blind", "peer_visibility", "country_conflicts", "tie_breaks", "assignment_seed"]},
        ),
    ]

    def view_on_site(self, obj: Round) -> str:
        return reverse("judging_staff:round", args=[obj.pk])

    @admin.display(description=_("staff page"))
    def staff_page(self, obj: Round) -> SafeString:
        return format_html('<a href="{}">{}</a>', reverse("judging_staff:round", args=[obj.pk]), _("Open"))

    def get_readonly_fields(self, request: HttpRequest, obj: Round | None = None) -> list[str]:
        # Tie-break rules are declared before judging opens (step 7 of the method in
        # judging/engine/ranking/), not changed to suit a result.
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.opens_at <= timezone.now():
            fields.append("tie_breaks")
        return fields

    def formfield_for_manytomany(
        self, db_field: "ManyToManyField[Any, Any]", request: HttpRequest, **kwargs: Any
    ) -> Any:
        if db_field.name == "categories":
            kwargs["queryset"] = Category.objects.select_related("cycle").order_by("-cycle__year", "order", "code")
        elif db_field.name == "tracks":
            kwargs["queryset"] = Track.objects.select_related("category__cycle").order_by(
                "-category__cycle__year", "category__order", "order", "code"
            )
        elif db_field.name == "panel":
            kwargs["queryset"] = committee()
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if isinstance(field, ModelMultipleChoiceField):
            if db_field.name == "tracks":
                field.label_from_instance = lambda track: f"{track.name} · {track.category}"  # type: ignore[assignment]
            elif db_field.name == "panel":
                field.label_from_instance = judge_label  # type: ignore[assignment]
        return field

    def has_delete_permission(self, request: HttpRequest, obj: Round | None = None) -> bool:
        # Deleting a round would delete its assignments and reviews with it.
        if obj is not None and obj.assignments.exists():
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions


@admin.register(RoundEntry)
class RoundEntryAdmin(ReadOnlyModelAdmin):
    list_display = ["entry", "entry_title", "round", "via", "created_at"]
    list_filter = ["round", "via"]
    list_select_related = ["entry", "round"]
    search_fields = ["entry__reference", "entry__title_en"]

    @admin.display(description=_("title in English"), ordering="entry__title_en")
    def entry_title(self, obj: RoundEntry) -> str:
        return obj.entry.title_en


@admin.register(Conflict)
class ConflictAdmin(AccessAudited, ReadOnlyModelAdmin):
    list_display = ["judge", "kind", "target", "status", "created_at", "decided_at"]
    list_filter = ["kind", "status"]
    list_select_related = ["judge", "entry", "organisation"]
    search_fields = ["judge__email", "judge__name", "entry__reference", "organisation__name_en", "email_domain"]
    actions = ["approve_requests", "reject_requests"]

    @admin.display(description=_("with"))
    def target(self, obj: Conflict) -> str:
        if obj.entry_id:
            return str(obj.entry)
        if obj.organisation_id:
            return str(obj.organisation)
        return str(countries.name(obj.country)) if obj.country else obj.email_domain

    def has_decide_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.has_perm("judging.manage_rounds"))

    @admin.action(description=_("Approve the selected applicants' requests"), permissions=["decide"])
    def approve_requests(self, request: HttpRequest, queryset: QuerySet[Conflict]) -> None:
        self._decide(request, queryset, approve=True)

    @admin.action(description=_("Reject the selected applicants' requests"), permissions=["decide"])
    def reject_requests(self, request: HttpRequest, queryset: QuerySet[Conflict]) -> None:
        self._decide(request, queryset, approve=False)

    def _decide(self, request: HttpRequest, queryset: QuerySet[Conflict], *, approve: bool) -> None:
        """Each pending request through ``conflict_decide``; anything else is left as it is."""
        selected = list(queryset.values_list("pk", "kind", "status"))
        decided = 0
        for conflict_id, kind, status in selected:
            if kind != ConflictKind.REQUESTED or status != ConflictStatus.PENDING:
                continue
            try:
                conflict_decide(actor=signed_in_user(request), conflict_id=conflict_id, approve=approve)
            except JudgingError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                decided += 1
        if decided:
            text = (
                ngettext("%(count)d request approved.", "%(count)d requests approved.", decided)
                if approve
                else ngettext("%(count)d request rejected.", "%(count)d requests rejected.", decided)
            )
            self.message_user(request, text % {"count": decided}, messages.SUCCESS)
        skipped = len(selected) - decided
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d selected conflict was left as it was: only pending requests of applicants are decided.",
                    "%(count)d selected conflicts were left as they were: only pending requests of applicants "
                    "are decided.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )


@admin.register(Assignment)
class AssignmentAdmin(AccessAudited, ReadOnlyModelAdmin):
    list_display = ["entry", "judge", "round", "state", "progress", "created_at"]
    list_filter = ["round", "state"]
    list_select_related = ["entry", "judge", "round"]
    search_fields = ["entry__reference", "judge__email", "judge__name"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Assignment]:
        return super().get_queryset(request).annotate(progress=PROGRESS)

    @admin.display(description=_("progress"), ordering="progress")
    def progress(self, obj: Assignment) -> str:
        return str(Progress(obj.progress).label)  # type: ignore[attr-defined]


class ReviewScoreInline(admin.StackedInline):
    # Stacked: the tabular inline's empty header cells fail axe.
    model = ReviewScore
    extra = 0
    can_delete = False
    fields = ["criterion", "score", "comment"]
    readonly_fields = ["criterion", "score", "comment"]

    def has_add_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return False


@admin.register(Review)
class ReviewAdmin(AccessAudited, ReadOnlyModelAdmin):
    list_display = ["entry", "judge", "round", "state", "recommendation", "submitted_at", "version", "staff_page"]
    list_filter = ["state", "assignment__round"]
    list_select_related = ["assignment__entry", "assignment__judge", "assignment__round"]
    search_fields = ["assignment__entry__reference", "assignment__judge__email", "assignment__judge__name"]
    inlines = [ReviewScoreInline]

    @admin.display(description=_("entry"), ordering="assignment__entry__reference")
    def entry(self, obj: Review) -> str:
        return str(obj.assignment.entry)

    @admin.display(description=_("judge"), ordering="assignment__judge__email")
    def judge(self, obj: Review) -> str:
        return str(obj.assignment.judge)

    @admin.display(description=_("round"), ordering="assignment__round")
    def round(self, obj: Review) -> str:
        return str(obj.assignment.round)

    @admin.display(description=_("unlock"))
    def staff_page(self, obj: Review) -> SafeString:
        """Unlocking (with a reason) is on the round's assignment matrix."""
        url = reverse("judging_staff:matrix", args=[obj.assignment.round_id]) + f"#assignment-{obj.assignment_id}"
        return format_html('<a href="{}">{}</a>', url, _("On the matrix"))


@admin.register(JudgeProfile)
class JudgeProfileAdmin(AccessAudited, ReadOnlyModelAdmin):
    list_display = ["user", "organisation", "country", "languages", "publish_consent", "updated_at"]
    list_filter = ["publish_consent", ("country", CountryFilter)]
    list_select_related = ["user"]
    search_fields = ["user__email", "user__name", "organisation", "email_domain"]


@admin.register(JudgeInvitation)
class JudgeInvitationAdmin(AccessAudited, ReadOnlyModelAdmin):
    # The token is the secret of the link: never shown.
    fields = ["email", "name", "language", "chair", "invited_by", "created_at", "accepted_at", "accepted_by"]
    list_display = ["email", "name", "language", "chair", "created_at", "accepted_at"]
    list_filter = ["chair", "language"]
    list_select_related = ["invited_by", "accepted_by"]
    search_fields = ["email", "name"]


@admin.register(Declaration)
class DeclarationAdmin(AccessAudited, ReadOnlyModelAdmin):
    """Who accepted which version of the judges' declaration, for which cycle, when and in which language."""

    list_display = ["judge", "cycle", "text", "language", "accepted_at"]
    list_filter = ["cycle", "text"]
    list_select_related = ["judge", "cycle", "text"]
    search_fields = ["judge__email", "judge__name"]


@admin.register(Award)
class AwardAdmin(ReadOnlyModelAdmin):
    """Decisions are read here; they are made, locked and unlocked through the
    services (judging/services/awards.py), which check the published number of
    awards and record every step."""

    list_display = ["entry", "level", "special_mention", "decided_by", "decided_at", "locked_at"]
    list_filter = ["cycle", "level", "special_mention"]
    list_select_related = ["entry", "level", "decided_by"]
    search_fields = ["entry__reference", "entry__title_en"]


@admin.register(Publication)
class PublicationAdmin(ReadOnlyModelAdmin):
    """Published through the staff page (preview first), which records every step."""

    list_display = ["cycle", "visible_from", "published_by", "withdrawn_at", "effective_at", "mail_queued_at"]
    list_select_related = ["cycle", "published_by"]


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    """The committee's summary to an entry, sent with its results when the cycle allows."""

    list_display = ["entry", "written_by", "updated_at"]
    list_select_related = ["entry", "written_by"]
    search_fields = ["entry__reference", "entry__title_en"]
    raw_id_fields = ["entry"]
    fields = ["entry", "text"]

    def save_model(self, request: HttpRequest, obj: Feedback, form: Any, change: bool) -> None:
        from judging.services.publication import feedback_write

        saved = feedback_write(actor=signed_in_user(request), entry_id=obj.entry_id, text=obj.text)
        obj.pk = saved.pk

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Certificate)
class CertificateAdmin(ReadOnlyModelAdmin):
    """Certificates are generated, re-generated and revoked on the staff page."""

    list_display = ["code", "entry", "kind", "language", "rendered_version", "issued_at", "revoked_at"]
    list_filter = ["kind", "entry__cycle"]
    list_select_related = ["entry"]
    search_fields = ["code", "entry__reference"]
