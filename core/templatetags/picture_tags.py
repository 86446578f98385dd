from django import template
from django.core.cache import cache
from django.utils.safestring import mark_safe

from core.images import fixed_picture, responsive_body
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


@register.inclusion_tag("includes/picture.html")
def fixed_size_picture(image, width, alt="", css_class="", loading="lazy"):
    """``{% fixed_size_picture author.photo 96 alt=… %}``: an image always shown ``width`` CSS
    pixels wide, with 1× and 2× renditions (density descriptors), so it is sharp on every
    screen."""
    chosen = fixed_picture(image, int(width))
    return {"picture": chosen, "alt": alt, "sizes": "", "css_class": css_class,
            "loading": loading}  # fmt: skip


@register.filter
def responsive(article):
    """The article's body with responsive, lazy images; worked out once per saved version."""
    key = f"responsive-body:{article.pk}:{article.version}"
    html = cache.get(key)
    if html is None:
        html = responsive_body(article.body)
        cache.set(key, html, 60 * 60 * 24)
    # The body was sanitized on save; only our own <picture>/<source>/<img> markup is added.
    return mark_safe(html)
