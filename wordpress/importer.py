"""Mapping a WordPress export onto our models, all or nothing, and idempotently.

Every record is keyed on the exported site and its WordPress id (``ImportedItem``): a second run
of the same file finds everything and changes nothing; a newer export updates what changed, and
articles record a revision for it (``save_article`` records nothing when nothing changed).
"""

import json
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.db import connection, transaction
from django.utils.text import slugify

from articles.models import Author, Tag
from core.sanitizer import clean_plain_text

from .media import Media
from .middleware import old_path_key
from .models import ImportedItem
from .posts import ImportFailed, import_page, import_post
from .reader import WXRError, read
from .report import Report

Kind = ImportedItem.Kind


def read_author_map(path):
    """A JSON object or two-column CSV: WordPress login → our author's slug."""
    text = Path(path).read_text(encoding="utf-8")
    if text.lstrip().startswith("{"):
        return json.loads(text)
    rows = [line.split(",") for line in text.splitlines() if line.strip()]
    return {row[0].strip(): row[1].strip() for row in rows if len(row) >= 2}


def refresh_statistics():
    """One long import transaction fills tables the planner still believes empty, and it then
    reads whole tables for every lookup. PostgreSQL can ANALYZE inside the transaction."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "ANALYZE articles_article, articles_revision, articles_article_tags, "
                "articles_tag, comments_comment, wordpress_importeditem, django_redirect"
            )


class Importer:
    def __init__(self, *, author_map=None, media_dir=None, continue_on_error=False,
                 dry_run=False, progress=None, topics=None, media_zip=None,
                 fetch_media=False):  # fmt: skip
        self.author_map = author_map or {}
        # Which categories and tags become public topics (WordPress slugs, names or
        # "category:slug" keys); None leaves existing ones as they are and makes new ones
        # private keywords, so no WordPress taxonomy goes public without an editor's choice.
        self.topics = {topic.strip().lower() for topic in topics if topic.strip()} if (
            topics is not None) else None  # fmt: skip
        self.media_dir = media_dir
        self.continue_on_error = continue_on_error
        self.dry_run = dry_run
        self.progress = progress or (lambda text: None)
        self.report = Report(dry_run=dry_run)
        self.source = ""
        self.authors, self.terms, self.pending_terms = {}, {}, []
        self.media = Media(media_dir, media_zip=media_zip, fetch_from_site=fetch_media,
                           report=self.report, dry_run=dry_run)  # fmt: skip
        self.had_redirects = Redirect.objects.exists()

    # -- the run -------------------------------------------------------------------------------

    def run(self, path):
        # Attachments first: a post's gallery or featured image may come before its files.
        for kind, data in read(path):
            if kind == "item" and data["type"] == "attachment":
                self.media.add_attachment(data)
        with transaction.atomic():
            items = 0
            for kind, data in read(path):
                if kind == "site":
                    self.source = self.source or next(iter(data.values())).rstrip("/")
                elif kind == "author":
                    self.author(data)
                elif kind in ("category", "tag"):
                    self.pending_terms.append((kind, data))
                elif kind == "item":
                    self.create_terms()
                    self.guarded(self.item, data)
                    items += 1
                    if items % 100 == 0:
                        self.progress(f"{items} items read")
                    if items % 500 == 0:
                        refresh_statistics()
            self.create_terms()
            if self.dry_run:
                transaction.set_rollback(True)
        return self.report

    def guarded(self, handler, data):
        label = f"{data.get('type') or 'item'} {data['id']} (line {data['line']})"
        if not self.continue_on_error:
            try:
                return handler(data)
            except (ValueError, KeyError, ImportFailed) as error:
                raise ImportFailed(f"{label}: {error}") from error
        try:
            with transaction.atomic():
                return handler(data)
        except Exception as error:  # any bad record is skipped and listed, the rest goes on
            self.report.skip(label, str(error) or type(error).__name__)

    def imported(self, kind, wp_id):
        found = ImportedItem.objects.filter(source=self.source, kind=kind, wp_id=wp_id)
        return next(iter(found.values_list("object_id", flat=True)), None)

    def remember(self, kind, wp_id, obj, email="", *, is_new=True):
        if is_new:
            ImportedItem.objects.create(source=self.source, kind=kind, wp_id=wp_id,
                                        object_id=obj.pk, email=email[:254])  # fmt: skip
        else:
            ImportedItem.objects.filter(source=self.source, kind=kind, wp_id=wp_id).update(
                object_id=obj.pk
            )

    # -- people and topics -----------------------------------------------------------------------

    def author(self, data):
        login = data["login"] or data["display_name"]
        known = self.imported(Kind.AUTHOR, login)
        if known:
            self.authors[login] = Author.objects.get(pk=known)
            self.report.unchanged["author"] += 1
            return self.authors[login]
        name = clean_plain_text(data["display_name"] or login) or "WordPress author"
        if login in self.author_map:
            author = Author.objects.filter(slug=self.author_map[login]).first()
            if author is None:
                raise WXRError(f"the author map sends “{login}” to “{self.author_map[login]}”, "
                               "which is not an author here.")  # fmt: skip
        else:
            author = Author.objects.filter(name=name).first()
        if author is None:
            author = Author.objects.create(name=name, slug=self.unique_slug(Author, login or name),
                                           short_bio="Imported from WordPress.")  # fmt: skip
            self.report.created["author"] += 1
        else:
            self.report.unchanged["author"] += 1
        self.remember(Kind.AUTHOR, login, author, data.get("email", ""))
        self.authors[login] = author
        return author

    def author_for(self, creator):
        creator = creator.strip()
        if creator in self.authors:
            return self.authors[creator]
        return self.author({"login": creator or "wordpress", "display_name": creator})

    def create_terms(self):
        """Categories keep their parents in their names ("Health › Sleep"), so nested terms with
        the same name stay distinct; tags and categories never merge."""
        if not self.pending_terms:
            return
        categories = {data["slug"]: data for kind, data in self.pending_terms if kind == "category"}

        def path(data, seen=()):
            parent = categories.get(data["parent"])
            if not parent or data["slug"] in seen:
                return data["name"] or data["slug"]
            return f"{path(parent, (*seen, data['slug']))} › {data['name'] or data['slug']}"

        for kind, data in self.pending_terms:
            domain = "category" if kind == "category" else "post_tag"
            name = path(data) if kind == "category" else data["name"] or data["slug"]
            self.term(domain, data["slug"], name)
        self.pending_terms = []

    def is_topic(self, key, slug, name):
        return bool({key.lower(), slug.lower(), name.lower()} & self.topics)

    def term(self, domain, slug, name):
        key = f"{domain}:{slug}"
        if key in self.terms:
            return self.terms[key]
        known = self.imported(Kind.TERM, key)
        tag = Tag.objects.filter(pk=known).first() if known else None
        chosen = None if self.topics is None else self.is_topic(key, unquote(slug), name)
        if tag is None:
            name = clean_plain_text(name)[:60] or slug or "untitled"
            if Tag.objects.filter(name=name).exists():
                name = f"{name[:50]} ({'category' if domain == 'category' else 'tag'})"
            if Tag.objects.filter(name=name).exists():
                name = f"{name[:45]} ({slug[:10]})"
            tag = Tag.objects.create(name=name, slug=self.unique_slug(Tag, slug or name),
                                     is_topic=bool(chosen))  # fmt: skip
            self.remember(Kind.TERM, key, tag)
            self.report.created["tag"] += 1
        elif chosen is not None and tag.is_topic != chosen:
            tag.is_topic = chosen
            tag.save(update_fields=["is_topic"])
            self.report.updated["tag"] += 1
        else:
            self.report.unchanged["tag"] += 1
        self.terms[key] = tag
        kind = "category" if domain == "category" else "tag"
        self.report.terms[key] = {"key": key, "kind": kind, "name": tag.name,
                                  "topic": tag.is_topic, "posts": 0}  # fmt: skip
        return tag

    @staticmethod
    def unique_slug(model, text, max_length=60):
        """WordPress keeps non-ASCII slugs percent-encoded (``%e5%81%a5-caf%c3%a9``); they
        become readable again where the field takes Unicode (articles and pages)."""
        allow_unicode = model._meta.get_field("slug").allow_unicode
        base = slugify(unquote(text), allow_unicode=allow_unicode)[:max_length] or "imported"
        slug, number = base, 2
        while model.objects.filter(slug=slug).exists():
            slug, number = f"{base[: max_length - 5]}-{number}", number + 1
        return slug

    # -- posts, pages, comments --------------------------------------------------------------

    def item(self, data):
        kind = data["type"]
        if kind == "attachment":
            self.media.asset(data["attachment_url"])  # into the library, used or not
        elif not kind:
            title = clean_plain_text(data["title"]) or "untitled"
            self.report.no_type.append((data["id"], title, len(data["comments"])))
        elif data["status"] == "trash":
            self.report.skip(f"{kind} {data['id']}", "in WordPress's trash")
        elif kind == "post":
            self.post(data)
        elif kind == "page":
            self.page(data)
        else:
            self.report.skip(f"{kind} {data['id']}", f"{kind} (not content)")

    def post(self, data):
        import_post(self, data)

    def page(self, data):
        import_page(self, data)

    def redirect(self, link, query, new_path):
        """301s from the post's old permalink and its ``?p=``/``?page_id=`` address."""
        parsed = urlparse(link or "")
        olds = {query}
        if parsed.path:
            olds.add(old_path_key(parsed.path + (f"?{parsed.query}" if parsed.query else "")))
        olds = {old for old in olds if old and old not in ("/", new_path) and len(old) <= 200}
        existing = Redirect.objects.filter(site_id=settings.SITE_ID, old_path__in=olds)
        if self.had_redirects:  # a first import into an empty table has nothing to update
            existing.exclude(new_path=new_path).update(new_path=new_path)
        new = (
            olds - set(existing.values_list("old_path", flat=True)) if self.had_redirects else olds
        )
        Redirect.objects.bulk_create(
            Redirect(site_id=settings.SITE_ID, old_path=old, new_path=new_path) for old in new
        )
        self.report.redirects += len(new)
