"""Readable differences between two article snapshots, for editors (every field) and for
readers ("what changed" in one public update: only what the page shows).

Bodies are compared as the text a reader sees, block by block (a heading, a paragraph, a list
item), and shown styled as they render — a heading looks like a heading, a list item has its
bullet — with word-level insertions and deletions in changed blocks. No markup, no link
addresses.
"""

import difflib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.utils.html import escape
from django.utils.safestring import mark_safe

BLOCK_TAGS = {"p", "h2", "h3", "h4", "li", "blockquote", "pre", "figcaption", "tr", "caption",
              "hr", "br", "ul", "ol", "table", "figure"}  # fmt: skip
SHOWN_AS = {"h2", "h3", "h4", "li", "blockquote", "pre", "figcaption", "caption"}


class Block(str):
    """A block's text, remembering which element it came from (``tag``) for display. Compared
    as text: the same words moved from a paragraph into a list item are a change of style only."""

    def __new__(cls, text, tag="p"):
        block = super().__new__(cls, text)
        block.tag = tag if tag in SHOWN_AS else "p"
        return block


class _TextBlocks(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []
        self.current = []
        self.tag = "p"

    def _flush(self):
        text = re.sub(r"\s+", " ", "".join(self.current)).strip()
        if text:
            self.blocks.append(Block(text, self.tag))
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self._flush()
            self.tag = tag
        elif tag == "img":
            alt = dict(attrs).get("alt") or ""
            self.current.append(f"[image: {alt}]")

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self._flush()
            self.tag = "p"

    def handle_data(self, data):
        self.current.append(data)

    def close(self):
        super().close()
        self._flush()


def html_to_blocks(html):
    """The readable text of ``html``, one item per heading, paragraph or list item."""
    parser = _TextBlocks()
    parser.feed(html or "")
    parser.close()
    return parser.blocks


def _inline_diff(old, new):
    old_words, new_words = re.findall(r"\S+|\s+", old), re.findall(r"\S+|\s+", new)
    parts = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape("".join(old_words[a1:a2])))
            continue
        if op in ("delete", "replace"):
            parts.append(f"<del>{escape(''.join(old_words[a1:a2]))}</del>")
        if op in ("insert", "replace"):
            parts.append(f"<ins>{escape(''.join(new_words[b1:b2]))}</ins>")
    return mark_safe("".join(parts))  # every piece above was escaped


@dataclass
class Line:
    kind: str  # "same", "added", "removed", "changed", "skipped"
    html: str
    tag: str = "p"  # how the block renders: p, h2, h3, h4, li, blockquote, pre …


@dataclass
class FieldDiff:
    label: str
    lines: list = field(default_factory=list)

    @property
    def changed(self):
        return any(line.kind not in ("same", "skipped") for line in self.lines)


def diff_blocks(old_blocks, new_blocks):
    lines = []
    matcher = difflib.SequenceMatcher(a=old_blocks, b=new_blocks, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            lines += [Line("same", escape(block), _tag(block)) for block in old_blocks[a1:a2]]
        else:
            lines += _pair_changed_blocks(old_blocks[a1:a2], new_blocks[b1:b2])
    return lines


def _tag(block):
    return getattr(block, "tag", "p")


def _similar(old, new):
    return difflib.SequenceMatcher(a=old, b=new, autojunk=False).ratio() >= 0.5


def _pair_changed_blocks(old_blocks, new_blocks):
    """Within a changed stretch, show an edited paragraph as one line with word changes, and
    paragraphs with no counterpart as removed or added, keeping the order of both sides."""
    lines, j = [], 0
    for old in old_blocks:
        match = next((k for k in range(j, len(new_blocks)) if _similar(old, new_blocks[k])), None)
        if match is None:
            lines.append(Line("removed", escape(old), _tag(old)))
            continue
        lines += [Line("added", escape(block), _tag(block)) for block in new_blocks[j:match]]
        new = new_blocks[match]
        lines.append(Line("changed", _inline_diff(old, new), _tag(new)))
        j = match + 1
    lines += [Line("added", escape(block), _tag(block)) for block in new_blocks[j:]]
    return lines


def collapse_unchanged(lines, context=1):
    """Keep ``context`` unchanged paragraphs around each change; fold longer unchanged runs into
    one "N unchanged paragraphs" line so a one-word edit in a long article is easy to find."""
    near_change = set()
    for index, line in enumerate(lines):
        if line.kind != "same":
            near_change.update(range(index - context, index + context + 1))
    collapsed, skipped = [], 0
    for index, line in enumerate(lines):
        if line.kind == "same" and index not in near_change:
            skipped += 1
            continue
        if skipped:
            collapsed.append(Line("skipped", f"{skipped} unchanged paragraph{'s' * (skipped > 1)}"))
            skipped = 0
        collapsed.append(line)
    if skipped:
        collapsed.append(Line("skipped", f"{skipped} unchanged paragraph{'s' * (skipped > 1)}"))
    return collapsed


def _as_text(value):
    if value is None or value == "":
        return []
    if isinstance(value, bool):
        return ["yes" if value else "no"]
    if isinstance(value, dict):
        return [value.get("name", "")]
    if isinstance(value, list):
        return [", ".join(item["name"] if isinstance(item, dict) else str(item) for item in value)]
    return [str(value)]


def _source_lines(sources):
    """One line per source, numbered as the body cites it."""
    lines = []
    for number, source in enumerate(sources or [], start=1):
        details = [source.get("authors"), source.get("publisher"), source.get("year"),
                   source.get("kind", "").replace("_", " ")]  # fmt: skip
        links = [
            f"DOI {source['doi']}" if source.get("doi") else "",
            f"PMID {source['pmid']}" if source.get("pmid") else "",
            source.get("url"),
        ]
        text = " · ".join(str(part) for part in [source.get("title"), *details, *links] if part)
        lines.append(Block(f"[{number}] {text}", "li"))
    return lines


FIELDS = [
    ("title", "Title"),
    ("dek", "Dek"),
    ("body", "Body"),
    ("hero_image", "Hero image"),
    ("hero_alt", "Hero alt text"),
    ("hero_caption", "Hero caption"),
    ("hero_credit", "Hero credit"),
    ("author", "Author"),
    ("reviewer", "Medical reviewer"),
    ("tags", "Tags"),
    ("related", "Related articles (ids)"),
    ("sources", "Sources"),
    ("status", "Status"),
    ("featured", "Featured"),
    ("comments_open", "Comments open"),
    ("regularly_updated", "Regularly updated"),
    ("review_interval_months", "Medical review interval (months)"),
    ("published_at", "Published at"),
]


def diff_snapshots(old, new):
    """Field-by-field differences between two snapshots; unchanged fields are left out."""
    diffs = []
    for key, label in FIELDS:
        if key == "sources":
            lines = diff_blocks(_source_lines(old.get(key)), _source_lines(new.get(key)))
        elif key == "body":
            lines = collapse_unchanged(
                diff_blocks(html_to_blocks(old.get(key)), html_to_blocks(new.get(key)))
            )
        else:
            lines = diff_blocks(_as_text(old.get(key)), _as_text(new.get(key)))
        field_diff = FieldDiff(label, lines)
        if field_diff.changed:
            diffs.append(field_diff)
    return diffs


# What a reader sees of an article, in the order the page shows it.
READER_FIELDS = [
    ("title", "Title"),
    ("dek", "Summary"),
    ("hero_caption", "Picture caption"),
    ("body", "Article"),
]
# Said to screen readers around each removed or added passage: <del> and <ins> alone are not
# announced by most of them, and colour alone tells nothing to many readers.
_SPOKEN = {
    "<del>": '<del><span class="visually-hidden">[removed: </span>',
    "</del>": '<span class="visually-hidden">]</span></del>',
    "<ins>": '<ins><span class="visually-hidden">[added: </span>',
    "</ins>": '<span class="visually-hidden">]</span></ins>',
}
_MARKS = re.compile("|".join(re.escape(mark) for mark in _SPOKEN))


def diff_for_readers(old, new):
    """What changed between two public versions, field by field, as readers would read it:
    unchanged paragraphs folded, removed and added words named for screen readers."""
    diffs = []
    for key, label in READER_FIELDS:
        if key == "body":
            lines = collapse_unchanged(
                diff_blocks(html_to_blocks(old.get(key)), html_to_blocks(new.get(key)))
            )
        else:
            lines = diff_blocks(_as_text(old.get(key)), _as_text(new.get(key)))
        for line in lines:
            if line.kind == "changed":
                # Our own markup from _inline_diff, every piece of text already escaped.
                line.html = mark_safe(_MARKS.sub(lambda mark: _SPOKEN[mark.group(0)], line.html))
        field_diff = FieldDiff(label, lines)
        if field_diff.changed:
            diffs.append(field_diff)
    return diffs
