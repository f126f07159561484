"""The reviewer pages: dashboard, round list, reading and scoring an entry,
declaring a conflict and stepping back."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from categories.models import Question
from judging.enums import AssignmentState, ConflictKind, ReviewState
from judging.models import Conflict, Review
from tests.factories import assign, make_judge, submit_with_a_hidden_answer


def _post_review(client: Client, assignment: Any, criteria: list[Any], **values: Any) -> Any:
    data = {"version": values.pop("version", 0), "intent": values.pop("intent", "save")}
    value, implementation = criteria
    data[f"score_{value.pk}"] = values.pop("value", "")
    data[f"score_{implementation.pk}"] = values.pop("implementation", "")
    data.update(values)
    headers = {"HTTP_X_REQUESTED_WITH": "fetch"} if data.pop("fetch", False) else {}
    return client.post(reverse("judging:review", args=[assignment.pk]), data, **headers)


def test_dashboard_lists_the_round_with_progress(judge_client: Client, assignment: Any) -> None:
    response = judge_client.get(reverse("judging:dashboard"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "First round" in text
    assert "0 of 1 reviews submitted" in text


def test_round_page_links_the_next_entry(judge_client: Client, assignment: Any) -> None:
    response = judge_client.get(reverse("judging:round", args=[assignment.round_id]))
    text = response.content.decode()
    assert reverse("judging:assignment", args=[assignment.pk]) in text
    assert "Next entry to review" in text


def test_assignment_page_shows_answers_and_rubric(judge_client: Client, assignment: Any, criteria: Any) -> None:
    response = judge_client.get(reverse("judging:assignment", args=[assignment.pk]))
    text = response.content.decode()
    assert response.status_code == 200
    assert "Tablets and tutors." in text  # English summary
    assert "Older people are left out." in text  # an answer
    assert "Descriptor 5" in text  # rubric descriptor
    assert "Gangnam District" in text  # not blind


def test_blind_round_hides_the_organisation(judge_client: Client, assignment: Any) -> None:
    assignment.round.blind = True
    assignment.round.save()
    text = judge_client.get(reverse("judging:assignment", args=[assignment.pk])).content.decode()
    assert "Gangnam" not in text
    assert "강남구" not in text


def test_autosave_then_submit_locks_the_review(judge_client: Client, assignment: Any, criteria: Any) -> None:
    response = _post_review(judge_client, assignment, criteria, value="4", fetch=True)
    assert response.status_code == 200
    assert json.loads(response.content)["version"] == 1
    response = _post_review(
        judge_client,
        assignment,
        criteria,
        version=1,
        value="4",
        implementation="9",
        overall_comment="Strong work.",
        recommendation="yes",
        intent="submit",
    )
    assert response.status_code == 302
    review = Review.objects.get(assignment=assignment)
    assert review.state == ReviewState.SUBMITTED
    assert sorted(review.scores.values_list("score", flat=True)) == [4, 9]
    again = _post_review(judge_client, assignment, criteria, version=2, value="1", intent="submit")
    assert again.status_code == 400
    assert "locked" in again.content.decode()
    assert sorted(Review.objects.get(pk=review.pk).scores.values_list("score", flat=True)) == [4, 9]


def test_stale_version_is_refused_with_409(judge_client: Client, assignment: Any, criteria: Any) -> None:
    assert _post_review(judge_client, assignment, criteria, value="2", fetch=True).status_code == 200
    response = _post_review(judge_client, assignment, criteria, version=0, value="5", fetch=True)
    assert response.status_code == 409
    assert "another window" in json.loads(response.content)["errors"]["__all__"][0]
    assert Review.objects.get(assignment=assignment).scores.get(criterion=criteria[0]).score == 2


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("6", "from 0 to 5"),
        ("-1", "from 0 to 5"),
        ("abc", "whole number"),
        ("2.5", "whole number"),
        ("nan", "whole number"),
        ("inf", "whole number"),
        ("1e400", "whole number"),
    ],
)
def test_bad_scores_are_refused_and_nothing_saved(
    judge_client: Client, assignment: Any, criteria: Any, value: str, message: str
) -> None:
    response = _post_review(judge_client, assignment, criteria, value=value, fetch=True)
    assert response.status_code == 400
    assert message in json.loads(response.content)["errors"][f"score_{criteria[0].pk}"][0]
    assert not Review.objects.filter(assignment=assignment).exists()


def test_submit_with_missing_parts_lists_them(judge_client: Client, assignment: Any, criteria: Any) -> None:
    response = _post_review(judge_client, assignment, criteria, value="3", intent="submit")
    assert response.status_code == 400
    text = response.content.decode()
    assert "Score Implementation." in text
    assert "Write your comment to the committee." in text
    assert f'href="#id_score_{criteria[1].pk}_1"' in text
    assert not Review.objects.filter(assignment=assignment).exists()


def test_declaring_a_conflict_recuses_and_hides_the_entry(judge_client: Client, assignment: Any) -> None:
    response = judge_client.post(reverse("judging:conflict", args=[assignment.pk]), {"reason": "I advised them."})
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.state == AssignmentState.RECUSED
    assert Conflict.objects.get(judge=assignment.judge, entry=assignment.entry).kind == ConflictKind.ENTRY
    assert judge_client.get(reverse("judging:assignment", args=[assignment.pk])).status_code == 404


def test_another_judge_gets_404_everywhere(client: Client, assignment: Any) -> None:
    other = make_judge("other@elsewhere.example")
    client.force_login(other)
    for name in ("judging:assignment", "judging:entry_pdf", "judging:conflict", "judging:recuse"):
        assert client.get(reverse(name, args=[assignment.pk])).status_code == 404
    assert client.get(reverse("judging:round", args=[assignment.round_id])).status_code == 404


def test_entry_pdf_for_a_blind_round_has_no_organisation(judge_client: Client, assignment: Any) -> None:
    import subprocess

    assignment.round.blind = True
    assignment.round.save()
    response = judge_client.get(reverse("judging:entry_pdf", args=[assignment.pk]))
    assert response.status_code == 200
    pdf = b"".join(response.streaming_content) if response.streaming else response.content
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "Digital companions" in text
    assert "Gangnam" not in text


def test_blind_round_hides_answers_to_identifying_questions(judge_client: Client, assignment: Any) -> None:
    from categories.models import Question

    Question.objects.filter(code="problem").update(identifying=True)
    url = reverse("judging:assignment", args=[assignment.pk])
    assert "Older people are left out." in judge_client.get(url).content.decode()
    assignment.round.blind = True
    assignment.round.save()
    text = judge_client.get(url).content.decode()
    assert "Older people are left out." not in text
    assert "Fields" in text  # the other answers stay


def test_submitted_review_reads_as_text(judge_client: Client, assignment: Any, criteria: Any) -> None:
    _post_review(
        judge_client,
        assignment,
        criteria,
        value="4",
        implementation="9",
        overall_comment="Strong work.",
        recommendation="yes",
        intent="submit",
    )
    text = judge_client.get(reverse("judging:assignment", args=[assignment.pk])).content.decode()
    assert "<dt>Value generation</dt><dd>4</dd>" in text
    assert "<dt>Implementation</dt><dd>9</dd>" in text
    assert "<dt>Recommendation</dt><dd>Recommend</dd>" in text


def test_judges_read_nothing_of_a_question_the_answers_hide(
    judge_client: Client, funded_project: Any, scored_round: Any, judge: Any, staff: Any
) -> None:
    """Typed while co-funded, then self-funded at submit: the budget source and
    the agreement are stored, but neither shown nor opened."""
    entry = submit_with_a_hidden_answer(
        funded_project, email="mayor@mapo.example", then="self-funded", agreement=True, name_en="Mapo District"
    )
    attachment = entry.attachments.get()
    assignment = assign(scored_round, entry, judge, actor=staff)

    text = judge_client.get(reverse("judging:assignment", args=[assignment.pk])).content.decode()
    assert "Self Funded" in text
    assert "Budget source" not in text
    assert "Hana Foundation" not in text
    assert "agreement.pdf" not in text
    assert judge_client.get(reverse("judging:file", args=[assignment.pk, attachment.pk])).status_code == 404
    # Shown again when staff widen the condition: read from the frozen answers at once.
    Question.objects.filter(category=funded_project, shown_if__isnull=False).update(
        shown_if_values=["co-funded", "self-funded"]
    )
    text = judge_client.get(reverse("judging:assignment", args=[assignment.pk])).content.decode()
    assert "Hana Foundation" in text
    assert "agreement.pdf" in text
    assert judge_client.get(reverse("judging:file", args=[assignment.pk, attachment.pk])).status_code == 200
