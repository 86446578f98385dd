"""Reads and checks the demo newsroom's data files in ``demo/content/``; no prose is in Python.

``articles/<slug>.html`` (the slug is the file's name) is YAML front matter between ``---``
lines, then the HTML body. ``load()`` returns what ``articles.py`` and ``comments.py`` seed.
"""

import copy
import functools
from pathlib import Path

import yaml

ROOT = Path(__file__).with_name("content")
STAFF_USERS = {"reader", "editor", "moderator", "reviewer", "admin"}  # articles.seed_users
SCHEMA = {  # kind: (required keys, optional keys with their defaults; ... means left out)
    "author": ("slug name credentials short_bio full_bio photo_color", {}),
    "tag": ("slug name description", {}),
    "article": ("title dek author tags published hero_alt hero_caption hero_credit hero_colors",
                {"reviewer": None, "featured": False, "regularly_updated": False, "revisions": []}),
    "revisions": ("date note minor", {"title": ..., "dek": ..., "replace": []}),
    "comments file": ("commenters banned comments", {}),
    "commenters": ("username first_name", {}),
    "banned": ("username reason", {}),
    "comments": ("key article user status days_after_publish body",
                 {"parent": None, "flags": [], "rejection_reason": ..., "context_note": ...}),
    "context_note": ("user body", {"link": ""}),
    "flags": ("user reason", {"note": ...}),
    "reviews": ("article reviewer days_ago outcome", {"notes": "", "edited_after": None}),
    "edited_after": ("days_ago note append", {}),
    "article sources": ("article sources", {"append": ""}),
    "sources": ("kind title cite_after", {"authors": "", "publisher": "", "year": None, "doi": "",
                "pmid": "", "url": "", "accessed_on": None, "summary": "", "found": None}),
    "feedback": ("article kind days_ago", {"message": "", "handled": None}),
    "handled": ("by resolution note", {}),
}  # fmt: skip


class ContentError(ValueError):
    """A data file is malformed: a missing or unknown key, or a slug that points nowhere."""


def expect(condition, path, message):
    if not condition:
        raise ContentError(f"{path}: {message}")


def checked(kind, data, path):
    """``data`` with defaults filled in (and its lists checked too), or ContentError."""
    required, optional = set(SCHEMA[kind][0].split()), SCHEMA[kind][1]
    expect(isinstance(data, dict), path, f"each {kind} entry must be a mapping, not {data!r:.60}")
    expect(not (missing := sorted(required - data.keys())), path, f"{kind}: missing {missing}.")
    unknown = sorted(data.keys() - required - optional.keys())
    expect(not unknown, path, f"{kind}: unknown keys {unknown}.")
    data = {**{k: copy.copy(v) for k, v in optional.items() if v is not ...}, **data}
    data.update({key: str(data[key]) for key in ("published", "date") if key in data})  # dates
    for key in data.keys() & {"revisions", "commenters", "comments", "flags", "sources"}:
        data[key] = [checked(key, item, path) for item in data[key]]
    for key in data.keys() & {"edited_after", "handled", "context_note"}:
        if data[key]:
            data[key] = checked(key, data[key], path)
    return data


def parse(path, text=None):
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8") if text is None else text)
    except (OSError, yaml.YAMLError) as error:
        raise ContentError(f"{path}: {error}") from error


def known(values, allowed, path, what):
    expect(not (bad := set(values) - set(allowed)), path, f"unknown {what} {sorted(map(str, bad))}")


def read_article(path, authors, tags):
    front, separator, body = path.read_text(encoding="utf-8").partition("\n---\n")
    expect(front.startswith("---\n") and separator, path, "no front matter between --- lines.")
    data = checked("article", parse(path, front[3:]), path)  # YAML errors: file line numbers
    known([data["author"], *filter(None, [data["reviewer"]])], authors, path, "author")
    known(data["tags"], tags, path, "tag")
    return {"slug": path.stem, **data, "body": body.removesuffix("\n")}


def load(root=ROOT):
    """Every demo data file under ``root``; articles oldest first, as they were published."""
    root = Path(root)
    authors = [checked("author", a, root / "authors.yaml") for a in parse(root / "authors.yaml")]
    tags = [checked("tag", tag, root / "tags.yaml") for tag in parse(root / "tags.yaml")]
    slugs = {a["slug"] for a in authors}, {t["slug"] for t in tags}
    articles = [read_article(path, *slugs) for path in (root / "articles").glob("*.html")]
    articles.sort(key=lambda article: (article["published"], article["slug"]))
    data = checked("comments file", parse(path := root / "comments.yaml"), path)
    banned, comments = checked("banned", data["banned"], path), data["comments"]
    known([c["article"] for c in comments], [a["slug"] for a in articles], path, "article")
    users = [banned["username"], *(c["user"] for c in comments),
             *(flag["user"] for c in comments for flag in c["flags"]),
             *(c["context_note"]["user"] for c in comments if c.get("context_note"))]  # fmt: skip
    known(users, STAFF_USERS | {c["username"] for c in data["commenters"]}, path, "user")
    known([c["parent"] for c in comments], [None, *(c["key"] for c in comments)], path, "parent")
    path = root / "reviews.yaml"
    reviews = [checked("reviews", item, path) for item in parse(path)]
    known([r["article"] for r in reviews], [a["slug"] for a in articles], path, "article")
    known([r["reviewer"] for r in reviews], slugs[0], path, "author")
    path = root / "sources.yaml"
    cited = {item["article"]: item for item in (checked("article sources", entry, path)
                                                for entry in parse(path))}  # fmt: skip
    known(cited, [a["slug"] for a in articles], path, "article")
    for article in articles:
        entry = cited.get(article["slug"], {"sources": [], "append": ""})
        article["sources"], article["sources_append"] = entry["sources"], entry["append"]
        found = [source["found"] for source in entry["sources"]]
        known(filter(None, found), ["broken", "retracted"], path, "found")
    path = root / "feedback.yaml"
    feedback = [checked("feedback", item, path) for item in parse(path)]
    known([f["article"] for f in feedback], [a["slug"] for a in articles], path, "article")
    known([f["kind"] for f in feedback], ["helpful", "not_helpful", "report"], path, "kind")
    synthetic = (root / "synthetic-article.html").read_text(encoding="utf-8").removesuffix("\n")
    return {"authors": authors, "tags": tags, "articles": articles, "synthetic_body": synthetic,
            "commenters": data["commenters"], "comments": comments, "banned": banned,
            "reviews": reviews, "feedback": feedback}  # fmt: skip


default = functools.cache(load)  # the shipped content, read once


def __getattr__(name):  # loader.ARTICLES and friends: the shipped content, read on first use
    if name.isupper() and name.lower() in default():
        return default()[name.lower()]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
