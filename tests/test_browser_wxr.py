"""An imported WordPress article in a real browser: images from the library under the unchanged
CSP, no request to the old host, nothing scrolls sideways at 390 px, and axe finds no serious
violation in the imported markup."""

from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from articles.models import Article
from tests.browser import serious_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "wxr"


def imported_article(tmp_path):
    from demo.images import hero_image

    uploads = tmp_path / "uploads" / "2020" / "05"
    uploads.mkdir(parents=True)
    (uploads / "cup.jpg").write_bytes(hero_image("cup.jpg", ["#204060", "#e0c080"], "c").read())
    (uploads / "beans.jpg").write_bytes(hero_image("b.jpg", ["#402010", "#c0a080"], "b").read())
    call_command("import_wxr", str(FIXTURES / "moved.xml"), "--media-dir",
                 str(tmp_path / "uploads"), "--topics", "nutrition", stdout=StringIO())  # fmt: skip
    return Article.objects.get(title="Coffee and the heart")


def test_an_imported_article_reads_well_on_a_phone(live_server, browser_page, tmp_path):
    page, base = browser_page, live_server.url
    article = imported_article(tmp_path)
    hosts, errors = set(), []
    page.on("request", lambda request: hosts.add(urlsplit(request.url).hostname))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error"
            else None)  # fmt: skip
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base}{article.get_absolute_url()}")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # lazy images load
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    loaded = page.evaluate(
        "[...document.querySelectorAll('.article__body img')].map(i => i.naturalWidth)"
    )
    assert loaded and all(loaded)  # the library's renditions, shown
    assert hosts <= {urlsplit(base).hostname}  # nothing asked of the old host
    assert not [error for error in errors if "Content Security Policy" in error]


def test_axe_finds_no_serious_violation_on_an_imported_article(live_server, a11y_page, tmp_path):
    article = imported_article(tmp_path)
    a11y_page.goto(f"{live_server.url}{article.get_absolute_url()}")
    assert not serious_violations(a11y_page)
