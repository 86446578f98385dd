"""Health-safe discussion: noticing treatment claims and people who may be in crisis.

Pure text matching, no database: ``comments.policy.decide`` asks ``scan`` and weighs the score
with the commenter's history. The patterns themselves are data (``HealthPattern`` rows, edited
by staff in the admin; ``DEFAULT_PATTERNS`` seeds them), written in a small phrase language so a
moderator can add one without knowing regular expressions:

- words are matched on normalised text: case, accents and simple inflections do not matter
  ("cure" matches "Cured", "cures", "curing"; "don't" reads as "do not");
- ``a|b|c`` is any one of those words; ``*`` is any one word; ``...`` is a gap of up to five
  words; ``#`` is a number ("10,000" included); a word ending in ``?`` may be missing.

A match preceded closely by a negation ("didn't cure", "no cure", "never") or said in a
sceptical or hopeful frame ("a myth that … cures", "hoping for a cure", a question) counts for
a quarter: "this didn't cure my pain" is not a claim. Crisis language is only discounted by a
negation or a joke, never by a question: "should I go to A&E with chest pain down my arm?" is
exactly the comment that must be seen at once.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass

CLAIM = "claim"
CRISIS = "crisis"
DISCOUNT = 0.25  # what a negated or doubted match still counts for

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
_NEGATIONS = {"not", "no", "never", "nothing", "without", "nor", "neither", "hardly", "barely",
              "nobody", "none", "zero", "stop", "fail"}  # fmt: skip
# Words that frame a claim as reported, doubted or hoped for rather than made.
_CLAIM_DOUBT = {
    "myth", "scam", "nonsense", "debunk", "quack", "quackery", "hoax", "snake", "fake",
    "rubbish", "bogu", "false", "misinformation", "dangerou", "beware", "warn", "careful",
    "skeptic", "sceptic", "doubt", "claim", "hop", "wish", "pray", "evidence", "search",
    "fraud", "unproven", "risky", "harmful", "mislead", "allegedly", "rumor", "rumour",
    "pseudoscience", "clickbait", "prevention", "someday", "cautiou", "overhyp", "exaggerat",
    "wait", "waiting", "cautious", "whether", "unfortunate", "sadly",
}  # fmt: skip
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
_CRISIS_NEGATIONS = {"not", "never", "no"}
_CONJUNCTIONS = {"and", "but", "so", "because", "then", "or", "yet", "cause", "although",
                 "though", "while", "until", "till"}  # fmt: skip
_JOKES = {"lol", "lmao", "haha", "hahaha", "laugh", "joke", "kidding", "jk", "funny", "hilariou"}


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


# -- the phrase language ------------------------------------------------------------------------


class PatternError(ValueError):
    pass


GAP = 8  # the most words ``...`` stands for
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True)
class _Piece:
    """One word of a phrase: the stem sequences that may stand there (by first stem), or
    any word, or a number."""

    choices: dict  # first stem -> tuple of stem sequences
    any_word: bool = False
    number: int = 0  # minimum digits when the piece is a number (#: 1, ##: 4)
    optional: bool = False
    gap_before: bool = False

    def lengths_at(self, stems, index):
        """How many tokens this piece covers at ``index`` (each way it can match)."""
        if index >= len(stems):
            return
        token = stems[index]
        if self.any_word:
            yield 1
        if self.number and _NUMBER.fullmatch(token) and len(token.split(".")[0]) >= self.number:
            yield 1
        for sequence in self.choices.get(token, ()):
            if tuple(stems[index : index + len(sequence)]) == sequence:
                yield len(sequence)


def _piece(word, gap_before):
    if word == "*":
        return _Piece({}, any_word=True, gap_before=gap_before)
    optional = word.endswith("?") and len(word) > 1
    word = word.rstrip("?")
    choices, number = {}, 0
    for choice in word.split("|"):
        if choice in ("#", "##"):
            number = len(choice) * 3 - 2  # 1 or 4 digits
            continue
        stems = tuple(token.stem for token in tokens(choice))
        if not stems:
            raise PatternError(f"“{choice or word}” has no letters or digits to match.")
        choices.setdefault(stems[0], set()).add(stems)
    choices = {first: tuple(sorted(seqs, key=len, reverse=True)) for first, seqs in choices.items()}
    return _Piece(choices, number=number, optional=optional, gap_before=gap_before)


class CompiledPhrase:
    """A phrase ready to match a list of stems, token by token (no backtracking regular
    expression: long comments stay cheap)."""

    def __init__(self, pieces):
        self.pieces = pieces

    def _match_from(self, stems, position, piece_index):
        """The last token index of a match of pieces[piece_index:] starting at ``position``,
        or None."""
        if piece_index == len(self.pieces):
            return position - 1
        piece = self.pieces[piece_index]
        starts = [position]
        if piece.gap_before and piece_index:
            starts = range(position, min(position + GAP, len(stems) - 1) + 1)
        for start in starts:
            for length in piece.lengths_at(stems, start):
                end = self._match_from(stems, start + length, piece_index + 1)
                if end is not None:
                    return end
        if piece.optional:
            return self._match_from(stems, position, piece_index + 1)
        return None

    def finditer(self, stems):
        """(first, last) token indices of each match, left to right, not overlapping."""
        index = 0
        while index < len(stems):
            last = self._match_from(stems, index, 0)
            if last is not None and last >= index:
                yield index, last
                index = last + 1
            else:
                index += 1


def compile_phrase(phrase):
    """The matcher for one phrase, over the stems of a sentence."""
    words = phrase.split()
    if not words or all(word in ("...", "*") for word in words):
        raise PatternError("A pattern needs at least one word to match.")
    pieces, gap = [], False
    for word in words:
        if word == "...":
            gap = True
            continue
        pieces.append(_piece(word, gap))
        gap = False
    return CompiledPhrase(pieces)


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


@functools.cache
def _negative(phrase):
    return bool(set(normalise(phrase.replace("|", " ")).split()) & _NEGATIONS)


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


MAX_CLAUSE = 400  # characters: a longer sentence is read in pieces, at commas or anywhere


def _clauses(text):
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


def scan(text, patterns):
    """Every pattern found in ``text``, with the claim and crisis scores they add up to."""
    best = {}
    found = []
    for start, end, is_question in _clauses(text):
        sentence = text[start:end]
        words = tokens(sentence)
        if not words:
            continue
        stems = [word.stem for word in words]
        joined = " ".join(stems)
        stem_set = set(stems)
        joking = bool(stem_set & _JOKES)
        doubted = bool(stem_set & _CLAIM_DOUBT) or bool(_REPORTED.search(joined))
        for pattern in patterns:
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
                    negated = bool(set(before + inside) & _NEGATIONS) or (
                        last + 1 < len(stems) and stems[last + 1] in ("nothing", "not")
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
    return Scan(round(claim, 2), round(crisis, 2), tuple(found))


def _original(sentence, words, first, last, stems):
    if words[first].end:
        return sentence[words[first].start : words[last].end]
    return " ".join(stems[first : last + 1])


# -- the defaults staff start from ----------------------------------------------------------------

# (kind, phrase, weight, label). Weights of 1 hold on their own; halves need company (or a
# commenter whose recent comments were rejected).
_REMEDIES = (
    "turmeric|curcumin|garlic|ginger|cinnamon|honey|vinegar|acv|baking|bicarbonate|lemon|celery|"
    "juice|juicing|oregano|oil|oils|cbd|cannabis|homeopathy|homeopathic|bracelet|bracelets|"
    "magnet|magnets|magnetic|copper|crystal|crystals|silver|mms|bleach|turpentine|kerosene|"
    "borax|ivermectin|hydroxychloroquine|apricot|laetrile|colostrum|enema|enemas|fasting|"
    "cleanse|detox|herb|herbs|herbal|tea|supplement|supplements|tincture|remedy|remedies|"
    "kombucha|urine|peroxide|alkaline|keto|carnivore|frequency|frequencies|essential|"
    "acupuncture|chiropractor|chiropractic|reiki|ozone|moringa|mushroom|mushrooms|seamoss|"
    "moss|zeolite|iodine|vitamin|vitamins|megadose|elderberry|echinacea|colloidal|shilajit|"
    "sauna|coconut|hemp|kratom|methylene|chlorine|dioxide|quercetin|zinc|magnesium|selenium|"
    "salve|arnica|beetroot|beet|carrot|carrots|onion|garlic|seeds|kernels|smoothie|smoothies|"
    "diet|grounding|wort|poultice|tonic|elixir|drops|powder|capsules|cream|balm|potion|"
    "cider|nettle|dandelion|aloe|papaya|soursop|graviola|noni|spirulina|chlorella|wheatgrass"
)
_DRUGS = (
    "medication|pill|drug|drugs|insulin|chemo|chemotherapy|radiation|statin|statins|metformin|"
    "inhaler|antidepressant|antidepressants|antibiotic|antibiotics|vaccine|vaccines|jab|jabs|"
    "prescription|prescriptions|treatment|treatments|surgery|doctor|doctors|levothyroxine|"
    "thyroxine|steroid|steroids|painkiller|painkillers|blood|thinner|thinners|warfarin|"
    "lithium|ssri|ssris|epipen|injection|injections|dialysis|therapy|ibuprofen|paracetamol|"
    "aspirin|naproxen|codeine|morphine|opioid|opioids|triptan|triptans|omeprazole|ppi|"
    "antihistamine|antihistamines|antiviral|antivirals|tamiflu|pharmaceutical|pharmaceuticals|"
    "penicillin|amoxicillin|ritalin|sertraline|prozac|fluoxetine|citalopram|antibiotic|"
    "painkiller|chemical|chemicals|stent|stents|operation|transplant|replacement|biopsy|cream|creams|shot|"
    "shots|vaccination|vaccinations|glasses|hearing_aid|hearing_aids"
)
_EFFECTS = (
    "cure|cures|cured|curing|heal|healed|reverse|reversed|eliminate|eliminated|eradicate|"
    "dissolve|dissolved|shrink|shrank|shrunk|clear|cleared|fix|fixed|remove|removed|banish|"
    "kill|kills|killed|destroy|destroys|wipe|beat|beats|beaten|outperform|remission|regrow|"
    "regrows|regenerate|regenerates|restore|restored|unclog|unclogged|unblock|draw|draws|drew|"
    "cleared|clears"
)
_CONDITIONS = (
    "cancer|cancers|tumor|tumors|tumour|tumours|diabetes|diabetic|arthritis|autism|alzheimer|"
    "alzheimers|dementia|parkinson|parkinsons|ms|sclerosis|asthma|eczema|psoriasis|covid|flu|"
    "hiv|aids|herpes|hepatitis|depression|anxiety|adhd|epilepsy|migraine|migraines|"
    "fibromyalgia|lupus|crohn|crohns|colitis|ibs|infection|infections|pain|gout|hypertension|"
    "cholesterol|thyroid|hashimoto|endometriosis|infertility|acne|kidney|stone|stones|"
    "gallstones|sciatica|cataract|cataracts|tinnitus|insomnia|obesity|lyme|copd|heart|"
    "stroke|cold|colds|virus|viruses|bacteria|parasite|parasites|candida|disease|diseases|"
    "illness|condition|conditions|osteoporosis|neuropathy|glaucoma|warts|ulcer|ulcers|vision|"
    "eyesight|sight|hearing|pressure|sugar|nerve|nerves|cells|ageing|aging|inflammation|fatigue|"
    "allergy|allergies|hayfever|sinus|sinusitis|bronchitis|pneumonia|sepsis|measles|shingles|"
    "cyst|cysts|nodule|nodules|polyps|fibroids|pcos|anemia|anaemia|cirrhosis|liver|lungs|gut|"
    "bloating|reflux|constipation|hemorrhoids|piles|baldness|hair_loss|wrinkles|cataract"
)
_OUTCOMES = (
    "melt|melts|melted|lower|lowers|lowered|normalise|normalises|normalize|normalizes|balance|"
    "balances|cure|cures|cured|heal|heals|healed|reverse|reversed|reverses|eliminate|eliminated|"
    "eradicate|dissolve|dissolved|dissolves|shrink|shrank|shrinks|shrunk|stop|stops|stopped|"
    "prevent|prevents|prevented|wipe|wiped|wipes|fix|fixes|fixed|sort|sorts|sorted|clear|"
    "cleared|clears|vanish|vanished|disappear|disappeared|gone|rid|treat|treats|treated|kill|"
    "kills|killed|remove|removes|removed|beat|beats|restore|restores|restored|banish|"
    "banished|knock|knocks"
)
_UNITS = "mg|mgs|milligram|milligrams|mcg|microgram|micrograms|iu|ius|g|gram|grams|units"

DEFAULT_PATTERNS = (
    # Treatment claims
    (CLAIM, "cure|cures|cured|curing", 1.0, "a cure"),
    (CLAIM, "miracle|miraculous|miracles", 0.5, "a miracle"),
    (CLAIM, "miracle cure|pill|remedy|treatment|worker|drug|product", 1.0, "a miracle cure"),
    (CLAIM, "work|works|worked|working miracles|wonders", 1.0, "works miracles"),
    (CLAIM, "instantly|instant|immediately|overnight", 0.5, "instant results"),
    (
        CLAIM,
        "instantly|instant|immediately|overnight ... " + _EFFECTS + "|gone|disappear|"
        "disappeared|vanish|vanished|relief|relieve|relieved|better",
        0.5,
        "instant results",
    ),  # fmt: skip
    (
        CLAIM,
        _EFFECTS + "|gone|disappear|disappeared|vanish|vanished|relief|relieve|relieved ... "
        "instantly|immediately|overnight|completely|permanently|totally|forever|for_good|entirely|"
        "within_days|in_days",
        0.5,
        "complete or instant results",
    ),  # fmt: skip
    (
        CLAIM,
        "completely|permanently|totally|fully|100% " + _EFFECTS + "|gone",
        0.5,
        "complete results",
    ),  # fmt: skip
    (CLAIM, "guarantee|guaranteed|guarantees", 1.0, "a guarantee"),
    (
        CLAIM,
        "100 percent? effective|natural|safe|success|successful|proven|cure|guaranteed|cured|"
        "healed|gone|works|effective",
        1.0,
        "certainty",
    ),  # fmt: skip
    (CLAIM, "works|worked every time", 1.0, "certainty"),
    (CLAIM, "no side effect|effects", 0.5, "no side effects"),
    (CLAIM, "clinically proven", 0.5, "proven"),
    (
        CLAIM,
        "stop|quit|ditch|drop|skip|abandon taking|using your|all|those|any ... " + _DRUGS,
        1.0,
        "stopping medication",
    ),  # fmt: skip
    (
        CLAIM,
        "stop|quit|ditch|drop|skip|abandon taking|using ... " + _DRUGS,
        0.5,
        "stopping medication",
    ),  # fmt: skip
    (
        CLAIM,
        "stop|quit|ditch|throw|flush|bin|dump|abandon your|the|all|those|my ... " + _DRUGS,
        1.0,
        "stopping medication",
    ),  # fmt: skip
    (CLAIM, "come|came|get|got off ... " + _DRUGS, 0.5, "stopping medication"),
    (CLAIM, "instead of ... " + _DRUGS, 1.0, "instead of medication"),
    (CLAIM, "replace|replaced|replaces|replacing ... " + _DRUGS, 1.0, "instead of medication"),
    (CLAIM, "not|never need|needed ... " + _DRUGS, 1.0, "no need for medication"),
    (
        CLAIM,
        "work|works|worked|better|stronger|more_effective|more_powerful than ... " + _DRUGS,
        1.0,
        "better than medication",
    ),  # fmt: skip
    (
        CLAIM,
        _DRUGS + " ... be|is poison|poisonous|a_scam|useless|killing",
        1.0,
        "against medication",
    ),  # fmt: skip
    (
        CLAIM,
        "doctor|doctors|pharma|pharmaceutical|industry|government|they ... not|never want you"
        " to know",
        1.0,
        "suppressed cure",
    ),  # fmt: skip
    (
        CLAIM,
        "pharma|pharmaceutical|doctors|fda|government ... hide|hiding|hid|suppress|"
        "suppressed|suppressing|bury|buried|cover|covering",
        1.0,
        "suppressed cure",
    ),  # fmt: skip
    (CLAIM, "big pharma", 0.5, "suppressed cure"),
    (CLAIM, _REMEDIES + " ... " + _EFFECTS, 1.0, "an unproven remedy"),
    (
        CLAIM,
        _EFFECTS + " ... with|using|by|from|thanks_to " + _REMEDIES,
        1.0,
        "an unproven remedy",
    ),  # fmt: skip
    (
        CLAIM,
        _REMEDIES + " ... rid_of|took_away|takes_away|take_away|rid_me",
        1.0,
        "an unproven remedy",
    ),  # fmt: skip
    (CLAIM, "rid of my? ... " + _CONDITIONS, 0.5, "getting rid of a condition"),
    (
        CLAIM,
        _REMEDIES + " ... treat|treats|treated|prevent|prevents|prevented|stop|stops|"
        "stopped|fight|fights|fought|kill|kills|killed|shrink|shrinks ... " + _CONDITIONS,
        1.0,
        "an unproven remedy",
    ),  # fmt: skip
    (CLAIM, "reverse|reversed|reverses|reversing ... " + _CONDITIONS, 1.0, "reversing a disease"),
    (
        CLAIM,
        "kill|kills|killed|killing|starve|starves|starving|destroy|destroys ... cancer|tumor|"
        "tumour|tumours|tumors",
        1.0,
        "killing cancer",
    ),  # fmt: skip
    (CLAIM, "# " + _UNITS + " ... day|daily|morning|night|hour|hours", 0.5, "a dose"),
    (
        CLAIM,
        "# " + _UNITS + " of? vitamin|vit|zinc|iodine|magnesium|niacin|turmeric|curcumin|"
        "melatonin|fish|selenium|potassium|iron|b12|b17|d3|c|d|oil",
        0.5,
        "a dose",
    ),  # fmt: skip
    (CLAIM, "## " + _UNITS, 0.5, "a mega-dose"),
    (
        CLAIM,
        "megadose|megadoses|megadosing|megadosed|mega_dose|mega_doses|mega_dosing",
        1.0,
        "a mega-dose",
    ),  # fmt: skip
    (CLAIM, "high|huge|massive dose|doses|dosing|amounts", 0.5, "a mega-dose"),
    (
        CLAIM,
        "vaccine|vaccines|jab|jabs|shot|shots cause|causes|caused|give|gives ... autism|"
        "infertility|cancer|turbo|death|dementia|sids",
        1.0,
        "a vaccine harm claim",
    ),  # fmt: skip
    (
        CLAIM,
        "detox|detoxes|detoxify|flush|flushes|cleanse ... toxin|toxins|liver|body|parasites",
        0.5,
        "a detox",
    ),  # fmt: skip
    (CLAIM, "boost|boosts|boosted ... immune|immunity", 0.5, "an immune boost"),
    (CLAIM, "only|real|true cure|answer|solution", 0.5, "the only answer"),
    (
        CLAIM,
        "natural|herbal|holistic alternative|remedy|cure|treatment|way",
        0.5,
        "a natural alternative",
    ),  # fmt: skip
    (CLAIM, "swear by", 0.5, "a testimonial"),
    (CLAIM, "try|trust_me|believe_me ... " + _REMEDIES, 0.5, "a recommendation"),
    (CLAIM, "never get|got|been sick|ill|cold|colds|flu", 0.5, "never sick"),
    (CLAIM, "pain|symptom|cancer|tumor|tumour|drug|medication free", 0.5, "free of symptoms"),
    (
        CLAIM,
        "drink|drinking|drank|inject|injecting|gargle|gargling ... bleach|peroxide|mms|"
        "turpentine|kerosene|borax|urine|silver|dioxide",
        1.0,
        "a dangerous remedy",
    ),  # fmt: skip
    (
        CLAIM,
        "doctor|doctors ... wrong|clueless|useless|know_nothing",
        0.5,
        "against medical advice",
    ),  # fmt: skip
    (
        CLAIM,
        _CONDITIONS + " ... gone|disappear|disappeared|vanish|vanished|went_away|healed|"
        "cured|reversed",
        0.5,
        "a condition gone",
    ),  # fmt: skip
    (
        CLAIM,
        "heal|heals|healed|healing|regrow|regrows|regenerate|eradicate|eradicates|"
        "eliminate|eliminates",
        0.5,
        "healing",
    ),  # fmt: skip
    (CLAIM, "reverse|reverses|reversed|reversing", 0.5, "reversing a disease"),
    (CLAIM, "i|we cured|healed|fixed|reversed|beat my|his|her|our|own", 1.0, "a cure"),
    (CLAIM, "beat|beats|beaten|defeat|defeated " + _CONDITIONS, 0.5, "beating a disease"),
    (CLAIM, "instead", 0.5, "instead of medication"),
    (CLAIM, "alternative to ... " + _DRUGS, 1.0, "instead of medication"),
    (
        CLAIM,
        "no|without|zero|nor " + _DRUGS + "|antibiotics|needed|necessary",
        0.5,
        "no need for medication",
    ),  # fmt: skip
    (CLAIM, "no need for|to|of", 0.5, "no need for medication"),
    (CLAIM, "better|stronger|safer than any|all", 1.0, "better than medication"),
    (CLAIM, "work|works|worked|working better|best", 0.5, "better than medication"),
    (
        CLAIM,
        "threw|thrown|tossed|binned|ditched|dumped|flushed ... " + _DRUGS,
        1.0,
        "stopping medication",
    ),  # fmt: skip
    (
        CLAIM,
        "best|only|ultimate treatment|cure|remedy|medicine|answer|solution for",
        0.5,
        "the only answer",
    ),  # fmt: skip
    (
        CLAIM,
        "within|in a|one|two|three|four|five|six|seven|ten|few|# day|days|week|weeks|hour|"
        "hours|month|months",
        0.25,
        "fast results",
    ),  # fmt: skip
    (CLAIM, _REMEDIES, 0.25, "a remedy"),
    (CLAIM, "be natural|naturally", 0.25, "a natural alternative"),
    # Crisis: suicidal thoughts, self-harm, overdose
    (CRISIS, "kill|killing|end|ending|take|taking my own? life", 1.0, "suicidal thoughts"),
    (CRISIS, "kill|killing|killed myself", 1.0, "suicidal thoughts"),
    (CRISIS, "suicidal", 1.0, "suicidal thoughts"),
    (CRISIS, "suicide", 0.5, "suicidal thoughts"),
    (
        CRISIS,
        "attempt|attempted|commit|committing|consider|considering|think|thinking|plan|"
        "planning ... suicide",
        1.0,
        "suicidal thoughts",
    ),  # fmt: skip
    (CRISIS, "end|ending it all|everything", 1.0, "suicidal thoughts"),
    (CRISIS, "end|ending it", 0.5, "suicidal thoughts"),
    (
        CRISIS,
        "want|wanted|wanting|wish|wishing|rather|ready|prefer ... die|be_dead|sleep_forever|"
        "not_exist|not_be_alive|not_be_around|not_be_here|stop_existing|be_gone|end_it|end_my_life|"
        "kill_myself",
        1.0,
        "suicidal thoughts",
    ),  # fmt: skip
    (CRISIS, "disappear|vanish forever|for_good|permanently", 1.0, "suicidal thoughts"),
    (CRISIS, "want|wanted|wanting|wish|wishing to disappear|vanish", 0.5, "suicidal thoughts"),
    (CRISIS, "wish|wished|wishing ... be|was dead|gone|never_born", 1.0, "suicidal thoughts"),
    (CRISIS, "hope|wish|want ... not wake up", 1.0, "suicidal thoughts"),
    (CRISIS, "not want to live|exist|continue|wake", 1.0, "suicidal thoughts"),
    (CRISIS, "not want to be alive|here|around|anymore", 1.0, "suicidal thoughts"),
    (CRISIS, "not want to go|carry on", 1.0, "suicidal thoughts"),
    (
        CRISIS,
        "can|could not go|carry|keep|do|take|cope|handle|live ... anymore|any_more|longer",
        1.0,
        "suicidal thoughts",
    ),  # fmt: skip
    (CRISIS, "better off dead|gone", 1.0, "suicidal thoughts"),
    (CRISIS, "better off without me", 1.0, "suicidal thoughts"),
    (CRISIS, "no reason|point to|in live|living|go|carry|keep|be", 1.0, "hopelessness"),
    (CRISIS, "nothing left? to live for", 1.0, "hopelessness"),
    (CRISIS, "no point anymore|any_more", 0.5, "hopelessness"),
    (CRISIS, "no way out", 0.5, "hopelessness"),
    (CRISIS, "no hope left", 0.5, "hopelessness"),
    (CRISIS, "hopeless", 0.5, "hopelessness"),
    (CRISIS, "worthless", 0.5, "hopelessness"),
    (CRISIS, "not see|find a|any way out", 0.5, "hopelessness"),
    (CRISIS, "burden to|on everyone|everybody|my_family|others|them", 0.5, "hopelessness"),
    (CRISIS, "say|said|saying my? goodbye|goodbyes", 0.5, "saying goodbye"),
    (
        CRISIS,
        "hurt|hurting|harm|harming|cut|cutting|burn|burning|punish|punishing myself",
        1.0,
        "self-harm",
    ),  # fmt: skip
    (CRISIS, "self harm|harm|injury|harming|injuring", 0.5, "self-harm"),
    (
        CRISIS,
        "i|been|started|keep|kept|my ... self_harm|self_harming|self_injury|harming_myself",
        1.0,
        "self-harm",
    ),  # fmt: skip
    (CRISIS, "overdose|overdosed|overdosing", 0.5, "overdose"),
    (CRISIS, "i just|already|have? overdose|overdosed|od", 1.0, "overdose"),
    (CRISIS, "take|took|taking|taken an|a overdose", 1.0, "overdose"),
    (CRISIS, "going|want|plan|planning to overdose|od", 1.0, "overdose"),
    (
        CRISIS,
        "took|swallowed|swallowing|taken all|whole|entire|handful|bottle|box|packet|boxful|"
        "too_many|every ... pill|medication|paracetamol|aspirin|insulin|sleeping",
        1.0,
        "overdose",
    ),  # fmt: skip
    (
        CRISIS,
        "stockpile|stockpiling|stockpiled|hoard|hoarding|hoarded|saving_up|saved_up|stash|"
        "stashed ... pill|medication|paracetamol|painkiller|painkillers|sleeping",
        1.0,
        "overdose",
    ),  # fmt: skip
    (
        CRISIS,
        "jump|jumping|throw_myself off|from|in_front_of ... bridge|building|roof|train|cliff"
        "|balcony|car|traffic",
        1.0,
        "suicidal thoughts",
    ),  # fmt: skip
    (CRISIS, "hang|hanging myself", 1.0, "suicidal thoughts"),
    (
        CRISIS,
        "plan|planning|planned ... to die|end_it|end_my_life|kill_myself",
        1.0,
        "suicidal thoughts",
    ),  # fmt: skip
    (
        CRISIS,
        "kill|killing|killed|hurt|hurting|harm|harming|cut|cutting herself|himself|"
        "themselves|themself",
        1.0,
        "suicidal thoughts",
    ),  # fmt: skip
    (
        CRISIS,
        "want|wanted|wish it|everything|this all? to end|stop|be_over",
        0.5,
        "suicidal thoughts",
    ),  # fmt: skip
    (CRISIS, "it all to end", 1.0, "suicidal thoughts"),
    (CRISIS, "going to end it|things|everything", 1.0, "suicidal thoughts"),
    (CRISIS, "end|ending things", 0.5, "suicidal thoughts"),
    (CRISIS, "hope|wish|want|pray ... never|not wake up", 1.0, "suicidal thoughts"),
    (CRISIS, "never wake up", 0.5, "suicidal thoughts"),
    (CRISIS, "life ... not worth", 1.0, "hopelessness"),
    (CRISIS, "not worth living", 1.0, "hopelessness"),
    (CRISIS, "point in|to going|go|living|live|carrying|trying|anything", 0.5, "hopelessness"),
    (CRISIS, "not see|find any? point", 0.5, "hopelessness"),
    (
        CRISIS,
        "happier|better|easier ... if|when i be gone|dead|die|died",
        1.0,
        "suicidal thoughts",
    ),  # fmt: skip
    (
        CRISIS,
        "no_one|nobody|noone ... miss_me|care_if|notice_if|would_notice|would_care",
        1.0,
        "hopelessness",
    ),  # fmt: skip
    (
        CRISIS,
        "took|swallowed|swallowing|taken|take ... all|whole|entire|handful|bottle|box|packet"
        "|boxful|too_many|every ... pill|medication|paracetamol|aspirin|insulin|sleeping|"
        "painkiller|painkillers|antidepressant|antidepressants",
        1.0,
        "overdose",
    ),  # fmt: skip
    (CRISIS, "took|swallowed everything", 0.5, "overdose"),
    (
        CRISIS,
        "so_i_can|going_to|plan_to|want_to|planning_to take|swallow them|it|these|those all",
        1.0,
        "overdose",
    ),  # fmt: skip
    (
        CRISIS,
        "collect|collecting|collected|saving|saved ... pill|medication|paracetamol|"
        "painkiller|painkillers|sleeping",
        0.5,
        "overdose",
    ),  # fmt: skip
    # Crisis: emergency symptoms
    (
        CRISIS,
        "chest ... pain|pressure|tight|tightness|crushing|heavy|heaviness ... arm|arms|jaw|"
        "shoulder|neck|sweat|sweating|sweaty|breath|breathe|breathing|nausea|dizzy",
        1.0,
        "chest pain",
    ),  # fmt: skip
    (
        CRISIS,
        "pain|pressure|ache|aching|crushing|tightness ... spread|spreading|radiate|"
        "radiating|shooting|going_down|moving ... arm|jaw|shoulder|neck",
        1.0,
        "chest pain",
    ),  # fmt: skip
    (CRISIS, "crushing|heavy|severe chest", 1.0, "chest pain"),
    (CRISIS, "worst headache", 1.0, "sudden severe headache"),
    (
        CRISIS,
        "sudden|suddenly|thunderclap ... severe|excruciating|blinding headache",
        1.0,
        "sudden severe headache",
    ),  # fmt: skip
    (
        CRISIS,
        "headache ... numb|numbness|slur|slurred|slurring|vision|droop|drooping|weak|"
        "weakness|confused|confusion|stiff_neck",
        1.0,
        "stroke signs",
    ),  # fmt: skip
    (CRISIS, "face ... droop|drooping|droopy|numb|numbness", 1.0, "stroke signs"),
    (CRISIS, "slur|slurred|slurring ... speech|words|speak|talk", 1.0, "stroke signs"),
    (CRISIS, "can|could not breathe|breath|swallow", 1.0, "trouble breathing"),
    (
        CRISIS,
        "struggling|struggle|unable|hard|trouble|difficulty|fighting to? breathe|breathing|breath",
        1.0,
        "trouble breathing",
    ),  # fmt: skip
    (CRISIS, "hardly|barely breathe|breathing|breath", 1.0, "trouble breathing"),
    (CRISIS, "can|could not catch|get my? breath|air", 1.0, "trouble breathing"),
    (CRISIS, "gasping|choking|wheezing ... air|breath|breathe", 1.0, "trouble breathing"),
    (CRISIS, "lips|fingers|face ... blue|grey|gray", 1.0, "trouble breathing"),
    (CRISIS, "throat ... closing|swelling|swollen|tight", 1.0, "anaphylaxis"),
    (
        CRISIS,
        "having a|an heart_attack|stroke|seizure|anaphylactic|allergic_reaction",
        1.0,
        "an emergency now",
    ),  # fmt: skip
    (
        CRISIS,
        "bladder|bowel|bowels|pee|wet|wetting|incontinent|incontinence ... numb|numbness|"
        "feel|feeling|legs|saddle|groin",
        1.0,
        "cauda equina signs",
    ),  # fmt: skip
    (
        CRISIS,
        "numb|numbness|tingling ... legs|groin|saddle|bum|buttocks ... bladder|bowel|pee|"
        "wet|toilet|control",
        1.0,
        "cauda equina signs",
    ),  # fmt: skip
    (CRISIS, "can|could not feel|move my? legs|feet|leg", 1.0, "cauda equina signs"),
    (CRISIS, "lose|lost|losing control of my? bladder|bowel|bowels", 1.0, "cauda equina signs"),
    (CRISIS, "cough|coughing|vomit|vomiting|throwing_up ... blood", 1.0, "bleeding"),
    (CRISIS, "bleeding ... stop|heavily|everywhere|badly", 1.0, "bleeding"),
    (CRISIS, "passed|passing|blacked|blacking out", 0.5, "collapse"),
    (CRISIS, "fainted|unconscious|unresponsive|seizure|seizing", 0.5, "collapse"),
    (CRISIS, "not|never respond|responding|wake|waking", 0.5, "collapse"),
    (
        CRISIS,
        "emergency|ambulance|911|999|112|a&e|er|hospital ... now|tonight|should_i|do_i|right_now",
        0.5,
        "an emergency now",
    ),  # fmt: skip
    (
        CRISIS,
        "right_now|at_the_moment|as_i_type|as_i_write|tonight|this_minute",
        0.25,
        "happening now",
    ),  # fmt: skip
    (
        CRISIS,
        "pain|pressure|tight|tightness|crushing|heavy|heaviness in? my? chest ... arm|arms"
        "|jaw|shoulder|neck|sweat|sweating|sweaty|clammy|breath|breathe|breathing|nausea|sick|"
        "dizzy|faint",
        1.0,
        "chest pain",
    ),  # fmt: skip
    (CRISIS, "thunderclap", 1.0, "sudden severe headache"),
    (CRISIS, "worst headache|pain ... life|ever", 0.5, "sudden severe headache"),
    (CRISIS, "headache ... worst|double|vision|stiff", 0.5, "sudden severe headache"),
    (CRISIS, "double_vision|seeing_double", 0.5, "stroke signs"),
    (CRISIS, "not breathing|breathe", 1.0, "trouble breathing"),
    (CRISIS, "going|turning|turned|gone blue", 1.0, "trouble breathing"),
    (CRISIS, "collapse|collapsed|collapsing", 0.5, "collapse"),
    (CRISIS, "not stop bleeding|the_bleeding", 1.0, "bleeding"),
    (CRISIS, "bleeding ... dizzy|faint|pale", 0.5, "bleeding"),
    (
        CRISIS,
        "started|began|came_on ... ago|minutes|this_morning|tonight|suddenly",
        0.25,
        "happening now",
    ),  # fmt: skip
    # Broader co-occurrences: an outcome said of a condition, with certainty or speed, or
    # against medicine. Each needs another cue to hold.
    (CLAIM, _OUTCOMES + " ... any|every|all|always " + _CONDITIONS, 1.0, "a cure-all"),
    (CLAIM, _OUTCOMES + " ... " + _CONDITIONS, 0.5, "an outcome claimed"),
    (CLAIM, _CONDITIONS + " ... " + _OUTCOMES, 0.25, "an outcome claimed"),
    (
        CLAIM,
        "after|within|in|under a|one|two|three|four|five|six|seven|ten|few|couple|# ... "
        "minute|minutes|seconds|day|days|week|weeks|session|sessions|dose|doses",
        0.25,
        "fast results",
    ),  # fmt: skip
    (
        CLAIM,
        "forget|skip|ditch|avoid|refuse|bin|ignore the|your? ... " + _DRUGS + "|pharmacy|"
        "chemist|gp|hospital|doctor|doctors",
        0.5,
        "against medicine",
    ),  # fmt: skip
    (
        CLAIM,
        "swap|swapped|switch|switched|trade|traded|exchange ... " + _DRUGS + " ... for|with",
        1.0,
        "instead of medication",
    ),  # fmt: skip
    (
        CLAIM,
        _DRUGS + " ... never|not do|did|work|worked|help|helped ... that",
        0.5,
        "against medicine",
    ),  # fmt: skip
    (CLAIM, "same job|thing|effect|result|results", 0.5, "as good as medication"),
    (CLAIM, "nobody|no_one|noone ... need|needs " + _DRUGS, 1.0, "no need for medication"),
    (
        CLAIM,
        "invented|made_up|created|pushed|sold|lie|lies|lied ... by|from pharma|pharmaceutical|"
        "drug|doctors|industry|government|companies",
        1.0,
        "suppressed cure",
    ),  # fmt: skip
    (
        CLAIM,
        "throw|threw|toss|tossed|bin|binned ... away|out your|the|my",
        0.5,
        "stopping medication",
    ),  # fmt: skip
    # Crisis: broader co-occurrences
    (CRISIS, "tired|sick|done of? living|life|being_alive|existing", 0.5, "hopelessness"),
    (
        CRISIS,
        "pill|medication|paracetamol|painkiller|painkillers|rope|knife|blade|razor ... ready|"
        "waiting|lined_up|in_front_of_me|next_to_me|beside_me",
        1.0,
        "a plan",
    ),  # fmt: skip
    (
        CRISIS,
        "end|ending|stop|stopping my|the|this suffering|pain|misery|torment ... for_good|"
        "forever|permanently|once_and_for_all",
        1.0,
        "suicidal thoughts",
    ),  # fmt: skip
    (
        CRISIS,
        "drive|driving|drove|crash|crashing|steer|swerve|walk|walking|step ... into|off|in_front"
        " ... wall|tree|bridge|traffic|lorry|truck|train|river|sea|cliff|car|bus",
        1.0,
        "suicidal thoughts",
    ),  # fmt: skip
    (
        CRISIS,
        "better_off|happier|easier ... without_me|not_around|not_here|gone|dead|be_gone",
        1.0,
        "suicidal thoughts",
    ),  # fmt: skip
    (CRISIS, "not|no_longer be? around|here|alive", 0.5, "suicidal thoughts"),
    (
        CRISIS,
        "chest ... pain|pressure|tight|tightness|crushing|crush|heavy|heaviness|squeeze|"
        "squeezing|elephant|weight|vice|burning|ache|aching",
        0.5,
        "chest pain",
    ),  # fmt: skip
    (
        CRISIS,
        "chest ... arm|arms|jaw|shoulder|neck|sweat|sweating|sweaty|clammy|breath|breathe|"
        "breathless|tingling|numb|nausea|sick|dizzy|faint",
        0.5,
        "chest pain",
    ),  # fmt: skip
    (
        CRISIS,
        "one|left|right side ... numb|weak|droop|drooping|paralysed|paralyzed|dead|"
        "tingling|went_numb",
        1.0,
        "stroke signs",
    ),  # fmt: skip
    (
        CRISIS,
        "numb|weak|droop|drooping|paralysed|paralyzed ... face|arm|side|leg",
        0.5,
        "stroke signs",
    ),  # fmt: skip
    (CRISIS, "can|could not get|find|say|form my? words|speak|talk|speech", 0.5, "stroke signs"),
    (CRISIS, "words out|jumbled|garbled|make_sense", 0.5, "stroke signs"),
    (
        CRISIS,
        "sudden|suddenly|agonising|agonizing|explosive|excruciating|blinding ... headache",
        0.5,
        "sudden severe headache",
    ),  # fmt: skip
    (
        CRISIS,
        "headache ... sick|vomit|vomiting|neck|stiff|confused|confusion|light|rash|collapse|"
        "fit|seizure|numb|weak",
        0.5,
        "sudden severe headache",
    ),  # fmt: skip
    (CRISIS, "lose|losing|lost feeling|sensation|control", 0.5, "cauda equina signs"),
    (
        CRISIS,
        "wet|wetting|pee|peeing|soil|soiled|soiling myself|the_bed",
        0.5,
        "cauda equina signs",
    ),  # fmt: skip
    (CRISIS, "both legs|feet", 0.25, "cauda equina signs"),
    (CLAIM, "all|only you need|thing_you_need", 0.5, "the only answer"),
    (CLAIM, "take|took|takes|taken ... " + _CONDITIONS + " ... away", 0.5, "an outcome claimed"),
    (CLAIM, "living proof|proof_that|the_proof", 0.5, "a testimonial"),
    (CRISIS, "keep|kept|keeping myself safe", 1.0, "suicidal thoughts"),
    (
        CRISIS,
        "tonight|today|this_weekend|made_up_my_mind|decided|decision ... end|ending it|"
        "things|everything|my_life",
        1.0,
        "suicidal thoughts",
    ),  # fmt: skip
    (CRISIS, "noose|ligature", 1.0, "suicidal thoughts"),
    (
        CRISIS,
        "rope|gun|knife|blade ... using_it|use_it|neck|myself|end",
        1.0,
        "suicidal thoughts",
    ),  # fmt: skip
    (
        CRISIS,
        "goodbye|farewell|last|final|suicide letter|letters|note|notes|message|messages",
        1.0,
        "saying goodbye",
    ),  # fmt: skip
    (
        CRISIS,
        "written|wrote|writing|left letter|letters|note|notes to|for my",
        0.5,
        "saying goodbye",
    ),  # fmt: skip
    (CRISIS, "i be done|finished", 0.25, "hopelessness"),
    (
        CRISIS,
        "scratch|scratching|hit|hitting|punch|punching|bang|banging|pull|pulling|pick|picking"
        " ... arms|skin|wrists|head|hair|legs|thighs|myself ... until|till|so bleed|bleeds|"
        "bleeding|"
        "bruise|bruised|hurts|hurt|raw",
        1.0,
        "self-harm",
    ),  # fmt: skip
    (CRISIS, "on purpose|deliberately|intentionally", 0.5, "self-harm"),
    (
        CRISIS,
        "take|took|taken|inject|injected ... double|triple|extra|too_much|lots ... insulin|"
        "pill|medication|dose|paracetamol",
        0.5,
        "overdose",
    ),  # fmt: skip
    (
        CRISIS,
        "face|arm|leg|side|mouth ... droop|drooping|drooped|sag|sagging|dead|heavy|not_move|"
        "will_not_move",
        0.5,
        "stroke signs",
    ),  # fmt: skip
    (
        CRISIS,
        "speech|words|talking|voice ... slur|slurred|slurring|garbled|jumbled|weird|strange",
        1.0,
        "stroke signs",
    ),  # fmt: skip
    (
        CRISIS,
        "only|no way|option|answer|solution|except|but ... die|dying|death|suicide",
        0.5,
        "suicidal thoughts",
    ),  # fmt: skip
    (
        CRISIS,
        "only way out|only_option|only_answer|only_solution|except_dying|but_to_die",
        1.0,
        "suicidal thoughts",
    ),  # fmt: skip
    (CRISIS, "wish ... never be? born", 1.0, "suicidal thoughts"),
    (CRISIS, "not|never wake up|again", 0.5, "suicidal thoughts"),
    (
        CRISIS,
        "how many|much ... pill|paracetamol|tablets|medication|insulin|aspirin|painkiller|"
        "painkillers ... kill|die|fatal|lethal|overdose|not_wake|to_die|end_it",
        1.0,
        "overdose",
    ),  # fmt: skip
    (CRISIS, "lethal|fatal|deadly dose|amount|overdose", 1.0, "overdose"),
    (
        CRISIS,
        "can|could not keep|go_on|carry_on ... living|going|existing|like_this",
        0.5,
        "hopelessness",
    ),  # fmt: skip
    (
        CRISIS,
        "plan|planning|planned ... my|an exit|death|way_out|last_day|goodbye|funeral|suicide",
        1.0,
        "suicidal thoughts",
    ),  # fmt: skip
    (
        CRISIS,
        "swallowed|ate|eaten|drank|drunk|chewed|got_into ... pill|medication|bleach|"
        "detergent|battery|batteries|magnet|magnets|antifreeze|weedkiller|poison|tablets",
        0.5,
        "poisoning",
    ),  # fmt: skip
    (
        CRISIS,
        "drowsy|sleepy|floppy|unresponsive|confused|vomiting|not_waking|shaky|fitting",
        0.5,
        "poisoning",
    ),  # fmt: skip
    # Broad cues of despair and danger: each needs another to hold.
    (
        CRISIS,
        "die|dying|dead|death|funeral|alive|to_myself|my_life",
        0.5,
        "death or harm",
    ),  # fmt: skip
    (
        CRISIS,
        "point|pointless|hopeless|worthless|trapped|burden|no_hope|can_not_cope|could_not_cope",
        0.5,
        "hopelessness",
    ),  # fmt: skip
    (CRISIS, "give|giving|gave|given up", 0.5, "hopelessness"),
    (
        CRISIS,
        "had enough|enough_of ... living|life|everything|this|it_all|being_alive",
        0.5,
        "hopelessness",
    ),  # fmt: skip
    (CRISIS, "ready to give_up|go|die|end|leave", 0.5, "hopelessness"),
    (
        CRISIS,
        "anymore|any_more|alone|relieved|everything_i_need|all_at_once|at_once",
        0.25,
        "hopelessness",
    ),  # fmt: skip
    (CRISIS, "might|could|would|will do ... to myself", 1.0, "self-harm"),
    (
        CRISIS,
        "scared|afraid|frightened|terrified of ... myself|what_i_might|what_i_could",
        0.5,
        "self-harm",
    ),  # fmt: skip
    (
        CRISIS,
        "cut|cutting|burn|burning|scratch|scratching ... deeper|deep|scar|scars|blood|bleed",
        1.0,
        "self-harm",
    ),  # fmt: skip
    (
        CRISIS,
        "started|start|keep|kept|been|began|begun cutting|self_harming|harming|burning again?",
        0.5,
        "self-harm",
    ),  # fmt: skip
    (
        CRISIS,
        "took|taken|swallowed|had ... load|lot|lots|loads|bunch|pile|dozen|handful ... pill"
        "|tablets|sleeping|painkiller|painkillers|paracetamol|medication",
        1.0,
        "overdose",
    ),  # fmt: skip
    (
        CRISIS,
        "speech|words ... wrong|coming_out_wrong|nonsense|strange|funny",
        0.5,
        "stroke signs",
    ),  # fmt: skip
    (
        CRISIS,
        "legs|groin|bum|saddle|buttocks|feet ... numb|numbness|tingling|dead",
        0.5,
        "cauda equina signs",
    ),  # fmt: skip
    (
        CRISIS,
        "pee|wee|bladder|bowel|bowels|toilet|incontinent|incontinence|urine",
        0.5,
        "cauda equina signs",
    ),  # fmt: skip
    (CRISIS, "clutch|clutching|grab|grabbing|holding his|her|my|their chest", 1.0, "chest pain"),
    (CRISIS, "grey|gray|pale|ashen ... sweat|sweating|sweaty|clammy", 0.5, "collapse"),
    (CLAIM, "nature|natural " + _DRUGS, 0.5, "a natural alternative"),
    (CLAIM, "never|not need ... again", 0.5, "no need for medication"),
    (
        CLAIM,
        "doctor|doctors|pharma|they|nobody ... not|never tell|telling|told you",
        1.0,
        "suppressed cure",
    ),  # fmt: skip
    (
        CLAIM,
        "pull|pulls|draw|draws|suck|sucks|flush|flushes ... toxin|toxins|poison|poisons|"
        "chemicals|heavy_metals",
        0.5,
        "a detox",
    ),  # fmt: skip
)
