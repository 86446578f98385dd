from .article import Article, ArticleQuerySet, Revision
from .page import DEFAULT_DISCLAIMER, DISCLAIMER_SLUG, Page
from .taxonomy import Author, Synonym, Tag, validate_not_blank

__all__ = [
    "DEFAULT_DISCLAIMER", "DISCLAIMER_SLUG", "Article", "ArticleQuerySet", "Author", "Page",
    "Revision", "Synonym", "Tag", "validate_not_blank",
]  # fmt: skip
