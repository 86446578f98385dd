"""The site's one HTML sanitizing policy.

Every piece of rich text readers see (article bodies, author bios, editor-managed pages) goes
through ``clean_rich_text`` on save, against the explicit allow-list below. Anything not listed
is removed: scripts and their content, event-handler attributes, ``style`` attributes (which can
hide or overlay content), and URLs whose scheme is not http, https or mailto (so no
``javascript:``, ``vbscript:`` or ``data:``). Readers only ever get the output of this module.
"""

import re

import bleach
from bleach.linkifier import Linker

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "hr",
        "strong", "em", "b", "i", "s", "sub", "sup", "code", "pre", "abbr",
        "a", "img", "figure", "figcaption",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    }
)  # fmt: skip

ALLOWED_ATTRIBUTES = {
    "a": ["href", "title"],
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

_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
)


def _harden_links(attrs, new=False):
    """Links that leave the site get rel="noopener noreferrer"; internal links stay plain."""
    href = attrs.get((None, "href"), "")
    if href.startswith(("http://", "https://")):
        attrs[(None, "rel")] = "noopener noreferrer"
    return attrs


_linker = Linker(callbacks=[_harden_links], skip_tags={"pre", "code"}, parse_email=False)


def clean_rich_text(html):
    """Return ``html`` reduced to the allow-list above. Safe to call on already-clean HTML."""
    if not html:
        return ""
    html = _CONTROL_RE.sub("", html)
    html = _DROP_RE.sub("", html)
    cleaned = _cleaner.clean(html)
    return _linker.linkify(cleaned).strip()


def clean_plain_text(text):
    """Plain one-line text (captions, credits): control characters removed, whitespace trimmed."""
    return _CONTROL_RE.sub("", text or "").strip()
