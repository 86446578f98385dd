"""Previews of a draft: the real public article template, with a "Preview — not published"
banner, ``noindex`` and ``private, no-store``, never cached. Shown in the admin, and through a
share link to a reviewer without a staff account: signed, read-only, expiring and revocable,
showing that one draft only."""

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from .drafts import drafted_article
from .models import Page
from .structured_data import article_json_ld, breadcrumbs_json_ld

SHARE_SALT = "articles.draft-share"
UNSAVED = -1


def render_draft_preview(request, draft, *, shared=False):
    article, tags, related = drafted_article(draft)
    return render_preview(request, article, tags=tags, related=related, draft=draft, shared=shared)


def render_preview(request, article, *, tags, related, draft=None, shared=False):
    """``article`` (never saved here) as readers would see it, with these tags and related
    articles instead of the stored ones."""
    if article.pk is None:  # before the first save: no history, no review yet
        # Relations of an unsaved object cannot even be asked for; an id no row has lets the
        # template read the lists given here. The object is thrown away after rendering.
        article.pk = UNSAVED
        article.public_updates = []
        article._latest_review = None
    else:
        article.public_updates = list(
            article.revisions.filter(is_minor=False).order_by("-created_at", "-number")
        )
    article._prefetched_objects_cache = {"tags": list(tags)}
    article.explicit_related = list(related)
    context = {
        "article": article,
        "related_articles": article.related_articles(),
        "disclaimer": Page.disclaimer(),
        "structured_data": article_json_ld(article, request),
        "breadcrumbs": breadcrumbs_json_ld(article),
    }
    content = {
        part: mark_safe(render_to_string(f"articles/article_{part}.html", context, request))
        for part in ("head", "content")
    }
    response = render(
        request,
        "articles/draft_preview.html",
        {"article": article, "content": content, "draft": draft, "shared": shared},
    )
    add_never_cache_headers(response)  # private, no-store: never kept by anyone
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def shared_preview(request, token):
    """A share link: one draft, read-only, for anyone holding the link until it expires or is
    revoked; 404 otherwise (no word on which)."""
    draft = shared_draft(token)
    if draft is None:
        raise Http404("This preview link has expired or was withdrawn.")
    return render_draft_preview(request, draft, shared=True)


def share_url(draft):
    return reverse("articles:draft_share", args=[share_token(draft)])


def share_token(draft):
    """The signed value of a share link: this draft, under its current share token."""
    return signing.dumps([draft.pk, draft.share_token], salt=SHARE_SALT, compress=True)


def shared_draft(token):
    """The draft a share link shows, or None when it is forged, expired or revoked."""
    from .models import Draft

    max_age = settings.DRAFT_SHARE_LINK_DAYS * 24 * 3600
    try:
        draft_id, secret = signing.loads(token, salt=SHARE_SALT, max_age=max_age)
        return Draft.objects.get(pk=int(draft_id), share_token=str(secret))
    except (signing.BadSignature, ValueError, TypeError, Draft.DoesNotExist):
        return None
