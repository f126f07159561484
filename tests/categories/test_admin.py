from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from categories.models import AwardLevel, Category, Criterion, Cycle, Question
from prize_portal.accounts.roles import Role
from tests.factories import CategoryFactory, CycleFactory, give_totp, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client: Client) -> Client:
    staff = make_user(Role.STAFF)
    give_totp(staff)
    client.force_login(staff)
    return client


@pytest.mark.parametrize("model", [Cycle, Category, Criterion, Question])
def test_admin_change_pages_have_a_field_per_language(staff_client: Client, model: Any) -> None:
    call_command("seed_prize")
    obj = model.objects.first()
    html = staff_client.get(f"/en/admin/categories/{model._meta.model_name}/{obj.pk}/change/").content.decode()
    first_field = {"Question": "label"}.get(model.__name__, "name")
    for language in ["en", "ko", "ja", "zh_hans", "es", "fr"]:
        assert f'name="{first_field}_{language}"' in html, language
    assert "admin/js/language_tabs.js" in html
    assert "googleapis" not in html  # no CDN: modeltranslation's jQuery UI is not loaded


def test_admin_cycle_page_edits_award_levels_per_language(staff_client: Client) -> None:
    call_command("seed_prize")
    cycle = Cycle.objects.get(year=2026)
    html = staff_client.get(f"/en/admin/categories/cycle/{cycle.pk}/change/").content.decode()
    levels = AwardLevel.objects.filter(cycle=cycle).count()
    assert levels == 4
    for index in range(levels):
        assert f'name="award_levels-{index}-name_ko"' in html


def test_admin_edit_keeps_korean_text(staff_client: Client) -> None:
    call_command("seed_prize")
    cycle = Cycle.objects.get(year=2026)
    page = staff_client.get(f"/en/admin/categories/cycle/{cycle.pk}/change/")
    form = page.context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and not isinstance(value, list)}
    data.update(
        {
            "name_ko": "2026 서울스마트시티상 (수정)",
            "applications_open_at": "2026-02-13T00:00",
            "applications_close_at": "2026-05-29T23:59",
            "judging_starts_at": "2026-06-01T09:00",
            "ceremony_at": "2026-10-06T10:00",
        }
    )
    for inline in page.context["inline_admin_formsets"]:  # categories, award levels, signatories
        data[f"{inline.formset.prefix}-TOTAL_FORMS"] = "0"
        data[f"{inline.formset.prefix}-INITIAL_FORMS"] = "0"
    response = staff_client.post(f"/en/admin/categories/cycle/{cycle.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    cycle.refresh_from_db()
    assert cycle.name_ko == "2026 서울스마트시티상 (수정)"
    assert [inline.formset.prefix for inline in page.context["inline_admin_formsets"]] == [
        "categories",
        "award_levels",
        "signatories",
    ]
    # Entered in Seoul time, kept in UTC.
    assert cycle.applications_close_at.isoformat() == "2026-05-29T14:59:00+00:00"


def test_admin_refuses_closing_before_opening_with_message(staff_client: Client) -> None:
    response = staff_client.post(
        "/en/admin/categories/cycle/add/",
        {
            "year": "2031",
            "name_en": "Prize 2031",
            "status": "draft",
            "applications_open_at": "2031-05-01T00:00",
            "applications_close_at": "2031-04-01T00:00",
            "categories-TOTAL_FORMS": "0",
            "categories-INITIAL_FORMS": "0",
            "award_levels-TOTAL_FORMS": "0",
            "award_levels-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "Applications must close after they open." in response.content.decode()
    assert not Cycle.objects.filter(year=2031).exists()


@pytest.mark.parametrize("count", [1, 3])
def test_admin_category_list_query_count_does_not_grow(
    staff_client: Client, django_assert_max_num_queries: Any, count: int
) -> None:
    cycle = CycleFactory()
    for _ in range(count):
        CategoryFactory(cycle=cycle)
    staff_client.get("/en/admin/categories/category/")  # warm the session and permission caches
    with django_assert_max_num_queries(12):
        assert staff_client.get("/en/admin/categories/category/").status_code == 200


def test_chair_cannot_change_configuration(client: Client) -> None:
    chair = make_user(Role.CHAIR)
    give_totp(chair)
    client.force_login(chair)
    # Not staff: Django admin is closed to the chair.
    assert client.get("/en/admin/categories/cycle/").status_code == 302


# --- A question's condition ---


def _question_post(page: Any, **changes: Any) -> dict[str, Any]:
    """The question's change form as the page filled it, its choices included, with ``changes``."""
    form = page.context["adminform"].form
    data: dict[str, Any] = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if value is None or value is False:
            continue
        data[name] = field.prepare_value(value) if name == "shown_if_values" else value
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update({f"{formset.prefix}-{key}": value for key, value in formset.management_form.initial.items()})
        for child in formset.forms:
            for name in child.fields:
                value = child[name].value()
                if value is not None and value is not False:
                    data[child.add_prefix(name)] = value
    data.update(changes)
    return data


@pytest.fixture
def conditional_form() -> dict[str, Question]:
    call_command("seed_prize")
    project = Category.objects.get(cycle__year=2026, code="project")
    return {q.code: q for q in Question.objects.filter(category=project)}


def test_admin_question_condition_offers_the_category_choice_questions(
    staff_client: Client, conditional_form: dict[str, Question]
) -> None:
    source = conditional_form["budget-source"]
    page = staff_client.get(f"/en/admin/categories/question/{source.pk}/change/")
    field = page.context["adminform"].form.fields["shown_if"]
    assert [question.code for question in field.queryset] == ["fields", "target-groups", "funding"]
    assert "Project (2026) · funding — How is the project funded?" in page.content.decode()
    html = page.content.decode()
    assert 'value="co-funded"' in html  # the values, one line of codes
    assert "Its choices: self-funded, co-funded, external." in html
    assert "judges, staff and the entry PDF leave out its answer" in html


def test_admin_question_condition_is_saved_from_codes_separated_by_commas(
    staff_client: Client, conditional_form: dict[str, Question]
) -> None:
    source = conditional_form["budget-source"]
    url = f"/en/admin/categories/question/{source.pk}/change/"
    response = staff_client.post(url, _question_post(staff_client.get(url), shown_if_values="co-funded, external"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    source.refresh_from_db()
    assert (source.shown_if_id, source.shown_if_values) == (conditional_form["funding"].pk, ["co-funded", "external"])


def test_admin_question_condition_errors_are_shown_on_their_field(
    staff_client: Client, conditional_form: dict[str, Question]
) -> None:
    source = conditional_form["budget-source"]
    url = f"/en/admin/categories/question/{source.pk}/change/"
    response = staff_client.post(url, _question_post(staff_client.get(url), shown_if_values="co-funded grants"))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"shown_if_values": ["Not a choice of that question: grants."]}


def test_admin_choice_that_shows_a_question_is_not_deleted(
    staff_client: Client, conditional_form: dict[str, Question]
) -> None:
    funding = conditional_form["funding"]
    url = f"/en/admin/categories/question/{funding.pk}/change/"
    page = staff_client.get(url)
    response = staff_client.post(url, _question_post(page, **{"choices-1-DELETE": "on"}))
    assert response.status_code == 200
    assert response.context["inline_admin_formsets"][0].formset.non_form_errors() == [
        "Other questions are shown by these choices: co-funded. Change their condition first."
    ]
    assert funding.choices.filter(code="co-funded").exists()
    response = staff_client.post(url, _question_post(page, **{"choices-2-DELETE": "on"}))  # "external" shows none
    assert response.status_code == 302
    assert list(funding.choices.values_list("code", flat=True)) == ["self-funded", "co-funded"]


def test_admin_question_pages_name_each_condition(staff_client: Client, conditional_form: dict[str, Question]) -> None:
    add = staff_client.get("/en/admin/categories/question/add/")
    triggers = add.context["adminform"].form.fields["shown_if"].queryset
    assert {(question.category.code, question.code) for question in triggers if question.code == "funding"} == {
        ("project", "funding"),
        ("special", "funding"),
    }
    listing = staff_client.get("/en/admin/categories/question/?q=budget-source").content.decode()
    assert "Shown only if the answer to" in listing
    assert listing.count("How is the project funded?") == 2  # Project and Special
