"""What an import did, for the terminal and the admin job."""

import time
from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Report:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    posts_by_status: Counter = field(default_factory=Counter)
    pages_by_status: Counter = field(default_factory=Counter)
    threaded_replies: int = 0
    flattened_replies: int = 0
    redirects: int = 0
    skipped: list = field(default_factory=list)  # (what, why)
    notes: list = field(default_factory=list)
    shortcodes: dict = field(default_factory=dict)  # name → the posts that use it
    external_images: set = field(default_factory=set)  # uploads we have no file for
    no_type: list = field(default_factory=list)  # (id, title, comments) of typeless items
    no_alt: list = field(default_factory=list)  # imported images WordPress had no alt text for
    terms: dict = field(default_factory=dict)  # "category:slug" → name, kind, topic, posts
    started: float = field(default_factory=time.monotonic)
    dry_run: bool = False

    def skip(self, what, why):
        self.skipped.append((what, why))

    def note(self, text):
        self.notes.append(text)

    def unknown_shortcode(self, where, name):
        self.shortcodes.setdefault(name, []).append(where)

    def left_at_old_address(self, url):
        self.external_images.add(url)

    def lines(self):
        seconds = time.monotonic() - self.started
        kinds = ["post", "page", "author", "tag", "comment", "asset"]
        out = ["Dry run: nothing was saved." if self.dry_run else "WordPress import finished."]
        for kind in kinds:
            out.append(
                f"  {kind + 's':<9} {self.created[kind]:>6} new, {self.updated[kind]:>5} updated, "
                f"{self.unchanged[kind]:>5} unchanged"
            )
        if self.posts_by_status:
            statuses = ", ".join(f"{n} {s}" for s, n in sorted(self.posts_by_status.items()))
            out.append(f"  posts by status: {statuses}")
        if self.pages_by_status:
            statuses = ", ".join(f"{n} {s}" for s, n in sorted(self.pages_by_status.items()))
            out.append(f"  pages by status: {statuses}")
        out.append(f"  threaded replies: {self.threaded_replies}"
                   + (f" ({self.flattened_replies} attached to the deepest allowed comment: "
                      "threads here nest 3 deep)" if self.flattened_replies else ""))  # fmt: skip
        out.append(f"  redirects from old addresses: {self.redirects}")
        if self.terms:
            topics = sorted(term["name"] for term in self.terms.values() if term["topic"])
            out.append(f"  public topics: {len(topics)}"
                       + (f" ({', '.join(topics)})" if topics else "")
                       + f"; private keywords: {len(self.terms) - len(topics)} "
                       "(choose topics with --topics, or in the admin's dry run)")  # fmt: skip
        reasons = Counter(why for _, why in self.skipped)
        if reasons:
            out.append(f"  skipped {len(self.skipped)}:")
            out += [f"    {count} × {why}" for why, count in reasons.most_common()]
        out += [f"  note: {note}" for note in self.notes]
        for id_, title, comments in self.no_type:
            out.append(f"  item {id_} “{title}” has no post type: not imported, "
                       f"with its {comments} comment{'s' if comments != 1 else ''}")  # fmt: skip
        if self.shortcodes:
            out.append(f"  shortcodes kept as text: {', '.join(sorted(self.shortcodes))}")
            for name, where in sorted(self.shortcodes.items()):
                out += [f"    [{name}] in {place}" for place in where]
        if self.no_alt:
            out.append(f"  images without alt text in WordPress: {len(self.no_alt)}, marked "
                       "decorative in the library (describe the ones that are not)")  # fmt: skip
        if self.external_images:
            out.append(
                f"  media left at their old addresses: {len(self.external_images)} "
                "(give a copy or zip of wp-content/uploads, or fetch them from the old site)"
            )
            out += [f"    {url}" for url in sorted(self.external_images)]
        out.append(f"  time: {seconds:.1f} s")
        return out

    def __str__(self):
        return "\n".join(self.lines())
