"""A pseudonymous id for every account that exists."""

from typing import Any

from django.db import migrations

import prize_portal.accounts.models


def fill(apps: Any, schema_editor: Any) -> None:
    User = apps.get_model("accounts", "User")
    taken: set[str] = set()
    for user in User.objects.filter(pseudonym__isnull=True).only("pk"):
        pseudonym = prize_portal.accounts.models.new_pseudonym()
        while pseudonym in taken:
            pseudonym = prize_portal.accounts.models.new_pseudonym()
        taken.add(pseudonym)
        User.objects.filter(pk=user.pk).update(pseudonym=pseudonym)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_user_pseudonym")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
