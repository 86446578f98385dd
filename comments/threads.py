"""The comment section of an article page, built in a fixed number of queries."""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.template.loader import get_template
from django.utils.safestring import mark_safe

from .models import Comment, Flag
from .moderation import comment_gate, current_rules
from .policy import MAX_DEPTH

TOP_LEVEL_PER_PAGE = 50


@dataclass
class Node:
    comment: Comment
    children: list = field(default_factory=list)
    readable: bool = True  # False: shown as a placeholder because replies hang from it
    own: bool = False  # the viewer wrote it
    editable: bool = False  # the viewer may still edit it (own comment, inside the window)
    flagged: bool = False  # the viewer has flagged it
    by_article_author: bool = False
    closes: range = range(0)  # one for each reply list that ends right after it (``in_order``)
    html: str = ""  # the comment as it shows, when kept rendered (``as_members_see_them``)


def _prune(nodes):
    """Keep readable comments, and unreadable ones only as placeholders above readable replies."""
    kept = []
    for node in nodes:
        node.children = _prune(node.children)
        if node.readable or node.children:
            kept.append(node)
    return kept


def in_order(threads):
    """The comments of ``threads`` one after another, as they appear on the page: the template
    renders them in one loop, without an include (and a new context) per comment. A comment
    with replies opens their list; each list is closed after its last comment's last reply."""
    ordered = []

    def walk(nodes):
        for node in nodes:
            ordered.append(node)
            if node.children:
                walk(node.children)
                ordered[-1].closes = range(len(ordered[-1].closes) + 1)

    walk(threads)
    return ordered


def build_threads(article, user, rules, page_number=1):
    """Approved comments in threads, oldest first, and the viewer's own comments whatever their
    status. A removed, rejected or hidden comment with published replies stays as a placeholder
    so the conversation still reads.

    Queries: top-level count, top-level page, the replies of that page (with authors); at most
    one more for the viewer's own flags. The same for 5 comments or 5,000.
    """
    in_article = (
        Comment.objects.filter(article=article)
        .select_related("author", "context_note")
        # What the threads show (comments/includes/comment.html): not what moderators read.
        .defer("body", "matched_phrases", "signals")
        .order_by("created_at", "id")
    )
    paginator = Paginator(in_article.thread_starters_for(user), TOP_LEVEL_PER_PAGE)
    page = paginator.get_page(page_number)
    roots = [Node(comment) for comment in page.object_list]
    nodes = {node.comment.pk: node for node in roots}
    if nodes:
        for reply in in_article.filter(thread_id__in=list(nodes)):
            nodes[reply.pk] = Node(reply)
        for node in list(nodes.values()):
            parent_id = node.comment.parent_id
            if parent_id in nodes:
                nodes[parent_id].children.append(node)
    flagged_ids = set()
    if user.is_authenticated and nodes:
        flagged_ids = set(
            Flag.objects.filter(user=user, comment_id__in=list(nodes)).values_list(
                "comment_id", flat=True
            )
        )
    article_author_user = article.author.user_id
    for pk, node in nodes.items():
        comment = node.comment
        node.readable = comment.is_readable_by(user)
        node.flagged = pk in flagged_ids
        node.own = comment.is_authored_by(user)
        node.editable = comment.is_editable_by(user, rules)
        node.by_article_author = (
            bool(comment.author_id) and comment.author_id == article_author_user
        )
    return page, _prune(roots)


def thread_context(article, user, page_number=1, rules=None):
    """The heading and the threads (comments/threads.html)."""
    page, threads = build_threads(article, user, rules or current_rules(), page_number)
    return {
        "comment_count": article.comments.approved().count(),
        "comment_page": page,
        "comments_in_order": in_order(threads),
    }


def as_members_see_them(nodes, article, user):
    """The approved comments among ``nodes`` as every logged-in reader who has not written or
    flagged them sees them, rendered: ``{comment_id: html}`` (comments/includes/comment.html).
    ``user`` is any logged-in reader: nothing in it but that is shown."""
    template = get_template("comments/includes/comment.html")
    return {
        node.comment.pk: template.render({
            "article": article, "user": user, "comment": node.comment,
            "node": Node(node.comment, by_article_author=node.by_article_author),
        })
        for node in nodes
        if node.comment.status == Comment.Status.APPROVED
    }  # fmt: skip


def use_kept(nodes, kept):
    """Show the comments among ``nodes`` that this viewer sees as other readers do (not their
    own, not flagged by them) from ``kept`` (``as_members_see_them``): only the viewer's own are
    rendered for them."""
    for node in nodes:
        if node.comment.pk in kept and node.readable and not (node.own or node.flagged):
            node.html = mark_safe(kept[node.comment.pk])  # rendered by our own template


def form_context(article, request, *, form=None, rules=None):
    """The reply form, or why it is not offered to this reader."""
    user = request.user
    rules = rules or current_rules()
    reply_to = None
    reply_id = form["parent"].value() if form is not None else request.GET.get("replyto")
    if reply_id:
        reply_to = (
            Comment.objects.approved()
            .filter(article=article, pk=_as_int(reply_id), depth__lt=MAX_DEPTH)
            .select_related("author")
            .first()
        )
    # Why the form is not offered to this reader ("" when it is): the policy's own gate.
    gate, facts = comment_gate(user, rules, request) if user.is_authenticated else ("login", None)
    return {
        "reply_to": reply_to,
        "comment_form": form,
        "comment_gate": gate,
        "sanction": facts.sanction if facts else "",
        "edit_window_minutes": rules.edit_window_minutes,
    }


def _as_int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
