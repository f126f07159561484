from typing import Any

from django.core.management.base import BaseCommand

from categories.services import seed_prize_2026, seed_prize_2026_fill_translations


class Command(BaseCommand):
    help = (
        "Create the 2026 edition of the prize in the six languages; when it exists, fill only its empty "
        "translations from the seed (never overwrites edits made in admin)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        created = seed_prize_2026()
        if created:
            summary = ", ".join(f"{count} {kind}" for kind, count in created.items())
            self.stdout.write(self.style.SUCCESS(f"2026 edition created ({summary})."))
            return
        fill = seed_prize_2026_fill_translations()
        if fill.filled_total:
            summary = ", ".join(f"{count} in {kind}" for kind, count in fill.filled.items())
            self.stdout.write(
                self.style.SUCCESS(
                    f"The 2026 edition exists already; filled {fill.filled_total} empty translation fields ({summary})."
                )
            )
        else:
            self.stdout.write("The 2026 edition exists already; nothing changed.")
        if fill.left_edited:
            self.stdout.write(
                f"{fill.left_edited} empty translation fields left empty: their English text was edited in "
                "admin, so the seed's translations no longer match it (translate them in admin)."
            )
