"""The learned half of the health signals: a weight for each word and word pair, learned from
labelled comments (``comments/labelled/*.tsv``) by ``manage.py train_health_model``.

Hand-written patterns (``comments.health``) say exactly what staff mean but only catch the
phrasings someone thought of; people in crisis rarely use them ("mum's gone down on the bathroom
floor and she's breathing funny"). A logistic regression over the words of a few thousand
labelled comments generalises to new phrasing far better, and it learns what makes a
frightening word innocent ("years ago", "turned out", "used to"). The two are added up in
``health.scan``: each pattern adds its weight, the model adds its evidence, and the policy's
thresholds apply to the sum — so a pattern staff add still holds what it names.

The weights are stored in ``health_model.json`` beside this module, already shifted so that a
sum of 1.0 is the policy's threshold: the model's own verdict counts like one full pattern.
"""

import functools
import hashlib
import json
import math
import random
from pathlib import Path

from .normalise import _CONJUNCTIONS, _stems, clauses, tokens

MODEL_PATH = Path(__file__).parent / "health_model.json"
LABELLED_DIR = Path(__file__).parent / "labelled"
KINDS = ("claim", "crisis")
# How sure the model must be on its own to hold a comment. A missed crisis costs more than a
# moderator reading an ordinary comment, so crisis holds at a lower probability.
HOLD_AT = {"claim": 0.5, "crisis": 0.3}
EPOCHS, LEARNING_RATE, L2, SEED = 30, 0.5, 0.01, 0
SMALLEST_WEIGHT = 0.05  # weights closer to zero are dropped from the file
# The most the model can take away from the patterns' score: a pattern of weight 3 holds every
# comment it matches (unless negated), however innocent the rest reads.
MOST_DOUBT = -2.0
SHIFT = 0.75  # what the model adds when exactly at HOLD_AT (a pattern of weight 1 adds 1)


def features(sentences):
    """The words and word pairs of a comment (``sentences``: lists of stems), each with the
    first sentence index and token span where it occurs, for highlighting."""
    found = {}
    for index, stems in enumerate(sentences):
        negated = _negated(stems)
        for i, word in enumerate(stems):
            found.setdefault(f"not {word}" if negated[i] else word, (index, i, i))
            if i + 1 < len(stems):
                found.setdefault(f"{word} {stems[i + 1]}", (index, i, i + 1))
    return found


_NEGATORS = _stems({"not", "no", "never", "nothing", "without", "nor", "neither", "none"})
_NOTHING = _stems({"nothing", "none"})


def _negated(stems):
    """Which words a negation covers: those after "not", "no", "never" … up to the next
    conjunction ("but", "and", "because" …), and the word just before "nothing" ("cured
    nothing")."""
    covered, inside = [False] * len(stems), False
    for i, word in enumerate(stems):
        if word in _CONJUNCTIONS:
            inside = False
        elif word in _NEGATORS:
            inside = True
            if word in _NOTHING and i:
                covered[i - 1] = True
        elif inside:
            covered[i] = True
    return covered


def sentences_of(text):
    """The stems of each sentence, split as the patterns see them."""
    return [[token.stem for token in tokens(text[start:end])] for start, end, _ in clauses(text)]


@functools.cache
def load(path=MODEL_PATH):
    """{kind: (bias, {feature: weight})}; empty when no model has been trained."""
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except FileNotFoundError:
        return {}
    return scorer(data)


def scorer(trained):
    """{kind: (bias, {feature: weight})} from a trained model (``train``, the JSON file)."""
    return {
        kind: (trained[kind]["bias"], trained[kind]["weights"]) for kind in KINDS if kind in trained
    }


def score(found, model=None):
    """{kind: (evidence, [(weight, feature span) …])}: the model's evidence for each kind (1.0 =
    enough to hold on its own; never below MOST_DOUBT) and the features that pushed it up,
    strongest first."""
    model = load() if model is None else model
    result = {}
    for kind, (bias, weights) in model.items():
        total, pushing = bias, []
        for feature, span in found.items():
            weight = weights.get(feature)
            if weight is not None:
                total += weight
                if weight > 0:
                    pushing.append((weight, span))
        pushing.sort(key=lambda item: item[0], reverse=True)
        result[kind] = (max(total, MOST_DOUBT), pushing)
    return result


# -- training ------------------------------------------------------------------------------------


def read_labelled(paths):
    """(label, comment) rows from tab-separated files; lines starting with # are notes."""
    rows = []
    for path in paths:
        for number, line in enumerate(Path(path).read_text("utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            label, tab, text = line.partition("\t")
            if not tab or label not in (*KINDS, "ordinary"):
                raise ValueError(f"{path}, line {number}: expected a label, a tab and a comment.")
            rows.append((label, text))
    return rows


def labelled_files():
    return sorted(LABELLED_DIR.glob("*.tsv"))


def digest(rows):
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def _logistic(examples, target):
    """Plain stochastic gradient descent with L2, in a fixed order: the same data always gives
    the same weights, so the shipped file can be checked against its data."""
    weights, bias = {}, 0.0
    order = list(examples)
    shuffle = random.Random(SEED).shuffle
    for _ in range(EPOCHS):
        shuffle(order)
        for found, label in order:
            z = bias + sum(weights.get(feature, 0.0) for feature in found)
            error = 1 / (1 + math.exp(-max(-30.0, min(30.0, z)))) - (label == target)
            bias -= LEARNING_RATE * error
            for feature in found:
                weights[feature] = (
                    weights.get(feature, 0.0) * (1 - LEARNING_RATE * L2) - LEARNING_RATE * error
                )
    return bias, weights


def train(rows):
    """The model for ``rows`` of (label, comment), as stored in ``health_model.json``."""
    examples = [(tuple(features(sentences_of(text))), label) for label, text in rows]
    model = {"data_sha256": digest(rows), "comments": len(rows)}
    for kind in KINDS:
        bias, weights = _logistic(examples, kind)
        # Shift so that 1.0 means "hold": bias - logit(HOLD_AT) puts the threshold at 0, and
        # a pattern's 1.0 is added to the same sum.
        threshold = math.log(HOLD_AT[kind] / (1 - HOLD_AT[kind]))
        model[kind] = {
            "bias": round(bias - threshold + SHIFT, 4),
            "weights": {
                feature: round(weight, 4)
                for feature, weight in sorted(weights.items())
                if abs(weight) >= SMALLEST_WEIGHT
            },
        }
    return model
