from django import template

from core.site import absolute_url

register = template.Library()


@register.filter
def absolute(path):
    """``{{ article.get_absolute_url|absolute }}``: the URL on the public site (SITE_URL)."""
    return absolute_url(str(path))
