"""Normalised text for the health patterns: case, accents, contractions and simple
inflections away, so a pattern and the ways people write it meet ("Cured" is "cure", "can't"
is "can not"). Each word keeps where it stood in the original, for highlighting."""

import re
import unicodedata
from dataclasses import dataclass

_CONTRACTIONS = {
    "can't": "can not", "cant": "can not", "cannot": "can not", "won't": "will not",
    "wont": "will not", "shan't": "shall not", "ain't": "is not", "i'm": "i am", "im": "i am",
    "dont": "do not", "didnt": "did not", "doesnt": "does not", "isnt": "is not",
    "wasnt": "was not", "arent": "are not", "werent": "were not", "havent": "have not",
    "hasnt": "has not", "hadnt": "had not", "couldnt": "could not", "wouldnt": "would not",
    "shouldnt": "should not", "ive": "i have", "id": "i would", "wanna": "want to",
    "gonna": "going to", "gotta": "got to",
}  # fmt: skip
_SUFFIXES = {"n't": " not", "'m": " am", "'re": " are", "'ve": " have", "'ll": " will",
             "'d": " would", "'s": ""}  # fmt: skip
_IRREGULAR = {
    "died": "die", "dies": "die", "dying": "die", "dead": "dead", "took": "take",
    "taken": "take", "taking": "take", "takes": "take", "gave": "give", "given": "give",
    "felt": "feel", "better": "better", "worse": "worse", "worst": "worst", "feet": "foot",
    "thought": "think", "thoughts": "think", "lying": "lie", "lies": "lie", "wrists": "wrist",
    "meds": "medication", "med": "medication", "medicine": "medication",
    "medicines": "medication", "medications": "medication", "tablets": "pill",
    "tablet": "pill", "pills": "pill", "drugs": "drug", "tylenol": "paracetamol",
    "acetaminophen": "paracetamol", "goodbye": "goodbye", "bye": "goodbye", "gone": "gone",
    "left": "left", "this": "this", "his": "his", "has": "has", "was": "be", "is": "is",
    "us": "us", "does": "do", "done": "do", "did": "do", "doing": "do",
    "had": "had", "been": "be", "being": "be", "am": "be", "are": "be", "were": "be",
    "vs": "versus", "having": "having", "ran": "run", "running": "run", "lost": "lose",
    "losing": "lose", "bled": "bleed", "better off": "better off",
}  # fmt: skip


def _fold(text):
    """Case and accents away, curly apostrophes straight, thousands separators gone."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    return re.sub(r"(?<=\d)[,.](?=\d{3}\b)", "", text)


def stem(word):
    """A deliberately small stemmer: enough that a pattern and its inflections meet."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or word.isdigit():
        return word
    for suffix, replacement in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""),
                                ("es", ""), ("ly", ""), ("s", "")):  # fmt: skip
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith("ss"):
                break
            word = word[: -len(suffix)] + replacement
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]
    return word


_TOKEN = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+(?:'[^\W\d_]+)?")


@dataclass(frozen=True)
class Token:
    stem: str
    start: int  # the span in the original text, for highlighting
    end: int


def tokens(text):
    """The stemmed words of ``text``, each with where it stands in the original."""
    folded = _fold(text)
    # _fold keeps offsets except where it drops combining marks or separators; map back by
    # re-folding the original prefix is too slow, so spans are recomputed on the original text
    # with the same tokenizer when lengths agree, and approximate otherwise.
    same_length = len(folded) == len(text)
    result = []
    for match in _TOKEN.finditer(folded):
        word = match.group()
        start, end = (match.start(), match.end()) if same_length else (0, 0)
        if word in _CONTRACTIONS:
            parts = _CONTRACTIONS[word].split()
        else:
            parts = [word]
            for suffix, replacement in _SUFFIXES.items():
                if word.endswith(suffix) and len(word) > len(suffix):
                    base = word[: -len(suffix)]
                    if suffix == "n't":
                        base = {"ca": "can", "wo": "will", "sha": "shall", "ai": "is"}.get(
                            base, base
                        )
                    parts = [base, *replacement.split()]
                    break
        result.extend(Token(stem(part), start, end) for part in parts if part)
    return result


def normalise(text):
    """The text as patterns see it: stemmed words separated by single spaces."""
    return " ".join(token.stem for token in tokens(text))


MAX_CLAUSE = 400  # characters: a longer sentence is read in pieces, at commas or anywhere


def clauses(text):
    """(start, end, is_question) of each sentence, as character spans of the original."""
    spans, start = [], 0
    for match in re.finditer(r"[.!?\n]+", text):
        spans.append((start, match.end(), "?" in match.group()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text), False))
    pieces = []
    for start, end, question in spans:
        while end - start > MAX_CLAUSE:
            cut = max(
                text.rfind(",", start, start + MAX_CLAUSE),
                text.rfind(" ", start, start + MAX_CLAUSE),
            )
            cut = cut + 1 if cut > start else start + MAX_CLAUSE
            pieces.append((start, cut, question))
            start = cut
        pieces.append((start, end, question))
    return pieces


# -- word sets the matcher reads around a match (compared as stems) ----------------------------


def _stems(words):
    """Word sets are compared with stems: "nothing" is read as "noth"."""
    return frozenset(stem(word) for word in words)


_NEGATIONS = _stems({"not", "no", "never", "nothing", "without", "nor", "neither", "hardly",
                     "barely", "nobody", "none", "zero", "stop", "fail"})  # fmt: skip
# Words that frame a claim as reported, doubted or hoped for rather than made.
_CLAIM_DOUBT = _stems({
    "myth", "scam", "nonsense", "debunk", "quack", "quackery", "hoax", "snake", "fake",
    "rubbish", "bogu", "false", "misinformation", "dangerou", "beware", "warn", "careful",
    "skeptic", "sceptic", "doubt", "claim", "hop", "wish", "pray", "evidence", "search",
    "fraud", "unproven", "risky", "harmful", "mislead", "allegedly", "rumor", "rumour",
    "pseudoscience", "clickbait", "prevention", "someday", "cautiou", "overhyp", "exaggerat",
    "wait", "waiting", "cautious", "whether", "unfortunate", "sadly",
})  # fmt: skip
# A claim reported from someone else ("people who say …") or a clinician's advice ("my GP told
# me to come off …") is not the commenter's own claim.
_REPORTED = re.compile(
    r"\b(?:who|they|people) (?:say|claim|think|believe|insist|tell)\b"
    r"|\bmy (?:doctor|gp|consultant|nurse|pharmacist|physician|specialist|cardiologist|"
    r"dermatologist|oncologist|physio|physiotherapist|dentist|midwife|psychiatrist|surgeon|"
    r"rheumatologist|endocrinologist|neurologist|team|clinic|hospital)(?: s)? "
    r"(?:said|say|told|tell|advis|"
    r"suggest|recommend|prescrib|switch|put|agr|want|help|support|advic|bless)"
)
_CRISIS_NEGATIONS = _stems({"not", "never", "no"})
_CONJUNCTIONS = _stems({"and", "but", "so", "because", "then", "or", "yet", "cause", "although",
                 "though", "while", "until", "till"})  # fmt: skip
_JOKES = _stems(
    {"lol", "lmao", "haha", "hahaha", "laugh", "joke", "kidding", "jk", "funny", "hilariou"}
)
