"""One date style everywhere: ``{{ value|when }}`` is "3 March 2026" and ``{{ value|when:"time" }}``
"3 March 2026, 14:05", each in a ``<time datetime>`` element for machines. Loaded for every
template (``builtins`` in settings)."""

from datetime import date, datetime

from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.html import format_html

register = template.Library()

DATE = "j F Y"
DATE_TIME = "j F Y, H:i"


@register.filter
def when(value, style=""):
    if not value:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        machine = value.isoformat(timespec="seconds")  # what a page shows is in minutes
    elif isinstance(value, date):
        machine = value.isoformat()
    else:
        return value
    shown = date_format(value, DATE_TIME if style == "time" else DATE)
    return format_html('<time datetime="{}">{}</time>', machine, shown)
