"""Health-safe discussion: noticing treatment claims and people who may be in crisis.

Pure text matching, no database: ``comments.policy.decide`` asks ``scan`` and weighs the score
with the commenter's history. The score is the matched patterns' weights plus the evidence of a
model learned from labelled comments (``health_model``), which catches phrasings no pattern
names and discounts frightening words used innocently. The patterns themselves are data
(``HealthPattern`` rows, edited by staff in the admin; ``DEFAULT_PATTERNS`` seeds them), written
in a small phrase language (``comments.phrases``) so a moderator can add one without knowing
regular expressions.

A match preceded closely by a negation ("didn't cure", "no cure", "never") or said in a
sceptical or hopeful frame ("a myth that … cures", "hoping for a cure", a question) counts for
a quarter: "this didn't cure my pain" is not a claim. Crisis language is only discounted by a
negation or a joke, never by a question: "should I go to A&E with chest pain down my arm?" is
exactly the comment that must be seen at once.
"""

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from . import health_model
from .normalise import (  # noqa: F401 (stem: part of the interface)
    _CLAIM_DOUBT,
    _CONJUNCTIONS,
    _CRISIS_NEGATIONS,
    _JOKES,
    _NEGATIONS,
    _REPORTED,
    clauses,
    normalise,
    stem,
    tokens,
)
from .phrases import PatternError, compile_phrase

CLAIM = "claim"
CRISIS = "crisis"
DISCOUNT = 0.25  # what a negated or doubted match still counts for


@dataclass(frozen=True)
class Pattern:
    kind: str  # CLAIM or CRISIS
    phrase: str
    weight: float = 1.0
    label: str = ""  # what it is about, shown to moderators ("self-harm", "stop medication")

    def matcher(self):
        return _compiled(self.phrase)

    def required(self):
        """For each word the phrase cannot do without, the first stems that could stand
        there: a sentence lacking any of them is skipped without running the expression."""
        return _required(self.phrase)

    def negative(self):
        """Whether the phrase itself says "not" ("can't breathe"): then only a negation before
        it discounts it."""
        return _negative(self.phrase)


_CACHE = {}
# Words that say "not" themselves (a phrase containing one is read as negative on purpose).
_SAYS_NOT = frozenset(stem(word) for word in ("not", "no", "never", "nothing", "without", "nobody"))


@functools.cache
def _negative(phrase):
    return bool(set(normalise(phrase.replace("|", " ")).split()) & _SAYS_NOT)


_REQUIRED = {}


def _required(phrase):
    if phrase not in _REQUIRED:
        needs = []
        for word in phrase.split():
            if word in ("...", "*", "#", "##") or word.endswith("?"):
                continue
            firsts = set()
            for choice in word.split("|"):
                stems = (
                    [token.stem for token in tokens(choice)] if choice not in ("#", "##") else []
                )
                if not stems:
                    firsts = None  # a number can stand here: no cheap test
                    break
                firsts.add(stems[0])
            if firsts:
                needs.append(frozenset(firsts))
        _REQUIRED[phrase] = tuple(needs)
    return _REQUIRED[phrase]


_INDEXES = {}


def _by_first_words(patterns):
    """(the positions of the patterns every sentence is tried against, {stem: positions of the
    patterns a sentence containing it is tried against}): each pattern is filed under the
    stems of one word it cannot do without (the one with fewest choices), so a sentence meets
    only the patterns its words could complete. Built once per tuple of patterns (the rules a
    process keeps); a list is indexed afresh every time."""
    kept = _INDEXES.get(id(patterns))
    if kept is not None and kept[0] is patterns:
        return kept[1], kept[2]
    always, by_stem = [], {}
    for position, pattern in enumerate(patterns):
        needs = pattern.required()
        if not needs:
            always.append(position)
            continue
        for first in min(needs, key=len):
            by_stem.setdefault(first, []).append(position)
    if isinstance(patterns, tuple):
        if len(_INDEXES) >= 8:
            _INDEXES.clear()  # rules replaced after an edit: the old tuples are gone
        _INDEXES[id(patterns)] = (patterns, always, by_stem)
    return always, by_stem


def _compiled(phrase):
    if phrase not in _CACHE:
        _CACHE[phrase] = compile_phrase(phrase)
    return _CACHE[phrase]


@dataclass(frozen=True)
class Match:
    pattern: Pattern
    text: str  # the words as the commenter wrote them
    score: float
    discounted: bool = False


@dataclass(frozen=True)
class Scan:
    claim_score: float = 0.0
    crisis_score: float = 0.0
    matches: tuple = ()

    def phrases(self, kind):
        """The words that counted in full, as written, longest first, without repeats or
        phrases inside longer ones."""
        texts = sorted(
            {m.text for m in self.matches if m.pattern.kind == kind and not m.discounted},
            key=len,
            reverse=True,
        )
        kept = []
        for text in texts:
            if not any(text.casefold() in longer.casefold() for longer in kept):
                kept.append(text)
        return tuple(kept)


def scan(text, patterns, model=None):
    """Every pattern found in ``text``, and the claim and crisis scores they add up to with the
    learned model's evidence (``health_model``; ``model={}`` leaves it out)."""
    best = {}
    found = []
    sentences = []  # (sentence, words, stems) for the model
    always, by_stem = _by_first_words(patterns)
    for start, end, is_question in clauses(text):
        sentence = text[start:end]
        words = tokens(sentence)
        stems = [word.stem for word in words]
        sentences.append((sentence, words, stems))
        if not words:
            continue
        joined = " ".join(stems)
        stem_set = set(stems)
        joking = bool(stem_set & _JOKES)
        doubted = bool(stem_set & _CLAIM_DOUBT) or bool(_REPORTED.search(joined))
        candidates = set(always)
        for word in stem_set:
            candidates.update(by_stem.get(word, ()))
        for position in sorted(candidates):
            pattern = patterns[position]
            if not all(need & stem_set for need in pattern.required()):
                continue
            try:
                matcher = pattern.matcher()
            except PatternError:
                continue  # the admin refuses these; one typed into the database is skipped
            for first, last in matcher.finditer(stems):
                window = 3 if pattern.kind == CLAIM else 2
                before = stems[max(0, first - window) : first]
                for i in range(len(before) - 1, -1, -1):
                    if before[i] in _CONJUNCTIONS:
                        before = before[i + 1 :]
                        break
                if pattern.kind == CLAIM:
                    inside = [] if pattern.negative() else stems[first : last + 1]
                    negated = bool(set(before) & _NEGATIONS or set(inside) & _SAYS_NOT) or (
                        last + 1 < len(stems) and stems[last + 1] in _SAYS_NOT
                    )
                else:
                    # "I would never hurt myself" is discounted; "I can't stop cutting myself"
                    # is not: a negated "stop" or "help" makes it worse, not better.
                    negated = bool(set(before) & _CRISIS_NEGATIONS) and not (
                        set(before) & {"stop", "help", "anymore"}
                    )
                if pattern.kind == CLAIM:
                    discounted = negated or doubted or is_question
                else:
                    discounted = negated or joking
                score = pattern.weight * (DISCOUNT if discounted else 1.0)
                original = _original(sentence, words, first, last, stems)
                found.append(Match(pattern, original, score, discounted))
                best[pattern] = max(best.get(pattern, 0.0), score)
    # Each pattern counts once, at its strongest: a word repeated is not a second signal.
    claim = sum(score for pattern, score in best.items() if pattern.kind == CLAIM)
    crisis = sum(score for pattern, score in best.items() if pattern.kind == CRISIS)
    learned = health_model.score(health_model.features([stems for _, _, stems in sentences]), model)
    scores = {CLAIM: claim, CRISIS: crisis}
    for kind, (evidence, pushing) in learned.items():
        # The model's words are shown only when the patterns alone would not have held the
        # comment: a moderator sees the phrase that matters, not "this morning".
        if evidence > 0 and scores[kind] < 1:
            found.extend(_learned_matches(kind, sentences, pushing))
        scores[kind] += evidence
    return Scan(round(scores[CLAIM], 2), round(scores[CRISIS], 2), tuple(found))


def _learned_matches(kind, sentences, pushing):
    """The sentence whose words weighed most in the model's evidence, as written, for the queue:
    single words the model learned from ("the kitchen") would tell a moderator little."""
    weight_of = {}
    for weight, (index, _, _) in pushing:
        weight_of[index] = weight_of.get(index, 0.0) + weight
    if not weight_of:
        return []
    index = max(weight_of, key=weight_of.get)
    sentence, words, stems = sentences[index]
    pattern = Pattern(kind, " ".join(stems), weight_of[index], "learned from labelled comments")
    return [Match(pattern, _original(sentence, words, 0, len(words) - 1, stems), weight_of[index])]


def _original(sentence, words, first, last, stems):
    if words[first].end:
        return sentence[words[first].start : words[last].end]
    return " ".join(stems[first : last + 1])


# -- the defaults staff start from ---------------------------------------------------------------


def _defaults():
    """(kind, phrase, weight, label) rows from health_patterns.json, word lists filled in."""
    data = json.loads((Path(__file__).parent / "health_patterns.json").read_text("utf-8"))
    lists = {name: "|".join(words) for name, words in data["word_lists"].items()}
    return tuple(
        (row["kind"], row["phrase"].format(**lists), row["weight"], row["label"])
        for row in data["patterns"]
    )


# Halves need company (or a commenter whose recent comments were rejected); weights of 1 hold
# on their own.
DEFAULT_PATTERNS = _defaults()
