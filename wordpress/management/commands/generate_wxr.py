"""A large, realistic WordPress export for measuring the importer (not for the demo)."""

import random
from xml.sax.saxutils import escape

from django.core.management.base import BaseCommand, CommandError

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Generated health blog</title>
<link>https://old-health-blog.example</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://old-health-blog.example</wp:base_site_url>
<wp:base_blog_url>https://old-health-blog.example</wp:base_blog_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login>writer</wp:author_login>
<wp:author_email>writer@old-health-blog.example</wp:author_email>
<wp:author_display_name><![CDATA[Generated Writer]]></wp:author_display_name></wp:author>
"""
PARAGRAPH = ("Regular movement, enough sleep and a varied diet help most people feel better, "
             "and small changes add up over weeks rather than days.")  # fmt: skip


def post(number, comments, rng):
    day = f"20{10 + number % 14:02d}-{1 + number % 12:02d}-{1 + number % 28:02d} 09:00:00"
    parts = [
        f"<item><title>Generated question number {number}?</title>",
        f"<link>https://old-health-blog.example/{day[:4]}/question-{number}/</link>",
        "<dc:creator><![CDATA[writer]]></dc:creator>",
        f"<content:encoded><![CDATA[<!-- wp:paragraph -->\n<p>{PARAGRAPH}</p>\n"
        f"<!-- /wp:paragraph -->\n\n{PARAGRAPH}\n\n{PARAGRAPH}]]></content:encoded>",
        "<excerpt:encoded><![CDATA[A generated summary.]]></excerpt:encoded>",
        f"<wp:post_id>{number}</wp:post_id><wp:post_date_gmt>{day}</wp:post_date_gmt>",
        f"<wp:post_modified_gmt>{day}</wp:post_modified_gmt>",
        f"<wp:post_name>question-{number}</wp:post_name><wp:status>publish</wp:status>",
        "<wp:post_type>post</wp:post_type><wp:post_password></wp:post_password>",
        f'<category domain="category" nicename="topic-{number % 20}">'
        f"<![CDATA[Topic {number % 20}]]></category>",
    ]
    first = number * 100
    for index in range(comments):
        comment_id = first + index
        parent = first + rng.randrange(index) if index and rng.random() < 0.4 else 0
        parts.append(
            f"<wp:comment><wp:comment_id>{comment_id}</wp:comment_id>"
            f"<wp:comment_author><![CDATA[Reader {comment_id % 500}]]></wp:comment_author>"
            f"<wp:comment_author_email>r{comment_id % 500}@example.org</wp:comment_author_email>"
            f"<wp:comment_date_gmt>{day}</wp:comment_date_gmt>"
            f"<wp:comment_content><![CDATA[{escape('Thanks, this helped & made sense.')} "
            f"Comment {comment_id}.]]></wp:comment_content>"
            "<wp:comment_approved>1</wp:comment_approved><wp:comment_type></wp:comment_type>"
            f"<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>"
        )
    parts.append("</item>\n")
    return "".join(parts)


class Command(BaseCommand):
    help = "Write a generated WXR export (for `import_wxr` benchmarks)."

    def add_arguments(self, parser):
        parser.add_argument("output")
        parser.add_argument("--posts", type=int, default=10_000)
        parser.add_argument("--comments", type=int, default=50_000)

    def handle(self, *args, **options):
        if options["posts"] < 1 or options["comments"] < 0:
            raise CommandError("--posts must be at least 1 and --comments at least 0.")
        rng = random.Random(7)
        per_post, extra = divmod(options["comments"], options["posts"])
        with open(options["output"], "w", encoding="utf-8") as out:
            out.write(HEAD)
            for number in range(1, options["posts"] + 1):
                out.write(post(number, per_post + (number <= extra), rng))
            out.write("</channel>\n</rss>\n")
        self.stdout.write(f"Wrote {options['posts']} posts and {options['comments']} comments "
                          f"to {options['output']}.")  # fmt: skip
