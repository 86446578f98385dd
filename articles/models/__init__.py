from .article import Article, ArticleQuerySet, Byline, Revision
from .page import DEFAULT_DISCLAIMER, DISCLAIMER_SLUG, Page
from .taxonomy import Author, Tag, validate_not_blank

__all__ = [
    "DEFAULT_DISCLAIMER", "DISCLAIMER_SLUG", "Article", "ArticleQuerySet", "Author", "Byline",
    "Page", "Revision", "Tag", "validate_not_blank",
]  # fmt: skip
