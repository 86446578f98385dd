from .article import Article, ArticleQuerySet, Byline, Revision
from .draft import Autosave, Draft
from .page import DEFAULT_DISCLAIMER, DISCLAIMER_SLUG, Page
from .sources import Source
from .taxonomy import Author, Synonym, Tag, validate_not_blank

__all__ = [
    "DEFAULT_DISCLAIMER", "DISCLAIMER_SLUG", "Article", "ArticleQuerySet", "Author", "Autosave",
    "Byline", "Draft", "Page", "Revision", "Source", "Synonym", "Tag", "validate_not_blank",
]  # fmt: skip
