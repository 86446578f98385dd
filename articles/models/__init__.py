from .article import Article, ArticleQuerySet, Revision
from .page import DEFAULT_DISCLAIMER, DISCLAIMER_SLUG, Page
from .taxonomy import Author, Tag, validate_not_blank

__all__ = [
    "DEFAULT_DISCLAIMER", "DISCLAIMER_SLUG", "Article", "ArticleQuerySet", "Author", "Page",
    "Revision", "Tag", "validate_not_blank",
]  # fmt: skip
