"""Editors edit an article's sources on its change form; medical reviewers read them."""

from core.roles import grant as grant_roles
from django.db import migrations

PERMISSIONS = {
    "Editors": ["add", "change", "delete", "view"],
    "Medical reviewers": ["view"],
}


def grant(apps, schema_editor):
    grant_roles(apps, {name: {"articles": {"source": actions}}
                       for name, actions in PERMISSIONS.items()})  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0010_article_sources"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
