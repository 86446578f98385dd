"""``manage.py explain_comment``: what the moderation policy would do with a comment, and why.

For moderators tuning the word lists and health patterns, and for tests: one JSON object per
comment (``outcome`` publish / hold / reject, ``signals`` as stable codes), nothing saved.
"""

import json
import sys

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from comments.moderation import current_rules, explain


class Command(BaseCommand):
    help = (
        "Print, as one JSON object per line, what the moderation policy would do with each "
        "comment (the arguments, or standard input, one comment per line) and the signals it "
        "sees. Saves nothing. Without --as, the commenter is an established one with approved "
        "comments, so only the text decides."
    )

    def add_arguments(self, parser):
        parser.add_argument("comments", nargs="*", help="Comments to explain.")
        parser.add_argument(
            "--as", dest="username", metavar="USERNAME", help="Judge as this user would be."
        )

    def handle(self, *args, comments, username, **options):
        user = None
        if username:
            user = get_user_model().objects.filter(username=username).first()
            if user is None:
                raise CommandError(f"There is no user “{username}”.")
        if not comments:
            comments = (line.rstrip("\n") for line in sys.stdin)
        rules = current_rules(health=True)
        for text in comments:
            if not text.strip():
                continue
            self.stdout.write(json.dumps(explain(text, user, rules), ensure_ascii=False))
