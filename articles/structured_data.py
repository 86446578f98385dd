"""schema.org JSON-LD for article pages, from the honest dates."""

from core.site import absolute_url

# Functions ``(article, data)`` that add to an article's JSON-LD. Apps above this one register
# theirs when they load (medical review adds ``reviewedBy`` and ``lastReviewed``), so articles
# never imports them.
CONTRIBUTORS = []


def article_json_ld(article, request):
    """schema.org JSON-LD: a medical web page with honest dates, author and reviewer."""
    data = {
        "@context": "https://schema.org",
        "@type": ["Article", "MedicalWebPage"],
        "headline": article.title,
        "description": article.dek,
        "url": absolute_url(article.get_absolute_url()),
        "datePublished": article.published_at.isoformat() if article.published_at else None,
        "dateModified": article.date_modified.isoformat() if article.date_modified else None,
        "author": {
            "@type": "Person",
            "name": article.author.byline,
            "url": absolute_url(article.author.get_absolute_url()),
        },
        "keywords": [tag.name for tag in article.tags.all()],
    }
    if article.hero_image:
        data["image"] = absolute_url(article.hero_image.url)
    for contribute in CONTRIBUTORS:
        contribute(article, data)
    return data
