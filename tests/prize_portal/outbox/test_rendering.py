"""Every outgoing e-mail gets the prize's branding: one HTML layout built from
its plain text, a footer saying why it was sent, and on non-essential mail an
unsubscribe link with RFC 8058 headers."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from prize_portal.accounts.models import User
from prize_portal.accounts.unsubscribe import unsubscribe_token
from prize_portal.outbox.models import OutboxMessage
from prize_portal.outbox.preferences import NON_ESSENTIAL_TEMPLATES
from prize_portal.outbox.rendering import render_email
from prize_portal.outbox.services import outbox_enqueue
from tests.factories import make_user

pytestmark = pytest.mark.django_db

LINK = "https://sscp.example/ko/entries/invitations/abc/"
ACCOUNT_REASON = "You are receiving this e-mail because you have an account on the Seoul Smart City Prize portal."
JUDGE_REMINDER_CONTEXT = {
    "name": "Judge Lee",
    "pending": 1,
    "rounds": [{"name": "First round", "pending": 1, "closes": "June 3, 2030", "link": "https://sscp.example/r/1/"}],
}


@pytest.fixture(autouse=True)
def _site(settings: Any) -> None:
    settings.SITE_URL = "https://sscp.example"  # where the links in these messages point


def _html(email: Any) -> str:
    assert isinstance(email, EmailMultiAlternatives)
    [(content, mimetype)] = email.alternatives
    assert mimetype == "text/html"
    return str(content)


def _invitation(**overrides: Any) -> OutboxMessage:
    values: dict[str, Any] = {
        "to": "park@busan.example",
        "template": "submissions/email/invitation",
        "language": "ko",
        "context": {"inviter": "<script>alert(1)</script> & Kim", "title": "T", "organisation": "O", "link": LINK},
    }
    values.update(overrides)
    return outbox_enqueue(**values)


def _judge_reminder(user: User) -> OutboxMessage:
    return outbox_enqueue(
        to=user.email,
        template="judging/email/reminder",
        language=user.language,
        user=user,
        context=JUDGE_REMINDER_CONTEXT,
    )


def test_non_essential_registry_lists_the_reminders() -> None:
    assert (
        frozenset({"judging/email/reminder", "submissions/email/draft_reminder", "events/email/invitation_reminder"})
        == NON_ESSENTIAL_TEMPLATES
    )


def test_render_adds_html_layout_escaped_with_links_in_message_language() -> None:
    message = _invitation()

    email = render_email(message)

    html = _html(email)
    assert html.startswith('<!DOCTYPE html>\n<html lang="ko" dir="ltr">')
    assert '<p style="margin:0;font-size:20px;font-weight:700;color:#ffffff;">서울스마트시티상</p>' in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Kim" in html
    assert "<script>" not in html
    assert f'<br>\n<a href="{LINK}" style="color:#0a56a3;">{LINK}</a></p>' in html
    assert "<img" not in html
    assert "<link" not in html
    assert "<style" not in html
    assert email.extra_headers == {"Message-ID": message.message_id}


def test_render_adds_footer_saying_why_to_text_and_html() -> None:
    user = make_user(email="owner@example.org")
    message = outbox_enqueue(
        to=user.email,
        template="submissions/email/receipt",
        language="en",
        user=user,
        context={"reference": "SSCP-2030-P-0001", "title": "Safe streets", "submitted": "May 1", "version": 1},
    )

    email = render_email(message)

    assert email.body.endswith(f"\n\n-- \n{ACCOUNT_REASON}")
    assert f'<p style="margin:0;">{ACCOUNT_REASON}</p>' in _html(email)


def test_render_footer_without_account_names_the_address() -> None:
    email = render_email(_invitation(language="en"))

    assert email.body.endswith(
        "\n\n-- \nYou are receiving this e-mail because this address was entered on the Seoul Smart City Prize portal."
    )


def test_render_gives_allauth_account_mail_the_layout() -> None:
    user = make_user(email="forgot@example.org")
    reset = "https://sscp.example/en/accounts/password/reset/key/x-y/"
    message = outbox_enqueue(
        to=user.email,
        template="account/email/password_reset_key",
        language="en",
        user=user,
        context={"password_reset_url": reset, "username": user.email},
    )

    html = _html(render_email(message))

    assert html.startswith('<!DOCTYPE html>\n<html lang="en" dir="ltr">')
    assert f'<a href="{reset}" style="color:#0a56a3;">{reset}</a>' in html


def test_render_non_essential_mail_has_unsubscribe_link_and_headers() -> None:
    judge = make_user(email="judge@example.org", language="en")
    message = _judge_reminder(judge)
    url = f"{settings.SITE_URL}/en/accounts/unsubscribe/{unsubscribe_token(judge)}/"

    email = render_email(message)

    assert email.extra_headers == {
        "Message-ID": message.message_id,
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    assert email.body.endswith(f"\n\n-- \n{ACCOUNT_REASON}\nTo stop reminder e-mails, open: {url}")
    assert f'<a href="{url}" style="color:#0a56a3;">Stop reminder e-mails</a>' in _html(email)


def test_render_unsubscribe_link_in_message_language() -> None:
    judge = make_user(email="judge@example.org", language="ko")

    email = render_email(_judge_reminder(judge))

    url = f"{settings.SITE_URL}/ko/accounts/unsubscribe/{unsubscribe_token(judge)}/"
    assert email.extra_headers["List-Unsubscribe"] == f"<{url}>"


def test_render_essential_mail_has_no_unsubscribe() -> None:
    judge = make_user(email="judge@example.org")
    message = outbox_enqueue(
        to=judge.email,
        template="judging/email/judge_invitation",
        language="en",
        user=judge,
        context={"name": "Judge Lee", "link": "https://sscp.example/j/"},
    )

    email = render_email(message)

    assert email.extra_headers == {"Message-ID": message.message_id}
    assert "unsubscribe" not in email.body.lower()
    assert "unsubscribe" not in _html(email).lower()


def test_render_non_essential_mail_without_account_has_no_unsubscribe() -> None:
    message = outbox_enqueue(
        to="nobody@example.org", template="judging/email/reminder", language="en", context=JUDGE_REMINDER_CONTEXT
    )

    email = render_email(message)

    assert email.extra_headers == {"Message-ID": message.message_id}
    assert "unsubscribe" not in email.body.lower()


def test_only_our_own_addresses_become_links_in_the_html_part(settings: Any) -> None:
    """A name or title someone typed never becomes a link in our branded mail."""
    from prize_portal.outbox.rendering import _paragraph

    settings.SITE_URL = "https://sscp.example"
    html = _paragraph("Invited by www.evil.example and https://evil.example/login\nhttps://sscp.example/en/entries/")
    assert html == (
        "Invited by www.evil.example and https://evil.example/login<br>\n"
        '<a href="https://sscp.example/en/entries/" style="color:#0a56a3;">https://sscp.example/en/entries/</a>'
    )
