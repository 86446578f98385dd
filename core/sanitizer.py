"""The site's one HTML sanitizing policy.

Every piece of rich text readers see (article bodies, author bios, editor-managed pages) goes
through ``clean_rich_text`` on save, against the explicit allow-list below. Reader comments are
plain text and go through ``render_comment``: escaped, split into paragraphs, URLs auto-linked
with ``rel="nofollow ugc noopener"``. No user HTML ever survives. Anything not listed
is removed: scripts and their content, event-handler attributes, ``style`` attributes (which can
hide or overlay content), and URLs whose scheme is not http, https or mailto (so no
``javascript:``, ``vbscript:`` or ``data:``). Readers only ever get the output of this module.
"""

import re
from functools import partial
from html import escape as html_escape

import bleach
import bleach.linkifier
from bleach import html5lib_shim
from bleach.linkifier import build_url_re

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "hr",
        "strong", "em", "b", "i", "s", "sub", "sup", "code", "pre", "abbr",
        "a", "img", "figure", "figcaption", "audio", "video",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    }
)  # fmt: skip

# Classes the site's stylesheet gives a meaning to in a body; any other class is dropped.
ALLOWED_CLASSES = frozenset({"gallery", "link-card"})


def _allowed_class(tag, name, value):
    return name == "class" and value in ALLOWED_CLASSES


def _focusable(tag, name, value):
    return name == "tabindex" and value == "0"


ALLOWED_ATTRIBUTES = {
    "a": ["href", "title"],
    "pre": _focusable,
    "ul": _allowed_class,
    "p": _allowed_class,
    # Native players for media in our own storage (media-src stays 'self' under the CSP).
    "audio": ["src", "controls", "preload"],
    "video": ["src", "controls", "preload", "width", "height"],
    "img": ["src", "alt", "width", "height", "title"],
    "abbr": ["title"],
    "th": ["colspan", "rowspan", "scope"],
    "td": ["colspan", "rowspan"],
}

ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})

# Elements whose whole content is dropped, not just their tags: their text is code or markup,
# never prose a reader should see.
DROP_WITH_CONTENT = (
    "script",
    "style",
    "template",
    "iframe",
    "object",
    "embed",
    "noscript",
    "svg",
    "math",
    "textarea",
    "title",
    "head",
    "xmp",
    "noembed",
    "noframes",
)
_DROP_RE = re.compile(
    r"<({})\b[^>]*>.*?</\1\s*>".format("|".join(DROP_WITH_CONTENT)), re.IGNORECASE | re.DOTALL
)
# Characters that have no place in stored text and can smuggle markup past naive filters.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _harden_links(attrs, new=False):
    """Links that leave the site get rel="noopener noreferrer"; internal links stay plain.
    Text the linkifier turns into a link must be http, https or mailto, like any other link."""
    href = attrs.get((None, "href"), "")
    if new and not href.lower().startswith(("http://", "https://", "mailto:")):
        return None
    if href.startswith(("http://", "https://")):
        attrs[(None, "rel")] = "noopener noreferrer"
    return attrs


# Plain-text URLs become links only for the protocols readers may follow, and a domain written
# after another scheme ("ftp://example.org") stays text rather than turning into an http link.
_URL_RE = re.compile(
    build_url_re(protocols=["http", "https"]).pattern.replace(r"(?<![@.])", r"(?<![@.:/])", 1),
    re.IGNORECASE | re.VERBOSE | re.UNICODE,
)


class ListItemFilter(html5lib_shim.Filter):
    """Markup that assistive technology reads right. List items only inside lists, and only
    list items directly inside lists (what screen readers announce as a list of n items): a
    stray <li>, common in pasted and imported HTML, gets a <ul> of its own, and text or other
    elements directly in a list get an <li>. Code blocks, which scroll sideways inside their
    box, can be focused to scroll them."""

    LISTS = frozenset({"ul", "ol"})
    SYNTHETIC_LIST, SYNTHETIC_ITEM = "ul*", "li*"

    def __iter__(self):
        stack = []
        for token in super().__iter__():
            kind, name = token["type"], token.get("name")
            if kind == "SpaceCharacters":
                yield token
                continue
            top = stack[-1] if stack else None
            if top == self.SYNTHETIC_ITEM and (kind == "EndTag" or name == "li"):
                stack.pop()
                yield {"type": "EndTag", "name": "li", "namespace": None}
                top = stack[-1] if stack else None
            if top == self.SYNTHETIC_LIST and not (kind == "StartTag" and name == "li"):
                stack.pop()
                yield {"type": "EndTag", "name": "ul", "namespace": None}
                top = stack[-1] if stack else None
            parent = top.rstrip("*") if top else None
            if kind == "StartTag" and name == "li" and parent not in self.LISTS:
                stack.append(self.SYNTHETIC_LIST)
                yield {"type": "StartTag", "name": "ul", "namespace": None, "data": {}}
            elif (
                parent in self.LISTS
                and kind in ("StartTag", "EmptyTag", "Characters")
                and (name != "li")
            ):
                stack.append(self.SYNTHETIC_ITEM)
                yield {"type": "StartTag", "name": "li", "namespace": None, "data": {}}
            if kind == "StartTag" and name == "pre":
                # Code keeps its lines and scrolls inside its box: keyboard users must be able
                # to reach it to scroll it (axe: scrollable-region-focusable).
                token["data"][(None, "tabindex")] = "0"
            if kind == "StartTag":
                stack.append(name)
            elif kind == "EndTag" and stack:
                stack.pop()
            yield token
        while stack:
            name = stack.pop()
            if name in (self.SYNTHETIC_ITEM, self.SYNTHETIC_LIST):
                yield {"type": "EndTag", "name": name.rstrip("*"), "namespace": None}


# One pass: sanitize, then linkify the sanitized token stream. (bleach's separate Linker with
# skip_tags re-escapes the text it skips, so code in <pre> gained an &amp; on every save.)
_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[ListItemFilter,
             partial(bleach.linkifier.LinkifyFilter, callbacks=[_harden_links],
                     skip_tags={"pre", "code"}, parse_email=False, url_re=_URL_RE)],
)  # fmt: skip


def clean_rich_text(html):
    """Return ``html`` reduced to the allow-list above. Idempotent: cleaning clean HTML
    returns it unchanged (a property test checks this)."""
    if not html:
        return ""
    cleaned = _clean_once(html)
    # Mis-nested input (a heading opened inside a heading) comes out as markup that parses
    # differently the next time; cleaning again settles it, usually at once.
    for _ in range(MAX_EXTRA_PASSES):
        again = _clean_once(cleaned)
        if again == cleaned:
            break
        cleaned = again
    return cleaned


MAX_EXTRA_PASSES = 4
_PRE_START = re.compile(r"(<pre\b[^>]*>)\n")


def _clean_once(html):
    html = _CONTROL_RE.sub("", html)
    html = _DROP_RE.sub("", html)
    # A parser drops the first newline inside <pre>; write it twice so one survives the next
    # parse and code that starts with a blank line keeps it.
    return _PRE_START.sub(r"\1\n\n", _cleaner.clean(html).strip())


# Invisible characters that can hide or reorder text: zero-width spaces and joiners, bidi
# embeddings, overrides and isolates, the BOM. Kept out of comments so what a moderator reads is
# what readers see.
_INVISIBLE_RE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
COMMENT_LINK_REL = "nofollow ugc noopener"
_TRAILING_PUNCTUATION = ".,;:!?'\""


def normalize_comment_text(text):
    """The text of a comment as stored: no control or invisible characters, tidy line ends."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL_RE.sub("", text.replace("\t", " "))
    text = _INVISIBLE_RE.sub("", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _link(url):
    href = url if url.lower().startswith(("http://", "https://")) else f"http://{url}"
    return (
        f'<a href="{html_escape(href, quote=True)}" rel="{COMMENT_LINK_REL}">{html_escape(url)}</a>'
    )


def _split_url(match_text):
    """A matched URL without the punctuation that ends the sentence around it."""
    lead = len(match_text) - len(match_text.lstrip("("))
    url, tail = match_text[lead:], ""
    while url and (
        url[-1] in _TRAILING_PUNCTUATION or (url[-1] == ")" and url.count(")") > url.count("("))
    ):
        url, tail = url[:-1], url[-1] + tail
    return match_text[:lead], url, tail


def _linkify_text(text):
    """Escaped ``text`` with its http(s) URLs as nofollow links. Every piece is escaped here,
    from plain text, so readers see exactly the characters the commenter typed."""
    parts, position = [], 0
    for match in _URL_RE.finditer(text):
        lead, url, tail = _split_url(match.group(0))
        parts.append(html_escape(text[position : match.start()] + lead))
        parts.append(_link(url) if url else "")
        parts.append(html_escape(tail))
        position = match.end()
    parts.append(html_escape(text[position:]))
    return "".join(parts)


def render_comment(text):
    """Plain comment text as safe HTML: paragraphs, line breaks and nofollow links only. Built
    from the plain text (never by cleaning HTML), so "&copy;" typed is "&copy;" shown."""
    text = normalize_comment_text(text)
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
    return "".join(
        "<p>{}</p>".format(_linkify_text(paragraph).replace("\n", "<br>"))
        for paragraph in paragraphs
    )


def clean_plain_text(text):
    """Plain one-line text (captions, credits): control characters removed, whitespace trimmed."""
    return _CONTROL_RE.sub("", text or "").strip()
