"""Editors and medical reviewers read reader feedback and mark it handled."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name in ("Editors", "Medical reviewers"):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*Permission.objects.filter(
            content_type__app_label="reviews",
            codename__in=["view_readerfeedback", "change_readerfeedback"],
        ))  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [("reviews", "0003_reader_feedback")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
