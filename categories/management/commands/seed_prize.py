from typing import Any

from django.core.management.base import BaseCommand

from categories.services import seed_prize_2026


class Command(BaseCommand):
    help = "Create the 2026 edition of the prize (idempotent; never overwrites edits made in admin)."

    def handle(self, *args: Any, **options: Any) -> None:
        created = seed_prize_2026()
        if not created:
            self.stdout.write("The 2026 edition exists already; nothing changed.")
            return
        summary = ", ".join(f"{count} {kind}" for kind, count in created.items())
        self.stdout.write(self.style.SUCCESS(f"2026 edition created ({summary})."))
