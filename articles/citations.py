"""``[1]``-style citation markers in an article's body: which sources they cite, and how they
render (a linked superscript number per source, pointing into the Sources list).

Markers are found in the body's text only, never inside a tag's attributes or a link's text,
so a bracketed number in an address or inside a link is left alone. ``[1, 3]`` cites two.
"""

import re

from django.utils.html import format_html
from django.utils.safestring import mark_safe

MARKER = re.compile(r"\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]")
_TAG = re.compile(r"(<[^>]*>)")


def _text_parts(html):
    """(is_text, piece) for the body's pieces; text inside a link counts as markup."""
    in_link = 0
    for piece in _TAG.split(html or ""):
        if piece.startswith("<"):
            name = piece[1:].lstrip("/").split(None, 1)[0].rstrip(">").lower() if piece else ""
            if name == "a":
                in_link = max(0, in_link + (-1 if piece.startswith("</") else 1))
            yield False, piece
        else:
            yield not in_link, piece


def cited_numbers(html):
    """Every source number the body cites, as a set."""
    numbers = set()
    for is_text, piece in _text_parts(html):
        if is_text:
            for match in MARKER.finditer(piece):
                numbers.update(int(number) for number in match.group(1).split(","))
    return numbers


def link_markers(html, count):
    """The body with each marker of a source 1..``count`` as linked superscripts. ``html`` is
    sanitized already; a marker of a number with no source is left as typed."""

    def replace(match):
        numbers = [int(number) for number in match.group(1).split(",")]
        if not all(1 <= number <= count for number in numbers):
            return match.group(0)
        links = [
            format_html(
                '<a href="#source-{0}"><span class="visually-hidden">Source </span>{0}</a>', number
            )
            for number in numbers
        ]
        return format_html('<sup class="citation">{}</sup>', mark_safe(", ".join(links)))

    pieces = [
        MARKER.sub(replace, piece) if is_text else piece for is_text, piece in _text_parts(html)
    ]
    return mark_safe("".join(pieces))  # the input was sanitized; replacements are escaped
