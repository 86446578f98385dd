"""Original demo pictures drawn with Pillow: gradient hero images and initial-letter portraits."""

import io
import random

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont


def _rgb(hex_color):
    hex_color = hex_color.lstrip("#")
    return tuple(int(hex_color[i : i + 2], 16) for i in (0, 2, 4))


def _jpeg(image, name):
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82, optimize=True)
    return ContentFile(buffer.getvalue(), name=name)


def hero_image(name, colors, seed, size=(1200, 630)):
    """A diagonal two-colour gradient with soft circles; deterministic for a given seed."""
    width, height = size
    start, end = _rgb(colors[0]), _rgb(colors[1])
    vertical = Image.linear_gradient("L").resize(size)
    horizontal = vertical.transpose(Image.Transpose.ROTATE_90).resize(size)
    gradient = Image.blend(vertical, horizontal, 0.5)  # a diagonal sweep, corner to corner
    image = Image.composite(Image.new("RGB", size, end), Image.new("RGB", size, start), gradient)
    overlay = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    rng = random.Random(seed)
    for _ in range(7):
        radius = rng.randint(60, 260)
        x, y = rng.randint(0, width), rng.randint(0, height)
        alpha = rng.randint(25, 70)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(255, 255, 255, alpha))
    image = Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")
    return _jpeg(image, name)


def portrait(name, initials, color, size=256):
    """A round-looking portrait placeholder: the author's initials on their colour."""
    image = Image.new("RGB", (size, size), _rgb(color))
    draw = ImageDraw.Draw(image)
    try:
        font = ImageFont.load_default(size=size // 3)
    except TypeError:  # Pillow built without FreeType
        font = ImageFont.load_default()
    draw.text((size / 2, size / 2), initials, fill=(255, 255, 255), font=font, anchor="mm")
    return _jpeg(image, name)
