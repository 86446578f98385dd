"""The Comments Policy page's first draft stated the limits as prose, which went stale as soon
as staff changed the moderation settings. The page now shows the live numbers itself (see
``comments.views.comments_policy``), so the draft loses its numbers: only if editors have not
rewritten it."""

from django.db import migrations

from ._policy_drafts import FIRST_DRAFT

REPLACEMENTS = [
    (
        "<li>Your first comment waits for a moderator. Once one of your comments has been "
        "approved, your\nnext comments appear straight away, unless several of your recent "
        "comments were rejected.</li>\n<li>You can post up to 5 comments in 10 minutes.</li>\n"
        "<li>A comment is between 2 and 5,000 characters of plain text. Links are fine; a comment "
        "with\ntwo or more links waits for a moderator.</li>\n<li>You can edit your comment for 15 "
        "minutes after posting, and delete it at any time.</li>",
        "<li>Your first comments wait for a moderator. Once they have been approved, your next "
        "comments appear straight away, unless several of your recent comments were "
        "rejected.</li>\n<li>Comments are plain text. Links are fine; a comment with several "
        "links waits for a moderator.</li>\n<li>You can edit your comment for a short while after "
        "posting, and delete it at any time.</li>",
    ),
    ("When three readers flag a comment, it is\nhidden", "When enough readers flag a "
     "comment, it is\nhidden"),  # fmt: skip
]


def drop_numbers(apps, schema_editor):
    Page = apps.get_model("articles", "Page")
    page = Page.objects.filter(slug="comments-policy").first()
    if page is None or page.body != FIRST_DRAFT.strip():
        return  # rewritten by editors: theirs to keep
    body = page.body
    for old, new in REPLACEMENTS:
        body = body.replace(old, new)
    page.body = body
    page.save(update_fields=["body"])


class Migration(migrations.Migration):
    dependencies = [("comments", "0002_moderator_permissions_and_policy_page")]

    operations = [migrations.RunPython(drop_numbers, migrations.RunPython.noop)]
