"""Every surface of an edition's results agrees at each edge of its publication:
embargo in the future, exactly at the embargo time, public, withdrawn, and
published again (a new version, under a new embargo that then ends).

The clock (``django.utils.timezone.now``) is frozen and moved from step to
step; at every step the publications sweep runs, as Celery beat would, with
the tasks eager. In the walk the results e-mails stay unsent (the outbox
worker is behind), so the withdrawal drops them and the new publication
queues them again; the last test sends one first, which is never sent twice."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from judging.models import Certificate, Publication
from judging.selectors.publication import mail_key_prefix
from judging.services import (
    award_decide,
    award_unlock,
    awards_lock,
    certificates_request,
    judge_profile_update,
    publication_publish,
    publication_withdraw,
)
from judging.services.publication import publications_sweep
from prize_portal.outbox.enums import OutboxStatus
from prize_portal.outbox.models import OutboxMessage
from prize_portal.outbox.services import outbox_send
from prize_portal.site.page_cache import clear_local_pages
from submissions.enums import EntryStatus
from tests.factories import answer_consents, assign, decide_cycle, make_judge

pytestmark = pytest.mark.django_db

YEAR = 2030
# The embargo times of the first publication (with microseconds) and of the
# second (without), so SQLite's comparison of datetimes as text meets both forms.
EMBARGO = datetime(2030, 9, 1, 10, 0, 0, 250000, tzinfo=UTC)
AGAIN = datetime(2030, 9, 1, 13, 0, tzinfo=UTC)
SECOND = timedelta(seconds=1)
HOUR = timedelta(hours=1)
CITATION = "For Project 0."  # decide_cycle's citation of the winner
CORRECTED = "For Project 0, corrected."  # the citation published again
MEMBER = "<bdi>Ana Lopez</bdi>"
WINNER = "Gangnam District"  # the winner's organisation


@dataclass
class World:
    """A decided 2030 edition: one winner (with a certificate, when asked for)
    and a consenting committee member; a visitor and the signed-in winner."""

    clock: list[datetime]
    staff: Any
    cycle: Any
    decided: Any
    capture: Any
    certificates: bool
    visitor: Client = field(default_factory=Client)
    signed_in: Client = field(default_factory=Client)
    code: str = ""
    swept: list[int] = field(default_factory=list)

    def at(self, moment: datetime) -> None:
        self.clock[0] = moment

    def publish(self, visible_from: datetime) -> None:
        with self.capture(execute=True):  # the publish task and the certificates' renderings run
            publication_publish(actor=self.staff, cycle_id=self.cycle.pk, visible_from=visible_from)
        if self.certificates and not self.code:
            with self.capture(execute=True):
                assert certificates_request(actor=self.staff, cycle_id=self.cycle.pk) == 1
            certificate = Certificate.objects.get(entry=self.winner)
            assert certificate.is_ready
            self.code = certificate.code

    @property
    def winner(self) -> Any:
        return self.decided.winners[0]

    def withdraw(self) -> None:
        """Withdraw, then correct the citation, as staff do before publishing again."""
        with self.capture(execute=True):
            publication_withdraw(actor=self.staff, cycle_id=self.cycle.pk, reason="The citation was wrong")
        award = self.decided.awards[0]
        award_unlock(actor=self.staff, award_id=award.pk, reason="The citation was wrong")
        award_decide(
            actor=self.staff,
            entry_id=self.winner.pk,
            level_id=self.decided.level.pk,
            round_id=self.decided.final.pk,
            citation={"en": CORRECTED},
        )
        assert awards_lock(actor=self.staff, cycle_id=self.cycle.pk) == 1

    def results_mail(self) -> list[OutboxMessage]:
        return list(
            OutboxMessage.objects.filter(
                dedupe_key__startswith=mail_key_prefix(self.cycle.pk), to_email=self.winner.owner.email
            )
        )


# --- The steps ------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    name: str
    act: Callable[[World], object]
    live: bool  # the results are public: every surface shows them
    published: bool  # published and not withdrawn (an embargo may still run)
    version: int
    swept: int  # publications the sweep starts at this step


STEPS = [
    # visible_from is one second after now.
    Step("embargo_in_the_future", lambda w: (w.at(EMBARGO - SECOND), w.publish(EMBARGO)), False, True, 1, 0),
    # now == visible_from.
    Step("exactly_at_the_embargo_time", lambda w: w.at(EMBARGO), True, True, 1, 1),
    Step("public", lambda w: w.at(EMBARGO.replace(hour=11, microsecond=0)), True, True, 1, 0),
    Step("withdrawn", lambda w: (w.at(EMBARGO.replace(hour=12)), w.withdraw()), False, False, 2, 0),
    Step("published_again_under_embargo", lambda w: (w.at(AGAIN - SECOND), w.publish(AGAIN)), False, True, 3, 0),
    Step("published_again_at_its_embargo_time", lambda w: w.at(AGAIN), True, True, 3, 1),
    Step("published_again_public", lambda w: w.at(AGAIN + HOUR + timedelta(microseconds=1)), True, True, 3, 0),
]


# --- What each surface says now ---------------------------------------------------


def _shown(response: Any, needle: str, *, not_found: str, never: str = "") -> bool:
    """200 showing ``needle``, or 404 (saying ``not_found``) without it; any
    other answer fails, and so does ``never`` anywhere."""
    content = response.content.decode()
    assert response.status_code in (200, 404), response.status_code
    assert not never or never not in content
    if response.status_code == 404:
        assert needle not in content
        assert not_found in content
        return False
    assert needle in content
    return True


def _public_page(world: World, path: str, needle: str, never: str = "") -> bool:
    response = world.visitor.get(path)  # a visitor: the whole page comes from the page cache
    if response.status_code == 404:
        assert response["Cache-Control"] == "private, no-store"
    return _shown(response, needle, not_found="Page not found", never=never)


def read_edition(world: World) -> bool:
    """The winner's citation as the publication showing now has it: a cached page never outlives its version."""
    first = Publication.objects.get(cycle=world.cycle).version == 1
    shown, stale = (CITATION, CORRECTED) if first else (CORRECTED, CITATION)
    return _public_page(world, f"/en/winners/{YEAR}/", shown, never=stale)


def read_committee(world: World) -> bool:
    return _public_page(world, f"/en/winners/{YEAR}/committee/", MEMBER)


def read_verify(world: World) -> bool:
    response = world.visitor.get(f"/en/verify/{world.code}/")
    shown = _shown(response, "Valid certificate", not_found=f"There is no certificate with the code {world.code}.")
    assert (WINNER in response.content.decode()) == shown  # a 404 says nothing of whose it is
    return shown


def _download_url(world: World) -> str:
    with translation.override("en"):
        return reverse("certificate_download", args=[world.code])


def read_download(world: World) -> bool:
    response = world.signed_in.get(_download_url(world))
    assert response.status_code in (200, 404), response.status_code
    if response.status_code == 404:
        return False
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    return True


def read_dashboard(world: World) -> bool | str:
    """The certificate's download link, and the entry shown as a winner; both or neither."""
    with translation.override("en"):
        response = world.signed_in.get(reverse("submissions:dashboard"))
    assert response.status_code == 200
    content = response.content.decode()
    link = f'href="{_download_url(world)}"' in content
    winner = "status--winner" in content
    assert winner == (type(world.winner).objects.get(pk=world.winner.pk).status == EntryStatus.WINNER)
    return link if link == winner else f"download link {link}, winner status {winner}"


def read_results_email(world: World) -> bool:
    """A results e-mail for the winner is in the outbox. The key is per cycle,
    kind and person, so there is never a second one; the sweep queues it when
    the results become live and the withdrawal drops it while it is unsent."""
    messages = world.results_mail()
    assert len(messages) <= 1
    for message in messages:
        assert message.dedupe_key == f"{mail_key_prefix(world.cycle.pk)}winner:{world.winner.owner.pk}"
        assert (message.template, message.context["kind"]) == ("judging/email/results", "winner")
    return bool(messages)


SURFACES: dict[str, Callable[[World], bool | str]] = {
    "winners_edition_page": read_edition,
    "committee_page": read_committee,
    "verify_page": read_verify,
    "certificate_download": read_download,
    "applicant_dashboard": read_dashboard,
    "results_emails": read_results_email,
}
NEED_A_CERTIFICATE = {"verify_page", "certificate_download", "applicant_dashboard"}


def _utc(moment: datetime) -> datetime:
    # live_version() gives SQLite's naive UTC text back as a naive datetime.
    return moment.replace(tzinfo=UTC) if timezone.is_naive(moment) else moment.astimezone(UTC)


def read_facts(world: World, step: Step) -> dict[str, bool]:
    """What the model says of the publication now (each must agree with the surfaces)."""
    now = timezone.now()
    assert now == world.clock[0]
    publication = Publication.objects.get(cycle=world.cycle)
    assert (publication.version, publication.is_published) == (step.version, step.published)
    assert Publication.objects.published().filter(pk=publication.pk).exists() == step.published
    found = Publication.objects.live_version(year=YEAR, now=now)
    if found is not None:
        assert found[:2] == (publication.pk, publication.version)
        assert _utc(found[2]) == publication.published_at
    return {
        "Publication.objects.live(now)": Publication.objects.live(now).filter(pk=publication.pk).exists(),
        "Publication.objects.live_version()": found is not None,
        "publication.is_live(now)": publication.is_live(now),
    }


def answers_at(world: World, step: Step, surfaces: list[str]) -> dict[str, bool | str]:
    """Take the step, run the sweep (Celery beat) and ask every surface and the model."""
    step.act(world)
    world.swept.append(publications_sweep())  # eager tasks; the outbox's send tasks wait for a commit
    return {**{name: SURFACES[name](world) for name in surfaces}, **read_facts(world, step)}


@pytest.fixture
def make_world(
    project: Any, staff: Any, monkeypatch: Any, django_capture_on_commit_callbacks: Any, privacy_texts: Any
) -> Any:
    def make(*, certificates: bool) -> World:
        decided = decide_cycle(project, staff, winners=1, names=[WINNER])
        winner = decided.winners[0]
        member = make_judge("ana@univ.example", name="Ana Lopez", languages=["ko"], country="PE")
        judge_profile_update(user=member, publish_consent=True)
        assign(decided.final, winner, member)
        cache.clear()
        clear_local_pages()
        clock = [EMBARGO - HOUR]
        monkeypatch.setattr(timezone, "now", lambda: clock[0])
        world = World(clock, staff, project.cycle, decided, django_capture_on_commit_callbacks, certificates)
        answer_consents(winner.owner)
        world.signed_in.force_login(winner.owner)
        return world

    return make


# --- The tests ------------------------------------------------------------------------


def test_every_surface_agrees_at_every_edge(make_world: Any) -> None:
    world = make_world(certificates=True)
    for step in STEPS:
        answers = answers_at(world, step, list(SURFACES))
        assert answers == dict.fromkeys(answers, step.live), step.name
    assert world.swept == [step.swept for step in STEPS]
    assert mail.outbox == []  # the results e-mails were queued, never sent
    assert Certificate.objects.get().rendered_version == 2  # rendered again with the second publication's date


@pytest.mark.parametrize("surface", list(SURFACES), ids=list(SURFACES))
def test_the_surface_shows_the_results_exactly_while_they_are_live(make_world: Any, surface: str) -> None:
    world = make_world(certificates=surface in NEED_A_CERTIFICATE)
    for step in STEPS:
        answers = answers_at(world, step, [surface])
        assert answers[surface] == step.live, f"{surface} at {step.name}"
        assert answers == dict.fromkeys(answers, step.live), step.name
    assert world.swept == [step.swept for step in STEPS]


def test_a_winner_told_before_the_withdrawal_is_not_told_again(make_world: Any) -> None:
    world = make_world(certificates=False)
    by_name = {step.name: step for step in STEPS}
    for name in ("embargo_in_the_future", "exactly_at_the_embargo_time"):
        answers_at(world, by_name[name], ["results_emails"])
    (queued,) = world.results_mail()
    sent = outbox_send(message_id=queued.pk)
    assert sent is not None
    assert sent.status == OutboxStatus.SENT
    assert [message.to for message in mail.outbox] == [[world.winner.owner.email]]

    # A sent e-mail cannot be recalled: the winner stays told while the results are hidden.
    for name in ("public", "withdrawn", "published_again_under_embargo"):
        step = by_name[name]
        answers = answers_at(world, step, ["results_emails"])
        assert answers.pop("results_emails") is True, name
        assert answers == dict.fromkeys(answers, step.live), name
        assert [(message.pk, message.status) for message in world.results_mail()] == [(queued.pk, OutboxStatus.SENT)]

    # The new publication takes effect, and tells the winner nothing twice.
    step = by_name["published_again_at_its_embargo_time"]
    assert answers_at(world, step, ["results_emails"])["results_emails"] is True
    assert world.swept == [0, 1, 0, 0, 0, 1]
    assert [(message.pk, message.status) for message in world.results_mail()] == [(queued.pk, OutboxStatus.SENT)]
    assert len(mail.outbox) == 1
    publication = Publication.objects.get(cycle=world.cycle)
    assert (publication.effective_at, publication.mail_queued_at) == (AGAIN, AGAIN)
    assert type(world.winner).objects.get(pk=world.winner.pk).status == EntryStatus.WINNER
