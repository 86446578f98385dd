"""The privacy page says what reader feedback keeps. Added to the page as editors left it
(once); they can reword it in the admin."""

from django.db import migrations

SECTION = """
<h2>If you send feedback on an article</h2>
<ul>
<li><strong>Your answer</strong> to “Was this page helpful?”, or <strong>your report</strong> of
out-of-date or wrong information, with the article and the time. No account, name or email
address is asked for. Reports go to our editors and to the clinician who reviews the article,
with a note of how each was handled. Feedback is never published.</li>
<li><strong>A one-way code made from your network address and the date</strong>, to limit how
much feedback one connection can send in an hour. It changes every day, so it cannot be used to
recognise you later, and your address itself is not stored.</li>
</ul>
"""
HEADING = "If you send feedback on an article"


def add_section(apps, schema_editor):
    Page = apps.get_model("articles", "Page")
    page = Page.objects.filter(slug="privacy").first()
    if page is not None and HEADING not in page.body:
        page.body = page.body.rstrip() + "\n" + SECTION.strip()
        page.save(update_fields=["body"])


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0004_reader_feedback_permissions"),
        ("articles", "0005_privacy_page"),
    ]

    operations = [migrations.RunPython(add_section, migrations.RunPython.noop)]
