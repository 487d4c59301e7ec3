"""Quoted text: spans between paired quotation marks, in the conventions of many languages.

A quotation may run over several lines: news text (and sentence-per-line text) splits long quotations,
opening once and closing at the end; a line that starts with the opening mark again continues the same
quotation (the print convention for a quotation over paragraphs). One that never closes within
``MAX_LINES`` lines was a stray mark and yields nothing.

Double marks of every shape pair in turn (``_double_spans``), except a term quoted inside a quotation in
the same straight marks (a word, a space, then a mark before a word: polygon "settles", …). Other marks
pair by kind; the straight single mark opens and closes alike, so its role is read from the characters
around it, and an apostrophe inside a word (don't, don’t) or after a plural (the players' union) is not a
mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: double marks read as one family: English “…” and "…", German „…“, Croatian „…”, and the mixtures
#: that machine translation and text rebuilt from tokens produce ("…, “he said)
DOUBLE = "\"“”„‟"
#: other (opening, closing) pairs, each on its own: «…» and »…«, Japanese 「…」 and 『…』, single marks
PAIRS = (("«", "»"), ("»", "«"), ("「", "」"), ("『", "』"), ("‘", "’"), ("‚", "‘"), ("'", "'"))
MAX_LINES = 6
#: a quotation inside a quotation in the same straight marks is a term of a few words
NESTED_WORDS = 4
MAX_CHARS = 3000
_OPENS_AFTER = " \t\n([{—–-/:;,"
_CLOSES_BEFORE = " \t\n)]}.,;:!?—–-…"
#: what follows a closing mark, never an opening one: in »…«.  and "…", - he wrote  the mark closes
_NO_OPENING_BEFORE = ",.;:!?)]}"
#: marks that close in one convention and open in another (»…« beside «…», Swedish ”…”, ‘…’ beside ‚…‘):
#: after a letter such a mark closes; so does one of the first three before a space (while text rebuilt
#: from tokens writes ‘ Tonight …’)
_CLOSING_TOO = "»”’‘"
_CLOSING_BEFORE_SPACE = "»”’"
#: languages whose Latin spelling writes a letter with the straight apostrophe, at the start of a word too
#: (Hausa 'yan, 'yar for ƴ; ma'aikaci): there it is no quotation mark
APOSTROPHE_LETTERS = frozenset({"ha"})
#: marks that are also apostrophes (don't, don’t, the players' union)
_APOSTROPHES = "'’"
#: double marks whose glyph opens in the conventions that use them before a capital (“ closes German, but
#: never after a space); and the punctuation that ends the sentence before a reopening one
_OPENING_ONLY = "“„"
_SENTENCE_END = ".!?…"
#: what follows a mark that closes, typed as an opening one, before the speaker ("…lying on the ground?
#: “Eyewitness News asked."; "…without him? “Colts interim coach Bruce Arians asked.")
_ATTRIBUTION = re.compile(r"(?:[\w'’.-]+\s+){0,5}?(?:said|says|asked|asks|told|tells|added|adds|replied|explained|"
                          r"continued|wrote|writes|insisted|recalled|shouted|yelled)\b")


_DOUBLE_MARK = re.compile(f"[{DOUBLE}]")
#: typed and token-rebuilt text doubles the straight single mark, or writes ``…'' (Penn Treebank), for a
#: double one, mixing it with the curly ones (''Mission accomplished,” Arians said); in a run of three, the
#: last two are the double mark that closes after a single one ('Oh, my God!''')
_TWO_CHAR = re.compile(r"``|''(?!')")
_ANY_DOUBLE = re.compile(f"{_TWO_CHAR.pattern}|[{DOUBLE}]")


@dataclass(frozen=True)
class Quoted:
    start: int
    end: int
    opening: int
    closing: int


def _can_open(text: str, i: int, straight: bool) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after in _NO_OPENING_BEFORE or (text[i] in _CLOSING_TOO and before.isalnum()) or \
            (text[i] in _CLOSING_BEFORE_SPACE and after.isspace()):
        return False
    if not straight:
        return True
    return before in _OPENS_AFTER and not after.isspace()


def _can_close(text: str, i: int, mark: str, straight: bool) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if mark in _APOSTROPHES:
        if before.isalpha() and after.isalpha():
            return False
        if before in "sS" and after == " " and text[i + 2:i + 3].islower():
            return False
    if not straight:
        return True
    return not before.isspace() and (after in _CLOSES_BEFORE or after == mark)


def _too_far(text: str, start: int, i: int) -> bool:
    """A mark this far from an opening one cannot close it: the opening one was a stray."""
    return i - start > MAX_CHARS or text.count("\n", start, i) > MAX_LINES


def _reopens(text: str, start: int, i: int) -> bool:
    """A mark that starts a later line inside a quotation continues it in a new paragraph; so does an opening
    “ or „ after a sentence's end and a space, before a capital, where the paragraph break was lost (text
    rebuilt from pages: "…a lot of responsibility. “We are working as fast as we can.”"), unless the speaker
    follows it: then it closes, typed the wrong way round."""
    line_start = text.rfind("\n", 0, i) + 1
    if line_start > start and text[line_start:i].strip() == "":
        return True
    return (text[i] in _OPENING_ONLY and i >= start + 3 and text[i - 1] == " " and text[i - 2] in _SENTENCE_END
            and text[i + 1:i + 2].isupper() and not _ATTRIBUTION.match(text, i + 1))


def _pair_spans(text: str, opening: str, closing: str, doubled: set[int]) -> list[Quoted]:
    straight = opening == closing
    found: list[Quoted] = []
    start = -1
    positions = sorted(({m.start() for m in re.finditer(re.escape(opening), text)} |
                        {m.start() for m in re.finditer(re.escape(closing), text)}) - doubled)
    for i in positions:
        mark = text[i]
        if start >= 0:
            if _too_far(text, start, i):
                start = -1
            elif mark == closing and _can_close(text, i, closing, straight) and i > start + 1:
                found.append(Quoted(start + 1, i, start, i))
                start = -1
                continue
            elif mark == opening and not straight:
                if not _reopens(text, start, i):
                    start = i
                continue
            else:
                continue
        if mark == opening and _can_open(text, i, straight):
            start = i
    return found


def _nested_closing(text: str, i: int) -> int | None:
    """Where a term quoted inside a quotation closes ("Пройдет зима, грунт "осядет", и мы …"), if the
    mark at ``i`` opens one: it follows a word and a space, a word follows it, and a mark closes it a few
    words on, on the same line. Otherwise the mark closes the quotation (a "…, "he said is no term)."""
    if i < 2 or text[i - 1] != " " or not text[i - 2].isalnum() or i + 1 >= len(text) or not text[i + 1].isalnum():
        return None
    closing = _DOUBLE_MARK.search(text, i + 1)
    if closing is None:
        return None
    j = closing.start()
    after = text[j + 1] if j + 1 < len(text) else " "
    inner = text[i + 1:j]
    if "\n" in inner or len(inner.split()) > NESTED_WORDS or text[j - 1].isspace() or after not in _CLOSES_BEFORE:
        return None
    return j


_SENTENCE_ENDS = re.compile(r"[.!?…](?=\s)")


def _left_open(text: str, opened: int, i: int) -> int | None:
    """Where a quotation its writer never closed ends, when an opening “ or „ after a word and a space, before a
    capital, shows a new one begins ("…in the Gulf of Aden. Robert Gates called for companies to protect their
    ships better “As with terrorism, …”"): at the last sentence end before that narrative. None where no
    sentence ends between them, as inside a quotation that quotes in the same marks."""
    if text[i] not in _OPENING_ONLY or text[i - 1:i] != " " or not text[i - 2:i - 1].isalnum() \
            or not text[i + 1:i + 2].isupper():
        return None
    ends = [m.end() for m in _SENTENCE_ENDS.finditer(text, opened, i)]
    return ends[-1] if ends else None


def _double_spans(text: str) -> list[Quoted]:
    """Double marks pair in turn, whatever their shape: a mark opens when a word follows it, and the next
    mark closes. A mark followed by a space or by punctuation cannot open, nor a ” after a letter, which
    puts the turn right again after a stray one; a mark at the start of a line inside a quotation continues
    it. A two-character mark ('' or ``) spans both: a quotation's ``closing`` is its mark's last character."""
    found: list[Quoted] = []
    start = opened = -1
    nested: set[int] = set()
    for match in _ANY_DOUBLE.finditer(text):
        i, after = match.start(), match.end()
        if start >= 0:
            if not _too_far(text, start, i):
                if _reopens(text, start, i):
                    continue
                unclosed = _left_open(text, opened, i)
                if unclosed is not None:
                    found.append(Quoted(opened, unclosed, start, unclosed - 1))
                    start, opened = i, after
                    continue
                if i in nested:
                    continue
                inner_close = _nested_closing(text, i) if text[start] == text[i] == '"' else None
                if inner_close is not None:
                    nested.add(inner_close)
                    continue
                inner = text[opened:i]
                begin = opened + len(inner) - len(inner.lstrip())
                end = i - (len(inner) - len(inner.rstrip()))
                if end > begin:
                    found.append(Quoted(begin, end, start, after - 1))
                start = -1
                continue
            start = -1
        if after < len(text) and not text[after].isspace() and _opens(text, i, after):
            start, opened = i, after
    return found


def _opens(text: str, i: int, after: int) -> bool:
    """Whether the double mark text[i:after] may open a quotation: `` always; '' where a straight mark would
    (after a space or an opening bracket, before a word), so that "Games''" closes."""
    if after - i == 1:
        return _can_open(text, i, straight=False)
    if text[i] == "`":
        return True
    return (text[i - 1] if i else " ") in _OPENS_AFTER and text[after] not in _NO_OPENING_BEFORE


def quoted(text: str, language: str = "und") -> list[Quoted]:
    """Every quotation in ``text``, outermost first where two conventions overlap, in text order."""
    spans: list[Quoted] = _double_spans(text)
    doubled = {i for m in _TWO_CHAR.finditer(text) for i in range(m.start(), m.end())}
    for opening, closing in PAIRS:
        if opening == "'" and language in APOSTROPHE_LETTERS:
            continue
        spans.extend(_pair_spans(text, opening, closing, doubled))
    spans.sort(key=lambda q: (q.opening, -q.closing))
    kept: list[Quoted] = []
    for span in spans:
        if any(k.opening <= span.opening and span.closing <= k.closing for k in kept):
            continue
        kept.append(span)
    return kept
