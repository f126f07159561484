"""Staff see how much of an edition's content is translated into each
language, and each missing text with a link to where it is edited."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from categories.models import Criterion, Cycle, Question
from categories.selectors import content_translation_status
from prize_portal.accounts.roles import Role
from tests.factories import give_totp, make_user

pytestmark = pytest.mark.django_db

URL = "/en/staff/content/translations/"


def test_the_seeded_edition_is_translated_in_every_language(seeded_2026: Cycle) -> None:
    statuses = content_translation_status(cycle=seeded_2026)
    assert [status.code for status in statuses] == ["ko", "ja", "zh-hans", "es", "fr"]
    assert all(status.total > 300 and status.missing == [] and status.percent == 100 for status in statuses)


def test_a_text_staff_added_in_english_is_listed_as_missing(seeded_2026: Cycle) -> None:
    criterion = Criterion.objects.filter(category__cycle=seeded_2026).first()
    question = Question.objects.create(
        category=criterion.category, code="extra", kind="text", label_en="Anything else?", help_text_en=""
    )
    Criterion.objects.filter(pk=criterion.pk).update(description_fr="")
    statuses = {status.code: status for status in content_translation_status(cycle=seeded_2026)}
    japanese = [(text.kind, text.name, text.field) for text in statuses["ja"].missing]
    assert japanese == [("Question", "Anything else?", "Question")]  # the empty help text has nothing to translate
    french = {(text.kind, text.field, text.admin_url) for text in statuses["fr"].missing}
    assert ("Criterion", "Description", f"/en/admin/categories/criterion/{criterion.pk}/change/") in french
    assert ("Question", "Question", f"/en/admin/categories/question/{question.pk}/change/") in french
    assert statuses["fr"].filled == statuses["fr"].total - 2


def test_a_rubric_level_links_to_its_criterion(seeded_2026: Cycle) -> None:
    criterion = Criterion.objects.filter(category__cycle=seeded_2026).first()
    level = criterion.rubric_levels.first()
    type(level).objects.filter(pk=level.pk).update(label_es="")
    status = next(status for status in content_translation_status(cycle=seeded_2026) if status.code == "es")
    assert [text.admin_url for text in status.missing] == [f"/en/admin/categories/criterion/{criterion.pk}/change/"]


def test_one_query_per_kind_of_content(seeded_2026: Cycle) -> None:
    with CaptureQueriesContext(connection) as queries:
        content_translation_status(cycle=seeded_2026)
    assert len(queries) == 9


def test_the_page_is_for_staff_only_and_lists_the_languages(client: Client, seeded_2026: Cycle) -> None:
    applicant = make_user(email="applicant@example.org")
    client.force_login(applicant)
    assert client.get(URL).status_code == 404
    staff = make_user(Role.STAFF, email="secretariat@example.org")
    give_totp(staff)
    client.force_login(staff)
    Question.objects.filter(category__cycle=seeded_2026, code="budget-total").update(label_ko="")
    html = client.get(URL).content.decode()
    assert "Translations of the content" in html
    assert "Missing in Korean" in html
    assert 'lang="en">Total budget (US dollars)</a> · Question</li>' in html
