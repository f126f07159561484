from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, URLPattern, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django_countries import countries
from django_countries.filters import CountryFilter

from categories.models import Category, Track
from prize_portal.accounts.requests import signed_in_user
from prize_portal.audit.services import audit_staff_access
from prize_portal.site.admin import DATETIME_INPUT, AccessAudited, ReadOnlyModelAdmin
from prize_portal.site.times import seoul_text

from .errors import IntakeError
from .exports import export_response
from .models import Attachment, Entry, Membership, Organisation, Submission
from .presentation import Section, answer_sections, shown_attachments
from .services import attachment_set_identifying, entry_decide_eligibility, entry_grant_extension, organisations_merge

SEOUL = ZoneInfo(settings.PRIZE_TIME_ZONE)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    can_delete = False
    readonly_fields = ["user", "role", "created_at"]

    def has_add_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return False


@admin.register(Organisation)
class OrganisationAdmin(AccessAudited, ReadOnlyModelAdmin):
    list_display = ["name_en", "name_native", "type", "country", "city"]
    list_filter = ["type", ("country", CountryFilter)]
    search_fields = ["name_en", "name_native", "city"]
    inlines = [MembershipInline]
    actions = ["merge"]

    @admin.action(description=gettext_lazy("Merge the selected organisations (duplicates)"), permissions=["merge"])
    def merge(self, request: HttpRequest, queryset: QuerySet[Organisation]) -> HttpResponse | None:
        """First a page to choose the record to keep, then the merge."""
        chosen = list(queryset.annotate(entry_count=models.Count("entries")).order_by("name_en", "pk"))
        if len(chosen) < 2:
            self.message_user(request, _("Choose at least two organisations to merge."), level=messages.ERROR)
            return None
        keep = request.POST.get("keep", "")
        if request.POST.get("confirm") and keep.isdigit():
            try:
                kept = organisations_merge(
                    actor=signed_in_user(request), keep_id=int(keep), merge_ids=[item.pk for item in chosen]
                )
            except IntakeError as error:
                self.message_user(request, " ".join(error.messages), level=messages.ERROR)
                return None
            self.message_user(request, _("Merged into %(name)s.") % {"name": kept.name_en})
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Merge organisations"),
            "opts": self.model._meta,
            "organisations": chosen,
            "action": "merge",
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
            "missing_choice": bool(request.POST.get("confirm")),
        }
        return TemplateResponse(request, "admin/submissions/organisation/merge.html", context)

    def has_merge_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("submissions.merge_organisations")


# --- Filters: labelled for staff, each listed in one query -----------------------


class CategoryFilter(admin.RelatedFieldListFilter):
    def field_choices(self, field: Any, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        categories = Category.objects.select_related("cycle").order_by("-cycle__year", "order", "code")
        return [(str(category.pk), str(category)) for category in categories]


class TrackFilter(admin.RelatedFieldListFilter):
    def field_choices(self, field: Any, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        tracks = Track.objects.select_related("category__cycle").order_by(
            "-category__cycle__year", "category__order", "order", "code"
        )
        return [(str(track.pk), f"{track.name} · {track.category}") for track in tracks]


class ApplicantTypeFilter(admin.ChoicesFieldListFilter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.title = gettext_lazy("applicant type")


class OrganisationCountryFilter(CountryFilter):
    title = gettext_lazy("country")


# --- The submitted version, as staff read it ----------------------------------------


@dataclass(frozen=True)
class ShownAttachment:
    name: str
    content_type: str
    size: int
    url: str


@dataclass(frozen=True)
class SubmittedVersion:
    submission: Submission
    content: dict[str, Any]
    sections: list[Section]  # the answers, as judges and the PDF show them
    attachments: list[ShownAttachment]
    version_count: int


def _attachment_url(entry: Entry, attachment_id: Any) -> str:
    # The staff download is served by the applicant views' attachment URL.
    try:
        return reverse("submissions:attachment", args=[entry.pk, attachment_id])
    except NoReverseMatch:
        return ""


def entry_submitted_version(entry: Entry) -> SubmittedVersion | None:
    """The last submitted version of ``entry``: its frozen text, its answers
    presented as judges and the entry PDF present them (with the answers to
    questions removed since) and its attachments (without those of questions
    its answers hide, as they do)."""
    submissions = list(entry.submissions.select_related("submitted_by").order_by("-number"))
    if not submissions:
        return None
    last = submissions[0]
    content = last.content
    sections = answer_sections(last, with_removed=True)
    attachments = [
        ShownAttachment(
            name=str(item.get("name", "")),
            content_type=str(item.get("type", "")),
            size=int(item.get("size") or 0),
            url=_attachment_url(entry, item.get("id")),
        )
        for item in shown_attachments(last)
    ]
    return SubmittedVersion(
        submission=last, content=content, sections=sections, attachments=attachments, version_count=len(submissions)
    )


# --- Extension grants ------------------------------------------------------------------


class ExtensionForm(forms.Form):
    until = forms.DateTimeField(
        label=gettext_lazy("Extended deadline (Seoul time)"),
        widget=DATETIME_INPUT[models.DateTimeField]["widget"],
        help_text=gettext_lazy("The applicant may change and submit this entry until then. Recorded in the audit log."),
    )

    def clean_until(self) -> datetime:
        # The typed wall-clock time is Seoul time, whatever zone is active.
        value: datetime = self.cleaned_data["until"]
        return timezone.make_aware(timezone.make_naive(value), SEOUL)


# --- Entries -----------------------------------------------------------------------------


@admin.register(Entry)
class EntryAdmin(AccessAudited, ReadOnlyModelAdmin):
    list_display = ["reference", "title_en", "organisation_and_country", "category_and_track", "status", "submitted"]
    list_filter = [
        "cycle",
        ("category", CategoryFilter),
        ("track", TrackFilter),
        ("organisation__country", OrganisationCountryFilter),
        ("organisation__type", ApplicantTypeFilter),
        "status",
    ]
    list_select_related = ["organisation", "category", "track"]
    search_fields = [
        "reference",
        "title_en",
        "title_original",
        "organisation__name_en",
        "organisation__name_native",
    ]
    fieldsets = [
        (
            gettext_lazy("Entry"),
            {"fields": ["reference", "status", "cycle", "category", "track", "organisation", "owner", "language"]},
        ),
        (gettext_lazy("Deadline"), {"fields": ["submitted_at", "extended_until"]}),
        (
            gettext_lazy("Working copy (may hold changes not submitted yet)"),
            {"fields": ["title_en", "summary_en", "title_original", "summary_original"]},
        ),
        (gettext_lazy("Record"), {"fields": ["sequence", "version", "created_at", "updated_at"]}),
    ]
    readonly_fields = ["sequence", "created_at", "updated_at"]
    actions = ["export_csv", "export_xlsx", "mark_eligible", "mark_ineligible"]

    @admin.display(description=gettext_lazy("organisation"), ordering="organisation__name_en")
    def organisation_and_country(self, entry: Entry) -> str:
        return f"{entry.organisation.name_en} ({countries.name(entry.organisation.country)})"

    @admin.display(description=gettext_lazy("category"), ordering="category__order")
    def category_and_track(self, entry: Entry) -> str:
        return f"{entry.category.name} · {entry.track.name}" if entry.track else entry.category.name

    @admin.display(description=gettext_lazy("submitted"), ordering="submitted_at")
    def submitted(self, entry: Entry) -> str:
        # Compact, so that the list fits beside admin's two sidebars.
        return timezone.localtime(entry.submitted_at, SEOUL).strftime("%Y-%m-%d %H:%M") if entry.submitted_at else "—"

    @admin.action(description=gettext_lazy("Export selected entries as CSV"), permissions=["view"])
    def export_csv(self, request: HttpRequest, queryset: QuerySet[Entry]) -> HttpResponse:
        audit_staff_access(actor=request.user, targets=list(queryset), export="entries.csv")  # type: ignore[arg-type]
        return export_response(queryset, "csv")

    @admin.action(description=gettext_lazy("Export selected entries as XLSX (Excel)"), permissions=["view"])
    def export_xlsx(self, request: HttpRequest, queryset: QuerySet[Entry]) -> HttpResponse:
        audit_staff_access(actor=request.user, targets=list(queryset), export="entries.xlsx")  # type: ignore[arg-type]
        return export_response(queryset, "xlsx")

    @admin.action(description=gettext_lazy("Screening: mark selected entries as eligible"), permissions=["screen"])
    def mark_eligible(self, request: HttpRequest, queryset: QuerySet[Entry]) -> None:
        self._screen(request, queryset, eligible=True)

    @admin.action(description=gettext_lazy("Screening: mark selected entries as not eligible"), permissions=["screen"])
    def mark_ineligible(self, request: HttpRequest, queryset: QuerySet[Entry]) -> None:
        self._screen(request, queryset, eligible=False)

    def _screen(self, request: HttpRequest, queryset: QuerySet[Entry], *, eligible: bool) -> None:
        done, refused = 0, []
        for entry in queryset.order_by("pk"):
            try:
                entry_decide_eligibility(entry_id=entry.pk, staff=signed_in_user(request), eligible=eligible)
                done += 1
            except ValidationError as error:
                refused.append(f"{entry}: {' '.join(error.messages)}")
        if done:
            self.message_user(
                request, ngettext("%(count)d entry screened.", "%(count)d entries screened.", done) % {"count": done}
            )
        for text in refused:
            self.message_user(request, text, level=messages.ERROR)

    def has_screen_permission(self, request: HttpRequest, obj: Entry | None = None) -> bool:
        return request.user.has_perm("accounts.use_staff_pages")

    def has_extend_permission(self, request: HttpRequest, obj: Entry | None = None) -> bool:
        return self.has_view_permission(request, obj) and request.user.has_perm("accounts.use_staff_pages")

    def render_change_form(
        self,
        request: HttpRequest,
        context: dict[str, Any],
        add: bool = False,
        change: bool = False,
        form_url: str = "",
        obj: Entry | None = None,
    ) -> HttpResponse:
        if obj is not None:
            context["submitted"] = entry_submitted_version(obj)
            context["can_extend"] = self.has_extend_permission(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_urls(self) -> list[URLPattern]:
        extend = path(
            "<path:object_id>/extend/",
            self.admin_site.admin_view(self.extend_view),
            name="submissions_entry_extend",
        )
        return [extend, *super().get_urls()]

    def extend_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Grant one entry a later deadline, through the audited service."""
        entry = self.get_object(request, unquote(object_id))
        if entry is None or not self.has_extend_permission(request, entry):
            raise Http404
        initial = {"until": timezone.make_naive(entry.deadline, SEOUL)}
        form = ExtensionForm(request.POST if request.method == "POST" else None, initial=initial)
        if form.is_valid():
            try:
                entry = entry_grant_extension(
                    entry_id=entry.pk, staff=signed_in_user(request), until=form.cleaned_data["until"]
                )
            except IntakeError as error:
                form.add_error("until", error)
            else:
                until = seoul_text(form.cleaned_data["until"])
                self.message_user(
                    request,
                    _("%(entry)s may now be changed and submitted until %(until)s (Seoul time).")
                    % {"entry": entry, "until": until},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(reverse("admin:submissions_entry_change", args=[entry.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": entry,
            "form": form,
            "title": _("Grant an extension"),
            "subtitle": str(entry),
            "has_view_permission": True,
        }
        return TemplateResponse(request, "admin/submissions/entry/extend.html", context)


@admin.register(Submission)
class SubmissionAdmin(AccessAudited, ReadOnlyModelAdmin):
    list_display = ["entry", "number", "submitted_at", "submitted_by"]
    list_select_related = ["entry", "submitted_by"]
    search_fields = ["entry__reference"]


@admin.register(Attachment)
class AttachmentAdmin(AccessAudited, ReadOnlyModelAdmin):
    """Files are read here; the one thing staff set is whether a file names
    the applicant, which hides it from judges of blind rounds."""

    list_display = ["original_name", "entry", "content_type", "size", "identifying", "created_at"]
    list_filter = ["identifying", "content_type", "entry__cycle"]
    list_select_related = ["entry"]
    search_fields = ["entry__reference", "original_name"]
    actions = ["mark_identifying", "unmark_identifying"]

    @admin.action(
        description=gettext_lazy("Mark as identifying the applicant (hidden in blind rounds)"), permissions=["view"]
    )
    def mark_identifying(self, request: HttpRequest, queryset: QuerySet[Attachment]) -> None:
        self._set(request, queryset, identifying=True)

    @admin.action(description=gettext_lazy("Unmark as identifying the applicant"), permissions=["view"])
    def unmark_identifying(self, request: HttpRequest, queryset: QuerySet[Attachment]) -> None:
        self._set(request, queryset, identifying=False)

    def _set(self, request: HttpRequest, queryset: QuerySet[Attachment], *, identifying: bool) -> None:
        for attachment in queryset:
            attachment_set_identifying(
                attachment_id=attachment.pk, staff=signed_in_user(request), identifying=identifying
            )
        self.message_user(
            request,
            ngettext("%(count)d file updated.", "%(count)d files updated.", queryset.count())
            % {"count": queryset.count()},
        )
