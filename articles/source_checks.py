"""The weekly source check: does each cited page still answer, and has any cited paper been
retracted or corrected since?

Each distinct URL is asked once (HEAD, then GET when a server refuses HEAD), through
``core.fetch`` (public addresses only, timeouts, every redirect followed, checked and recorded).
Each distinct DOI is looked up at Crossref once: the work's ``updated-by`` relations and the
notices whose ``update-to`` names it. What is found is stored on every source citing that URL or
DOI; the freshness dashboard lists the problems, and an article citing a retracted source falls
due for review at once (reviews.freshness).
"""

import json
import logging
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from core.fetch import FetchError, fetch

from .metadata import MetadataUnavailable, crossref_work, request_headers
from .models import Source

logger = logging.getLogger(__name__)

RETRACTIONS = {"retraction", "withdrawal", "removal", "partial_retraction"}
CORRECTIONS = {"correction", "erratum", "corrigendum", "addendum", "clarification",
               "expression_of_concern", "new_version"}  # fmt: skip


@dataclass
class Summary:
    links: int = 0
    broken: int = 0
    dois: int = 0
    retracted: int = 0
    corrected: int = 0
    unanswered: int = 0  # DOIs Crossref could not be asked about this time
    problems: list = field(default_factory=list)  # lines for the command's report


def check_link(url):
    """(working, detail, final URL) for one address."""
    timeout = settings.SOURCE_FETCH_TIMEOUT
    try:
        response = fetch(url, method="HEAD", max_bytes=0, timeout=timeout)
        if response.status >= 400:  # many servers refuse or mishandle HEAD
            response = fetch(url, max_bytes=16384, timeout=timeout, partial=True)
    except FetchError as error:
        return False, str(error)[:300], ""
    via = f", redirected {len(response.redirects)}× to {response.url}" if response.redirects else ""
    detail = f"HTTP {response.status}{via}"[:300]
    return response.status < 400, detail, response.url if response.redirects else ""


def crossref_updates(doi):
    """[(type, notice DOI, date)] of the notices Crossref records against ``doi``."""
    found = []
    work = crossref_work(doi)
    for update in work.get("updated-by") or []:
        if isinstance(update, dict):
            found.append((update.get("type", ""), update.get("DOI", ""), _date(update)))
    query = urlencode({"filter": f"updates:{doi}", "rows": 20})
    url = f"{settings.CROSSREF_API_URL.rstrip('/')}/works?{query}"
    try:
        response = fetch(url, max_bytes=2 * 1024 * 1024, timeout=settings.SOURCE_FETCH_TIMEOUT,
                         headers=request_headers())  # fmt: skip
        items = json.loads(response.content)["message"]["items"] if response.status == 200 else []
    except (FetchError, ValueError, KeyError, TypeError) as error:
        raise MetadataUnavailable(f"Crossref could not be asked about notices: {error}") from error
    for item in items if isinstance(items, list) else []:
        for update in item.get("update-to") or [] if isinstance(item, dict) else []:
            if isinstance(update, dict) and str(update.get("DOI", "")).lower() == doi.lower():
                found.append((update.get("type", ""), item.get("DOI", ""), _date(update)))
    return found


def _date(update):
    parts = (update.get("updated") or {}).get("date-parts") or [[]]
    return "-".join(f"{part:02d}" for part in parts[0] if isinstance(part, int))


def standing_of(updates):
    """(standing, notice text) from Crossref's notices: a retraction outweighs a correction."""
    for kinds, standing in ((RETRACTIONS, Source.Standing.RETRACTED),
                            (CORRECTIONS, Source.Standing.CORRECTED)):  # fmt: skip
        notices = [update for update in updates if update[0].lower() in kinds]
        if notices:
            kind, notice, on = notices[0]
            text = f"{kind.replace('_', ' ').capitalize()} notice {notice}" + (
                f" ({on})" if on else ""
            )
            return standing, text[:300]
    return Source.Standing.NONE, ""


def check_sources(*, sources=None):
    """Check every source (or ``sources``) and store what was found; returns a ``Summary``."""
    sources = Source.objects.all() if sources is None else sources
    summary = Summary()
    now = timezone.now()
    urls = sorted(set(sources.exclude(url="").values_list("url", flat=True)))
    for url in urls:
        working, detail, final_url = check_link(url)
        summary.links += 1
        status = Source.LinkStatus.OK if working else Source.LinkStatus.BROKEN
        if not working:
            summary.broken += 1
            summary.problems.append(f"Broken link: {url} ({detail})")
        sources.filter(url=url).update(link_status=status, link_detail=detail,
                                       link_final_url=final_url, link_checked_at=now)  # fmt: skip
    dois = {doi.lower(): doi for doi in sources.exclude(doi="").values_list("doi", flat=True)}
    for doi in sorted(dois.values()):
        summary.dois += 1
        try:
            standing, notice = standing_of(crossref_updates(doi))
        except MetadataUnavailable as error:
            summary.unanswered += 1
            logger.warning("Source check: %s", error)
            continue
        citing = sources.filter(doi__iexact=doi)
        if standing:
            setattr(summary, standing, getattr(summary, standing) + 1)
            summary.problems.append(f"{Source.Standing(standing).label}: {doi} ({notice})")
        citing.exclude(standing=standing).update(standing=standing, standing_found_at=now)
        citing.update(standing_notice=notice)
        if not standing:
            citing.update(standing_found_at=None)
    return summary


@task()
def check_sources_task():
    """The weekly job (enqueued by ``manage.py check_sources --enqueue`` from cron)."""
    summary = check_sources()
    logger.info("Source check: %s links (%s broken), %s DOIs (%s retracted, %s corrected).",
                summary.links, summary.broken, summary.dois, summary.retracted,
                summary.corrected)  # fmt: skip
    return {"links": summary.links, "broken": summary.broken, "dois": summary.dois,
            "retracted": summary.retracted, "corrected": summary.corrected}  # fmt: skip
