"""WordPress post content into our article bodies and comments.

WordPress stores what its editor wrote, not what readers saw: paragraphs are blank lines
(``wpautop``), images sit in ``[caption]`` and ``[gallery]`` shortcodes, and a URL alone on a line
becomes an embedded player. Readers here get the same content as plain, sanitized HTML: figures,
a list of library images, native audio and video for files we imported, and a link card instead
of a third-party iframe (the CSP allows none). A shortcode we do not know stays visible as text
and is listed for its post in the import report, so an editor can decide what it should become.
"""

import re
from html import escape, unescape
from urllib.parse import urlparse

from core.sanitizer import clean_rich_text

from .media import uploads_path

_BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.S)
_MORE = re.compile(r"<!--\s*(?:more\b.*?|noteaser\s*)-->", re.S | re.I)
_SHORTCODE = re.compile(r"\[/?([a-zA-Z][\w-]*)(?:[^\]\[]*)\]")
_BLOCK_TAGS = r"(?:p|div|h[1-6]|ul|ol|li|blockquote|pre|table|figure|hr|dl|address|audio|video)"
_IMG_SRC = re.compile(r'(<img\b[^>]*\bsrc=")([^"]+)(")', re.I)
_IMG_TAG = re.compile(r"<img\b[^>]*>", re.I)
_LINK_HREF = re.compile(r'(<a\b[^>]*\bhref=")([^"]+)(")', re.I)
_TAG = re.compile(r"<[^>]+>")
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s'"\]]+))""")
_EMPTY_PARAGRAPH = re.compile(r"<p>(?:\s|&nbsp;|<br>)*</p>")

_CAPTION = re.compile(r"\[(caption|wp_caption)\b([^\]]*)\](.*?)\[/\1\]", re.S | re.I)
_CAPTIONED = re.compile(r"^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", re.S | re.I)
_GALLERY = re.compile(r"\[gallery\b([^\]]*)\]", re.I)
_EMBED = re.compile(r"\[embed\b[^\]]*\](.*?)\[/embed\]", re.S | re.I)
_AUDIO_VIDEO = re.compile(
    r"\[(audio|video)\b([^\]]*)\](?:[^\[]*\[/\1\])?", re.I
)  # the player's own fallback text, if any, is replaced by ours
_BARE_URL = re.compile(r"^[ \t]*(https?://[^\s<>\"'\[\]]+)[ \t]*$", re.M)
MEDIA_SOURCES = {
    "audio": ("src", "mp3", "m4a", "ogg", "wav", "flac"),
    "video": ("src", "mp4", "m4v", "webm", "ogv", "wmv", "flv", "mov"),
}
# Hosts WordPress turns into embedded players when their URL stands alone on a line (its
# oEmbed providers); here they become link cards.
EMBED_HOSTS = (
    "youtube.com", "youtu.be", "vimeo.com", "dailymotion.com", "twitter.com", "x.com",
    "instagram.com", "facebook.com", "flickr.com", "flic.kr", "soundcloud.com", "spotify.com",
    "mixcloud.com", "tiktok.com", "ted.com", "wordpress.tv", "videopress.com", "slideshare.net",
    "speakerdeck.com", "scribd.com", "issuu.com", "imgur.com", "giphy.com", "reddit.com",
    "tumblr.com", "pinterest.com", "kickstarter.com", "smugmug.com", "reverbnation.com",
    "cloudup.com", "crowdsignal.com", "polldaddy.com", "screencast.com", "animoto.com",
    "amazon.com", "wolframcloud.com", "hulu.com", "funnyordie.com", "collegehumor.com",
)  # fmt: skip


def autop(text):
    """WordPress's ``wpautop`` in short: blank lines separate paragraphs, single line breaks
    inside one become <br>; text already in block elements is left alone."""
    text = text.replace("\r\n", "\n").strip()
    if not text:
        return ""
    chunks = re.split(r"\n\s*\n", text)
    out = []
    for chunk in chunks:
        chunk = chunk.strip()
        if re.match(rf"^<{_BLOCK_TAGS}\b", chunk, re.I):
            out.append(chunk)
        elif chunk:
            out.append("<p>" + chunk.replace("\n", "<br>") + "</p>")
    return "\n".join(out)


def teaser(content):
    """The text before ``<!--more-->``, as plain text: WordPress's own excerpt of the post
    when none was written. Empty when the post has no such marker."""
    content = _BLOCK_COMMENT.sub("", content or "")
    if not _MORE.search(content):
        return ""
    before = _MORE.split(content, 1)[0]
    text = plain_text(_SHORTCODE.sub("", _CAPTION.sub("", before)))
    return re.sub(r"\s+", " ", text).strip()


def shortcode_attributes(text):
    return {
        match.group(1).lower(): unescape(next(g for g in match.groups()[1:] if g is not None))
        for match in _ATTRIBUTE.finditer(unescape(text or ""))
    }


class Body:
    """One post's content made into our HTML; ``media`` says where its uploads are here."""

    def __init__(self, content, *, media=None, report=None, label="", post_id=""):
        self.content = content or ""
        self.media = media
        self.report = report
        self.label = label
        self.post_id = post_id

    def html(self):
        content = _BLOCK_COMMENT.sub("", self.content)
        content = _MORE.sub("\n\n", content)
        content = _CAPTION.sub(self.caption, content)
        content = _GALLERY.sub(self.gallery, content)
        content = _EMBED.sub(
            lambda match: self.link_card(unescape(match.group(1).strip())), content
        )
        content = _AUDIO_VIDEO.sub(self.player, content)
        content = _BARE_URL.sub(self.bare_url, content)
        for name in sorted({match.group(1).lower() for match in _SHORTCODE.finditer(content)}):
            if self.report is not None:
                self.report.unknown_shortcode(self.label, name)
        if self.media is not None:  # the alt text in the body describes an image with none
            for tag in _IMG_TAG.findall(content):
                attributes = shortcode_attributes(tag[4:])
                if attributes.get("src"):
                    self.media.asset(attributes["src"], alt=attributes.get("alt", ""))
        content = _IMG_SRC.sub(self.moved, content)
        content = _LINK_HREF.sub(lambda match: self.moved(match, link=True), content)
        return _EMPTY_PARAGRAPH.sub("", clean_rich_text(autop(content))).strip()

    # -- addresses -----------------------------------------------------------------------------

    def local(self, url):
        return self.media.url(url) if self.media is not None else None

    def moved(self, match, link=False):
        """An upload's old address replaced by ours; one we do not have is reported."""
        url = unescape(match.group(2))
        ours = self.local(url)
        if ours is None:
            if self.report is not None and (not link or uploads_path(url)):
                self.report.left_at_old_address(url)
            return match.group(0)
        return match.group(1) + escape(ours) + match.group(3)

    # -- shortcodes ------------------------------------------------------------------------------

    def caption(self, match):
        attributes = shortcode_attributes(match.group(2))
        found = _CAPTIONED.match(match.group(3))
        if not found:
            return match.group(3)
        image, text = found.group(1), found.group(2).strip() or attributes.get("caption", "")
        caption = f"<figcaption>{text}</figcaption>" if text.strip() else ""
        return f"\n\n<figure>{image}{caption}</figure>\n\n"

    def gallery(self, match):
        attributes = shortcode_attributes(match.group(1))
        media = self.media
        if media is None:
            return match.group(0)
        if attributes.get("ids"):
            ids = [part.strip() for part in attributes["ids"].split(",") if part.strip()]
            attachments = [media.attachment(wp_id) for wp_id in ids]
            missing = [wp_id for wp_id, found in zip(ids, attachments, strict=True) if not found]
            if missing and self.report is not None:
                self.report.note(f"{self.label}: gallery images not in the export: "
                                 f"{', '.join(missing)}")  # fmt: skip
            attachments = [found for found in attachments if found]
        else:
            attachments = media.children_of(self.post_id)
        items = []
        for attachment in attachments:
            alt = escape(unescape(attachment["alt"] or ""), quote=True)
            caption = plain_text(attachment["caption"])
            figcaption = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
            items.append(f'<li><figure><img src="{escape(attachment["url"], quote=True)}" '
                         f'alt="{alt}">{figcaption}</figure></li>')  # fmt: skip
        if not items:
            return ""
        return f'\n\n<ul class="gallery">{"".join(items)}</ul>\n\n'

    def link_card(self, url):
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            return escape(url)
        shown = parsed.hostname.removeprefix("www.") + parsed.path.rstrip("/")
        text = escape(shown + (f"?{parsed.query}" if parsed.query else ""))
        return f'\n\n<p class="link-card"><a href="{escape(url, quote=True)}">{text}</a></p>\n\n'

    def bare_url(self, match):
        url = match.group(1)
        host = (urlparse(url).hostname or "").lower()
        if any(host == known or host.endswith("." + known) for known in EMBED_HOSTS):
            return self.link_card(url)
        return match.group(0)

    def player(self, match):
        kind, attributes = match.group(1).lower(), shortcode_attributes(match.group(2))
        url = next((attributes[key] for key in MEDIA_SOURCES[kind] if attributes.get(key)), "")
        if not url:
            return ""
        ours = self.local(url)
        if ours is None:
            if self.report is not None:
                self.report.left_at_old_address(url)
            return self.link_card(url)
        label = "Download the audio" if kind == "audio" else "Download the video"
        return (f'\n\n<{kind} controls preload="none" src="{escape(ours, quote=True)}">'
                f'<a href="{escape(ours, quote=True)}">{label}</a></{kind}>\n\n')  # fmt: skip


def body_html(content, *, media=None, report=None, label="", post_id=""):
    """A post's content as sanitized article HTML (see ``Body``)."""
    return Body(content, media=media, report=report, label=label, post_id=post_id).html()


def plain_text(html):
    """Comment or excerpt HTML as our plain text: tags gone, line breaks kept."""
    html = re.sub(r"<br\s*/?>", "\n", html or "", flags=re.I)
    html = re.sub(r"</p>\s*<p[^>]*>", "\n\n", html, flags=re.I)
    return unescape(_TAG.sub("", html)).strip()
