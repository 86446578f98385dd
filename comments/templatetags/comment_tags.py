"""How the comments app plugs into the article page: ``{% comment_section article %}``.

The articles app knows nothing of comments; its template loads this tag, and a view that
re-renders the article with a refused comment passes ``comment_form`` in the page's context.
"""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from comments import section_cache
from comments.forms import CommentForm
from comments.threads import comment_section as section_context

register = template.Library()


@register.simple_tag(takes_context=True)
def comment_section(context, article):
    request = context["request"]
    user = context.get("user", request.user)
    # What every anonymous reader of this page of comments sees alike is rendered once.
    shared = not user.is_authenticated and not request.GET.get("replyto")
    page = request.GET.get("comments-page", "1")[:6]
    page = page if page.isascii() and page.isdigit() else "1"  # as the paginator reads it
    if shared and (html := section_cache.get(article.pk, page)) is not None:
        return mark_safe(html)  # rendered by our own template below
    form = context.get("comment_form") or CommentForm(
        initial={"parent": request.GET.get("replyto")}
    )
    html = render_to_string(
        "comments/section.html",
        {
            "article": article,
            "request": request,
            "user": user,
            "csrf_token": context.get("csrf_token"),
            **section_context(article, request, form=form),
        },
    )
    if shared:
        section_cache.put(article.pk, page, html)
    return mark_safe(html)
