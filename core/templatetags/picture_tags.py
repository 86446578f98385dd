from django import template

from core.images import picture as picture_of

register = template.Library()


@register.inclusion_tag("includes/picture.html")
def picture(image, alt="", widths="390 780 1200", sizes="100vw", css_class="", loading="lazy"):
    """``{% picture article.hero_image alt=… widths="390 780" sizes="…" loading="eager" %}``:
    AVIF and WebP with a JPEG fallback at a few widths, with width and height; nothing at all
    when the image is missing or unreadable."""
    chosen = picture_of(image, tuple(int(width) for width in str(widths).split()))
    return {"picture": chosen, "alt": alt, "sizes": sizes, "css_class": css_class,
            "loading": loading}  # fmt: skip
