"""Posts, pages and their comments, one WordPress item at a time."""

from datetime import UTC, datetime

from django.utils import timezone

from articles.models import Article, Byline, Page
from articles.revisions import save_article
from comments import caching
from comments.models import Comment
from comments.policy import MAX_DEPTH
from core.sanitizer import clean_plain_text, normalize_comment_text, render_comment

from .content import body_html, plain_text, teaser
from .models import ImportedItem

Kind = ImportedItem.Kind
POST_STATUS = {"publish": "published", "future": "published", "draft": "draft",
               "pending": "draft", "private": "draft", "auto-draft": "draft"}  # fmt: skip
COMMENT_STATUS = {"1": "approved", "0": "pending", "spam": "spam", "trash": "removed"}
SKIPPED_COMMENT_TYPES = {"pingback", "trackback"}


class ImportFailed(Exception):
    """One record could not be imported; the message names it and its line."""


def parse_date(gmt, local=""):
    """A WordPress date in UTC, or its local date in the site's time zone; None if unknown."""
    for value, zone in ((gmt, UTC), (local, timezone.get_current_timezone())):
        if value and not value.startswith("0000"):
            try:
                return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=zone)
            except ValueError:
                continue
    return None


def _title(data):
    title = clean_plain_text(plain_text(data["title"]))[:200]
    return title or f"Untitled post {data['id']}"


def import_post(importer, data):
    report, wp_id = importer.report, data["id"]
    status = POST_STATUS.get(data["status"])
    if status is None:
        raise ImportFailed(f"unknown post status “{data['status']}”")
    if data["password"]:
        status = "draft"
        report.notes.append(f"post {wp_id} was password-protected: imported as a draft")
    published = parse_date(data["date_gmt"], data["date"]) if status == "published" else None
    if published and published > timezone.now():
        status = Article.Status.SCHEDULED  # as save_article stores it: a second run is no change
    modified = parse_date(data["modified_gmt"], data["modified"]) or published
    known = importer.imported(Kind.POST, wp_id)
    article = Article.objects.filter(pk=known).first() if known else None
    is_new = article is None
    if is_new:
        article = Article(slug=importer.unique_slug(Article, data["slug"] or data["title"] or
                                                    f"post-{wp_id}", 200))  # fmt: skip
    article.title = _title(data)
    article.dek = clean_plain_text(plain_text(data["excerpt"]) or teaser(data["content"]))[:400]
    article.body = body_html(data["content"], media=importer.media, report=report,
                             label=f"post {wp_id} “{article.title}”", post_id=wp_id)  # fmt: skip
    authors = byline_authors(importer, data)
    article.author = authors[0]
    article.status = status
    article.published_at = published
    hero = importer.media.attachment(data["meta"].get("_thumbnail_id", ""))
    if hero and (name := importer.media.storage_name(hero["url"])):
        article.hero_image = name
        article.hero_alt = clean_plain_text(hero["alt"])[:250]
        article.hero_caption = clean_plain_text(plain_text(hero["caption"]))[:300]
    terms = [term for term in data["terms"] if term["domain"] in ("category", "post_tag")]
    tags = [importer.term(term["domain"], term["slug"], term["name"]) for term in terms]
    for term in {f"{term['domain']}:{term['slug']}" for term in terms}:
        report.terms[term]["posts"] += 1
    note = (f"Imported from WordPress (post {wp_id})." if is_new
            else f"Updated from a newer WordPress export (post {wp_id}).")  # fmt: skip
    revision = save_article(article, change_note=note, tags=tags,
                            at=min(modified or timezone.now(), timezone.now()))  # fmt: skip
    if revision is None:
        report.unchanged["post"] += 1
    else:
        report.created["post"] += int(is_new)
        report.updated["post"] += int(not is_new)
        # WordPress's own dates are the honest ones: its last modification is the update.
        Article.objects.filter(pk=article.pk).update(updated_at=modified or published)
    set_coauthors(article, authors[1:])
    report.posts_by_status[data["status"] + (" (password)" if data["password"] else "")] += 1
    importer.remember(Kind.POST, wp_id, article, is_new=is_new)
    importer.redirect(data["link"], f"/?p={wp_id}", article.get_absolute_url())
    import_comments(importer, article, data["comments"])


def byline_authors(importer, data):
    """The post's authors in byline order: its Co-Authors Plus terms (``cap-login``) when it
    has them, else its one WordPress author."""
    logins = [term["name"] or term["slug"].removeprefix("cap-")
              for term in data["terms"] if term["domain"] == "author"]  # fmt: skip
    authors = []
    for author in (importer.author_for(login) for login in logins or [data["creator"]]):
        if author not in authors:
            authors.append(author)
    return authors


def set_coauthors(article, coauthors):
    """The further authors, in order; untouched when they are already those (a second run
    changes nothing)."""
    current = list(article.bylines.order_by("position", "id").values_list("author_id", flat=True))
    if current == [author.pk for author in coauthors]:
        return
    for byline in article.bylines.all():
        byline.delete()  # one by one, so each author's page hears of it (articles.caching)
    for position, author in enumerate(coauthors, start=1):
        Byline.objects.create(article=article, author=author, position=position)
    getattr(article, "_prefetched_objects_cache", {}).pop("bylines", None)  # read again


def import_page(importer, data):
    report, wp_id = importer.report, data["id"]
    status = Page.Status.PUBLISHED if data["status"] == "publish" else Page.Status.DRAFT
    if data["password"]:
        status = Page.Status.DRAFT
        report.notes.append(f"page {wp_id} was password-protected: imported as a draft")
    known = importer.imported(Kind.PAGE, wp_id)
    page = Page.objects.filter(pk=known).first() if known else None
    is_new = page is None
    if is_new:
        page = Page(slug=importer.unique_slug(Page, data["slug"] or data["title"] or
                                              f"page-{wp_id}", 100))  # fmt: skip
    before = (page.title, page.summary, page.body, page.status)
    page.title = _title(data)
    page.summary = clean_plain_text(plain_text(data["excerpt"]))
    label = f"page {wp_id} “{page.title}”"
    body = body_html(data["content"], media=importer.media, report=report, label=label,
                     post_id=wp_id)  # fmt: skip
    page.body = body or "<p></p>"
    page.status = status
    if is_new or before != (page.title, page.summary, page.body, page.status):
        page.save()
        report.created["page"] += int(is_new)
        report.updated["page"] += int(not is_new)
    else:
        report.unchanged["page"] += 1
    report.pages_by_status[data["status"] + (" (password)" if data["password"] else "")] += 1
    importer.remember(Kind.PAGE, wp_id, page, is_new=is_new)
    importer.redirect(data["link"], f"/?page_id={wp_id}", page.get_absolute_url())
    import_comments(importer, None, data["comments"]) if data["comments"] else None


def _depths(comments):
    """Each comment's depth in its WordPress thread, whatever their order in the file; a
    reply whose parent is missing (or loops) starts a thread of its own."""
    by_id = {comment["id"]: comment for comment in comments}
    depths = {}

    def depth(comment, seen=()):
        if comment["id"] in depths:
            return depths[comment["id"]]
        parent = by_id.get(comment["parent"])
        value = (
            1
            if parent is None or parent["id"] in seen
            else depth(parent, (*seen, comment["id"])) + 1
        )
        depths[comment["id"]] = value
        return value

    for comment in comments:
        depth(comment)
    return depths


def import_comments(importer, article, comments):
    report = importer.report
    real = []
    for comment in comments:
        if comment["type"] in SKIPPED_COMMENT_TYPES:
            report.skip(f"comment {comment['id']}", f"{comment['type']}s are not comments")
        elif article is None:
            report.skip(f"comment {comment['id']}", "comment on a page (pages take no comments)")
        else:
            real.append(comment)
    if not real:
        return
    known = dict(
        ImportedItem.objects.filter(source=importer.source, kind=Kind.COMMENT,
                                    wp_id__in=[c["id"] for c in real])
        .values_list("wp_id", "object_id")
    )  # fmt: skip
    ours = {c.pk: c for c in Comment.objects.filter(pk__in=known.values())} if known else {}
    depths = _depths(real)
    made, records = {}, []
    # Level by level, so every parent has its id before its replies are written in bulk.
    for level in sorted(set(depths.values())):
        batch = []
        for data in sorted((c for c in real if depths[c["id"]] == level),
                           key=lambda c: (c["date_gmt"], c["id"])):  # fmt: skip
            status = COMMENT_STATUS.get(data["approved"], "pending")
            body = normalize_comment_text(plain_text(data["content"])) or "(empty comment)"
            existing = ours.get(known.get(data["id"]))
            if existing is not None:
                made[data["id"]] = existing
                if (existing.body, existing.status) == (body, status):
                    report.unchanged["comment"] += 1
                else:
                    existing.body, existing.status = body, status
                    existing.save(update_fields=["body", "body_html", "status"])
                    report.updated["comment"] += 1
                continue
            batch.append((data, new_comment(report, article, made.get(data["parent"]), data,
                                            body, status)))  # fmt: skip
        Comment.objects.bulk_create([comment for _, comment in batch])
        for data, comment in batch:
            made[data["id"]] = comment
            records.append(ImportedItem(source=importer.source, kind=Kind.COMMENT,
                                        wp_id=data["id"], object_id=comment.pk,
                                        email=data["email"][:254]))  # fmt: skip
        report.created["comment"] += len(batch)
    ImportedItem.objects.bulk_create(records)
    caching.changed(article.pk)  # bulk inserts skip Comment.save


def new_comment(report, article, parent, data, body, status):
    """An unsaved comment set up as ``Comment.save`` would (thread, depth, rendered body)."""
    if parent is not None:
        report.threaded_replies += 1
        if parent.depth >= MAX_DEPTH:  # deeper than our threads go: the deepest ancestor
            report.flattened_replies += 1
            while parent.depth >= MAX_DEPTH:
                parent = parent.parent
    return Comment(
        article=article,
        parent=parent,
        thread_id=(parent.thread_id or parent.pk) if parent else None,
        depth=parent.depth + 1 if parent else 1,
        legacy_author_name=clean_plain_text(data["author"])[:120] or "Anonymous",
        body=body,
        body_html=render_comment(body),
        status=status,
        created_at=parse_date(data["date_gmt"], data["date"]) or timezone.now(),
    )
