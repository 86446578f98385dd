import json

from django import template
from django.utils.html import _json_script_escapes, format_html, format_html_join
from django.utils.safestring import mark_safe

from articles.citations import link_markers
from articles.fragments import render_cards

register = template.Library()


@register.filter
def ld_json(data):
    """A schema.org JSON-LD block. Data, not code: browsers never execute this script type,
    and <, > and & are escaped so no value can close the element."""
    payload = json.dumps(data, ensure_ascii=False).translate(_json_script_escapes)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


@register.simple_tag(takes_context=True)
def article_cards(context, article_ids, heading_level=2, lead=False):
    """``{% article_cards page.object_list heading_level=3 lead=True %}``: the cards of these
    articles (ids, in order), kept rendered; with ``lead`` the first one is large."""
    return render_cards(context["request"], list(article_ids), heading_level=heading_level,
                        lead=lead)  # fmt: skip


@register.filter
def cite(body, sources):
    """``{{ article|responsive|cite:sources }}``: the body's ``[1]`` markers as linked
    superscripts into the Sources list."""
    return link_markers(body, len(sources))


@register.simple_tag
def bylines(article, links=True):
    """``{% bylines article %}``: "Ann Lee, MD", "Ann Lee and Ben Ode", "Ann Lee, Ben Ode and
    Cy Park", each name linking to its author page unless ``links`` is false."""
    if links:
        names = [format_html('<a href="{}">{}</a>', author.get_absolute_url(), author.byline)
                 for author in article.authors]  # fmt: skip
    else:
        names = [format_html("{}", author.byline) for author in article.authors]
    if len(names) == 1:
        return names[0]
    return format_html_join(", ", "{}", ((name,) for name in names[:-1])) + format_html(
        " and {}", names[-1]
    )
