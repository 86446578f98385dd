"""How the comments app plugs into the article page: ``{% comment_section article %}``.

The articles app knows nothing of comments; its template loads this tag, and a view that
re-renders the article with a refused comment passes ``comment_form`` in the page's context.
Threads that many readers see alike come from ``comments.section_cache``.
"""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from comments import section_cache
from comments.forms import CommentForm
from comments.moderation import current_rules
from comments.threads import form_context, thread_context
from core.page_cache import depends_on, started
from core.pagination import page_number

register = template.Library()


@register.simple_tag(takes_context=True)
def comment_section(context, article):
    request = context["request"]
    user = context.get("user", request.user)
    depends_on(request, section_cache.dependency(article.pk), section_cache.SETTINGS)
    page = page_number(request, "comments-page")
    replying = bool(request.GET.get("replyto")) or "comment_form" in context
    audience = section_cache.audience(user, article)
    if audience == section_cache.ANONYMOUS and not replying:
        # The whole section is the same for every anonymous reader of this comments page.
        render = lambda: _section(context, article, page, current_rules())  # noqa: E731
        return _shared(request, article, page, audience, render)
    rules = current_rules()
    threads_html = None
    if audience is not None:
        threads_html = _shared(
            request, article, page, audience,
            lambda: render_to_string("comments/threads.html", {
                "article": article, "user": user, "request": request,
                **thread_context(article, user, page, rules),
            }),
        )  # fmt: skip
    return mark_safe(_section(context, article, page, rules, threads_html=threads_html))


def _shared(request, article, page, audience, render):
    html = section_cache.get(article, page, audience)
    if html is None:
        html = render()
        section_cache.put(article, page, audience, html, started(request))
    return mark_safe(html)  # rendered by our own templates


def _section(context, article, page, rules, threads_html=None):
    request = context["request"]
    user = context.get("user", request.user)
    form = context.get("comment_form") or CommentForm(
        initial={"parent": request.GET.get("replyto")}
    )
    return render_to_string(
        "comments/section.html",
        {
            "article": article,
            "request": request,
            "user": user,
            "csrf_token": context.get("csrf_token"),
            "threads_html": threads_html,
            **({} if threads_html is not None else thread_context(article, user, page, rules)),
            **form_context(article, request, form=form, rules=rules),
        },
    )
