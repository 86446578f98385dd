"""Editors and medical reviewers read reader feedback and mark it handled."""

from core.roles import grant as grant_roles
from django.db import migrations


def grant(apps, schema_editor):
    grant_roles(apps, {name: {"reviews": {"readerfeedback": ["view", "change"]}}
                       for name in ("Editors", "Medical reviewers")})  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [("reviews", "0003_reader_feedback")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
