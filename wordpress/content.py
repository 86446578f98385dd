"""WordPress post content into our article bodies and comments."""

import re
from html import unescape
from pathlib import Path
from urllib.parse import urlparse

from django.core.files.storage import default_storage

from core.sanitizer import clean_rich_text

_BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.S)
_SHORTCODE = re.compile(r"\[/?([a-zA-Z][\w-]*)(?:[^\]\[]*)\]")
_BLOCK_TAGS = r"(?:p|div|h[1-6]|ul|ol|li|blockquote|pre|table|figure|hr|dl|address)"
_IMG_SRC = re.compile(r'(<img\b[^>]*\bsrc=")([^"]+)(")', re.I)
_TAG = re.compile(r"<[^>]+>")


def autop(text):
    """WordPress's ``wpautop`` in short: blank lines separate paragraphs, single line breaks
    inside one become <br>; text already in block elements is left alone."""
    text = text.replace("\r\n", "\n").strip()
    if not text:
        return ""
    chunks = re.split(r"\n\s*\n", text)
    out = []
    for chunk in chunks:
        chunk = chunk.strip()
        if re.match(rf"^<{_BLOCK_TAGS}\b", chunk, re.I):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.replace("\n", "<br>") + "</p>")
    return "\n".join(out)


def body_html(content, *, media_dir=None, report=None):
    """A post's content as sanitized article HTML. Unknown shortcodes stay as visible text and
    are reported; images come from ``media_dir`` when it has them."""
    content = _BLOCK_COMMENT.sub("", content or "")
    for name in {match.group(1).lower() for match in _SHORTCODE.finditer(content)}:
        if report is not None:
            report.shortcodes.add(name)
    content = _IMG_SRC.sub(lambda match: match.group(1) + image_url(match.group(2), media_dir,
                                                                    report) + match.group(3),
                           content)  # fmt: skip
    return clean_rich_text(autop(content))


def _uploads_path(url):
    """``2014/01/photo.jpg`` from an uploads URL, or None for other addresses."""
    path = urlparse(url).path
    marker = "/wp-content/uploads/"
    if marker in path:
        return path.split(marker, 1)[1]
    return None


def image_url(url, media_dir, report=None):
    """The image copied into our media when ``media_dir`` has it; else its original URL."""
    name = local_image(url, media_dir)
    if name:
        return default_storage.url(name)
    if report is not None:
        report.external_images.add(url)
    return url


def local_image(url, media_dir):
    """A storage name for a featured image copied from ``media_dir``, or None."""
    relative = _uploads_path(url)
    if not (media_dir and relative and (Path(media_dir) / relative).is_file()):
        return None
    name = f"wordpress/{relative}"
    if not default_storage.exists(name):
        with open(Path(media_dir) / relative, "rb") as source:
            default_storage.save(name, source)
    return name


def plain_text(html):
    """Comment or excerpt HTML as our plain text: tags gone, line breaks kept."""
    html = re.sub(r"<br\s*/?>", "\n", html or "", flags=re.I)
    html = re.sub(r"</p>\s*<p[^>]*>", "\n\n", html, flags=re.I)
    return unescape(_TAG.sub("", html)).strip()
