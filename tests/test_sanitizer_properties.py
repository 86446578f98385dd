"""The sanitizer is idempotent and exact: cleaning clean text changes nothing, whatever it is."""

import re
from html import unescape

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from core.sanitizer import clean_rich_text, normalize_comment_text, render_comment

FRAGMENTS = [
    "<p>", "</p>", "<pre>", "</pre>", "<code>", "</code>", "<h2>", "</h2>",
    "<ul><li>", "</li></ul>",
    "<a href=\"https://example.org/a?b=1&amp;c=2\">", "<a href=\"javascript:x()\">", "</a>",
    "<img src=\"/media/x.jpg\" alt=\"A & B\">", "<script>x()</script>", "<b onclick=\"x()\">",
    "</b>", "&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&nbsp;", "&", "<", ">", "\"", "'",
    "if a < b && c", "www.example.org", "https://example.org/x", "ftp://files.example.org/a",
    "data:text/html,<b>x</b>", "xmpp://me@example.org", "mailto:me@example.org", "\n", " ",
    "\u200b", "\x00", "\x07", "<!-- note -->", "<![CDATA[x]]>", "é", "😀", "<br>", "<hr>",
]  # fmt: skip
html_like = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=30).map(
    "".join
)


@settings(max_examples=300, deadline=None)
@given(html_like)
@example('<h2><a href="https://example.org/a?b=1&amp;c=2"><h2><a href="https://example.org/a">')
def test_rich_text_sanitized_twice_equals_once(html):
    once = clean_rich_text(html)
    assert clean_rich_text(once) == once


def shown_text(html):
    """What a reader sees of comment HTML, as text."""
    html = html.replace("<br>", "\n").replace("</p><p>", "\n\n")
    return unescape(re.sub(r"<[^>]+>", "", html))


@settings(max_examples=300, deadline=None)
@given(html_like)
def test_comments_sanitized_twice_equal_once_and_show_exactly_what_was_typed(text):
    stored = normalize_comment_text(text)
    assert normalize_comment_text(stored) == stored
    shown = render_comment(stored)
    assert render_comment(text) == shown
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", stored) if part.strip()]
    assert shown_text(shown) == "\n\n".join(paragraphs)
    tags = set(re.findall(r"<[^>]*>", shown))
    allowed = re.compile(
        r'^(<p>|</p>|<br>|</a>|<a href="https?://[^"<>]*" rel="nofollow ugc noopener">)$'
    )
    assert all(allowed.match(tag) for tag in tags), tags


def test_entity_like_text_in_a_comment_is_shown_as_typed():
    assert render_comment("Use &copy; or &amp;A;") == "<p>Use &amp;copy; or &amp;amp;A;</p>"


def test_code_in_pre_survives_three_saves_unchanged():
    html = '<pre tabindex="0">if a &lt; b &amp;&amp; c</pre>'  # focusable: it may scroll
    saved = "<pre>if a &lt; b &amp;&amp; c</pre>"
    for _ in range(3):
        saved = clean_rich_text(saved)
    assert saved == html


@pytest.mark.parametrize(
    "text", ["data:text/html,hello", "ftp://files.example.org/a", "xmpp://me@example.org"]
)
def test_only_http_https_and_mailto_text_becomes_a_link(text):
    assert "<a" not in clean_rich_text(f"<p>See {text} now</p>")
    assert "<a" not in render_comment(f"See {text} now")


def test_http_text_still_becomes_a_link():
    assert 'href="https://example.org/x"' in clean_rich_text("<p>https://example.org/x</p>")
    assert 'href="https://example.org/x"' in render_comment("https://example.org/x")
