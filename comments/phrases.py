"""The small phrase language staff write claim and crisis patterns in (``comments.health``),
so that a moderator can add one without knowing regular expressions:

- words are matched on normalised text: case, accents and simple inflections do not matter
  ("cure" matches "Cured", "cures", "curing"; "don't" reads as "do not");
- ``a|b|c`` is any one of those words; ``*`` is any one word; ``...`` is a gap of up to ``GAP``
  words; ``#`` is a number ("10,000" included), ``##`` one of four digits or more; a word ending
  in ``?`` may be missing.

A phrase is compiled once into pieces matched token by token against a sentence's stems."""

import re
from dataclasses import dataclass

from .normalise import tokens


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
