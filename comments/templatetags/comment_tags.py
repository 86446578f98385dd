"""How the comments app plugs into the article page: ``{% comment_section article %}``.

The articles app knows nothing of comments; its template loads this tag, and a view that
re-renders the article with a refused comment passes ``comment_form`` in the page's context.
Threads that many readers see alike are rendered once per change (``comments.caching``).
"""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from comments import caching
from comments.forms import CommentForm
from comments.moderation import current_rules
from comments.threads import as_members_see_them, form_context, thread_context, use_kept
from core import cache_tags, fragments
from core.pagination import page_number

register = template.Library()


@register.simple_tag(takes_context=True)
def comment_section(context, article):
    request = context["request"]
    user = context.get("user", request.user)
    cache_tags.add(request, caching.thread_tag(article.pk), caching.SETTINGS)
    page = page_number(request, "comments-page")
    replying = bool(request.GET.get("replyto")) or "comment_form" in context
    audience = caching.audience_for(request, user, article)
    if audience == caching.ANONYMOUS and not replying:
        # The whole section is the same for every anonymous reader of this comments page.
        render = lambda: _section(context, article, page, current_rules())  # noqa: E731
        return _shared(request, article, page, audience, render)
    # The moderation settings, read once per change of them (their generation is read with the
    # page's fragments).
    rules = fragments.cached(request, caching.RULES, [caching.SETTINGS], current_rules)
    threads_html = threads = None
    if audience is not None:
        threads_html = _shared(
            request, article, page, audience,
            lambda: render_to_string("comments/threads.html", {
                "article": article, "user": user, "request": request,
                **thread_context(article, user, page, rules),
            }),
        )  # fmt: skip
    else:
        # A reader taking part in this discussion: their own comments (and the ones they
        # flagged) are rendered for them, every other one is kept rendered as members see it.
        threads = thread_context(article, user, page, rules)
        nodes = threads["comments_in_order"]
        kept = fragments.cached(
            request, caching.members_view_name(article, page), caching.fragment_tags(article),
            lambda: as_members_see_them(nodes, article, user),
        )  # fmt: skip
        use_kept(nodes, kept)
    return mark_safe(_section(context, article, page, rules, threads_html, threads))


def _shared(request, article, page, audience, render):
    name = caching.section_name(audience, article, page)
    html = fragments.cached(request, name, caching.fragment_tags(article), render)
    return mark_safe(html)  # rendered by our own templates


def _section(context, article, page, rules, threads_html=None, threads=None):
    request = context["request"]
    user = context.get("user", request.user)
    given = context.get("comment_form")  # a refused comment, shown again with its errors
    form = form_context(article, request, form=given, rules=rules)
    form_html = None
    if given is None and form["reply_to"] is None and form["comment_gate"] == "":
        # The reply box as every member who may comment gets it: kept, but for their token.
        token = f'name="csrfmiddlewaretoken" value="{context.get("csrf_token")}"'
        form_html = mark_safe(_comment_box(request, article, rules).replace(KEPT_TOKEN, token, 1))
    elif given is None:
        form["comment_form"] = CommentForm(initial={"parent": request.GET.get("replyto")})
    return render_to_string(
        "comments/section.html",
        {
            "article": article,
            "request": request,
            "user": user,
            "csrf_token": context.get("csrf_token"),
            "threads_html": threads_html,
            "form_html": form_html,
            **(
                threads
                or ({} if threads_html is not None else thread_context(article, user, page, rules))
            ),
            **form,
        },
    )


# Stands for the reader's CSRF token in the kept reply box, which holds nothing else that
# varies (the article's address, the settings' edit window, our own markup): the whole token
# field is replaced, which nothing else in the box can look like.
CSRF_PLACEHOLDER = "csrf-token-of-this-request"
KEPT_TOKEN = f'name="csrfmiddlewaretoken" value="{CSRF_PLACEHOLDER}"'


def _comment_box(request, article, rules):
    def render():
        return render_to_string("comments/form.html", {
            "article": article, "user": request.user, "csrf_token": CSRF_PLACEHOLDER,
            **form_context(article, request, form=CommentForm(), rules=rules),
        })  # fmt: skip

    return fragments.cached(request, *caching.comment_box_fragment(article), render)
