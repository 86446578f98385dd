"""The one HTML sanitizing policy (core/sanitizer.py), tested directly and through saves."""

import pytest

from core.sanitizer import clean_plain_text, clean_rich_text

# (hostile input, a fragment that must not survive)
HOSTILE = [
    ("<script>alert(1)</script>", "alert"),
    ("<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "evil"),
    ("<scr<script>ipt>alert(1)</script>", "<script"),
    ('<p onclick="alert(1)">x</p>', "onclick"),
    ("<img src=x onerror=alert(1)>", "onerror"),
    ("<body onload=alert(1)>", "onload"),
    ("<svg onload=alert(1)><circle/></svg>", "onload"),
    ("<svg><script>alert(1)</script></svg>", "alert"),
    ("<math><mtext><script>alert(1)</script></mtext></math>", "alert"),
    ('<a href="javascript:alert(1)">x</a>', "javascript"),
    ('<a href="JaVaScRiPt:alert(1)">x</a>', "alert"),
    ('<a href="jav&#x09;ascript:alert(1)">x</a>', "alert"),
    ('<a href="&#106;&#97;&#118;&#97;script:alert(1)">x</a>', "alert"),
    ('<a href=" javascript:alert(1)">x</a>', "alert"),
    ('<a href="vbscript:msgbox(1)">x</a>', "vbscript"),
    ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "data:"),
    ('<img src="data:image/svg+xml;base64,PHN2Zz4=">', "data:"),
    ('<img src="javascript:alert(1)">', "javascript"),
    ('<iframe src="https://evil.example"></iframe>', "iframe"),
    ('<object data="x.swf"></object>', "object"),
    ('<embed src="x.swf">', "embed"),
    ('<form action="https://evil.example"><input name=p></form>', "<form"),
    ('<p style="display:none">hidden</p>', "display"),
    ('<p style="position:fixed;top:0;left:0;width:100%;height:100%">overlay</p>', "position"),
    ("<style>body{display:none}</style>", "display"),
    ('<link rel="stylesheet" href="https://evil.example/x.css">', "evil"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example">', "refresh"),
    ('<base href="https://evil.example/">', "evil"),
    ("<!--<script>alert(1)</script>-->", "alert"),
    ('<a href="https://ok.example" onmouseover="alert(1)">x</a>', "onmouseover"),
    ('<div class="x" id="y">text</div>', "class="),
    ('<p id="main">hijack an anchor</p>', 'id="main"'),
    ("<template><script>alert(1)</script></template>", "alert"),
    ('<noscript><p title="</noscript><img src=x onerror=alert(1)>">', "onerror"),
    ("<textarea><script>alert(1)</script></textarea>", "alert"),
    ('<img src="https://ok.example/a.png" srcset="javascript:alert(1)">', "srcset"),
    ("<p>a\x00<script>alert(1)</script></p>", "alert"),
    ('<a href="https://ok.example" target="_blank">x</a>', "target"),
    ('<table background="javascript:alert(1)"><tr><td>x</td></tr></table>', "background"),
    ("<blink>old</blink><marquee>older</marquee>", "marquee"),
]


@pytest.mark.parametrize(("hostile", "forbidden"), HOSTILE)
def test_it_removes_dangerous_constructs(hostile, forbidden):
    cleaned = clean_rich_text(hostile)
    assert forbidden.lower() not in cleaned.lower()
    assert "<script" not in cleaned.lower()


@pytest.mark.parametrize(
    "allowed",
    [
        "<p>Plain paragraph with <strong>bold</strong> and <em>italic</em>.</p>",
        "<h2>Section heading</h2>",
        "<ul><li>One</li><li>Two</li></ul>",
        "<ol><li>First</li></ol>",
        "<blockquote>Quoted words.</blockquote>",
        '<a href="/articles/why-do-we-yawn/">See also our post</a>',
        '<img src="/media/heroes/a.jpg" alt="A diagram">',
    ],
)
def test_it_keeps_the_editorial_allow_list(allowed):
    assert clean_rich_text(allowed) == allowed


def test_it_adds_noopener_to_external_links():
    cleaned = clean_rich_text('<a href="https://example.org/study">study</a>')
    assert 'rel="noopener noreferrer"' in cleaned


def test_it_is_idempotent():
    once = clean_rich_text('<p onclick="x">Hi <a href="https://e.org">e</a> <script>x</script></p>')
    assert clean_rich_text(once) == once


def test_it_keeps_the_text_of_unknown_tags():
    assert clean_rich_text("<section><p>kept</p></section>") == "<p>kept</p>"


def test_plain_text_loses_control_characters():
    assert clean_plain_text("  Caption\x00 text\x07 ") == "Caption text"


@pytest.mark.django_db
def test_a_hostile_body_never_reaches_a_reader(client, author):
    from tests.factories import make_article

    article = make_article(
        author,
        body='<p>Safe words.</p><script>alert("x")</script><img src=x onerror="alert(2)">'
        '<a href="javascript:alert(3)">click</a><p style="display:none">hidden</p>',
    )
    response = client.get(article.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert "Safe words." in page
    for fragment in ('alert("x")', "onerror", "javascript:alert", "display:none"):
        assert fragment not in page
