from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import translation
from django.utils.translation import gettext

from .models import OutboxMessage


def render_email(message: OutboxMessage) -> EmailMessage:
    """Render a stored message in its recipient's language.

    Rendering is allauth's (subject and txt/html bodies from
    ``<template>_subject.txt`` / ``_message.txt`` / ``_message.html``), so the
    account e-mails and our own share one mechanism and one branding.
    """
    from allauth.account.adapter import get_adapter

    context = dict(message.context)
    context["user"] = message.user
    context.setdefault("email", message.to_email)
    with translation.override(message.language):
        context["current_site"] = {
            "name": gettext("Seoul Smart City Prize"),
            "domain": urlsplit(settings.SITE_URL).netloc,
        }
        email = get_adapter().render_mail(
            message.template,
            message.to_email,
            context,
            headers={"Message-ID": message.message_id},
        )
    return email
