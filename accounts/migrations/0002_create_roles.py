"""Create the Editors and Moderators groups with their model permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Editors": {
        "articles": {
            "article": ["add", "change", "delete", "view"],
            "author": ["add", "change", "delete", "view"],
            "tag": ["add", "change", "delete", "view"],
            "page": ["add", "change", "view"],
            "revision": ["view"],
        },
    },
    "Moderators": {
        # Moderators read articles to judge comments in context; they never change them.
        "articles": {"article": ["view"]},
    },
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations ran; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, app_models in ROLES.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for app_label, models in app_models.items():
            for model, actions in models.items():
                for action in actions:
                    group.permissions.add(
                        Permission.objects.get(
                            content_type__app_label=app_label, codename=f"{action}_{model}"
                        )
                    )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
