from django.conf import settings
from django.db import migrations, models

from comments.policy import text_fingerprint


def fingerprint_members_comments(apps, schema_editor):
    """The duplicate rule reads members' comments by fingerprint; imported ones have no author."""
    Comment = apps.get_model("comments", "Comment")
    batch = []
    comments = Comment.objects.filter(author__isnull=False).exclude(body="").only("pk", "body")
    for comment in comments.iterator(chunk_size=2000):
        comment.body_fingerprint = text_fingerprint(comment.body)
        batch.append(comment)
        if len(batch) == 2000:
            Comment.objects.bulk_update(batch, ["body_fingerprint"])
            batch = []
    Comment.objects.bulk_update(batch, ["body_fingerprint"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0016_merge_20261202_0537"),
        ("comments", "0010_warning_sign_patterns"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="comment",
            name="body_fingerprint",
            # db_default: app servers still running the previous release can insert comments.
            field=models.CharField(
                blank=True, default="", db_default="", editable=False, max_length=32
            ),
        ),
        migrations.RunPython(fingerprint_members_comments, migrations.RunPython.noop),
        # The policy's latest decided comments, newest first, in the index's own order.
        migrations.RemoveIndex(model_name="comment", name="comment_author_recent_idx"),
        migrations.AddIndex(
            model_name="comment",
            index=models.Index(
                fields=["author", "-created_at", "-id"], name="comment_author_recent_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="comment",
            index=models.Index(
                fields=["author", "body_fingerprint"], name="comment_author_text_idx"
            ),
        ),
    ]
