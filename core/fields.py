"""Model fields that clean their own text, so no model has to remember to.

Each field cleans in ``to_python`` (so forms and ``full_clean`` validate what will be stored: a
title of only control characters is "blank", not a database error) and again in ``pre_save``
(so code that sets the attribute directly stores clean text too). The cleaning itself is the
one policy in ``core.sanitizer``.
"""

from ckeditor.fields import RichTextField
from django.db import models

from .sanitizer import clean_plain_text, clean_rich_text


class _CleanedMixin:
    cleaner = staticmethod(lambda value: value)

    def to_python(self, value):
        value = super().to_python(value)
        return self.cleaner(value) if isinstance(value, str) else value

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if isinstance(value, str):
            value = self.cleaner(value)
            setattr(model_instance, self.attname, value)
        return value


class PlainCharField(_CleanedMixin, models.CharField):
    """One line of plain text: control characters removed, surrounding whitespace trimmed."""

    cleaner = staticmethod(clean_plain_text)


class PlainTextField(_CleanedMixin, models.TextField):
    """Plain text that may run to paragraphs, cleaned like ``PlainCharField``."""

    cleaner = staticmethod(clean_plain_text)


class SanitizedRichTextField(_CleanedMixin, RichTextField):
    """Editor HTML reduced to the site's allow-list (``core.sanitizer.clean_rich_text``)."""

    cleaner = staticmethod(clean_rich_text)
