"""Applicant pages of intake: uploading, downloading and deleting an entry's files."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from prize_portal.accounts.requests import AuthenticatedRequest
from prize_portal.accounts.rules import is_staff_member
from prize_portal.audit.services import audit_staff_access
from prize_portal.files.downloads import file_response
from prize_portal.files.uploads import size_limited_upload
from submissions import selectors, services
from submissions.models import Attachment, Entry
from submissions.presentation import attachment_check_text
from submissions.views.entries import wants_json


@require_POST
@login_required
@size_limited_upload
def attachment_upload(request: AuthenticatedRequest, entry_id: int) -> HttpResponse:
    entry = selectors.entry_get(user=request.user, entry_id=entry_id, perm="submissions.edit_entry")
    upload = request.FILES.get("file")
    question = request.POST.get("question") or None
    try:
        if upload is None:
            raise ValidationError(getattr(request, "upload_refused", None) or _("Choose a file to upload."))
        attachment = services.attachment_add(
            entry_id=entry.pk, user=request.user, upload=upload, question_code=question
        )
    except ValidationError as error:
        message = " ".join(error.messages)
        if wants_json(request):
            return JsonResponse({"error": message}, status=400)
        messages.error(request, message)
        return redirect(reverse("submissions:entry_edit", args=[entry.pk]) + "#files")
    if attachment.is_clean:
        message = _("%(name)s has been uploaded.") % {"name": attachment.original_name}
    else:
        message = _("%(name)s has been uploaded and is being checked for safety.") % {"name": attachment.original_name}
    if wants_json(request):
        return JsonResponse({**_described(entry.pk, attachment), "message": message}, status=201)
    messages.success(request, message)
    return redirect(reverse("submissions:entry_edit", args=[entry.pk]) + "#files")


def _entry_file(
    request: AuthenticatedRequest, entry_id: int, attachment_id: int, *, perm: str
) -> tuple[Entry, Attachment]:
    """The entry, if ``perm`` allows, and its file ``attachment_id``; 404 otherwise
    (another entry's file under this entry's URL included)."""
    entry = selectors.entry_get(user=request.user, entry_id=entry_id, perm=perm)
    attachment = next((a for a in entry.attachments.all() if a.pk == attachment_id), None)
    if attachment is None:
        raise Http404
    return entry, attachment


def _described(entry_id: int, attachment: Attachment) -> dict[str, Any]:
    """An attachment as the upload script shows it: a link only once checked."""
    args = [entry_id, attachment.pk]
    return {
        "id": attachment.pk,
        "name": attachment.original_name,
        "size": attachment.size,
        "size_text": filesizeformat(attachment.size),
        "content_type": attachment.content_type,
        "status": attachment.status,
        "note": attachment_check_text(attachment),
        "url": reverse("submissions:attachment", args=args) if attachment.is_clean else None,
        "status_url": reverse("submissions:attachment_status", args=args),
        "delete_url": reverse("submissions:attachment_delete", args=args),
        "thumbnail_url": reverse("submissions:attachment_thumbnail", args=args) if attachment.thumbnail else None,
    }


@require_safe
@login_required
def attachment_status(request: AuthenticatedRequest, entry_id: int, attachment_id: int) -> JsonResponse:
    """Where a file's check stands, asked by the upload script while it waits."""
    entry, attachment = _entry_file(request, entry_id, attachment_id, perm="submissions.edit_entry")
    response = JsonResponse(_described(entry.pk, attachment))
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@login_required
def attachment_delete(request: AuthenticatedRequest, entry_id: int, attachment_id: int) -> HttpResponse:
    entry, attachment = _entry_file(request, entry_id, attachment_id, perm="submissions.edit_entry")
    try:
        services.attachment_delete(entry_id=entry.pk, attachment_id=attachment.pk, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(name)s has been removed.") % {"name": attachment.original_name})
    return redirect(reverse("submissions:entry_edit", args=[entry.pk]) + "#files")


@require_safe
@login_required
def attachment_download(
    request: AuthenticatedRequest, entry_id: int, attachment_id: int, thumbnail: bool = False
) -> HttpResponseBase:
    entry, attachment = _entry_file(request, entry_id, attachment_id, perm="submissions.see_entry")
    if not attachment.is_clean or (thumbnail and not attachment.thumbnail):
        raise Http404  # a file being checked is not handed out, not even to its uploader
    if not thumbnail and is_staff_member(request.user) and not request.user.has_perm("submissions.edit_entry", entry):
        audit_staff_access(actor=request.user, targets=[attachment])  # the secretariat opened an applicant's file
    if thumbnail:
        return file_response(attachment.thumbnail, "thumbnail.webp", "image/webp", inline=True)
    inline = attachment.content_type.startswith("image/")
    return file_response(attachment.file, attachment.original_name, attachment.content_type, inline=inline)
