"""The pages every article links to exist from the start; editors rewrite them in the admin."""

from django.db import migrations

PAGES = [
    (
        "about",
        "About us",
        "",
        "<p>We answer everyday health questions in plain language. Every article names its "
        "author and, where it makes medical claims, the clinician who reviewed it. We show when "
        "each article was first published and when it was last substantively updated, and we "
        "keep a public history of those updates.</p>",
    ),
    (
        "disclaimer",
        "Medical disclaimer",
        "This article is general information, not a substitute for advice from a doctor or "
        "other qualified clinician who knows your situation. Medical knowledge changes: note the "
        "date this article was published and last updated.",
        "<p>The articles on this site are general information. They are not a diagnosis, and "
        "they are not a substitute for advice from a doctor, pharmacist or other qualified "
        "clinician who knows your history.</p><p>Medical knowledge changes. Every article shows "
        "the date it was first published and the date of its last substantive update; an "
        "update history lists what changed. If you think you may have a medical emergency, call "
        "your local emergency number.</p>",
    ),
    (
        "comments-policy",
        "Comments policy",
        "",
        "<p>Comments are for readers to share experience and questions with each other. Be "
        "civil, stay on topic, and do not present unproven treatments as fact. Moderators may "
        "hold, reject or remove comments that break these rules.</p>",
    ),
]


def create_pages(apps, schema_editor):
    Page = apps.get_model("articles", "Page")
    for slug, title, summary, body in PAGES:
        Page.objects.get_or_create(
            slug=slug, defaults={"title": title, "summary": summary, "body": body}
        )


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunPython(create_pages, migrations.RunPython.noop)]
