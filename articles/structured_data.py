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
        "author": [
            {
                "@type": "Person",
                "name": author.byline,
                "url": absolute_url(author.get_absolute_url()),
            }
            for author in article.authors
        ],
        "keywords": [tag.name for tag in article.topics],
    }
    citations = [citation_json_ld(source) for source in article.sources.all()]
    if citations:
        data["citation"] = citations
    if article.hero_image:
        data["image"] = absolute_url(article.hero_image.url)
    for contribute in CONTRIBUTORS:
        contribute(article, data)
    return data


def citation_json_ld(source):
    """A source as schema.org ``CreativeWork`` (a ``ScholarlyArticle`` when it has a DOI or
    PubMed id), identified by its DOI where it has one."""
    data = {
        "@type": "ScholarlyArticle" if source.doi or source.pmid else "CreativeWork",
        "name": source.title,
    }
    if source.link:
        data["url"] = source.link
    if source.doi:
        data["identifier"] = source.doi_url
    if source.authors:
        data["author"] = source.authors
    if source.publisher:
        data["publisher"] = source.publisher
    if source.year:
        data["datePublished"] = str(source.year)
    return data


def breadcrumbs_json_ld(article):
    """Home › the article's first tag › the article, for search results' breadcrumb trail."""
    trail = [("Home", "/")]
    tags = sorted(article.topics, key=lambda tag: tag.name)
    if tags:
        trail.append((tags[0].name, tags[0].get_absolute_url()))
    trail.append((article.title, article.get_absolute_url()))
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": number, "name": name, "item": absolute_url(url)}
            for number, (name, url) in enumerate(trail, start=1)
        ],
    }


def person_json_ld(author):
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": author.name,
        "url": absolute_url(author.get_absolute_url()),
        "description": author.short_bio,
    }
    if author.credentials:
        data["honorificSuffix"] = author.credentials
    if author.photo:
        data["image"] = absolute_url(author.photo.url)
    return data
