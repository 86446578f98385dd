"""Editors import WordPress exports from the admin."""

from django.db import migrations

from core.roles import grant


def give_editors_the_import(apps, schema_editor):
    grant(apps, {"Editors": {"wordpress": {"importjob": ["add", "view"],
                                           "importeditem": ["view"]}}})  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [("wordpress", "0001_initial"), ("accounts", "0002_create_roles")]

    operations = [migrations.RunPython(give_editors_the_import, migrations.RunPython.noop)]
