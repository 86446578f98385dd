"""Editors manage the media library (an asset in use still cannot be deleted)."""

from core.roles import grant as grant_roles
from django.db import migrations


def give_editors_the_library(apps, schema_editor):
    grant_roles(apps, {"Editors": {"library": {"asset": ["add", "change", "delete", "view"]}}})


class Migration(migrations.Migration):
    dependencies = [("library", "0001_media_library"), ("accounts", "0002_create_roles")]

    operations = [migrations.RunPython(give_editors_the_library, migrations.RunPython.noop)]
