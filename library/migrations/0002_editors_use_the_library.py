"""Editors manage the media library (an asset in use still cannot be deleted)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def give_editors_the_library(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="library")
    for group in Group.objects.filter(name="Editors"):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("library", "0001_media_library"), ("accounts", "0002_create_roles")]

    operations = [migrations.RunPython(give_editors_the_library, migrations.RunPython.noop)]
