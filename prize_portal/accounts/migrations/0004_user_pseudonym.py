"""Every person gets a pseudonymous id: added empty here, filled for the
accounts that exist (0005), then made unique and required (0006). Three
migrations, three transactions: PostgreSQL refuses to alter a table with
updates still pending in the same transaction."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_user_consent_flags")]

    operations = [
        migrations.AddField(
            model_name="user",
            name="pseudonym",
            field=models.CharField(editable=False, max_length=12, null=True, verbose_name="pseudonymous id"),
        ),
    ]
