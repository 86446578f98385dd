"""``manage.py seed_demo``: a realistic, original demo that is safe to load twice."""

import ast
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.db.models import Count

from accounts.models import User
from articles.citations import cited_numbers
from articles.models import Article, Author, Revision, Source, Tag
from comments.models import Comment, Flag, Sanction
from demo import loader
from demo.articles import DEMO_USERS
from reviews.freshness import freshness_report
from reviews.models import ReaderFeedback

pytestmark = pytest.mark.django_db

COUNTED = (User, Author, Tag, Article, Revision, Comment, Flag, Sanction, Source, ReaderFeedback)


def seed(*args):
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_seed_demo_loads_a_realistic_newsroom_and_is_idempotent(settings, client):
    output = seed()
    first = counts()
    assert "Demo users (password: healthdemo-2026)" in output
    assert seed() and counts() == first  # a second run creates nothing
    content = loader.load()
    assert "12 new demo articles" in output and "41 new demo comments" in output
    assert "6 new medical reviews" in output
    assert first["Article"] == len(content["articles"]) == 12
    assert first["Comment"] == len(content["comments"]) == 41
    assert "0 new demo articles" in seed()
    assert "7 pieces of reader feedback" in output

    published = Article.objects.published()
    assert published.count() >= 8
    assert Tag.objects.filter(articles__in=published).distinct().count() >= 6
    authors = Author.objects.filter(articles__in=published).distinct()
    assert authors.count() >= 3
    assert all(a.credentials and a.short_bio and a.full_bio and a.photo for a in authors)
    assert all(article.hero_image and article.hero_alt for article in published)

    old = published.filter(regularly_updated=True, published_at__year__lte=2018)
    assert old.exists()
    history = Revision.objects.filter(article=old.first())
    assert history.filter(is_minor=True).exists() and history.filter(is_minor=False).count() >= 2
    article = old.first()
    assert article.updated_at > article.published_at  # substantive updates moved the date
    html = client.get(article.get_absolute_url()).content.decode()
    assert f"Originally published in {article.published_at.year}" in html
    assert "Update history" in html

    for username in ("reader", "editor", "moderator", "admin"):
        user = authenticate(username=username, password=settings.DEMO_PASSWORD)
        assert user is not None, username
        assert user.emailaddress_set.get().verified
    assert User.objects.get(username="admin").is_superuser
    assert User.objects.get(username="editor").groups.filter(name="Editors").exists()

    assert Comment.objects.filter(status="pending").count() >= 3
    assert Comment.objects.filter(status="approved", replies__isnull=False).exists()
    assert (
        Flag.objects.filter(reason="misinformation")
        .values("comment")
        .annotate(n=Count("pk"))
        .filter(n__gte=2)
        .exists()
    )
    assert Sanction.objects.active().filter(until__isnull=True).exists()


def test_every_demo_article_cites_two_to_five_sources_with_one_broken_and_one_retracted(client):
    seed()
    for article in Article.objects.filter(slug__in=[a["slug"] for a in loader.load()["articles"]]):
        count = article.sources.count()
        assert 2 <= count <= 5, article.slug
        assert cited_numbers(article.body) == set(range(1, count + 1)), article.slug
    assert Source.objects.filter(link_status="broken").count() == 1
    [retracted] = Source.objects.filter(standing="retracted")
    assert retracted.article.slug in {state.article.slug for state in freshness_report()["overdue"]}
    assert ReaderFeedback.objects.open_reports().count() == 2
    article = Article.objects.get(slug="why-do-my-knees-ache-when-it-rains")
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<a href="#source-1">' in html and '<a href="#source-2">' in html
    assert "Was this page helpful?" in html


def test_seed_demo_adds_synthetic_volume(settings):
    seed()
    before = counts()
    seed("--articles", "7", "--comments", "12")
    after = counts()
    assert after["Article"] == before["Article"] + 7
    assert after["Comment"] == before["Comment"] + 12
    assert after["Revision"] == before["Revision"] + 7
    seed("--articles", "2")
    assert Article.objects.filter(slug="load-test-article-9").exists()


def test_bulk_seeded_articles_are_whole_articles(client):
    seed("--articles", "3")
    article = Article.objects.get(slug="load-test-article-3")
    assert article.revisions.count() == 1 and article.tags.count() >= 1
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200 and "Load-test article 3" in page.content.decode()
    tag_page = client.get(article.tags.first().get_absolute_url()).content.decode()
    assert "Load-test article 3" in tag_page


def test_seed_demo_refuses_negative_numbers():
    with pytest.raises(CommandError, match="--articles must be zero or a positive number."):
        seed("--articles", "-1")
    assert not Article.objects.exists()


ARTICLE_KEYS = set(loader.SCHEMA["article"][0].split()) | set(loader.SCHEMA["article"][1])


def test_loader_returns_every_article_file_with_the_required_keys():
    files = sorted(loader.ROOT.glob("articles/*.html"))
    articles = loader.load()["articles"]
    assert len(files) == 12 and {a["slug"] for a in articles} == {f.stem for f in files}
    published = [article["published"] for article in articles]
    assert published == sorted(published)  # seeded oldest first, as before
    for article in articles:
        assert set(article) == ARTICLE_KEYS | {"slug", "body", "sources", "sources_append"}
        assert article["title"] and article["body"].startswith("<p>"), article["slug"]
        for step in article["revisions"]:
            assert {"date", "note", "minor", "replace"} <= set(step), article["slug"]
    assert loader.STAFF_USERS == {username for username, *_ in DEMO_USERS}


def test_the_seeding_code_reads_the_same_content_as_the_loader():
    content = loader.load()
    assert loader.ARTICLES == content["articles"] and loader.BANNED == content["banned"]
    assert "Filler paragraph" in loader.SYNTHETIC_BODY
    with pytest.raises(AttributeError):
        loader.NO_SUCH_CONTENT  # noqa: B018


WATER = "articles/do-you-really-need-eight-glasses-of-water-a-day.html"


@pytest.mark.parametrize(
    "name, old, new, message",
    [
        (WATER, "dek: The eight-glass", "subtitle: The eight-glass", r"missing \['dek'\]"),
        (WATER, "featured: false", "featurd: false", r"unknown keys \['featurd'\]"),
        (WATER, "author: priya-raman", "author: priya-rahman", "unknown author.*priya-rahman"),
        (WATER, "reviewer: helen-achterberg", "reviewer: helen", "unknown author.*helen"),
        (WATER, "[hydration, nutrition]", "[hydration, nutriton]", "unknown tag.*nutriton"),
        (WATER, "  minor: true\n", "", r"revisions: missing \['minor'\]"),
        (WATER, "title: Do you", "title: [Do you", "line 2, column 8"),  # not YAML
        (WATER, "---\ntitle:", "title:", "no front matter"),
        ("authors.yaml", "  credentials: RD\n", "", r"author: missing \['credentials'\]"),
        ("tags.yaml", "- slug: sleep\n", "- slug: sleep\n  colour: blue\n", "unknown keys"),
        ("comments.yaml", "article: why-do-my-knees", "article: why-my-knees", "unknown article"),
        ("comments.yaml", "user: lena_r", "user: lena", "unknown user.*lena"),
        ("comments.yaml", "parent: c1\n", "parent: c99\n", "unknown parent.*c99"),
        ("comments.yaml", "  days_after_publish: 2\n", "", "days_after_publish"),
    ],
)
def test_a_bad_data_file_raises_an_error_naming_it(tmp_path, name, old, new, message):
    root = tmp_path / "content"
    shutil.copytree(loader.ROOT, root)
    text = (root / name).read_text(encoding="utf-8")
    assert old in text
    (root / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(loader.ContentError, match=message) as error:
        loader.load(root)
    assert str(error.value).startswith(str(root / name))


DOCUMENTED = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)


def test_the_demo_prose_stays_out_of_python():
    """Short modules, and no long strings (docstrings aside): the prose is in demo/content/."""
    modules = sorted(Path(loader.__file__).parent.rglob("*.py"))
    assert len(modules) >= 6
    for module in modules:
        source = module.read_text(encoding="utf-8")
        assert len(source.splitlines()) <= 200, module
        tree = ast.parse(source)
        documented = [node for node in ast.walk(tree) if isinstance(node, DOCUMENTED)]
        docstrings = {id(node.body[0].value) for node in documented if ast.get_docstring(node)}
        strings = [node.value for node in ast.walk(tree) if id(node) not in docstrings
                   and isinstance(node, ast.Constant) and isinstance(node.value, str)]  # fmt: skip
        assert max(map(len, strings), default=0) <= 250, module
        assert sum(map(len, strings)) <= 3000, module


def test_the_demo_gives_the_freshness_dashboard_real_work(client):
    """Reviewed articles, one overdue (and one citing a retracted source), one due soon, one
    changed since review, one scheduled."""
    from reviews.freshness import freshness_report

    seed()
    report = freshness_report()
    # The blood pressure article cites a retracted study: due at once (issue 25).
    assert [s.article.slug for s in report["overdue"]] == [
        "why-do-my-knees-ache-when-it-rains",
        "should-you-check-your-blood-pressure-at-home",
    ]
    assert [s.article.slug for s in report["due_soon"]] == [
        "when-is-a-headache-worth-worrying-about"
    ]
    assert [s.article.slug for s in report["changed"]] == ["is-vitamin-d-worth-taking-in-winter"]
    scheduled = Article.objects.get(slug="is-it-safe-to-exercise-with-a-cold")
    assert scheduled.is_scheduled and not scheduled.is_public
    assert scheduled.get_absolute_url() not in client.get("/").content.decode()
    assert scheduled.get_absolute_url() not in client.get("/sitemap.xml").content.decode()
    assert scheduled.get_absolute_url() not in client.get("/tags/exercise/").content.decode()
    water = Article.objects.get(slug="do-you-really-need-eight-glasses-of-water-a-day")
    html = client.get(water.get_absolute_url()).content.decode()
    assert "Medically reviewed by" in html and "Helen Achterberg, MD" in html


def test_demo_alt_texts_describe_the_generated_pictures():
    for article in loader.load()["articles"]:
        assert article["hero_alt"].startswith("Abstract illustration:"), article["slug"]


def test_the_demo_shows_health_safe_discussion(db):
    from comments.models import ContextNote

    seed()
    copper = Comment.objects.get(body__startswith="Copper bracelets remove the pain instantly")
    assert (copper.status, copper.signals) == ("pending", ["medical_claim"])
    assert any("Copper bracelets" in phrase for phrase in copper.matched_phrases)
    urgent = Comment.objects.get(urgent=True)
    assert urgent.status == "pending" and urgent.signals == ["crisis"]
    note = ContextNote.objects.get()
    assert note.comment.status == "approved" and "glucosamine" in note.body
