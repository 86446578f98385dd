"""Streaming a WordPress export (WXR) with lxml: memory stays flat whatever the file size.

Entities are never resolved, nothing is fetched from the network, and a DOCTYPE (the door to
XML bombs and external entities) is refused before the first record: the parser itself reports
it, wherever it stands in the prolog and in any encoding (no byte scan). Yields plain dicts:
``("site", …)``, ``("author", …)``, ``("category", …)``, ``("tag", …)`` and ``("item", …)`` with
the item's comments inside it.
"""

from lxml import etree

DOCTYPE_REFUSED = (
    "a DOCTYPE declaration is not allowed in a WordPress export (it can define entities that "
    "expand without end or read local files)."
)


class WXRError(ValueError):
    """A file that is not a readable WordPress export; the message names the line."""


def _local(element):
    return etree.QName(element).localname


def _text(element, name, default=""):
    for child in element:
        if isinstance(child.tag, str) and _local(child) == name:
            return (child.text or "").strip() if name != "encoded" else child.text or ""
    return default


def _children(element, name):
    return [child for child in element if isinstance(child.tag, str) and _local(child) == name]


def _comment(element):
    return {
        "id": _text(element, "comment_id"),
        "parent": _text(element, "comment_parent", "0"),
        "author": _text(element, "comment_author"),
        "email": _text(element, "comment_author_email"),
        "date_gmt": _text(element, "comment_date_gmt"),
        "date": _text(element, "comment_date"),
        "content": _text(element, "comment_content"),
        "approved": _text(element, "comment_approved", "1"),
        "type": _text(element, "comment_type"),
    }


def _item(element):
    content = ""
    excerpt = ""
    for child in element:
        if isinstance(child.tag, str) and _local(child) == "encoded":
            namespace = etree.QName(child).namespace or ""
            if "excerpt" in namespace:
                excerpt = child.text or ""
            else:
                content = child.text or ""
    meta = {
        _text(entry, "meta_key"): _text(entry, "meta_value")
        for entry in _children(element, "postmeta")
    }
    terms = [
        {"domain": term.get("domain", ""), "slug": term.get("nicename", ""),
         "name": (term.text or "").strip()}
        for term in _children(element, "category")
    ]  # fmt: skip
    return {
        "id": _text(element, "post_id"),
        "title": _text(element, "title"),
        "link": _text(element, "link"),
        "creator": _text(element, "creator"),
        "content": content,
        "excerpt": excerpt,
        "date_gmt": _text(element, "post_date_gmt"),
        "date": _text(element, "post_date"),
        "modified_gmt": _text(element, "post_modified_gmt"),
        "modified": _text(element, "post_modified"),
        "slug": _text(element, "post_name"),
        "status": _text(element, "status"),
        "type": _text(element, "post_type"),
        "password": _text(element, "post_password"),
        "attachment_url": _text(element, "attachment_url"),
        "parent": _text(element, "post_parent"),
        "meta": meta,
        "terms": terms,
        "comments": [_comment(comment) for comment in _children(element, "comment")],
        "line": element.sourceline,
    }


def _parse(source, events=("start", "end")):
    return etree.iterparse(
        source, events=events, resolve_entities=False, no_network=True, load_dtd=False,
        huge_tree=False, remove_comments=True,
    )  # fmt: skip


def _check_root(element):
    # The prolog, DOCTYPE included, has been parsed when the root element starts.
    if element.getroottree().docinfo.doctype:
        raise WXRError(DOCTYPE_REFUSED)
    if _local(element) != "rss":
        raise WXRError(f"line {element.sourceline}: this XML file is not a WordPress export "
                       "(its root is not <rss>).")  # fmt: skip


def _not_well_formed(error):
    return WXRError(f"line {error.lineno}: the file is not well-formed XML ({error.msg}).")


def check_start(source):
    """Refuse a file (a path or an open file) whose prolog or root already shows it is not a
    WordPress export, reading no further: the admin checks an upload before queuing it."""
    try:
        for _, element in _parse(source, events=("start",)):
            _check_root(element)
            return
    except etree.XMLSyntaxError as error:
        raise _not_well_formed(error) from None


def read(path):
    """The export's records, one at a time; raises WXRError on anything unreadable."""
    parser = _parse(str(path))
    depth, seen_version, root_checked = 0, False, False
    try:
        for event, element in parser:
            if event == "start":
                depth += 1
                if not root_checked:
                    root_checked = True
                    _check_root(element)
                continue
            depth -= 1
            name = _local(element) if isinstance(element.tag, str) else ""
            if depth != 2:  # only children of <channel> are records
                continue
            if name == "wxr_version":
                seen_version = True
            elif name in ("base_site_url", "base_blog_url"):
                yield "site", {name: (element.text or "").strip()}
            elif name in ("author", "category", "tag", "item") and not seen_version:
                raise WXRError(f"line {element.sourceline}: this XML file is not a WordPress "
                               "export (no <wp:wxr_version> before its content).")  # fmt: skip
            elif name == "author":
                yield "author", {key: _text(element, f"author_{key}")
                                 for key in ("id", "login", "email", "display_name")}  # fmt: skip
            elif name == "category":
                yield "category", {"id": _text(element, "term_id"),
                                   "slug": _text(element, "category_nicename"),
                                   "parent": _text(element, "category_parent"),
                                   "name": _text(element, "cat_name")}  # fmt: skip
            elif name == "tag":
                yield "tag", {"id": _text(element, "term_id"), "slug": _text(element, "tag_slug"),
                              "name": _text(element, "tag_name")}  # fmt: skip
            elif name == "item":
                yield "item", _item(element)
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]
    except etree.XMLSyntaxError as error:
        raise _not_well_formed(error) from None
    if not seen_version:
        raise WXRError("this XML file is not a WordPress export (no <wp:wxr_version>).")
