"""Give the Moderators group the comment permissions, create the policy settings row, and write
the Comments Policy page in plain words (only if editors have not changed the first draft)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

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
POLICY_BODY = """
<p>Comments are where readers share experience and questions. They are not medical advice, and
neither are our replies. These rules keep the discussion useful and safe.</p>
<h2>Who can comment</h2>
<ul>
<li>You need an account with a verified email address.</li>
<li>Your first comment waits for a moderator. Once one of your comments has been approved, your
next comments appear straight away, unless several of your recent comments were rejected.</li>
<li>You can post up to 5 comments in 10 minutes.</li>
<li>A comment is between 2 and 5,000 characters of plain text. Links are fine; a comment with
two or more links waits for a moderator.</li>
<li>You can edit your comment for 15 minutes after posting, and delete it at any time.</li>
</ul>
<h2>What we do not publish</h2>
<ul>
<li><strong>Medical misinformation:</strong> presenting an unproven or disproven treatment,
cure or claim as fact. Share your experience as your experience, and see a clinician for
advice.</li>
<li>Insults, harassment, threats and hate aimed at anyone, including our writers.</li>
<li>Spam, advertising and repeated or copied comments.</li>
<li>Off-topic comments and other people's personal information.</li>
</ul>
<h2>Flags and moderation</h2>
<p>Every reader can flag a comment once, with a reason. When three readers flag a comment, it is
hidden until a moderator reviews it. Moderators approve, reject (always with a reason you can
see on your comment), remove or restore comments, and can suspend or ban accounts that keep
breaking these rules. Every decision is logged and can be reversed if we got it wrong: reply to
the email address on our About page.</p>
"""


def forwards(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, models in (("Moderators", MODERATOR_PERMISSIONS), ("Editors", EDITOR_PERMISSIONS)):
        group, _ = Group.objects.get_or_create(name=group_name)
        for model, actions in models.items():
            for action in actions:
                codename = "moderate_comment" if action == "moderate" else f"{action}_{model}"
                group.permissions.add(
                    Permission.objects.get(content_type__app_label="comments", codename=codename)
                )
    apps.get_model("comments", "ModerationSettings").objects.get_or_create(pk=1)
    Page = apps.get_model("articles", "Page")
    page = Page.objects.filter(slug="comments-policy").first()
    if page is None:
        Page.objects.create(slug="comments-policy", title="Comments policy",
                            summary=POLICY_SUMMARY, body=POLICY_BODY.strip())
    elif page.body.startswith(OLD_POLICY_START):
        page.summary, page.body = POLICY_SUMMARY, POLICY_BODY.strip()
        page.save()


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("accounts", "0002_create_roles"),
        ("articles", "0002_default_pages"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
