"""The public verification of certificates (mounted under /<lang>/verify/):
anyone holding a code, or the QR code printed on a certificate, can check
what it certifies. Nothing is said about a code until the results it belongs
to are public."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from judging.forms.verify import VerifyForm
from judging.models import Certificate
from judging.rendering.documents import document_kind
from judging.selectors.certificates import certificate_for_code, normalise_code


def _noindex(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Verification pages stay out of search engines: a certificate is shown to
    whoever holds its code, not listed."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapped


def _not_found(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    response = render(request, template, context, status=404)
    patch_cache_control(response, no_store=True)
    return response


@require_safe
@_noindex
def verify(request: HttpRequest) -> HttpResponse:
    """The form for a code (GET): a code of the right shape goes to its page."""
    if "code" not in request.GET:
        return render(request, "judging/verify/verify.html", {"form": VerifyForm()})
    form = VerifyForm(request.GET)
    if form.is_valid():
        return redirect("judging_verify:certificate", code=form.cleaned_data["code"])
    return _not_found(request, "judging/verify/verify.html", {"form": form})


@require_safe
@_noindex
def certificate(request: HttpRequest, code: str) -> HttpResponse:
    """What the certificate with ``code`` says, or that it was revoked; 404 for
    a malformed or unknown code and before the results are public."""
    canonical = normalise_code(code)
    if canonical is None:
        form = VerifyForm({"code": code})
        form.is_valid()  # shows the error next to the field
        return _not_found(request, "judging/verify/verify.html", {"form": form})
    if canonical != code:
        return redirect("judging_verify:certificate", code=canonical)
    found = certificate_for_code(canonical)
    if found is None:
        return _not_found(request, "judging/verify/not_found.html", {"code": canonical, "form": VerifyForm()})
    response = render(request, "judging/verify/certificate.html", _certificate_context(found))
    # A revocation must show at once: no shared cache keeps the page.
    patch_cache_control(response, private=True, no_cache=True)
    return response


def _certificate_context(certificate: Certificate) -> dict[str, Any]:
    """What the page shows: the code and state, then what the document's
    kind discloses (judging.rendering.documents)."""
    snapshot = certificate.snapshot
    kind = document_kind(certificate.kind)
    return {
        "certificate": certificate,
        "snapshot": snapshot,
        "kind": kind,
        **kind.verify_context(snapshot, translation.get_language() or "en"),
        "form": VerifyForm(),
    }


@require_safe
@_noindex
def certificate_redirect(request: HttpRequest, code: str) -> HttpResponse:
    """/verify/<code>/, the language-neutral address printed in the QR code:
    on to the page in the visitor's language."""
    language = translation.get_language_from_request(request)
    with translation.override(language):
        url = reverse("judging_verify:certificate", kwargs={"code": code})
    response = HttpResponseRedirect(url)
    response["Vary"] = "Accept-Language, Cookie"
    return response
