"""Reads of the public winners pages: which editions are public, their
winners and their committee, with the joins that keep query counts flat."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from categories.models import Category, Cycle, Track
from judging.enums import AssignmentState
from judging.models import Assignment, Award, Publication
from prize_portal.accounts.models import User
from prize_portal.accounts.roles import GROUP_NAMES, Role
from submissions.enums import AttachmentStatus
from submissions.models import Attachment, Organisation

# Part of the committee page's cache key (judging.views.public): bumped when a
# judge gives or withdraws the consent to publish their profile.
COMMITTEE_GENERATION_KEY = "winners:committee-generation"


def publication_live(*, year: int, now: datetime | None = None) -> Publication:
    """The publication of an edition whose results are public now, with its
    cycle (one query), or 404: none, embargoed or withdrawn look the same."""
    publication = Publication.objects.select_related("cycle").filter(cycle__year=year).first()
    if publication is None or not publication.is_live(now or timezone.now()):
        raise Http404
    return publication


def live_version(*, year: int, now: datetime | None = None) -> tuple[int, int, float]:
    """(publication id, version, publication time) of an edition whose results
    are public now, or 404 (one narrow statement: the cached pages' hot path)."""
    found = Publication.objects.live_version(year=year, now=now)
    if found is None:
        raise Http404
    publication_id, version, published_at = found
    return publication_id, version, published_at.timestamp()


def winners_page_key(*, year: int, page: str, language: str, live: tuple[int, int, float]) -> str:
    """The page cache's key of a winners page: it names the live publication
    (id, version and time: one deleted and made again starts at version 1)
    and, for the committee page, the generation of judges' consents."""
    publication_id, version, published = live
    key = f"winners:{year}:{page}:{language}:{publication_id}.{version}.{published:.6f}"
    if page == "committee":  # a judge's consent given or withdrawn shows at once
        key += f":{cache.get(COMMITTEE_GENERATION_KEY, 0)}"
    return key


def committee_page_keys() -> list[str]:
    """The keys the committee pages of every live edition are cached under now
    (both levels: the parts and the whole page), in every language."""
    keys = []
    for publication in Publication.objects.live().select_related("cycle"):
        live = (publication.pk, publication.version, publication.published_at.timestamp())
        for language, _name in settings.LANGUAGES:
            key = winners_page_key(year=publication.cycle.year, page="committee", language=language, live=live)
            keys += [key, f"{key}:page"]
    return keys


def editions_live(*, now: datetime | None = None) -> QuerySet[Cycle]:
    """Editions whose results are public, newest first, each with
    ``winner_count`` (one query)."""
    now = now or timezone.now()
    return (
        Cycle.objects.filter(publication__in=Publication.objects.live(now))
        .annotate(winner_count=Count("awards", distinct=True))
        .order_by("-year")
    )


def _public_images() -> QuerySet[Attachment]:
    # Attachments marked as identifying (a signed letter, an ID photo) are for
    # staff only; the oldest image is the one the applicant put first.
    return Attachment.objects.filter(
        content_type__startswith="image/", identifying=False, status=AttachmentStatus.CLEAN
    ).order_by("created_at", "pk")


@dataclass
class Winner:
    award: Award
    photo: Attachment | None

    @property
    def entry(self) -> Any:
        return self.award.entry


@dataclass
class TrackGroup:
    track: Track | None
    winners: list[Winner] = field(default_factory=list)


@dataclass
class CategoryGroup:
    category: Category
    tracks: list[TrackGroup] = field(default_factory=list)


@dataclass
class Edition:
    cycle: Cycle
    categories: list[CategoryGroup]
    special_mentions: list[Winner]

    @property
    def winners(self) -> list[Winner]:
        """Every winner in page order: the categories', then the special mentions."""
        grouped = [winner for group in self.categories for track in group.tracks for winner in track.winners]
        return grouped + self.special_mentions

    @property
    def first_photo(self) -> Winner | None:
        return next((winner for winner in self.winners if winner.photo is not None), None)


def edition_winners(*, cycle: Cycle) -> Edition:
    """The awards of an edition grouped by category, then track, each group by
    award level and reference; special mentions apart (two queries)."""
    awards = (
        Award.objects.filter(cycle=cycle)
        .select_related("level", "entry__organisation", "entry__category", "entry__track")
        .prefetch_related(Prefetch("entry__attachments", queryset=_public_images(), to_attr="public_images"))
        .order_by(
            "entry__category__order",
            "entry__category__code",
            F("entry__track__order").asc(nulls_first=True),
            "entry__track__code",
            "level__order",
            "level__code",
            "entry__reference",
        )
    )
    categories: list[CategoryGroup] = []
    special_mentions: list[Winner] = []
    for award in awards:
        images = award.entry.public_images  # type: ignore[attr-defined]
        winner = Winner(award=award, photo=images[0] if images else None)
        if award.special_mention:
            special_mentions.append(winner)
            continue
        entry = award.entry
        if not categories or categories[-1].category.pk != entry.category_id:
            categories.append(CategoryGroup(category=entry.category))
        tracks = categories[-1].tracks
        if not tracks or tracks[-1].track != entry.track:
            tracks.append(TrackGroup(track=entry.track))
        tracks[-1].winners.append(winner)
    special_mentions.sort(
        key=lambda winner: (winner.award.level.order, winner.award.level.code, winner.entry.reference)
    )
    return Edition(cycle=cycle, categories=categories, special_mentions=special_mentions)


def winner_photo(*, cycle: Cycle, award_id: int) -> Attachment:
    """The photo shown for an award of the edition, or 404."""
    award = Award.objects.filter(cycle=cycle, pk=award_id).first()
    photo = _public_images().filter(entry_id=award.entry_id).first() if award else None
    if photo is None:
        raise Http404
    return photo


def _committee_of(cycle: Cycle) -> QuerySet[Any]:
    # Those who judged: a judge who stepped back from every entry did not.
    judged = Assignment.objects.filter(round__cycle=cycle, state=AssignmentState.ACTIVE).values("judge_id")
    chairs = Group.objects.filter(user=OuterRef("pk"), name=GROUP_NAMES[Role.CHAIR])
    # Only active accounts (a person who can no longer sign in cannot take back
    # their consent) with a name: the e-mail address is never published instead.
    return (
        User.objects.filter(Q(pk__in=judged), ~Q(name=""), is_active=True, judge_profile__publish_consent=True)
        .select_related("judge_profile")
        .annotate(is_chair=Exists(chairs))
    )


def committee_public(*, cycle: Cycle) -> list[Any]:
    """The committee members who judged in the edition and agreed to be
    published, chairs first, then by name (one query)."""
    return list(_committee_of(cycle).order_by("-is_chair", "name", "email"))


def committee_member_photo(*, cycle: Cycle, user_id: int) -> Any:
    """A published committee member's profile with a photo, or 404."""
    member = _committee_of(cycle).filter(pk=user_id).exclude(judge_profile__photo="").first()
    if member is None:
        raise Http404
    return member.judge_profile


@dataclass
class WinningOrganisation:
    """An organisation (the same record across editions) and what it won."""

    organisation: Organisation
    awards: list[Award] = field(default_factory=list)


@dataclass
class WinningCountry:
    country: Any  # django_countries' Country: its name is in the active language
    organisations: list[WinningOrganisation] = field(default_factory=list)


def winners_by_country(*, now: datetime | None = None) -> list[WinningCountry]:
    """The network of winners: every organisation that won in an edition whose
    results are public, by country (sorted by the country's name in the
    active language), then by name, each with its awards newest first (one query)."""
    awards = (
        Award.objects.filter(cycle__publication__in=Publication.objects.live(now or timezone.now()))
        .select_related("cycle", "level", "entry__organisation")
        .order_by("entry__organisation__name_en", "entry__organisation_id", "-cycle__year", "level__order")
    )
    organisations: dict[int, WinningOrganisation] = {}
    for award in awards:
        organisation = award.entry.organisation
        organisations.setdefault(organisation.pk, WinningOrganisation(organisation)).awards.append(award)
    countries: dict[str, WinningCountry] = {}
    for winning in organisations.values():
        country: Any = winning.organisation.country  # a Country, typed as str by the stubs
        countries.setdefault(country.code, WinningCountry(country)).organisations.append(winning)
    return sorted(countries.values(), key=lambda group: str(group.country.name))
