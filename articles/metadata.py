"""A source's title, authors, journal and year from its DOI (Crossref) or PubMed id (NCBI
E-utilities), so editors type identifiers rather than citations. The services are asked through
``core.fetch`` with a timeout; when one cannot be reached the editor is told and types the
fields themselves."""

import json
import re
from urllib.parse import quote, urlencode

from django.conf import settings

from core.fetch import USER_AGENT, FetchError, fetch

MAX_BYTES = 2 * 1024 * 1024


def request_headers():
    """JSON, and a contact address: Crossref asks callers to identify themselves."""
    return {"Accept": "application/json",
            "User-Agent": f"{USER_AGENT} (mailto:{settings.DEFAULT_FROM_EMAIL})"}  # fmt: skip


class MetadataUnavailable(Exception):
    """The service could not be reached or knows nothing of the identifier; says which."""


def _get_json(url, service):
    try:
        response = fetch(url, max_bytes=MAX_BYTES, timeout=settings.SOURCE_FETCH_TIMEOUT,
                         headers=request_headers())  # fmt: skip
    except FetchError as error:
        raise MetadataUnavailable(
            f"{service} could not be reached ({error}). Type the details in yourself."
        ) from error
    if response.status == 404:
        raise MetadataUnavailable(f"{service} does not know this identifier. Check it.")
    if response.status != 200:
        raise MetadataUnavailable(f"{service} answered with an error ({response.status}). "
                                  "Type the details in yourself.")  # fmt: skip
    try:
        return json.loads(response.content)
    except ValueError as error:
        raise MetadataUnavailable(f"{service} sent an answer that could not be read.") from error


def crossref_work(doi):
    """Crossref's record of ``doi`` (its ``message``)."""
    url = f"{settings.CROSSREF_API_URL.rstrip('/')}/works/{quote(doi, safe='/')}"
    data = _get_json(url, "Crossref")
    if not isinstance(data, dict) or not isinstance(data.get("message"), dict):
        raise MetadataUnavailable("Crossref sent an answer that could not be read.")
    return data["message"]


def _year(work):
    for key in ("published-print", "published-online", "published", "issued"):
        parts = (work.get(key) or {}).get("date-parts") or [[None]]
        if parts and parts[0] and isinstance(parts[0][0], int):
            return parts[0][0]
    return None


def _first(values):
    return values[0] if isinstance(values, list) and values else values if values else ""


def by_doi(doi):
    """Title, authors, publisher (the journal) and year for ``doi``."""
    work = crossref_work(doi)
    authors = [
        " ".join(part for part in (person.get("family"), _initials(person.get("given"))) if part)
        or person.get("name", "")
        for person in work.get("author") or []
        if isinstance(person, dict)
    ]
    return {
        "title": _clean(_first(work.get("title"))),
        "authors": _authors(authors),
        "publisher": _clean(_first(work.get("container-title")) or work.get("publisher") or ""),
        "year": _year(work),
    }


def by_pmid(pmid):
    """Title, authors, journal, year and DOI for PubMed id ``pmid``."""
    query = urlencode({"db": "pubmed", "id": pmid, "retmode": "json"})
    data = _get_json(f"{settings.PUBMED_API_URL.rstrip('/')}/esummary.fcgi?{query}", "PubMed")
    record = ((data or {}).get("result") or {}).get(str(pmid)) if isinstance(data, dict) else None
    if not isinstance(record, dict) or "error" in record or not record.get("title"):
        raise MetadataUnavailable("PubMed does not know this id. Check it.")
    year = re.match(r"\d{4}", record.get("pubdate") or "")
    doi = next((item.get("value", "") for item in record.get("articleids") or []
                if isinstance(item, dict) and item.get("idtype") == "doi"), "")  # fmt: skip
    return {
        "title": _clean(record.get("title", "")).rstrip("."),
        "authors": _authors(
            [
                person.get("name", "")
                for person in record.get("authors") or []
                if isinstance(person, dict)
            ]
        ),  # fmt: skip
        "publisher": _clean(record.get("fulljournalname") or record.get("source") or ""),
        "year": int(year.group()) if year else None,
        "doi": doi,
    }


def _initials(given):
    return "".join(name[0] for name in re.split(r"[\s.\-]+", given or "") if name)


def _authors(names, limit=6):
    names = [name for name in names if name]
    shown = ", ".join(names[:limit])
    return (shown + ", et al." if len(names) > limit else shown)[:500]


def _clean(text):
    """Crossref titles can carry JATS markup (<i>, <sub>); a citation shows plain text."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", str(text))).strip()[:500]


def lookup(doi="", pmid=""):
    """The fields found for a DOI (preferred) or a PubMed id."""
    if doi:
        return by_doi(doi)
    if pmid:
        return by_pmid(pmid)
    return {}
