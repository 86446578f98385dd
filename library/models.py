import hashlib
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from PIL import Image, UnidentifiedImageError

from core.fields import PlainCharField, PlainTextField
from core.validators import validate_image_upload

IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "webp", "gif"}
AUDIO_EXTENSIONS = {"mp3", "m4a", "ogg", "oga", "wav"}
VIDEO_EXTENSIONS = {"mp4", "m4v", "webm", "ogv"}


def kind_of(name):
    extension = PurePosixPath(name or "").suffix.lower().lstrip(".")
    if extension in IMAGE_EXTENSIONS:
        return Asset.Kind.IMAGE
    if extension in AUDIO_EXTENSIONS:
        return Asset.Kind.AUDIO
    if extension in VIDEO_EXTENSIONS:
        return Asset.Kind.VIDEO
    return None


def validate_library_file(value):
    kind = kind_of(value.name)
    if kind is None:
        allowed = ", ".join(sorted(IMAGE_EXTENSIONS | AUDIO_EXTENSIONS | VIDEO_EXTENSIONS))
        raise ValidationError(f"“{value.name}” is not a file the library takes ({allowed}).")
    if kind == Asset.Kind.IMAGE:
        validate_image_upload(value)
    elif not getattr(value, "_committed", False):
        size = getattr(getattr(value, "file", value), "size", 0)
        if size > settings.MEDIA_MAX_BYTES:
            raise ValidationError(
                f"This file is larger than the limit of {settings.MEDIA_MAX_BYTES // 2**20} MB."
            )


def content_hash(file):
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in iter(lambda: file.read(1 << 16), b""):
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


class AssetQuerySet(models.QuerySet):
    def images(self):
        return self.filter(kind=Asset.Kind.IMAGE)


class Asset(models.Model):
    """One file in the library, stored once (its content hash is unique), with what every use
    of it needs: alt text (or the editor's word that it is decorative), caption, credit and
    licence. Renditions are made once per asset and size by core.images."""

    class Kind(models.TextChoices):
        IMAGE = "image", "Image"
        AUDIO = "audio", "Audio"
        VIDEO = "video", "Video"

    file = models.FileField(upload_to="library/%Y/%m/", validators=[validate_library_file])
    kind = models.CharField(max_length=5, choices=Kind.choices, editable=False)
    title = PlainCharField(max_length=200, blank=True, help_text="Empty: from the file name.")
    alt = PlainCharField(
        "alt text",
        max_length=250,
        blank=True,
        help_text="What the image shows, for readers who cannot see it. Required for an image "
        "unless it is marked decorative.",
    )
    decorative = models.BooleanField(
        default=False, help_text="Purely decorative: screen readers skip it (empty alt text)."
    )
    caption = PlainCharField(max_length=300, blank=True)
    credit = PlainCharField(max_length=200, blank=True, help_text='e.g. "© Photographer | Agency".')
    licence = PlainCharField(
        max_length=120, blank=True, help_text='e.g. "CC BY 4.0", "Staff photo", "Licensed".'
    )
    description = PlainTextField(blank=True, help_text="Internal notes: where it came from.")
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    sha256 = models.CharField(max_length=64, unique=True, editable=False)
    source_url = PlainCharField(
        max_length=500, blank=True, help_text="The address it was imported from, if it was."
    )
    uploaded_at = models.DateTimeField(default=timezone.now, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", editable=False,
    )  # fmt: skip

    objects = AssetQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="image", alt="", decorative=False),
                name="image_has_alt_or_is_decorative",
            ),
        ]

    def __str__(self):
        return self.title or PurePosixPath(self.file.name).name

    def save(self, *args, **kwargs):
        self.kind = kind_of(self.file.name) or self.Kind.IMAGE
        if self.decorative:
            self.alt = ""
        new_file = not getattr(self.file, "_committed", True)
        if new_file or not self.sha256:
            self.sha256 = content_hash(self.file)
        if self.kind == self.Kind.IMAGE and (new_file or not self.width):
            self.width, self.height = image_size(self.file)
        if not self.title:
            self.title = PurePosixPath(self.file.name).stem.replace("-", " ").replace("_", " ")
        super().save(*args, **kwargs)

    def clean(self):
        if self.file and kind_of(self.file.name) == self.Kind.IMAGE:
            if not self.alt.strip() and not self.decorative:
                raise ValidationError(
                    {
                        "alt": "Describe the image for readers who cannot see it, or mark it as "
                        "decorative."
                    }  # fmt: skip
                )
        if self.file and (not self.sha256 or not getattr(self.file, "_committed", True)):
            duplicate = Asset.objects.filter(sha256=content_hash(self.file)).first()
            if duplicate is not None and duplicate.pk != self.pk:
                raise ValidationError(
                    {"file": f"This file is in the library already, as “{duplicate}”."}
                )

    @property
    def alt_text(self):
        return "" if self.decorative else self.alt

    @property
    def url(self):
        return self.file.url


def image_size(file):
    try:
        file.seek(0)
        with Image.open(file) as image:
            size = image.size
        file.seek(0)
        return size
    except (OSError, UnidentifiedImageError, ValueError):
        return None, None
