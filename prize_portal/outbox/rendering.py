import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from .models import OutboxMessage
from .preferences import is_non_essential

LAYOUT = "email/layout.html"


def render_email(message: OutboxMessage) -> EmailMessage:
    """Render a stored message in its recipient's language.

    Rendering is allauth's (subject and txt/html bodies from
    ``<template>_subject.txt`` / ``_message.txt`` / ``_message.html``), so the
    account e-mails and our own share one mechanism. Every message then gets
    the prize's branding: a footer saying why it was sent (with an unsubscribe
    link and RFC 8058 headers on non-essential mail) and, unless the template
    has its own, an HTML part built from the text through one layout.
    """
    from allauth.account.adapter import get_adapter

    context = dict(message.context)
    context["user"] = message.user
    context.setdefault("email", message.to_email)
    headers = {"Message-ID": message.message_id}
    with translation.override(message.language):
        context["current_site"] = {
            "name": gettext("Seoul Smart City Prize"),
            "domain": urlsplit(settings.SITE_URL).netloc,
        }
        unsubscribe = _unsubscribe_url(message)
        if unsubscribe:
            headers["List-Unsubscribe"] = f"<{unsubscribe}>"
            headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        email = get_adapter().render_mail(message.template, message.to_email, context, headers=headers)
        _brand(email, message=message, unsubscribe=unsubscribe)
    return email


def _unsubscribe_url(message: OutboxMessage) -> str | None:
    if message.user is None or not is_non_essential(message.template):
        return None
    from prize_portal.accounts.unsubscribe import unsubscribe_url

    return unsubscribe_url(message.user, message.language)


def _reason(message: OutboxMessage) -> str:
    if message.user is None:
        return gettext(
            "You are receiving this e-mail because this address was entered on the Seoul Smart City Prize portal."
        )
    return gettext("You are receiving this e-mail because you have an account on the Seoul Smart City Prize portal.")


def _paragraph(text: str) -> SafeString:
    """A paragraph escaped, with line breaks, where only our own addresses
    become links: a name or title someone typed (``evil.example``) stays text."""
    own = re.compile(re.escape(escape(settings.SITE_URL)) + r"/[^\s<>\"]*")
    html = own.sub(
        lambda found: f'<a href="{found.group(0)}" style="color:#0a56a3;">{found.group(0)}</a>', escape(text)
    )
    return mark_safe(html.replace("\n", "<br>\n"))  # noqa: S308 (escaped above)


def _brand(email: EmailMessage, *, message: OutboxMessage, unsubscribe: str | None) -> None:
    """Add the footer to the text and, when missing, the HTML part (in the
    active language)."""
    if not isinstance(email, EmailMultiAlternatives):
        return  # HTML only: the template is its own layout
    reason = _reason(message)
    text = email.body
    footer = [reason]
    if unsubscribe:
        footer.append(gettext("To stop reminder e-mails, open: %(url)s") % {"url": unsubscribe})
    email.body = text + "\n\n-- \n" + "\n".join(footer)
    if any(mimetype == "text/html" for _content, mimetype in email.alternatives):
        return
    html = render_to_string(
        LAYOUT,
        {
            "language": message.language,
            "subject": email.subject,
            "paragraphs": [
                _paragraph(part.strip("\n")) for part in re.split(r"\n[ \t]*\n", text.strip()) if part.strip()
            ],
            "reason": reason,
            "unsubscribe_url": unsubscribe,
        },
    )
    email.attach_alternative(html, "text/html")
