"""Responsive images: renditions of an uploaded image at a few widths, in AVIF and WebP with a
JPEG fallback, generated once and then only looked up.

Pillow (already used for uploads and the demo) encodes all three formats, so no rendition
server or extra library is needed. A rendition's file name is derived from the original's name
and the width, so every app server finds the same file in shared media storage; whether it
exists, and the original's size, are remembered in the cache, so a warm page costs one cache
round trip for all its images and no SQL. A missing or corrupt original gives no image, never
an error page.
"""

import hashlib
import io
import logging
import re
from dataclasses import dataclass
from html import escape, unescape
from pathlib import PurePosixPath
from urllib.parse import unquote

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, UnidentifiedImageError

logger = logging.getLogger(__name__)

# (extension, MIME type, Pillow options), best first; the last one is the fallback every
# browser shows.
FORMATS = [
    ("avif", "image/avif", {"format": "AVIF", "quality": 55, "speed": 8}),
    ("webp", "image/webp", {"format": "WEBP", "quality": 78, "method": 4}),
    ("jpg", "image/jpeg", {"format": "JPEG", "quality": 80, "optimize": True, "progressive": True}),
]
CACHE_SECONDS = 60 * 60 * 24 * 30
BROKEN_SECONDS = 60  # try a broken original again after a minute, not on every request


@dataclass(frozen=True)
class Picture:
    sources: list  # (MIME type, srcset) for <source>, best format first
    src: str  # the fallback image
    srcset: str  # the fallback at every width
    width: int
    height: int


def _rendition_name(original, width, extension):
    digest = hashlib.sha1(original.encode()).hexdigest()[:12]
    return f"renditions/{digest}/{PurePosixPath(original).stem}-{width}.{extension}"


def _generate(original, widths):
    """Write every rendition of ``original``; returns its (width, height)."""
    with default_storage.open(original, "rb") as source:
        image = Image.open(source)
        image.load()
    size = image.size
    image = image.convert("RGB")
    for width in _usable_widths(widths, size[0]):
        height = round(size[1] * width / size[0])
        resized = image.resize((width, height), Image.Resampling.LANCZOS)
        for extension, _, options in FORMATS:
            buffer = io.BytesIO()
            resized.save(buffer, **options)
            name = _rendition_name(original, width, extension)
            if default_storage.exists(name):
                default_storage.delete(name)
            default_storage.save(name, ContentFile(buffer.getvalue()))
    return size


def picture(field_file, widths):
    """The ``Picture`` of an image field at ``widths`` (never wider than the original), or
    None when there is no image or it cannot be read."""
    size = _original_size(field_file, widths)
    if size is None:
        return None
    return _describe(field_file.name, widths, size)


def _original_size(field_file, widths):
    """The original's (width, height), its renditions at ``widths`` made the first time; None
    when there is no image or it cannot be read."""
    if not field_file:
        return None
    original = field_file.name
    key = "picture:" + hashlib.sha1(f"{original}|{widths}".encode()).hexdigest()
    size = cache.get(key)
    if size is None:
        try:
            size = _generate(original, widths)
        except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError):
            logger.warning("No renditions for %s: the original is missing or unreadable.", original)
            cache.set(key, "broken", BROKEN_SECONDS)
            return None
        cache.set(key, size, CACHE_SECONDS)
    if size == "broken":
        return None
    return size


def _usable_widths(widths, original_width):
    usable = sorted({min(width, original_width) for width in widths})
    return usable or [original_width]


def _describe(original, widths, size):
    usable = _usable_widths(widths, size[0])

    def srcset(extension):
        return ", ".join(
            f"{default_storage.url(_rendition_name(original, width, extension))} {width}w"
            for width in usable
        )

    fallback_width = usable[len(usable) // 2]
    return Picture(
        sources=[(mime, srcset(extension)) for extension, mime, _ in FORMATS[:-1]],
        src=default_storage.url(_rendition_name(original, fallback_width, FORMATS[-1][0])),
        srcset=srcset(FORMATS[-1][0]),
        width=fallback_width,
        height=round(size[1] * fallback_width / size[0]),
    )


def fixed_picture(field_file, width):
    """The ``Picture`` of an image always shown ``width`` CSS pixels wide (an author photo):
    renditions at 1× and 2× with density descriptors, so a high-density screen gets a sharp
    image instead of the 1× one enlarged. None when there is no image or it cannot be read."""
    widths = (width, 2 * width)
    size = _original_size(field_file, widths)
    if size is None:
        return None
    original = field_file.name
    usable = _usable_widths(widths, size[0])
    shown = usable[0]

    def srcset(extension):
        return ", ".join(
            f"{default_storage.url(_rendition_name(original, rendition, extension))} "
            f"{rendition / shown:.3g}x"
            for rendition in usable
        )

    return Picture(
        sources=[(mime, srcset(extension)) for extension, mime, _ in FORMATS[:-1]],
        src=default_storage.url(_rendition_name(original, shown, FORMATS[-1][0])),
        srcset=srcset(FORMATS[-1][0]),
        width=shown,
        height=round(size[1] * shown / size[0]),
    )


_IMG_TAG = re.compile(r"<img\b([^>]*)>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
BODY_WIDTHS = (390, 780, 1200)
BODY_SIZES = "(min-width: 52rem) 48rem, 100vw"


def _media_name(src):
    """The storage name of an image in our media, or None for any other address."""
    prefix = settings.MEDIA_URL  # a path, or the bucket's or CDN's address (MEDIA_STORAGE=s3)
    if src.startswith(prefix) and ".." not in src:
        return unquote(src[len(prefix) :])
    return None


def responsive_body(html):
    """Article HTML (already sanitized) with each of our own images as a <picture> of
    renditions, and every image lazy: the body is below the hero."""

    def replace(match):
        attributes = dict(_ATTRIBUTE.findall(match.group(1)))
        src = unescape(attributes.get("src", ""))
        name = _media_name(src)
        chosen = picture(_StoredImage(name), BODY_WIDTHS) if name else None
        if chosen is None:
            return match.group(0)[:-1].rstrip("/ ") + ' loading="lazy" decoding="async">'
        sources = "".join(
            f'<source type="{mime}" srcset="{escape(srcset)}" sizes="{BODY_SIZES}">'
            for mime, srcset in chosen.sources
        )
        extra = "".join(
            f' {key}="{escape(unescape(value))}"'
            for key, value in attributes.items()
            if key in ("alt", "title")
        )
        return (
            f'<picture>{sources}<img src="{escape(chosen.src)}" srcset="{escape(chosen.srcset)}" '
            f'sizes="{BODY_SIZES}" width="{chosen.width}" height="{chosen.height}"{extra} '
            'loading="lazy" decoding="async"></picture>'
        )

    return _IMG_TAG.sub(replace, html or "")


class _StoredImage:
    """What ``picture`` needs of an image field, for a name found in article HTML."""

    def __init__(self, name):
        self.name = name

    def __bool__(self):
        return bool(self.name)
