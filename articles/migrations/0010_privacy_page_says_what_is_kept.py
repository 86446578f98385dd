"""The Privacy page's first draft said a deleted account's flags were deleted, while the
moderation log kept the notes typed with them. Deleting an account now erases every text the
person wrote except their published comments; the page says exactly what goes and what is kept,
and why. Only the first draft's paragraph is replaced: a page editors rewrote is theirs."""

from django.db import migrations

FIRST_DRAFT = """<h2>Deleting your account</h2>
<p>Log in and choose <a href="/account/delete/">Delete your account</a> (also linked from your
email preferences). Your username, email addresses, password and flags are deleted at once. Your
published comments stay so conversations remain readable, but they are signed
“Former member” instead of your name. We keep a record that an account was deleted, without
your name or email address.</p>"""

WHAT_IS_KEPT = """<h2>Deleting your account</h2>
<p>Log in and choose <a href="/account/delete/">Delete your account</a> (also linked from your
email preferences). At once, we delete:</p>
<ul>
<li>your username, email addresses, password and notification choices;</li>
<li>the flags you raised, and the notes you typed with them, wherever they were recorded;</li>
<li>the text of your comments that are not published: waiting for a moderator, refused, or
deleted by you (a comment still waiting is withdrawn);</li>
<li>any suspension or ban on your account, and the emails we sent you or were about to.</li>
</ul>
<h2>What we keep, and why</h2>
<ul>
<li><strong>Your published comments</strong>, so conversations stay readable, signed “Former
member” instead of your name. Delete any of them yourself before you leave if you prefer.</li>
<li><strong>The moderation log</strong>, without your name: that a comment was posted, flagged
(with the reason chosen from our list, not your note) or decided on, so moderators' decisions
can still be checked.</li>
<li><strong>A record that an account was deleted</strong>: when, and how many comments were
kept or erased, without your name or email address, to show we did what you asked.</li>
<li>If you worked for us: the articles, revisions and medical reviews you recorded stay in the
newsroom's editorial record, no longer linked to your account.</li>
</ul>"""


def say_what_is_kept(apps, schema_editor):
    Page = apps.get_model("articles", "Page")
    page = Page.objects.filter(slug="privacy").first()
    if page is not None and FIRST_DRAFT in page.body:
        page.body = page.body.replace(FIRST_DRAFT, WHAT_IS_KEPT)
        page.save(update_fields=["body"])


def say_it_as_before(apps, schema_editor):
    Page = apps.get_model("articles", "Page")
    page = Page.objects.filter(slug="privacy").first()
    if page is not None and WHAT_IS_KEPT in page.body:
        page.body = page.body.replace(WHAT_IS_KEPT, FIRST_DRAFT)
        page.save(update_fields=["body"])


class Migration(migrations.Migration):
    dependencies = [("articles", "0009_featured_index")]

    operations = [migrations.RunPython(say_what_is_kept, say_it_as_before)]
