from typing import Any

from django.core.management.base import BaseCommand

from prize_portal.privacy.services.texts import texts_seed


class Command(BaseCommand):
    help = (
        "Publish the first privacy notice and consent items in the six languages, for each one that has no "
        "version yet (never touches a text staff created or edited in admin)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        created = texts_seed()
        if created:
            self.stdout.write(self.style.SUCCESS(f"{created} privacy texts published."))
        else:
            self.stdout.write("The privacy texts exist already; nothing changed.")
