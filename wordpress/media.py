"""Where an old WordPress upload address's file is here.

WordPress serves one upload at many addresses: the original (``/wp-content/uploads/2020/05/
cup.jpg``), its size variants (``cup-300x200.jpg``) and, on WordPress.com, the same path on
``site.files.wordpress.com`` (with ``?w=604`` for a size). Every spelling comes down to the path
under the uploads folder, tried as it is and then without a size suffix (an original may itself
be called ``image-alignment-150x150.jpg``), so a body image, a caption, a gallery and a
featured image all find the same file.
"""

import hashlib
import re
import zipfile
from html import unescape
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile

from core.fetch import FetchError, fetch_file
from core.sanitizer import clean_plain_text
from library.models import Asset, kind_of, validate_library_file

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


class Uploads:
    """Where the export's files are: a folder (a copy of wp-content/uploads), a zip of it, or
    the old site itself. ``read(key, url)`` gives a file's bytes, or None with the reason."""

    def __init__(self, *, media_dir=None, media_zip=None, fetch_from_site=False):
        self.media_dir = Path(media_dir) if media_dir else None
        self.zip = zipfile.ZipFile(media_zip) if media_zip else None
        self.in_zip = {}
        if self.zip is not None:
            for info in self.zip.infolist():
                name = info.filename
                key = name.split("uploads/", 1)[1] if "uploads/" in name else name
                if not info.is_dir() and ".." not in Path(key).parts:
                    self.in_zip.setdefault(key, info)
        self.fetch_from_site = fetch_from_site

    def has(self, key):
        return bool(self.media_dir and (self.media_dir / key).is_file()) or key in self.in_zip

    def read(self, key, url):
        limit = settings.MEDIA_MAX_BYTES
        if self.media_dir and (self.media_dir / key).is_file():
            path = self.media_dir / key
            if path.stat().st_size > limit:
                return None, f"{key}: larger than the limit of {limit} bytes"
            return path.read_bytes(), None
        if key in self.in_zip:
            info = self.in_zip[key]
            if info.file_size > limit:
                return None, f"{key}: larger than the limit of {limit} bytes"
            with self.zip.open(info) as handle:
                content = handle.read(limit + 1)
            if len(content) > limit:
                return None, f"{key}: larger than the limit of {limit} bytes"
            return content, None
        if self.fetch_from_site and url:
            try:
                return fetch_file(url, max_bytes=limit, timeout=FETCH_TIMEOUT,
                             allowed_content_types=ALLOWED_TYPES), None  # fmt: skip
            except FetchError as error:
                return None, str(error)
        return None, None


FETCH_TIMEOUT = 20
ALLOWED_TYPES = ["image/", "audio/", "video/", "application/octet-stream"]


class Media:
    """The export's attachments, and the library assets their files become."""

    def __init__(self, media_dir=None, *, media_zip=None, fetch_from_site=False, report=None,
                 dry_run=False):  # fmt: skip
        self.uploads = Uploads(media_dir=media_dir, media_zip=media_zip,
                               fetch_from_site=fetch_from_site)  # fmt: skip
        self.report = report
        self.dry_run = dry_run
        self.attachments = {}  # WordPress id → the attachment's fields
        self.by_key = {}  # upload key → WordPress id
        self.assets = {}  # upload key → Asset, or None when we have no file for it

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

    def asset(self, url, alt=""):
        """The library asset for an old upload address (any size variant), made from the
        export's file the first time; None when we have no file for it."""
        for key in upload_keys(url):
            if key not in self.assets:
                self.assets[key] = self._make_asset(key, url, alt)
            if self.assets[key] is not None:
                return self.assets[key]
        return None

    def storage_name(self, url):
        asset = self.asset(url)
        return asset.file.name if asset else None

    def url(self, url):
        asset = self.asset(url)
        return asset.url if asset else None

    def _make_asset(self, key, url, alt):
        attachment = self.attachment(self.by_key.get(key, "")) or {}
        original = attachment.get("url") or url
        if self.dry_run and self.uploads.fetch_from_site and not self.uploads.has(key):
            # A dry run downloads nothing: it counts what the import would fetch.
            if self.report is not None:
                self.report.created["asset"] += 1
            return Asset(file=f"library/{key}", kind=kind_of(key) or Asset.Kind.IMAGE)
        content, problem = self.uploads.read(key, original)
        if content is None:
            if problem and self.report is not None:
                self.report.note(f"media not imported: {problem}")
            return None
        name = PurePosixPath(key).name
        if kind_of(name) is None:
            return None
        sha = hashlib.sha256(content).hexdigest()
        existing = Asset.objects.filter(sha256=sha).first()
        if existing is not None:
            return existing
        # What a form upload looks like to the validators: a file around an uploaded file.
        upload = File(SimpleUploadedFile(name, content), name=name)
        try:
            validate_library_file(upload)
        except ValidationError as error:
            if self.report is not None:
                self.report.note(f"media not imported: {key}: {' '.join(error.messages)}")
            return None
        alt = clean_plain_text(plain(attachment.get("alt", "")) or alt)[:250]
        asset = Asset(
            file=upload, sha256=sha, source_url=original[:500],
            title=clean_plain_text(plain(attachment.get("title", "")))[:200],
            alt=alt, decorative=not alt and kind_of(name) == Asset.Kind.IMAGE,
            caption=clean_plain_text(plain(attachment.get("caption", "")))[:300],
            description=clean_plain_text(plain(attachment.get("description", ""))),
        )  # fmt: skip
        if self.dry_run:  # nothing stored: the report counts what would be
            asset.file.name = f"library/{key}"
        else:
            asset.save()
        if self.report is not None:
            self.report.created["asset"] += 1
            if asset.decorative:
                self.report.no_alt.append(key)
        return asset


def plain(html):
    return unescape(re.sub(r"<[^>]+>", " ", html or "")).strip()
