from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from categories.models import Cycle
from judging.errors import JudgingError
from judging.selectors.retention import cycles_due, retention_plan
from judging.services.retention import retention_apply
from prize_portal.accounts.models import User


class Command(BaseCommand):
    help = (
        "Personal data past its retention period: list the cycles due, show what a cycle's run would "
        "remove (the dry run, with its digest), or remove it (--apply with the digest and a staff e-mail)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("year", nargs="?", type=int, help="The cycle (omit to list the cycles due).")
        parser.add_argument("--apply", metavar="DIGEST", help="Remove what the dry run with this digest listed.")
        parser.add_argument("--staff", metavar="EMAIL", help="The staff member who confirmed (recorded).")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["year"] is None:
            due = cycles_due()
            self.stdout.write(
                "\n".join(f"{c.year}: due since {c.personal_data_until:%Y-%m-%d}" for c in due) or "None due."
            )
            return
        cycle = Cycle.objects.filter(year=options["year"]).first()
        if cycle is None:
            raise CommandError(f"No cycle {options['year']}.")
        if not options["apply"]:
            plan = retention_plan(cycle_id=cycle.pk)
            self.stdout.write(
                f"Cycle {cycle.year}, dry run (digest {plan.digest}): {len(plan.entries)} entries emptied "
                f"({', '.join(plan.references) or 'none'}), {len(plan.organisations)} organisations' contacts "
                f"cleared, {len(plan.people)} people erased, {plan.files} files deleted."
            )
            return
        staff = User.objects.filter(email__iexact=options["staff"] or "", is_staff=True).first()
        if staff is None:
            raise CommandError("Give --staff: the e-mail address of the staff member who confirmed.")
        try:
            plan = retention_apply(cycle_id=cycle.pk, actor=staff, digest=options["apply"])
        except JudgingError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(self.style.SUCCESS(f"Cycle {cycle.year}: removed as planned (digest {plan.digest})."))
