"""Publication of a cycle's results (with its embargo) and the committee's feedback to entries."""

from datetime import UTC, datetime

from django.conf import settings
from django.db import connection, models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from categories.models import Cycle
from submissions.models import Entry


class PublicationQuerySet(models.QuerySet["Publication"]):
    """The two facts about a cycle's results that every page, e-mail,
    certificate and permission asks, defined here once:

    - ``published()``: published and not withdrawn; an embargo may still be
      running (decisions are frozen, certificates may be rendered);
    - ``live()``: published and past the embargo: the public may see them.

    ``Publication.is_published`` and ``Publication.is_live`` say the same of a
    row already loaded.
    """

    def published(self) -> "PublicationQuerySet":
        return self.filter(withdrawn_at__isnull=True)

    def live(self, now: datetime | None = None) -> "PublicationQuerySet":
        return self.published().filter(visible_from__lte=now or timezone.now())

    def live_version(self, *, year: int, now: datetime | None = None) -> tuple[int, int, datetime] | None:
        """(id, version, publication time) of edition ``year``'s live
        publication, or None. The hot path of the cached winners pages (read on
        every request, so an embargo or a withdrawal holds at once): the
        condition of :meth:`live` written out as one narrow statement, because
        building it through the ORM costs more than running it. The tests hold
        it to :meth:`live` at every edge."""
        from categories.models import Cycle

        sql = (
            f"SELECT p.id, p.version, p.published_at FROM {Publication._meta.db_table} p "  # noqa: S608 (our table names)
            f"JOIN {Cycle._meta.db_table} c ON c.id = p.cycle_id "
            "WHERE c.year = %s AND p.withdrawn_at IS NULL AND p.visible_from <= %s"
        )
        moment = connection.ops.adapt_datetimefield_value(now or timezone.now())
        with connection.cursor() as cursor:
            cursor.execute(sql, [year, moment])
            row = cursor.fetchone()
        if row is None:
            return None
        published_at = row[2] if isinstance(row[2], datetime) else datetime.fromisoformat(row[2])
        if timezone.is_naive(published_at):  # SQLite keeps UTC without its offset
            published_at = published_at.replace(tzinfo=UTC)
        return row[0], row[1], published_at


class Publication(models.Model):
    """A cycle's results made public. Nothing of them is visible before
    ``visible_from`` (the embargo) or after a withdrawal; ``version`` changes
    with every publish and withdrawal, so cached pages of an earlier state are
    never served again."""

    cycle = models.OneToOneField(Cycle, verbose_name=_("cycle"), on_delete=models.CASCADE, related_name="publication")
    visible_from = models.DateTimeField(_("public from"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("published by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(_("published"))
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("withdrawn by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdraw_reason = models.TextField(_("reason for the withdrawal"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    # Set once the entries' statuses follow the results (at visible_from, not
    # before: an applicant's dashboard must not show "winner" under embargo).
    effective_at = models.DateTimeField(_("results in effect"), null=True, blank=True)
    # The entries' statuses before the results took effect, restored on withdrawal.
    statuses_before = models.JSONField(_("statuses before the results"), default=dict, blank=True)
    # Set once every applicant's results e-mail is in the outbox.
    mail_queued_at = models.DateTimeField(_("results e-mails queued"), null=True, blank=True)
    # When a batch of results e-mails was last queued: one chain of batches at a time.
    mail_batch_at = models.DateTimeField(_("last batch of results e-mails"), null=True, blank=True)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("publication of results")
        verbose_name_plural = _("publications of results")
        constraints = [
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True) | ~Q(withdraw_reason=""),
                name="publication_withdrawal_has_reason",
            )
        ]

    def __str__(self) -> str:
        return str(self.cycle)

    @property
    def is_published(self) -> bool:
        """:meth:`PublicationQuerySet.published` for this row."""
        return self.withdrawn_at is None

    def is_live(self, now: datetime | None = None) -> bool:
        """:meth:`PublicationQuerySet.live` for this row."""
        return self.is_published and self.visible_from <= (now or timezone.now())


class Feedback(models.Model):
    """The committee's short summary for an entry, sent with a "not selected"
    or "finalist" result when the cycle allows it."""

    entry = models.OneToOneField(Entry, verbose_name=_("entry"), on_delete=models.CASCADE, related_name="feedback")
    text = models.TextField(_("summary feedback"), max_length=3000)
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("committee feedback")
        verbose_name_plural = _("committee feedback")

    def __str__(self) -> str:
        return str(self.entry)
