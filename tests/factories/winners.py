"""An edition for the public winners pages: the 2030 cycle with a project and
a leadership category, Gold, Silver and a special mention, its final round and
chair, and the finalists and awards the tests add to it; through the real
services (a photo's identifying flag written directly, as staff set it in admin)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from categories.models import AwardLevel, Category
from judging.enums import RoundKind
from judging.models import Award
from judging.services import award_decide
from prize_portal.accounts.roles import Role
from submissions.enums import EntryStatus
from submissions.models import Attachment, Entry
from submissions.services import attachment_add, entry_save_draft, entry_start, entry_submit
from tests.factories.accounts import make_user
from tests.factories.categories import BEFORE_DEADLINE, CategoryFactory
from tests.factories.judging import make_judge, make_round, put_in_round
from tests.factories.submissions import make_jpeg, make_organisation, submit_entry


@dataclass
class World:
    cycle: Any
    project: Any
    leadership: Any
    final: Any
    chair: Any
    gold: AwardLevel
    silver: AwardLevel
    special: AwardLevel


def add_photo(entry: Entry, *, identifying: bool = False) -> Attachment:
    photo = attachment_add(
        entry_id=entry.pk,
        user=entry.owner,
        upload=SimpleUploadedFile("site.jpg", make_jpeg((600, 400)), content_type="image/jpeg"),
        now=BEFORE_DEADLINE,
    )
    if identifying:  # staff mark files in admin; no service writes the flag alone
        Attachment.objects.filter(pk=photo.pk).update(identifying=True)
    return photo


def finalist(entry: Entry, world: World) -> Entry:
    if entry.status == EntryStatus.DRAFT:
        entry_submit(entry_id=entry.pk, user=entry.owner, now=BEFORE_DEADLINE)
    Entry.objects.filter(pk=entry.pk).update(status=EntryStatus.FINALIST)
    put_in_round(world.final, entry)
    entry.refresh_from_db()
    return entry


def project_winner(world: World, email: str, *, track: int = 0, photo: bool = False, **values: Any) -> Entry:
    """A finalist of the project category (of a new organisation), optionally with a photo."""
    entry = submit_entry(world.project, email=email, track=track, submit=False, **values)
    if photo:
        add_photo(entry)
    return finalist(entry, world)


def leader_winner(world: World, email: str, *, title: str) -> Entry:
    """A finalist of the leadership category, which has no tracks and no questions."""
    user = make_user(email=email)
    organisation = make_organisation(user, name_en=f"City of {title}", name_native=title)
    entry = entry_start(user=user, organisation=organisation, category=world.leadership, now=BEFORE_DEADLINE)
    entry_save_draft(
        entry_id=entry.pk,
        user=user,
        version=entry.version,
        now=BEFORE_DEADLINE,
        fields={"title_en": title, "summary_en": "A mayor who listens."},
    )
    return finalist(entry, world)


def give(world: World, entry: Entry, level: AwardLevel, *, special: bool = False, **citation: str) -> Award:
    return award_decide(
        actor=world.chair,
        entry_id=entry.pk,
        level_id=level.pk,
        citation=citation or {"en": f"Citation for {entry.title_en}."},
        round_id=None if special else world.final.pk,
        special_mention=special,
    )


def make_world(project: Any) -> World:
    """The 2030 edition: a two-track project category (the second track first
    by its order), a leadership category shown first, Gold and Silver, a
    special mention, and its final round."""
    cycle = project.cycle
    Category.objects.filter(pk=project.pk).update(award_count=10, order=5)
    project.refresh_from_db()
    human, tech = project.tracks.order_by("code")
    type(human).objects.filter(pk=human.pk).update(order=1)
    type(tech).objects.filter(pk=tech.pk).update(order=0)
    leadership = CategoryFactory(
        cycle=cycle, code="leadership", reference_letter="L", name_en="Leadership", award_count=2, order=1
    )
    special_category = CategoryFactory(
        cycle=cycle, code="special", reference_letter="S", name_en="Special", award_count=1, order=9
    )
    gold = AwardLevel.objects.create(cycle=cycle, code="gold", name_en="Gold", name_ko="대상", order=0)
    silver = AwardLevel.objects.create(cycle=cycle, code="silver", name_en="Silver", order=1)
    special = AwardLevel.objects.create(cycle=cycle, code="special-mention", name_en="Special mention", order=2)
    for level in (gold, silver):
        level.categories.add(project, leadership)
    special.categories.add(special_category)
    final = make_round(project, kind=RoundKind.FINAL, name_en="Final")
    final.categories.add(leadership)
    chair = make_judge("chair@committee.example", role=Role.CHAIR, name="Chair Person", languages=["ko"])
    return World(cycle, project, leadership, final, chair, gold, silver, special)


def make_winner(world: World) -> Award:
    """One Gold in the project category, with a photo and a Korean original title."""
    entry = project_winner(world, "mayor@gangnam.example", name_en="Gangnam District", name_native="강남구", photo=True)
    Entry.objects.filter(pk=entry.pk).update(title_original="디지털 동반자", language="ko")
    return give(world, entry, world.gold, en="Digital inclusion for older people.", ko="어르신 디지털 포용.")


def second_edition_award(organisation: Any, *, title: str, year: int = 2031) -> Award:
    """``organisation`` wins a special mention again in edition ``year``,
    published (written directly: what the network page shows of it)."""
    from django.utils import timezone

    from tests.factories.categories import CycleFactory
    from tests.factories.judging import publish_results

    cycle = CycleFactory(year=year)
    category = CategoryFactory(cycle=cycle, code="project", reference_letter="P")
    level = AwardLevel.objects.create(cycle=cycle, code="mention", name_en="Special mention")
    owner = organisation.members.first()
    entry = Entry.objects.create(
        cycle=cycle,
        category=category,
        organisation=organisation,
        owner=owner,
        title_en=title,
        status=EntryStatus.FINALIST,
        sequence=1,
        reference=f"SSCP-{year}-P-0001",
    )
    award = Award.objects.create(
        cycle=cycle, entry=entry, level=level, special_mention=True, citation="Again.", decided_at=timezone.now()
    )
    publish_results(cycle)
    return award
