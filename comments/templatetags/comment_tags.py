"""How the comments app plugs into the article page: ``{% comment_section article %}``.

The articles app knows nothing of comments; its template loads this tag, and a view that
re-renders the article with a refused comment passes ``comment_form`` in the page's context.
"""

from django import template

from comments.forms import CommentForm
from comments.threads import comment_section as section_context

register = template.Library()


@register.inclusion_tag("comments/section.html", takes_context=True)
def comment_section(context, article):
    request = context["request"]
    form = context.get("comment_form") or CommentForm(
        initial={"parent": request.GET.get("replyto")}
    )
    return {
        "article": article,
        "request": request,
        "user": context.get("user", request.user),
        "csrf_token": context.get("csrf_token"),
        **section_context(article, request, form=form),
    }
