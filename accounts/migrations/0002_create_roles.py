"""Create the Editors and Moderators groups with their model permissions."""

from django.db import migrations

from core.roles import grant

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
    grant(apps, ROLES)


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
