"""A judge's acceptance of the confidentiality and conflict-of-interest declaration, per cycle.

The declaration itself is a versioned text of the privacy app (kind
"declaration", code JUDGE_DECLARATION): translated, edited in admin, and a
change is a new version. A judge accepts the current version once per cycle
before opening any entry of it; when staff publish a new version, the next
entry the judge opens asks again. Acceptances are never changed or deleted
(the reviews a judge submitted under an earlier version stand).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The privacy text's code.
JUDGE_DECLARATION = "judge-declaration"


class Declaration(models.Model):
    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("judge"), on_delete=models.PROTECT, related_name="declarations"
    )
    cycle = models.ForeignKey(
        "categories.Cycle", verbose_name=_("cycle"), on_delete=models.CASCADE, related_name="declarations"
    )
    text = models.ForeignKey(
        "privacy.Text", verbose_name=_("text accepted"), on_delete=models.PROTECT, related_name="declarations"
    )
    language = models.CharField(_("language read in"), max_length=10)
    accepted_at = models.DateTimeField(_("accepted"), default=timezone.now)

    class Meta:
        verbose_name = _("judge's declaration")
        verbose_name_plural = _("judges' declarations")
        ordering = ["-accepted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["judge", "cycle", "text"], name="judging_declaration_once"),
        ]

    def __str__(self) -> str:
        return f"{self.judge_id} · {self.cycle_id} · v{self.text_id}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise ValueError("Declarations are never changed: accept the new version instead.")
        super().save(*args, **kwargs)
