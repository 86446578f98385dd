"""Give the Moderators group the comment permissions, create the policy settings row, and write
the Comments Policy page in plain words (only if editors have not changed the first draft)."""

from django.db import migrations

from core.roles import grant

from ._policy_drafts import FIRST_DRAFT

MODERATOR_PERMISSIONS = {
    "comment": ["view", "change", "moderate"],
    "flag": ["view", "change"],
    "moderationlog": ["view"],
    "sanction": ["view", "add", "change"],
    "moderationsettings": ["view", "change"],
}
EDITOR_PERMISSIONS = {"moderationsettings": ["view"], "comment": ["view"]}

OLD_POLICY_START = "<p>Comments are for readers to share experience and questions with each other."
POLICY_SUMMARY = (
    "Be civil, stay on topic, and do not present unproven treatments as fact. Comments are "
    "moderated."
)


def forwards(apps, schema_editor):
    grant(apps, {"Moderators": {"comments": MODERATOR_PERMISSIONS},
                 "Editors": {"comments": EDITOR_PERMISSIONS}})  # fmt: skip
    apps.get_model("comments", "ModerationSettings").objects.get_or_create(pk=1)
    Page = apps.get_model("articles", "Page")
    page = Page.objects.filter(slug="comments-policy").first()
    if page is None:
        Page.objects.create(slug="comments-policy", title="Comments policy",
                            summary=POLICY_SUMMARY, body=FIRST_DRAFT.strip())
    elif page.body.startswith(OLD_POLICY_START):
        page.summary, page.body = POLICY_SUMMARY, FIRST_DRAFT.strip()
        page.save()


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("accounts", "0002_create_roles"),
        ("articles", "0002_default_pages"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
