"""Staff pages publishing a cycle's results (preview, publish, withdraw,
results e-mails, certificates), and the certificate download.

Every staff page needs ``judging.publish_results`` (404 otherwise); each POST
calls one service, turns a JudgingError into a message and redirects."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from categories.models import Cycle
from judging.errors import JudgingError
from judging.forms.publication import CertificateForEntryForm, PublishForm
from judging.forms.reason import ReasonForm
from judging.models import Certificate
from judging.selectors import publication as selectors
from judging.services import (
    certificate_regenerate,
    certificate_request,
    certificate_revoke,
    certificates_request,
    publication_publish,
    publication_withdraw,
)
from judging.services.publication import results_mail_retry
from prize_portal.accounts.requests import AuthenticatedRequest
from prize_portal.files.downloads import file_response
from prize_portal.site.decorators import page_for

staff_page = page_for("judging.publish_results")


def cycle_or_404(year: int) -> Cycle:
    """The edition of ``year``, for the staff pages about one edition (404 when there is none)."""
    cycle = selectors.cycle_by_year(year)
    if cycle is None:
        raise Http404
    return cycle


def _back(cycle: Cycle, anchor: str = "") -> HttpResponseRedirect:
    url = reverse("judging_publication:cycle", args=[cycle.year])
    return HttpResponseRedirect(url + (f"#{anchor}" if anchor else ""))


def _error(request: HttpRequest, error: JudgingError) -> None:
    for message in error.messages:
        messages.error(request, message)


@require_safe
@staff_page
def cycles(request: HttpRequest) -> HttpResponse:
    return render(request, "judging/publication/cycles.html", {"cycles": selectors.cycles_overview()})


@require_safe
@staff_page
def cycle_page(request: HttpRequest, year: int) -> HttpResponse:
    cycle = cycle_or_404(year)
    context = {
        "cycle": cycle,
        "page": selectors.publication_page(cycle),
        "certificates": selectors.cycle_certificates(cycle),
        "publish_form": PublishForm(),
        "withdraw_form": ReasonForm(prefix="withdraw"),
        "entry_form": CertificateForEntryForm(),
    }
    return render(request, "judging/publication/cycle.html", context)


@require_safe
@staff_page
def progress(request: HttpRequest, year: int) -> JsonResponse:
    """The progress bars' figures, polled by the page while work is pending."""
    response = JsonResponse(selectors.publication_page(cycle_or_404(year)).progress)
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@staff_page
def publish(request: AuthenticatedRequest, year: int) -> HttpResponseBase:
    cycle = cycle_or_404(year)
    form = PublishForm(request.POST)
    if not form.is_valid():
        for message in form.errors.get("visible_from", []):
            messages.error(request, str(message))
        return _back(cycle, "publish")
    try:
        publication = publication_publish(
            actor=request.user, cycle_id=cycle.pk, visible_from=form.cleaned_data["visible_from"]
        )
    except JudgingError as error:
        _error(request, error)
        return _back(cycle, "publish")
    if publication.is_live():
        messages.success(request, _("The results are published. Applicants are being told."))
    else:
        messages.success(request, _("The results are published, under embargo until the time you set."))
    return _back(cycle)


@require_POST
@staff_page
def withdraw(request: AuthenticatedRequest, year: int) -> HttpResponseBase:
    cycle = cycle_or_404(year)
    form = ReasonForm(request.POST, prefix="withdraw")
    try:
        if not form.is_valid():
            raise JudgingError(_("Give the reason for the withdrawal."))
        publication_withdraw(actor=request.user, cycle_id=cycle.pk, reason=form.cleaned_data["reason"])
    except JudgingError as error:
        _error(request, error)
        return _back(cycle, "withdraw")
    messages.success(request, _("The results are withdrawn: the public pages are hidden again."))
    return _back(cycle)


@require_POST
@staff_page
def retry_mail(request: HttpRequest, year: int) -> HttpResponseBase:
    cycle = cycle_or_404(year)
    try:
        count = results_mail_retry(cycle_id=cycle.pk)
    except JudgingError as error:
        _error(request, error)
        return _back(cycle, "mail")
    messages.success(
        request, ngettext("%(count)d e-mail queued again.", "%(count)d e-mails queued again.", count) % {"count": count}
    )
    return _back(cycle, "mail")


@require_POST
@staff_page
def generate_certificates(request: AuthenticatedRequest, year: int) -> HttpResponseBase:
    cycle = cycle_or_404(year)
    try:
        count = certificates_request(actor=request.user, cycle_id=cycle.pk)
    except JudgingError as error:
        _error(request, error)
        return _back(cycle, "certificates")
    messages.success(
        request,
        ngettext("%(count)d certificate is being generated.", "%(count)d certificates are being generated.", count)
        % {"count": count},
    )
    return _back(cycle, "certificates")


@require_POST
@staff_page
def certificate_for_entry(request: AuthenticatedRequest, year: int) -> HttpResponseBase:
    cycle = cycle_or_404(year)
    form = CertificateForEntryForm(request.POST)
    try:
        if not form.is_valid():
            raise JudgingError(_("Enter an entry reference number."))
        entry = selectors.entry_by_reference(cycle, form.cleaned_data["reference"])
        if entry is None:
            message = _("No entry of this edition has the reference %(reference)s.")
            raise JudgingError(message % {"reference": form.cleaned_data["reference"].strip().upper()})
        certificate = certificate_request(actor=request.user, entry_id=entry.pk)
    except JudgingError as error:
        _error(request, error)
        return _back(cycle, "certificates")
    messages.success(request, _("Certificate %(code)s is being generated.") % {"code": certificate.code})
    return _back(cycle, "certificates")


def _certificate(cycle: Cycle, certificate_id: int) -> Certificate:
    certificate = Certificate.objects.filter(pk=certificate_id, entry__cycle=cycle).first()
    if certificate is None:
        raise Http404
    return certificate


@require_POST
@staff_page
def regenerate(request: AuthenticatedRequest, year: int, certificate_id: int) -> HttpResponseBase:
    cycle = cycle_or_404(year)
    certificate = _certificate(cycle, certificate_id)
    try:
        certificate_regenerate(actor=request.user, certificate_id=certificate.pk)
    except JudgingError as error:
        _error(request, error)
    else:
        messages.success(request, _("Certificate %(code)s is being generated again.") % {"code": certificate.code})
    return _back(cycle, "certificates")


@require_POST
@staff_page
def revoke(request: AuthenticatedRequest, year: int, certificate_id: int) -> HttpResponseBase:
    cycle = cycle_or_404(year)
    certificate = _certificate(cycle, certificate_id)
    form = ReasonForm(request.POST, prefix=f"revoke-{certificate.pk}")
    try:
        if not form.is_valid():
            raise JudgingError(_("Give the reason for the revocation."))
        certificate_revoke(actor=request.user, certificate_id=certificate.pk, reason=form.cleaned_data["reason"])
    except JudgingError as error:
        _error(request, error)
    else:
        messages.success(request, _("Certificate %(code)s is revoked.") % {"code": certificate.code})
    return _back(cycle, "certificates")


@require_safe
def certificate_download(request: HttpRequest, code: str) -> HttpResponseBase:
    """The certificate PDF, for its recipients once the results are public
    (and for staff); 404 for anyone else."""
    certificate = Certificate.objects.select_related("entry").filter(code=code.upper()).first()
    if certificate is None or not request.user.has_perm("judging.download_certificate", certificate):
        raise Http404
    reference = certificate.entry.reference if certificate.entry else None
    filename = f"certificate-{reference or certificate.code}.pdf"
    return file_response(certificate.file, filename, "application/pdf", inline=False)
