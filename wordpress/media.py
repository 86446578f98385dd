"""Where an old WordPress upload address's file is here.

WordPress serves one upload at many addresses: the original (``/wp-content/uploads/2020/05/
cup.jpg``), its size variants (``cup-300x200.jpg``) and, on WordPress.com, the same path on
``site.files.wordpress.com`` (with ``?w=604`` for a size). Every spelling comes down to the path
under the uploads folder, tried as it is and then without a size suffix (an original may itself
be called ``image-alignment-150x150.jpg``), so a body image, a caption, a gallery and a
featured image all find the same file.
"""

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.core.files.storage import default_storage

_SIZE_VARIANT = re.compile(r"-\d+x\d+(?=\.\w+$)")
UPLOADS_MARKER = "/wp-content/uploads/"


def uploads_path(url):
    """``2020/05/cup-300x200.jpg`` for any address of an upload, or None for other addresses."""
    parsed = urlparse(url or "")
    path = unquote(parsed.path)
    if UPLOADS_MARKER in path:
        relative = path.split(UPLOADS_MARKER, 1)[1]
    elif (parsed.hostname or "").endswith(".files.wordpress.com"):
        relative = path.lstrip("/")
    else:
        return None
    if not relative or ".." in Path(relative).parts:
        return None
    return relative


def upload_keys(url):
    """Where the original of an upload address may be: its own path, then the path without a
    size suffix (``2020/05/cup-300x200.jpg``, ``2020/05/cup.jpg``)."""
    relative = uploads_path(url)
    if not relative:
        return []
    original = _SIZE_VARIANT.sub("", relative)
    return [relative] if original == relative else [relative, original]


def upload_key(url):
    keys = upload_keys(url)
    return keys[0] if keys else None


class Media:
    """The export's attachments and the files we have for them (from ``media_dir``)."""

    def __init__(self, media_dir=None):
        self.media_dir = Path(media_dir) if media_dir else None
        self.attachments = {}  # WordPress id → the attachment's fields
        self.by_key = {}  # upload key → WordPress id
        self.stored = {}  # upload key → storage name

    def add_attachment(self, data):
        key = upload_key(data["attachment_url"]) or data["attachment_url"]
        self.attachments[data["id"]] = {
            "id": data["id"],
            "url": data["attachment_url"],
            "key": key,
            "title": data["title"],
            "caption": data["excerpt"],
            "description": data["content"],
            "alt": data["meta"].get("_wp_attachment_image_alt", ""),
            "parent": data.get("parent", ""),
        }
        self.by_key.setdefault(key, data["id"])

    def attachment(self, wp_id):
        return self.attachments.get(str(wp_id).strip())

    def children_of(self, post_id):
        """A post's own attachments, for a ``[gallery]`` without ids."""
        return [a for a in self.attachments.values() if a["parent"] == post_id]

    def storage_name(self, url):
        """The storage name of the file behind an old upload address, copied in from
        ``media_dir`` on first use; None when we do not have it."""
        for key in upload_keys(url):
            if key not in self.stored:
                self.stored[key] = self._from_media_dir(key)
            if self.stored[key]:
                return self.stored[key]
        return None

    def url(self, url):
        name = self.storage_name(url)
        return default_storage.url(name) if name else None

    def _from_media_dir(self, relative):
        if not (self.media_dir and relative and (self.media_dir / relative).is_file()):
            return None
        name = f"wordpress/{relative}"
        if not default_storage.exists(name):
            with open(self.media_dir / relative, "rb") as source:
                default_storage.save(name, source)
        return name
