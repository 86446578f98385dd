"""Editors import WordPress exports from the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def give_editors_the_import(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(*Permission.objects.filter(
        content_type__app_label="wordpress",
        codename__in=["add_importjob", "view_importjob", "view_importeditem"],
    ))  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [("wordpress", "0001_initial"), ("accounts", "0002_create_roles")]

    operations = [migrations.RunPython(give_editors_the_import, migrations.RunPython.noop)]
