"""Health-safe discussion: treatment claims held for a moderator, crisis comments held as
urgent with helplines shown at once, ``explain_comment``, and the labelled comment sets."""

import io
import json
from dataclasses import astuple

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from comments import health_model
from comments.health import DEFAULT_PATTERNS, Pattern, normalise, scan
from comments.models import Comment, HealthPattern, Helpline, ModerationLog, ModerationSettings
from comments.policy import Commenter, Outcome, Rules, Submission, decide
from tests.factories import make_user

DATA = health_model.LABELLED_DIR
RULES = Rules(health_patterns=tuple(Pattern(*row) for row in DEFAULT_PATTERNS))
ESTABLISHED = Commenter(approved_count=5, recent_decisions=("approved",) * 5)


def judged(body, commenter=ESTABLISHED, rules=RULES):
    return decide(Submission(body=body), commenter, rules)


def labelled(name):
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, text = line.split("\t", 1)
            rows.append((label, text))
    return rows


def explain(*comments, user=None, stdin=None, monkeypatch=None):
    out = io.StringIO()
    args = ["explain_comment", *comments] + (["--as", user] if user else [])
    call_command(*args, stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


# -- normalised matching ---------------------------------------------------------------------


def test_case_accents_and_inflections_do_not_matter():
    assert normalise("CURÉD") == normalise("cure") == normalise("cures")
    assert normalise("I can’t") == "i can not"
    assert judged("Turmeric CURES arthritis.").rule == "medical_claim"
    assert judged("Garlic has cured my sinusitis").rule == "medical_claim"


def test_simple_negation_lowers_the_score():
    for body in ("This didn't cure my pain.", "The bracelet did nothing, it never cured anything.",
                 "There is no cure for MS yet."):  # fmt: skip
        decision = judged(body)
        assert decision.outcome is Outcome.APPROVE, body
        assert "medical_claim" not in decision.signals
    assert scan("this didn't cure my pain", RULES.health_patterns).claim_score < 1


def test_innocent_uses_of_the_same_words_are_published():
    for body in ("The pain was killing me until my GP changed the prescription.",
                 "I laughed so hard I couldn't breathe.", "I'm dying to read the follow-up.",
                 "I hope they find a cure in my lifetime."):  # fmt: skip
        assert judged(body).outcome is Outcome.APPROVE, body


# -- treatment claims ------------------------------------------------------------------------


def test_a_claim_is_held_never_rejected_and_the_commenter_is_told_why():
    decision = judged("Copper bracelets remove the pain instantly.")
    assert (decision.outcome, decision.rule) == (Outcome.HOLD, "medical_claim")
    assert decision.message == (
        "Your comment is held because it makes a claim about a treatment; a moderator will "
        "check it against our sources before it appears."
    )
    assert "Copper bracelets remove" in decision.phrases
    assert decision.signals == ("medical_claim",)


def test_a_commenter_with_rejected_comments_gets_less_benefit_of_the_doubt(monkeypatch):
    # A fixed learned model, so the test is about the thresholds, not about today's weights:
    # a neutral comment reads -1.5, "miracle" adds 1.
    model = {"claim": (-1.5, {"miracl": 1.0}), "crisis": (-1.5, {})}
    monkeypatch.setattr(health_model, "load", lambda: model)
    body = "This balm works wonders on arthritis, honestly a miracle."
    assert judged(body).outcome is Outcome.HOLD  # holds anyone
    weak = "Honestly a miracle, my knee feels great."
    assert judged(weak).outcome is Outcome.APPROVE
    history = Commenter(approved_count=5, recent_decisions=("rejected",) + ("approved",) * 4)
    decision = judged(weak, commenter=history)
    assert (decision.outcome, decision.rule) == (Outcome.HOLD, "medical_claim")
    assert judged("My knee feels great.", commenter=history).outcome is Outcome.APPROVE


def test_a_claim_is_held_whoever_makes_it_but_staffs_other_comments_are_published():
    staff = Commenter(is_trusted_role=True)
    decision = judged("Turmeric cures arthritis, forget the pills.", commenter=staff)
    assert (decision.outcome, decision.rule) == (Outcome.HOLD, "medical_claim")
    decision = judged("Statins cure nothing but they prevent heart attacks.", commenter=staff)
    assert decision.outcome is Outcome.APPROVE


# -- crisis ----------------------------------------------------------------------------------


def test_a_crisis_is_held_for_everyone_and_marked_urgent():
    for commenter in (ESTABLISHED, Commenter(is_trusted_role=True)):
        decision = judged("I don't want to be here anymore, I've been saving my pills.", commenter)
        assert (decision.outcome, decision.rule) == (Outcome.HOLD, "crisis")
        assert decision.urgent and "crisis" in decision.signals
        assert "don't want to be here" in decision.phrases


def test_nobodys_history_makes_a_crisis_less_urgent_or_a_claim_rejected():
    history = Commenter(approved_count=1, recent_decisions=("rejected", "spam", "rejected"))
    assert judged("I can't breathe and my lips are blue", history).rule == "crisis"
    assert judged("Turmeric cures cancer", history).outcome is Outcome.HOLD


def test_emergency_symptoms_are_a_crisis():
    for body in ("Crushing chest pain spreading to my left arm.",
                 "Worst headache of my life and my face is numb.",
                 "I can't feel my legs and I've lost control of my bladder."):  # fmt: skip
        assert judged(body).rule == "crisis", body


# -- the labelled sets -----------------------------------------------------------------------

SETS = [path.name for path in health_model.labelled_files()]


def measure(rows, rules=RULES):
    """Recall per label (held with the right signal), and the share of ordinary comments held,
    as an established commenter."""
    counts = {label: [0, 0] for label in ("claim", "crisis", "ordinary")}
    for label, text in rows:
        decision = judged(text, rules=rules)
        want = {"claim": "medical_claim", "crisis": "crisis"}.get(label)
        held = decision.outcome is Outcome.HOLD
        hit = held and want in decision.signals if want else held
        counts[label][0] += hit
        counts[label][1] += 1
    return {label: hits / total for label, (hits, total) in counts.items() if total}


@pytest.mark.parametrize("name", SETS)
def test_the_thresholds_hold_on_each_labelled_set(name):
    rates = measure(labelled(name))
    assert rates.get("crisis", 1) >= 0.90
    assert rates.get("claim", 1) >= 0.80
    assert rates["ordinary"] <= 0.10


class TriedOnEverySentence(Pattern):
    def required(self):
        return ()  # no word it cannot do without: never skipped


def test_a_sentence_is_tried_against_every_pattern_it_could_match():
    """``scan`` skips the patterns a sentence lacks a needed word of: across the labelled
    comments, it finds exactly what trying every pattern on every sentence finds."""
    patterns = RULES.health_patterns
    every = tuple(TriedOnEverySentence(*astuple(pattern)) for pattern in patterns)
    rows = [text for name in SETS for _, text in labelled(name)][::7]
    found = 0
    for text in rows:
        skipping, trying = (
            {(m.pattern.kind, m.pattern.phrase, m.text, m.score) for m in scan(text, p).matches}
            for p in (patterns, every)
        )
        assert skipping == trying, text
        found += len(skipping)
    assert found > 500


@pytest.mark.parametrize("held_out", ["grader.tsv", "terse.tsv"])
def test_phrasing_never_seen_in_training_is_still_caught(held_out, monkeypatch):
    """The honest figure: trained without one labelled file, the signals still meet the
    thresholds on it (``train_health_model --cross-validate`` prints every file)."""
    rows = health_model.read_labelled(
        p for p in health_model.labelled_files() if p.name != held_out
    )
    trained = health_model.train(rows)
    model = health_model.scorer(trained)
    monkeypatch.setattr(health_model, "load", lambda: model)
    rates = measure(labelled(held_out))
    assert rates["crisis"] >= 0.90
    assert rates["claim"] >= 0.80
    assert rates["ordinary"] <= 0.10


def test_the_shipped_weights_were_trained_on_the_labelled_files():
    out = io.StringIO()
    call_command("train_health_model", "--check", stdout=out)
    assert "matches the" in out.getvalue()


def test_training_refuses_a_malformed_file_and_writes_nothing(tmp_path):
    from django.core.management.base import CommandError

    bad = tmp_path / "mine.tsv"
    bad.write_text("claim\tTurmeric cures gout.\nthis line has no label\n", "utf-8")
    output = tmp_path / "model.json"
    with pytest.raises(CommandError, match="mine.tsv, line 2: expected a label, a tab"):
        call_command("train_health_model", "--add", str(bad), "--output", str(output))
    assert not output.exists()


def test_training_learns_from_a_moderators_own_file(tmp_path):
    mine = tmp_path / "mine.tsv"
    mine.write_text("crisis\tthe walls are closing in and i have the pills counted out\n", "utf-8")
    output = tmp_path / "model.json"
    call_command("train_health_model", "--add", str(mine), "--output", str(output),
                 stdout=io.StringIO())  # fmt: skip
    model = json.loads(output.read_text("utf-8"))
    assert model["comments"] == len(health_model.read_labelled(health_model.labelled_files())) + 1
    assert model["crisis"]["weights"] and model["claim"]["weights"]


def test_a_learned_hold_shows_the_sentence_that_weighed_most():
    body = "Sorry for the long day. Mum has gone down on the kitchen floor and is breathing funny."
    assert scan(body, RULES.health_patterns, model={}).crisis_score < 1  # no pattern holds it
    decision = judged(body)
    assert decision.rule == "crisis"
    assert decision.phrases == ("Mum has gone down on the kitchen floor and is breathing funny",)


def test_the_labelled_sets_are_a_few_hundred_comments_of_each_kind():
    rows = health_model.read_labelled(health_model.labelled_files())
    counts = {
        label: sum(1 for kind, _ in rows if kind == label)
        for label in ("claim", "crisis", "ordinary")
    }
    assert min(counts.values()) >= 300, counts


# -- explain_comment -------------------------------------------------------------------------


def test_explain_comment_prints_outcome_and_stable_signals_and_saves_nothing(db, monkeypatch):
    comments, log = Comment.objects.count(), ModerationLog.objects.count()
    monkeypatch.setattr(
        "sys.stdin",
        io.StringIO(
            "Copper bracelets remove the pain instantly\n\nI want to end my life\n"
            "Thanks, a clear article.\n"
        ),  # fmt: skip
    )
    results = explain()
    assert [r["outcome"] for r in results] == ["hold", "hold", "publish"]
    assert results[0]["signals"] == ["medical_claim"]
    assert results[1]["signals"] == ["crisis"]
    assert results[2]["signals"] == []
    assert (Comment.objects.count(), ModerationLog.objects.count()) == (comments, log)


def test_explain_comment_reads_arguments_and_judges_as_a_user(db, commenter, regular):
    ModerationSettings.objects.update_or_create(pk=1, defaults={"blocked_words": "casino"})
    row = ModerationSettings.current()
    row.suspect_words = "detox tea"
    row.save()
    (new,) = explain("A kind word.", user="commenter")
    assert (new["outcome"], new["signals"]) == ("hold", ["new_account"])
    (known,) = explain("A kind word.", user="regular")
    assert (known["outcome"], known["signals"]) == ("publish", [])
    (spam,) = explain("Visit my casino https://example.com/a https://example.org/b", user="regular")
    assert spam["outcome"] == "reject" and spam["signals"] == ["word_list", "link"]


def test_explain_comment_refuses_an_unknown_user(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="There is no user “ghost”"):
        explain("Hello.", user="ghost")


def test_patterns_are_edited_in_the_database(db):
    assert explain("My grandmother swears by goose fat.")[0]["outcome"] == "publish"
    HealthPattern.objects.create(kind="claim", phrase="goose fat", weight="3.00")
    (result,) = explain("My grandmother swears by Goose-fat.")
    assert (result["outcome"], result["signals"]) == ("hold", ["medical_claim"])
    HealthPattern.objects.update(active=False)
    assert explain("Turmeric cures cancer.")[0]["outcome"] == "publish"


# -- posting on the site ---------------------------------------------------------------------


def post(client, article, body):
    return client.post(reverse("comments:post", args=[article.slug]), {"body": body})


def test_a_crisis_comment_shows_the_helplines_at_once_and_emails_on_call(
    client, article, regular, moderator
):
    on_call = make_user("oncall", groups=["Moderators"], staff=True)
    ModerationSettings.current().on_call.add(on_call)
    client.force_login(regular)
    response = post(client, article, "I can't go on anymore, I want to end my life.")
    comment = Comment.objects.get(author=regular, article=article)
    assert (comment.status, comment.urgent, comment.signals) == ("pending", True, ["crisis"])
    assert response.status_code == 302
    assert response["Location"] == reverse("comments:support", args=[comment.pk])
    page = client.get(response["Location"])
    html = page.content.decode()
    assert "call your local emergency number" in html.casefold()
    assert "988 Suicide &amp; Crisis Lifeline" in html and "United States" in html
    assert "Samaritans" in html and "UK and Ireland" in html
    assert page["Cache-Control"].startswith("private") or "no-store" in page["Cache-Control"]
    assert [m.to for m in mail.outbox] == [[on_call.email]]
    assert "Urgent" in mail.outbox[0].subject
    assert comment.moderation_url() in mail.outbox[0].body


def test_helplines_entered_in_the_admin_replace_the_defaults(client, article, regular):
    Helpline.objects.create(name="Lifeline Aotearoa", serves="New Zealand", phone="0800 543 354")
    client.force_login(regular)
    response = post(client, article, "I've been cutting myself again.")
    html = client.get(response["Location"]).content.decode()
    assert "Lifeline Aotearoa" in html and 'href="tel:0800543354"' in html
    assert "Samaritans" not in html


def test_every_moderator_is_emailed_when_nobody_is_on_call(client, article, regular, moderator):
    client.force_login(regular)
    post(client, article, "I took all my sleeping pills an hour ago.")
    assert [m.to for m in mail.outbox] == [[moderator.email]]


def test_the_support_page_is_only_for_the_commenter(client, article, regular, reader):
    client.force_login(regular)
    response = post(client, article, "I want to kill myself.")
    url = response["Location"]
    client.force_login(reader)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(regular)
    assert client.post(url).status_code == 405


def test_a_claim_is_held_with_its_reason_and_phrases(client, article, regular):
    client.force_login(regular)
    response = post(client, article, "Copper bracelets remove the pain instantly.")
    comment = Comment.objects.get(author=regular, article=article)
    assert (comment.status, comment.urgent, comment.signals) == ("pending", False,
                                                                 ["medical_claim"])  # fmt: skip
    assert "Copper bracelets remove" in comment.matched_phrases
    page = client.get(response["Location"]).content.decode()
    assert "it makes a claim about a treatment; a moderator will check it against our" in page


def test_a_crisis_comment_comes_first_in_the_queue(client, article, regular, moderator):
    older = make_user("older")
    Comment.objects.create(article=article, author=older, body="Waiting since yesterday.")
    client.force_login(regular)
    post(client, article, "Since this morning I can't feel my legs and I wet myself.")
    client.force_login(moderator)
    html = client.get(reverse("moderation:queue", args=["pending"])).content.decode()
    assert html.index("Since this morning") < html.index("Waiting since yesterday")
    assert "Urgent: may be a crisis" in html
    assert "<mark>wet myself</mark>" in html


def test_a_bad_pattern_is_refused_in_the_admin_and_nothing_is_saved(client, superuser):
    client.force_login(superuser)
    before = HealthPattern.objects.count()
    response = client.post(
        reverse("admin:comments_healthpattern_add"),
        {"kind": "claim", "phrase": "... *", "weight": "1.00", "label": "", "active": "on"},
    )
    assert response.status_code == 200
    assert "A pattern needs at least one word to match." in response.content.decode()
    assert HealthPattern.objects.count() == before


def test_a_moderator_sends_the_resources_privately_and_it_is_logged(
    client, article, regular, moderator
):
    client.force_login(regular)
    post(client, article, "I want to kill myself.")
    comment = Comment.objects.get(author=regular, article=article)
    mail.outbox.clear()
    client.force_login(moderator)
    queue = client.get(reverse("moderation:queue", args=["pending"])).content.decode()
    url = reverse("moderation:resources", args=[comment.pk])
    assert f'formaction="{url}"' in queue
    client.post(url)
    (email,) = mail.outbox
    assert email.to == [regular.email] and "call your local emergency number" in email.body
    assert "Samaritans (UK and Ireland): call 116 123" in email.body
    assert ModerationLog.objects.filter(comment=comment, action="resources").exists()


def test_only_moderators_send_resources(client, article, regular, reader):
    comment = Comment.objects.create(article=article, author=regular, body="x", urgent=True)
    client.force_login(reader)
    assert client.post(reverse("moderation:resources", args=[comment.pk])).status_code == 403
    assert client.get(reverse("moderation:resources", args=[comment.pk])).status_code == 405
    assert mail.outbox == []
