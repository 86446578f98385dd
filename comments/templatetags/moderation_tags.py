"""The queue's view of what the policy noticed: matched phrases marked in a comment."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

_TAG = re.compile(r"(<[^>]+>)")


@register.filter
def highlight(body_html, phrases):
    """``body_html`` (already rendered by ``core.sanitizer.render_comment``) with each phrase
    in <mark>. Only text between tags is touched, and phrases are escaped like the text, so
    nothing a commenter typed can become markup."""
    if not phrases:
        return mark_safe(body_html)  # rendered and sanitized by render_comment
    needles = sorted(
        {escape(phrase) for phrase in phrases if phrase.strip()}, key=len, reverse=True
    )
    if not needles:
        return mark_safe(body_html)
    pattern = re.compile("|".join(re.escape(needle) for needle in needles), re.IGNORECASE)
    parts = _TAG.split(body_html)
    for index in range(0, len(parts), 2):  # text between tags
        parts[index] = pattern.sub(lambda m: f"<mark>{m.group()}</mark>", parts[index])
    return mark_safe("".join(parts))
