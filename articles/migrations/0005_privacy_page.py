"""The Privacy page: what the site stores about readers and commenters, and how to leave.
Editors rewrite it in the admin; this is the first draft."""

from django.db import migrations

PRIVACY_SUMMARY = (
    "What we store about readers and commenters, why, for how long, and how to delete your account."
)
PRIVACY_BODY = """
<p>You can read every article without an account, and we do not sell or share anything we
know about you. This page lists what we store and why.</p>
<h2>If you only read</h2>
<ul>
<li>No account, no profile. Our servers keep standard access logs (address, page, time) for a
short time to keep the site running and safe.</li>
</ul>
<h2>If you have an account</h2>
<ul>
<li><strong>Your email address</strong>, to verify your account, reset your password, and, if
you leave the option on, tell you about replies to your comments.</li>
<li><strong>Your username</strong>, shown publicly next to your comments.</li>
<li><strong>Your comments</strong> and the flags you raise on other comments, with their dates
and what moderators decided about them.</li>
<li><strong>Your network address</strong>, briefly, to limit how often anyone can try to log in,
sign up or post, so nobody can flood the site or guess passwords.</li>
</ul>
<h2>Deleting your account</h2>
<p>Log in and choose <a href="/account/delete/">Delete your account</a> (also linked from your
email preferences). Your username, email addresses, password and flags are deleted at once. Your
published comments stay so conversations remain readable, but they are signed
“Former member” instead of your name. We keep a record that an account was deleted, without
your name or email address.</p>
"""


def create_privacy_page(apps, schema_editor):
    Page = apps.get_model("articles", "Page")
    Page.objects.get_or_create(
        slug="privacy",
        defaults={"title": "Privacy", "summary": PRIVACY_SUMMARY, "body": PRIVACY_BODY.strip()},
    )


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_archived_status")]

    operations = [migrations.RunPython(create_privacy_page, migrations.RunPython.noop)]
