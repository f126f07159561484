from django.db import migrations, models

import prize_portal.accounts.models


class Migration(migrations.Migration):
    dependencies = [("accounts", "0005_user_pseudonym_fill")]

    operations = [
        migrations.AlterField(
            model_name="user",
            name="pseudonym",
            field=models.CharField(
                default=prize_portal.accounts.models.new_pseudonym,
                editable=False,
                max_length=12,
                unique=True,
                verbose_name="pseudonymous id",
            ),
        ),
    ]
