"""Checks on uploaded images: a byte limit, a pixel budget, and content that matches the name.

A tiny file can still decode into a huge bitmap (a 12 KB PNG of 10,000 × 10,000 pixels), and a
file named .jpg can be a GIF with a script appended; both are refused with a clear message.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from PIL import Image

# What each file name ending promises, as Pillow names the format.
FORMATS_BY_EXTENSION = {
    "jpg": "JPEG",
    "jpeg": "JPEG",
    "png": "PNG",
    "webp": "WEBP",
    "gif": "GIF",
}


def validate_image_upload(value):
    if getattr(value, "_committed", False):
        return  # already stored: checked when it was uploaded
    upload = getattr(value, "file", value)
    if upload.size > settings.IMAGE_MAX_BYTES:
        raise ValidationError(
            f"This image is {filesizeformat(upload.size)}; the limit is "
            f"{filesizeformat(settings.IMAGE_MAX_BYTES)}. Save it smaller and upload it again."
        )
    extension = value.name.rsplit(".", 1)[-1].lower() if "." in value.name else ""
    expected = FORMATS_BY_EXTENSION.get(extension)
    if expected is None:
        raise ValidationError(
            f"Upload a JPEG, PNG, WebP or GIF image; “{value.name}” is none of those."
        )
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            found, (width, height) = image.format, image.size
            if width * height > settings.IMAGE_MAX_PIXELS:
                raise ValidationError(
                    f"This image is {width:,} × {height:,} pixels; the limit is "
                    f"{settings.IMAGE_MAX_PIXELS:,} pixels in all. Resize it and upload it again."
                )
            image.verify()
    except (Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        raise ValidationError("This file is not a readable image.") from None
    finally:
        upload.seek(0)
    if found != expected:
        raise ValidationError(
            f"This file is a {found or 'non-image'} file, but its name ends in .{extension}. "
            "Upload the image with the name its type calls for."
        )
