"""Who said what: direct and reported speech with its speaker, aligned across a story's articles.

    1. direct speech: text between paired quotation marks (``marks.py``: “…”, "…", «…», „…“, „…”, 「…」,
       ‘…’, '…', also over several lines), at least a clause long, attributed by a speech verb next to
       it ("…," he said; X stressed: "…"); one or two quoted words when the attribution names the speaker
       and they name nothing ("called him a “true professional”"); a shorter fragment only as a
       translation's rendering
    2. reported speech: "X said that …", "X went on to say that …", "according to X, …", "Ri says it's …",
       "…, the minister said on Monday"
    3. the speaker: a name beside the verb, before or after the quotation; "he"/"she" is the more recent
       of the last named speaker and the last sentence opening with a person's name, a few sentences back
       at most; a quotation that follows an attributed one with only that attribution between goes on
       with its speaker; otherwise None, never a guess
    4. alignment: renderings of one statement in several articles (another translation, direct in one
       and reported in another, shortened) become one Quote. In one language: story-weighted lexical
       cosine with the same numbers, and compatible speakers; a sentence of another article that renders
       an aligned statement this closely joins it as a reported variant even where that article names no
       speaker. Across languages, where words and spellings do not carry: the embeddings of the sentences
       holding the two quotations, each the other's closest in the other language of the story (mutual
       best, as in parallel corpus mining), with no conflicting numbers; a sentence without quotation
       marks that is this close to a sentence holding a quotation joins it as a reported variant.

Speakers are names as written, matched across spellings by similarity (Tokaev ~ Tokayev); the pipeline
then resolves them to entities (``entities.attach_speakers``). Speech verbs and speakers: English rules,
and for Russian and Ukrainian the dashed attribution after a quotation and a name with a colon before it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import combinations

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from ..cluster.features import lexical_cosine, text_vector
from ..model import Article, Quote, QuoteVariant, Span, Story
from ..nlp import embed
from ..nlp.morph import from_genitive, person_name, person_part
from ..nlp.reading import reading_language
from ..nlp.sentences import spans, words
from . import cyrillic
from .marks import DOUBLE, Quoted, quoted

SPEECH = (r"said|says|say|stated|states|stressed|stresses|noted|notes|added|adds|warned|warns|told|explained|"
          r"argued|argues|declared|announced|claimed|claims|insisted|emphasi[sz]ed|replied|responded|remarked|"
          r"believes|believed|believe|concluded|pointed out|went on to say|further stated|also said")
#: roles that stand for a person named with them earlier ("Judge James Bodiford ... the judge said")
_ROLE_WORDS = (r"judge|president|prime minister|foreign minister|minister|mayor|governor|senator|chancellor|leader|"
               r"prosecutor|sheriff|coach|spokesman|spokeswoman|spokesperson|chairman|director|commander|captain")
#: "the judge", "his spokesman"; with a place, "the Kazakh leader", "Kazakhstan's president": a role of a
#: country, which the entity stage resolves to the story's person holding it (``entities.attach_speakers``)
_ROLE_PHRASE = (rf"(?:(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(?:(?P<place>[A-Z][\w-]+)\s+)?|(?P<owner>[A-Z][\w-]+)['’]s\s+)"
                rf"(?P<role>(?i:{_ROLE_WORDS}))")
_ROLE = re.compile(rf"^{_ROLE_PHRASE}$")
#: a role written as a title without its name ("President", "Prime Minister")
_ROLE_ALONE = re.compile(rf"^(?=[A-Z])(?i:{_ROLE_WORDS})$")
#: roles a country has; with a place or owner ("Russia's president") they are left to the entity stage, other
#: roles ("Tokaev's spokesman") speak for the person last named with the title, as "the judge" does
_COUNTRY_ROLES = {"president", "prime minister", "foreign minister", "chancellor", "leader"}
_ROLE_NAMED = re.compile(rf"\b(?P<role>(?i:{_ROLE_WORDS}))\s+(?P<name>(?:[A-Z][\w'’-]+\s+){{0,2}}[A-Z][\w'’-]+)")
_ROLE_UNNAMED = re.sub(r"\?P<\w+>", "?:", _ROLE_PHRASE)
_NAME = rf"(?P<name>{_ROLE_UNNAMED}\b|(?:[A-Z]\.\s*){{0,2}}(?:[A-Z][\w'’-]+\s+){{0,3}}[A-Z][\w'’-]+|[Hh]e|[Ss]he)"
#: titles that stand before a name, in a sentence subject ("President Tokayev said") or an attribution
_PERSON_TITLES = r"President|Prime Minister|Minister|Foreign Minister|Chancellor|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Senator|" \
                 r"Governor|Mayor|General|Judge"
_TITLES = rf"(?:(?:{_PERSON_TITLES}|Const\.|Constable|Sgt\.|Det\.|Capt\.|Lt\.|Gen\.|Gov\.|Sen\.|Rep\.|" \
          r"spokesman|spokeswoman|spokesperson)\s+)?"
#: what may stand between a speaker and the verb: an adverb or an auxiliary ("Tokaev also said", "X has
#: repeatedly stated"), not a noun that makes the name a modifier ("a Russian TV host claimed")
_BETWEEN = r"(?:(?:also|further|then|later|again|once|first|has|had|have|would|will|\w+ly)\s+){0,2}"
#: an organisation's acronym in brackets after its name ("The World Health Organization (WHO) said")
_ACRONYM = r"(?:\s+\([A-Z]{2,}\))?"
#: whom it was told ("told reporters", "told the BBC", "told Komsomolskaya Pravda": a run of capitalised
#: words is taken whole, so what is said cannot begin inside it)
_TOLD = r"(?:told|tells|assured|informed)\s+(?:reporters|journalists|(?:the|a|an)\s+(?:(?>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)" \
        r"|[\w-]+(?:\s+[\w-]+)?)|(?>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)*))"
_DAY = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTH = r"January|February|March|April|May|June|July|August|September|October|November|December"
#: when or where it was said, between the verb and what is said: a closed list ("announced at 2pm on the 12th
#: that", "said in a statement on Monday"), so that a clause the verb governs is not taken for it ("said in this
#: public place that it did make Putin …" is the writer's, not the speaker's)
_WHEN = (rf"(?:(?:on|last|this|early|late|earlier|later)\s+(?:{_DAY}|week|month|year|night|morning|afternoon|evening)|"
         rf"{_DAY}|yesterday|today|earlier|later|on\s+the\s+\d{{1,2}}(?:st|nd|rd|th)|on\s+(?:{_MONTH})\s+\d{{1,2}}|"
         r"at\s+\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?|"
         r"in\s+(?:a|an|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?(?:statement|interview|post|speech|letter|tweet|message|address|assessment)|"
         r"at\s+(?:a|an|the|today['’]s|[A-Z]\w+['’]s)\s+(?:[\w-]+\s+){0,2}?(?:conference|briefing|meeting|rally|summit|hearing)|"
         r"on\s+(?:Twitter|Facebook|Telegram|television|TV|radio))")
_CIRCUMSTANCE = rf"(?>(?:(?:{_WHEN})\s+){{0,3}})"
_REPORTED = re.compile(rf"^(?:.{{0,60}}?\b)?{_TITLES}{_NAME}{_ACRONYM}\s+{_BETWEEN}(?:{_TOLD}|{SPEECH})\s+"
                       rf"{_CIRCUMSTANCE}that\s+(?P<what>.{{20,}})$", re.S)
#: the same without "that" ("Ri says it's a pipe dream …", "He told reporters the talks had failed"): only
#: verbs that take a clause rather than an object ("claimed the lives of …" does not), and what follows
#: opens as a clause's subject does. Where such a sentence quotes a statement in part ("the minister said the
#: plan was “a very good plan for all of us”"), the quotation is the rendering
_CLAUSE_VERBS = r"said|says|believes|believed|argued|argues|insisted|insists"
_CLAUSE_SUBJECT = r"(?:he|she|it|they|we|you|there|the|a|an|his|her|its|their|our|no|[A-Z][\w'’-]*)\b"
_REPORTED_BARE = re.compile(rf"^(?:.{{0,60}}?\b)?{_TITLES}{_NAME}{_ACRONYM}\s+{_BETWEEN}(?:{_TOLD}|{_CLAUSE_VERBS})"
                            rf"\s+{_CIRCUMSTANCE}(?P<what>{_CLAUSE_SUBJECT}.{{20,}})$", re.S)
#: the attribution after what is said, without quotation marks, ending the sentence ("The talks will resume
#: next week, the minister said on Monday."; "…, says Vladimir Bespalov, analyst at VTB Capital."): after
#: the speaker an apposition, after the verb only when, where or to whom, not an object ("…, Trump declared
#: the national emergency")
_UNQUOTED_CLAUSE = r"^(?P<what>[^\"“”«»„]{20,}?),\s+"
_SAID_WHERE = r"(?:\s+(?:reporters|journalists|(?:on|in|at|to|during|after|from|via|last|this)\b[^\"“”«»„!?,]{1,60}|" \
              rf"{_WHEN}))?"
_REPORTED_AFTER = (re.compile(rf"{_UNQUOTED_CLAUSE}(?:{SPEECH})\s+{_TITLES}{_NAME}\b(?:\s*,[^\"“”«»„!?]{{1,120}}|{_SAID_WHERE})"
                              rf"[.!]?\s*$", re.S),
                   re.compile(rf"{_UNQUOTED_CLAUSE}{_TITLES}{_NAME}{_ACRONYM}\s+{_BETWEEN}(?:{SPEECH}){_SAID_WHERE}"
                              rf"[.!]?\s*$", re.S))
#: reported speech of someone the text does not name ("a Russian TV host claimed that …", "Tokaev’s press
#: secretary explained that …"): a rendering of a statement, with no speaker
_REPORTED_UNNAMED = re.compile(rf"^(?:[^,]{{0,60}},\s+)?(?:[Aa]n?|[Oo]ne|[Ss]ome|[Aa]nother|[\w-]+['’]s)\s+"
                               rf"(?:[\w-]+\s+){{0,4}}?(?:{SPEECH})\s+that\s+(?P<what>.{{20,}})$", re.S)
_ACCORDING = re.compile(rf"^according to\s+{_TITLES}{_NAME},\s+(?P<what>.{{20,}})$", re.I | re.S)
_BEFORE = re.compile(rf"{_TITLES}{_NAME}\s+(?:\w+\s+)?(?:{SPEECH})\s*[:,]?\s*$")
_BEFORE_LOOSE = re.compile(rf"^{_TITLES}{_NAME}\b[^.!?:\"“”]{{0,80}}\b(?:{SPEECH}|saying),\s*$")
#: after the closing mark: "…," said X / "…," X said (a name alone after a quotation says nothing); the
#: first form also reads the name that ends a longer attribution ("…," said team president Billy King,
#: "…," said South Richmond Hill resident Suri Charanjit.)
_PREPOSITIONS = r"(?:on|in|at|from|to|after|before|during|with|for|by|while|when|of)\s"
_AFTER_VERB = (re.compile(rf"^\s*[,.]?\s*(?:{SPEECH})\s+(?:(?!{_PREPOSITIONS})[\w'’.-]+\s+){{0,5}}?{_NAME}\s*(?:[,.;]|$)"),
               re.compile(rf"^\s*[,.]?\s*(?:{SPEECH})\s+{_TITLES}{_NAME}\b"))
_AFTER_NAME = re.compile(rf"^\s*[,.]?\s*{_TITLES}{_NAME}\s+(?:\w+\s+)?(?:{SPEECH})\b")
#: "…», — сказал он": a comma and a dash after the closing mark attribute a quotation in Russian, Ukrainian and
#: other languages that punctuate speech so, whatever the verb
_DASHED = re.compile(r"^\s*,\s*[-–—]\s*[^\W\d_]")
#: "…," said the expert / "…," the analyst wrote: speech by someone the attribution does not name
_DETERMINER = r"(?:the|a|an|one|his|her|its|their)\s"
_AFTER_UNNAMED = re.compile(rf"^\s*[,.]?\s*(?:(?:{SPEECH})\s+{_DETERMINER}|{_DETERMINER}(?:[\w-]+\s+){{1,3}}?"
                            rf"(?:{SPEECH}|wrote|writes)\b)")
#: a sentence that opens with a name ("Nichols, who argued ..., spoke"; "Jackson said he ...") makes that
#: name what a following "he" or "she" may refer to
#: also after an opening phrase ("In Russia, Tokayev said this …") and as the owner of the subject
#: ("Of course, Tokaev’s refusal was …"), unless what is owned is a person who may speak himself
_PERSON_OWNED = r"(?:press\s+|deputy\s+)?(?:spokes\w+|secretary|aide|adviser|advisor|lawyer|attorney|wife|husband|son|" \
                r"daughter|mother|father|brother|sister|friend|representative|deputy|agent|office|team|family)\b"
_OWNER = r"[A-Z](?:[\w-]|['’](?!s\b))+"
#: a phrase that opens a sentence before its subject ("In Russia, ", "Of course, ", "Watching the PBS documentary
#: looking back at Watergate last summer, "): 80 characters took one more ECB+ speaker than 40, at no error
_OPENING = r"(?:[A-Z][^,.!?\"“”]{0,80},\s+)?"
_NAMED_SUBJECT = re.compile(rf"^{_OPENING}{_TITLES}(?P<name>{_OWNER}(?:\s+{_OWNER}){{0,2}})"
                            rf"(?:['’]s\s+(?!{_PERSON_OWNED})(?=[a-z])|(?=\s*,|\s+[a-z]))")
_FULL_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+(?P<last>[A-Z][a-z][\w'’-]+)")
_ABBREVIATED = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Const|Gen|Sen|Rep|Gov|Lt|Col|Sgt|[A-Z])\.")
#: a titled subject ("President Tokayev spoke ...") is who a following "he" or "she" refers to
_TITLED_SUBJECT = re.compile(rf"^(?:{_PERSON_TITLES})\s+(?P<name>(?:[A-Z][\w'’-]+\s+){{0,2}}[A-Z][\w'’-]+)")
#: "X stressed:", "On this point, X also made a response in Russia:" - the name opens the clause
_COLON_LEAD = re.compile(rf"^\s*(?:[^,:.!?\"“”]{{0,40}},\s+)?{_TITLES}{_NAME}\b[^.!?:]{{0,80}}:\s*$")
#: a quotation within a sentence whose subject says, calls, accuses … ("He condemned Democrats, calling the
#: allegations a “grotesque and coordinated character assassination”"; "The armed forces said it crashed
#: “during operational activity”"): attributed to that subject, or to no one it names
_SAYING = rf"{SPEECH}|call(?:ed|s|ing)|describ(?:ed|es|ing)|accus(?:ed|es|ing)|den(?:ied|ies|ying)|dismiss(?:ed|es)|" \
          r"urg(?:ed|es)|ask(?:ed|s)|demand(?:ed|s)|vow(?:ed|s)|promis(?:ed|es)|dub(?:bed|s)|brand(?:ed|s)|" \
          r"term(?:ed|s)|condemn(?:ed|s)|wrote|writes|tweeted|saying"
#: what an apposition after a one-word name opens with ("TallGrass, a wholesaler of …, said")
_APPOSITIVE = re.compile(r"\s+(?:a|an|the|who|which|whose)\s")
_SENTENCE_SAYS = re.compile(rf"^{_OPENING}{_TITLES}{_NAME}{_ACRONYM}(?:\s|(?P<apposition>,))[^\"“”«»„]{{0,160}}?"
                            rf"\b(?:{_SAYING})\b[^\"“”«»„]{{0,120}}$")
#: capitalised words that begin sentences but name no one who speaks
_NOT_NAMES = {"The", "This", "That", "It", "These", "Those", "There", "In", "On", "At", "As", "But", "And", "However",
              "Today", "Some", "Many", "They", "We", "I", "You", "Who", "What", "If", "When", "While", "Officials",
              "Her", "His", "Its", "Their", "Our", "My", "For", "With", "From", "After", "Before", "By",
              "Western", "West", "Police", "Authorities", "Witnesses", "Residents", "Critics", "Analysts", "Experts",
              "Observers", "Sources", "Investigators", "Scientists", "Researchers", "Doctors", "Prosecutors",
              "Lawmakers", "Protesters", "Activists", "Opponents", "Supporters", "Economists", "Diplomats",
              "Officers", "Deputies", "Neighbours", "Neighbors", "Fans", "Locals", "Later", "Earlier", "Meanwhile",
              "Instead", "Now", "Then", "Yesterday", "Другой", "Другая", "Один", "Одна", "Інший", "Інша", "Monday",
              "Tuesday",
              "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April",
              "May", "June", "July", "August", "September", "October", "November", "December"}
_NUMBER = re.compile(r"\d+")
#: words and the marks that tell a capitalised word inside a sentence (after a lower-case word or a comma: a
#: name) from one that opens it
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|[,;.!?]")
#: pronouns that stand for a speaker ("he said", "сказал он"; "according to her" reads as "she")
_PRONOUNS = frozenset({"he", "she", "он", "она", "він", "вона"})
_SUBJECT_FORM = {"him": "he", "her": "she", "него": "он", "нее": "она", "неё": "она", "нього": "він", "неї": "вона"}
#: marks that may open a quotation whose closing mark has no partner (two apostrophes: text rebuilt from tokens)
_OPENING_MARK = re.compile(r"''|[“„«\"]")
#: a quotation shorter than these many words is a scare quote or a term ("quasi-state"), not a statement:
#: three where a speech verb names who says it ("It feels very tense," said …), eight where none does
#: (8 found 20 % more WMT quotations than 12 at link precision 0.93)
#: A shorter one is a partial quote when the attribution names its speaker ("Smith called Jackson a “true
#: professional”", "G7 warned Russia of “massive consequences”") and it is no name or term (``_term``).
MIN_WORDS, MIN_WORDS_UNATTRIBUTED = 3, 8
#: a quoted fragment below these bounds is a rendering of a statement only where it aligns with a quotation
#: in another language that clears them (a translation that quotes less, or quotes a word the other does
#: not); on its own it is not a quote
MIN_WORDS_FRAGMENT = 1
#: what before a quotation makes it a name or a term rather than words someone said
_NAMING = re.compile(r"\b(?:so\s*-?\s*called|known as|nicknamed|titled|entitled|named|dubbed)\s*$", re.I)
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _term(text: str, quote: Quoted) -> bool:
    """A short quotation that names something rather than quoting someone: title case ("Deep Throat",
    "Catching Fire", "Chin") or introduced as a name ("the so-called “medical conscience” rule")."""
    found = _TITLE_WORD.findall(text[quote.start:quote.end])
    return (not found or all(w[0].isupper() for w in found)
            or _NAMING.search(text, max(0, quote.opening - 40), quote.opening) is not None)
#: lexical cosine (story-weighted) at which two renderings are one statement: the seed corpus's four
#: renderings of Tokayev's 193-vs-500-600 remark score 0.57-0.87, random sentence pairs p99 0.20
ALIGN_COSINE = 0.5
#: multilingual-e5 cosine of the sentences holding two quotations in two languages, each the other's closest
#: in its article, at which they are one statement. `benchmarks/quotes.py --calibrate` (WMT dev, whole
#: articles): link precision 0.982 / 0.988 / 0.992 / 0.995 at 0.76 / 0.82 / 0.84 / 0.86, recall 0.569 /
#: 0.564 / 0.540 / 0.471; the top of the plateau, as a wrong link puts words in someone's mouth. Without
#: the mutual-best rule 0.90 was needed for precision 0.99, at recall 0.19.
CROSS_LANGUAGE_COSINE = 0.82
#: a pronoun's speaker is named at most this many sentences back
PRONOUN_REACH = 3
#: two spellings of one name (Tokaev, Tokayev) compare at or above this ratio
NAME_SIMILARITY = 0.8


@dataclass
class Rendering:
    span: Span
    direct: bool
    speaker: str | None
    vector: tuple[np.ndarray, np.ndarray] = field(repr=False)
    numbers: frozenset[str] = frozenset()
    language: str = "und"
    embedding: np.ndarray | None = field(default=None, repr=False)
    fragment: bool = False
    #: the sentences holding it: what is compared across languages, where translators move the marks
    context: str = ""
    #: the speaker is written beside it (a name or a role), not read from "he"/"she" or an earlier quotation
    named: bool = False


def _name(raw: str | None) -> str | None:
    if not raw:
        return None
    if _ROLE.match(raw):
        return raw
    parts = raw.split()
    if parts[0] in ("The", "the") and len(parts) > 1:
        parts = parts[1:]
        raw = " ".join(parts)
    if parts[0] in _NOT_NAMES or raw.endswith(("'s", "’s", "s'", "s’")):
        return None
    return raw


def _sound(name: str) -> str:
    """A rough transliteration key: c/k and y spellings and doubled letters count alike (Tocaev, Tokayev)."""
    key = name.lower().replace("c", "k").replace("y", "")
    return re.sub(r"(.)\1+", r"\1", key)


def same_speaker(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    last_a, last_b = _sound(a.split()[-1]), _sound(b.split()[-1])
    return SequenceMatcher(None, last_a, last_b).ratio() >= NAME_SIMILARITY


def _attributions(text: str, patterns) -> list[re.Match]:
    """The attributions ("…," X said; "…," said X) that open ``text``, in the order of ``patterns``."""
    return [m for m in (pattern.match(text) for pattern in patterns) if m]


def _beside(text: str, quote: Quoted, surnames: set[str]) -> tuple[re.Match | None, bool]:
    """The name beside a quotation's speech verb, on its line, and whether an attribution follows the
    quotation at all (a possessive or a role may attribute it without naming anyone)."""
    before = text[text.rfind("\n", 0, quote.opening) + 1:quote.opening]
    line_end = text.find("\n", quote.closing)
    after = text[quote.closing + 1:line_end if line_end >= 0 else len(text)]
    clause = before[before.rfind(". ") + 2 if ". " in before else 0:]
    inner = text[quote.start:quote.end]
    after_patterns = _AFTER_VERB if inner.endswith(".") else (*_AFTER_VERB, _AFTER_NAME)
    loose = _BEFORE_LOOSE.search(clause[-200:])
    if loose and " " not in loose.group("name") and not _known(loose.group("name"), surnames):
        loose = None  # a capitalised word opening the sentence, not a name ("Moments after ...")
    attributed = _attributions(after[:200], (*after_patterns, cyrillic.AFTER, cyrillic.AFTER_ROLE))
    who = (_BEFORE.search(before[-200:]) or _cyrillic_person(cyrillic.BEFORE.search(before[-200:])) or loose
           or next((m for m in attributed if _name(m.group("name"))), None))
    return who, bool(attributed) or _AFTER_UNNAMED.match(after[:200]) is not None


def _cyrillic_person(found: re.Match | None) -> re.Match | None:
    """A Cyrillic sentence subject or speaker before a quotation, when it is a pronoun or a person's name: there
    roles open as often ("Директор Общества …", "Министры заявили: …"). After a quotation a name ends the
    attribution and is kept as written, as foreign surnames ("Трасс") are not in the dictionary."""
    if found is None or found.group("name").lower() in _PRONOUNS or person_name(found.group("name")):
        return found
    return None


def _written(raw: str | None) -> bool:
    """Whether an attribution writes its speaker out, rather than as "he" or "she"."""
    return bool(raw) and raw.lower() not in _PRONOUNS


def _colon_lead(lead: str) -> re.Match | None:
    """The speaker of a clause that ends in a colon before a quotation, when a name (or he/she) opens it."""
    found = _COLON_LEAD.match(lead)
    return found if found and _name(found.group("name")) else None


def _known(word: str, surnames: set[str]) -> bool:
    """A single capitalised word is a person's name when the text gives it, in some spelling, as a surname."""
    return any(same_speaker(word, surname) for surname in surnames)


def _continues(between: str) -> bool:
    """Whether a quotation after another one, with only this text between them, goes on with the same
    speaker: nothing but the first one's attribution lies between ("…," Owen said. "…"), no narrative."""
    if not between.strip():
        return True
    found = _attributions(between, (_AFTER_NAME, *_AFTER_VERB, cyrillic.AFTER))
    if not found:
        return False
    rest = _ABBREVIATED.sub("", between[found[0].end():])
    return len(rest) <= 80 and re.fullmatch(r"[^.!?\"“”]*[.!?,]\s*", rest) is not None


def article_renderings(article: Article) -> list[Rendering]:
    """An article's quotations and reported statements, each with its speaker as written, before alignment."""
    found = _Reader(article).read()
    return [r for r in found if not (r.direct and any(_nested(r, o) for o in found if o is not r))]


class _Reader:
    """One pass over an article's sentences. Speakers carry from sentence to sentence, so the reader keeps
    who spoke last (for "he"/"she"), the last named sentence subject, and the last speech (a quotation
    that goes on after it without a new attribution keeps its speaker)."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.sentences = list(spans(self.text))
        self.direct = quoted(self.text)
        self.found: list[Rendering] = []
        self.last_speaker: tuple[int, str] | None = None
        self.last_subject: tuple[int, str] | None = None
        self.last_said: tuple[int, str | None] | None = None
        self.surnames = {m.group("last") for pattern in (_FULL_NAME, cyrillic.FULL_NAME)
                         for m in pattern.finditer(self.text)}
        tokens = _TOKEN.findall(self.text)
        self.proper = {t for before, t in zip(tokens, tokens[1:], strict=False)
                       if t[0].isupper() and (before in ",;" or before.islower())}
        self.common = {t for t in tokens if t.islower()} | STOP_WORDS
        self.titled = [(m.start(), m.group("role").lower(), m.group("name")) for m in _ROLE_NAMED.finditer(self.text)
                       if _name(m.group("name"))]
        self.titled += [(m.start(), m.group("role").lower(), person_part(m.group("name")))
                        for m in cyrillic.ROLE_NAMED.finditer(self.text) if person_name(m.group("name"))]

    def read(self) -> list[Rendering]:
        for index, (start, end) in enumerate(self.sentences):
            unopened = self._unopened(start, end)
            self._subjects(index, self.text[start:end if unopened is None else unopened.opening])
            introduced = self._reported(index, start, end)
            for quote in [q for q in self.direct if self._sentence_of(q.opening) == index]:
                self._quotation(index, quote, introduced)
            if unopened is not None:
                self._quotation(index, unopened, None)
        return self.found

    def _unopened(self, start: int, end: int) -> Quoted | None:
        """A closing mark that no opening one matches, with an attribution after it ("… by the lender," said
        the Deputy Prime Minister): the quotation opened in an earlier paragraph, or its opening mark was
        lost or is one the mark reader does not pair (''This …”). Its last part runs from that opening mark,
        else from the sentence start, to the closing one."""
        paired = {q.opening for q in self.direct if start <= q.opening < end}
        for match in re.finditer(f"[{DOUBLE}»]", self.text[start:end]):
            i = start + match.start()
            if i - start < 2 or self.text[i - 1].isspace() or any(q.opening <= i <= q.closing for q in self.direct):
                continue
            line_end = self.text.find("\n", i)
            after = self.text[i + 1:line_end if line_end >= 0 else len(self.text)][:200]
            if not (_attributions(after, (*_AFTER_VERB, _AFTER_NAME)) or _AFTER_UNNAMED.match(after)
                    or _DASHED.match(after)):
                continue
            openings = [m for m in _OPENING_MARK.finditer(self.text, start, i) if m.start() not in paired
                        and not self.text[m.start() - 1:m.start()].isalnum() and not self.text[m.end()].isspace()]
            opening, begin = (openings[-1].start(), openings[-1].end()) if openings else (start, start)
            return Quoted(begin, i, opening, i) if i - begin > 1 else None
        return None

    def _subjects(self, index: int, sentence: str) -> None:
        subject = _TITLED_SUBJECT.match(sentence)
        if subject:
            self.last_speaker = (index, subject.group("name"))
        named = _NAMED_SUBJECT.match(sentence) or _cyrillic_person(cyrillic.NAMED_SUBJECT.match(sentence))
        if named and _name(named.group("name")) and (" " in named.group("name")
                                                     or _known(named.group("name"), self.surnames)):
            self.last_subject = (index, named.group("name"))

    def _reported(self, index: int, start: int, end: int) -> tuple[int, str | None] | None:
        """Reported speech in the sentence becomes a rendering. When what is reported opens with a quotation
        ("According to EW, “Weitz is …”"), the quotation is the rendering: returns (its opening, speaker)."""
        sentence = self.text[start:end]
        reported = (_REPORTED.match(sentence) or _ACCORDING.match(sentence) or _REPORTED_UNNAMED.match(sentence)
                    or _cyrillic_person(cyrillic.REPORTED.match(sentence)) or cyrillic.ACCORDING.match(sentence))
        if not reported and not any(start <= q.opening < end and words(self.text[q.start:q.end]) >= MIN_WORDS
                                    for q in self.direct):
            reported = _REPORTED_BARE.match(sentence) or next(iter(_attributions(sentence, _REPORTED_AFTER)), None)
        if not reported or any(q.opening < start < q.closing for q in self.direct):
            return None
        raw = reported.groupdict().get("name")
        if reported.re in (_ACCORDING, cyrillic.ACCORDING) and raw:
            raw = _SUBJECT_FORM.get(raw.lower(), raw)
        if reported.re is cyrillic.ACCORDING and raw and raw.lower() not in _PRONOUNS:
            raw = from_genitive(raw)
        speaker = self._speaker(raw, index)
        if reported.group("what")[0] in DOUBLE + "«「‘":
            return start + reported.start("what"), speaker
        self._add(start + reported.start("what"), end, False, speaker, named=_written(raw))
        self.last_said = (end - 1, speaker)
        return None

    def _quotation(self, index: int, quote: Quoted, introduced: tuple[int, str | None] | None) -> None:
        text, (start, _) = self.text, self.sentences[index]
        who, attributed = _beside(text, quote, self.surnames)
        if who is None:
            lead_in = text[start:quote.opening]
            if not lead_in.strip() and index > 0:
                lead_in = text[self.sentences[index - 1][0]:self.sentences[index - 1][1]]
            who = _colon_lead(lead_in)
        from_report = introduced is not None and introduced[0] == quote.opening
        if who is None and not attributed and not from_report:
            who = _SENTENCE_SAYS.match(text[start:quote.opening])
            if who and who.group("apposition") and " " not in who.group("name") and \
                    not _APPOSITIVE.match(text, start + who.end("apposition")):
                who = None  # "Recently, at …": a word that opens the sentence, not a name before an apposition
            attributed = who is not None
        named = who is not None and _written(who.group("name"))
        if who is not None:
            speaker = self._speaker(who.group("name"), index)
        elif from_report:
            speaker, attributed = introduced[1], True
        elif self.last_said and not attributed and _continues(text[self.last_said[0] + 1:quote.opening]):
            speaker = self.last_said[1]
        else:
            speaker = None
        self.last_said = (quote.closing, speaker)
        length = words(text[quote.start:quote.end])
        fragment = ((length < MIN_WORDS and (speaker is None or _term(text, quote)))
                    or (speaker is None and not attributed and length < MIN_WORDS_UNATTRIBUTED))
        if length >= MIN_WORDS_FRAGMENT:
            self._add(quote.start, quote.end, True, speaker, fragment, named)

    def _speaker(self, raw: str | None, index: int) -> str | None:
        """The name a written speaker stands for: "he"/"she" the nearer of the last speaker and the last
        named subject; a person's role the one last named with that title; else the name itself."""
        if raw and raw.lower() in _PRONOUNS:
            near = [c for c in (self.last_speaker, self.last_subject) if c and index - c[0] <= PRONOUN_REACH]
            return max(near, key=lambda c: c[0])[1] if near else None
        role = _ROLE.match(raw or "")
        if raw and (_ROLE_ALONE.match(raw) or cyrillic.ROLE.match(raw)):
            # "added President of the Republic", "— добавил президент": the role, not a name
            raw = self._holder(raw.lower(), index)
        elif role and not ((role.group("place") or role.group("owner")) and role.group("role").lower() in _COUNTRY_ROLES):
            raw = self._holder(role.group("role").lower(), index)
        name = _name(raw)
        if name and " " not in name and self._opener(name):
            name = None
        if name:
            self.last_speaker = (index, name)
        return name

    def _holder(self, role: str, index: int) -> str | None:
        """The person last named with this title up to the sentence ("Judge James Bodiford ... the judge")."""
        named = [name for at, titled_as, name in self.titled if titled_as == role and at < self.sentences[index][1]]
        return named[-1] if named else None

    def _opener(self, word: str) -> bool:
        """A capitalised word that only opens a sentence ("Last month, the navy said", "Though she did not …"):
        a common word, one the text also writes in lower case, never written as a name inside a sentence nor
        given as someone's surname. (Participles are not told from names: "Watching the film" / "Fanning said".)"""
        if word in self.proper or word.isupper() or word in self.surnames:
            return False
        return word.lower() in self.common

    def _add(self, start: int, end: int, direct: bool, speaker: str | None, fragment: bool = False,
             named: bool = False) -> None:
        piece = self.text[start:end]
        around = [(s, e) for s, e in self.sentences if s < end and start < e] or [(start, end)]
        self.found.append(Rendering(
            Span.of(self.article, start, end), direct, speaker, text_vector(piece, self.article.language),
            frozenset(_NUMBER.findall(piece)), self.article.language, fragment=fragment,
            context=self.text[min(start, around[0][0]):max(end, around[-1][1])], named=named and speaker is not None))

    def _sentence_of(self, position: int) -> int:
        return next((i for i, (s, e) in enumerate(self.sentences) if s <= position < e), len(self.sentences) - 1)


def _nested(inner: Rendering, outer: Rendering) -> bool:
    """A quotation inside another, or a few quoted words inside reported speech (a term the speaker
    uses), is part of that statement, not one of its own."""
    a, b = inner.span, outer.span
    if not (b.start <= a.start and a.end <= b.end) or (a.start, a.end) == (b.start, b.end):
        return False
    return outer.direct or words(a.text) < MIN_WORDS_UNATTRIBUTED


def _aligned(a: Rendering, b: Rendering) -> bool:
    """Two renderings in one language: compatible speakers, no conflicting numbers, words in common. A quoted
    fragment shares its few words with any statement that uses the term, so it joins only across languages."""
    if a.span.article_id == b.span.article_id or a.language != b.language or a.fragment or b.fragment:
        return False
    if a.numbers and b.numbers and a.numbers.isdisjoint(b.numbers):
        return False
    return same_speaker(a.speaker, b.speaker) and lexical_cosine(a.vector, b.vector) >= ALIGN_COSINE


def _cross_language(renderings: list[Rendering]) -> dict[tuple[int, int], float]:
    """Pairs of renderings in two languages that are each other's closest rendering in the other language
    of the story, by embedding, at CROSS_LANGUAGE_COSINE or above; words and name spellings do not carry
    across languages. Closest within the language, not within an article: an article holding a single
    quotation would make any pair its own best. Two fragments never pair: a fragment joins only a quotation."""
    if len({r.language for r in renderings}) < 2:
        return {}
    vectors = np.stack([r.embedding for r in renderings])
    sims = vectors @ vectors.T
    for i, a in enumerate(renderings):
        for j, b in enumerate(renderings):
            if a.numbers and b.numbers and a.numbers.isdisjoint(b.numbers):
                sims[i, j] = -1.0
    by_language: dict[str, list[int]] = {}
    for i, rendering in enumerate(renderings):
        by_language.setdefault(rendering.language, []).append(i)
    pairs = {}
    for left, right in combinations(by_language.values(), 2):
        block = sims[np.ix_(left, right)]
        best_right, best_left = block.argmax(axis=1), block.argmax(axis=0)
        for i, j in enumerate(best_right):
            a, b = left[i], right[j]
            if best_left[j] == i and block[i, j] >= CROSS_LANGUAGE_COSINE and \
                    not (renderings[a].fragment and renderings[b].fragment):
                pairs[(a, b)] = float(block[i, j])
    return pairs


def _sentence_renderings(articles: list[Article]) -> list[Rendering]:
    """Every sentence as a possible unattributed rendering of a statement aligned elsewhere."""
    out = []
    for article in articles:
        for start, end in spans(article.text):
            piece = article.text[start:end]
            if len(piece) >= 40:
                out.append(Rendering(Span.of(article, start, end), False, None, text_vector(piece, article.language),
                                     frozenset(_NUMBER.findall(piece)), article.language))
    return out


@dataclass
class _Sentences:
    """The sentences of a story's articles (of at least MIN_WORDS words) with their embeddings, pooled by
    language: computed once per multilingual story, for the cross-language pairing of quotations and of the
    sentences that render them."""
    places: dict[str, list[tuple[str, int, int]]]  # language -> (article id, start, end) of each sentence
    vectors: dict[str, np.ndarray]  # language -> one row per sentence
    #: (language, article id) -> (index within the language, start, end) of each of the article's sentences
    within: dict[tuple[str, str], list[tuple[int, int, int]]]
    _mutual: dict[tuple[str, str], dict[int, tuple[int, float]]] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, members: list[Article]) -> _Sentences:
        places: dict[str, list[tuple[str, int, int]]] = {}
        for article in members:
            for s, e in spans(article.text):
                if words(article.text[s:e]) >= MIN_WORDS:
                    places.setdefault(article.language, []).append((article.id, s, e))
        text = {a.id: a.text for a in members}
        flat = embed.remembered([text[aid][s:e] for found in places.values() for aid, s, e in found])
        vectors, offset = {}, 0
        for language, found in places.items():
            vectors[language] = flat[offset:offset + len(found)]
            offset += len(found)
        within: dict[tuple[str, str], list[tuple[int, int, int]]] = {}
        for language, found in places.items():
            for i, (aid, s, e) in enumerate(found):
                within.setdefault((language, aid), []).append((i, s, e))
        return cls(places, vectors, within)

    def mutual(self, language_a: str, language_b: str) -> dict[int, tuple[int, float]]:
        """Sentence i of language_a -> (sentence j of language_b, cosine) where each is the other's closest
        among the story's sentences of the two languages, at CROSS_LANGUAGE_COSINE or above."""
        key = (language_a, language_b)
        if key not in self._mutual:
            sims = self.vectors[language_a] @ self.vectors[language_b].T
            found = {}
            if sims.size:
                best_b, best_a = sims.argmax(axis=1), sims.argmax(axis=0)
                found = {i: (int(j), float(sims[i, j])) for i, j in enumerate(best_b)
                         if best_a[j] == i and sims[i, j] >= CROSS_LANGUAGE_COSINE}
            self._mutual[key] = found
        return self._mutual[key]

    def holding(self, rendering: Rendering) -> list[int]:
        """The indices of the sentences a rendering lies in, within its language."""
        span = rendering.span
        return [i for i, s, e in self.within.get((rendering.language, span.article_id), [])
                if s < span.end and span.start < e]

    def vector(self, rendering: Rendering) -> np.ndarray | None:
        """The embedding of a rendering's context when that is one sentence."""
        span = rendering.span
        for i, s, e in self.within.get((rendering.language, span.article_id), []):
            if s <= span.start and span.end <= e and len(rendering.context) == e - s:
                return self.vectors[rendering.language][i]
        return None


def _translated_sentences(groups: list[list[Rendering]], members: list[Article], sentences: _Sentences) -> None:
    """A statement quoted in one language is often given without quotation marks in another: the translator
    drops them, or the other writer reports it. A sentence in another language joins a group as a reported
    variant when it and a sentence holding one of the group's renderings are each other's closest in the
    other language of the story (mutual best, as in ``_cross_language``; within the language, not within an
    article, so that an article of one sentence is no one's best by default), at CROSS_LANGUAGE_COSINE or
    above, with no conflicting numbers, and it holds no rendering of its own. Each article gives a group one
    variant and each sentence joins one group, closest pairs first."""
    held = [(v.span.article_id, v.span.start, v.span.end) for group in groups for v in group]
    text = {a.id: a.text for a in members}
    candidates = []
    for g, group in enumerate(groups):
        covered = {v.span.article_id for v in group}
        for rendering in group:
            source = sentences.places.get(rendering.language, [])
            for h in sentences.holding(rendering):
                _, hs, he = source[h]
                theirs = set(_NUMBER.findall(text[rendering.span.article_id][hs:he]))
                for language, places in sentences.places.items():
                    hit = None if language == rendering.language else sentences.mutual(rendering.language, language).get(h)
                    if hit is None:
                        continue
                    j, cosine = hit
                    aid, s, e = places[j]
                    mine = set(_NUMBER.findall(text[aid][s:e]))
                    if aid not in covered and not (mine and theirs and mine.isdisjoint(theirs)) and \
                            not any(a == aid and s < end and start < e for a, start, end in held):
                        candidates.append((cosine, g, aid, s, e))
    by_id = {a.id: a for a in members}
    used: set[tuple[str, int]] = set()
    for _cosine, g, aid, s, e in sorted(candidates, key=lambda c: -c[0]):
        if (aid, s) in used or any(v.span.article_id == aid for v in groups[g]):
            continue
        used.add((aid, s))
        article, piece = by_id[aid], text[aid][s:e]
        groups[g].append(Rendering(Span.of(article, s, e), False, None, text_vector(piece, article.language),
                                   frozenset(_NUMBER.findall(piece)), article.language, context=piece))


def _group(renderings: list[Rendering]) -> list[list[Rendering]]:
    """Closest pairs first; two groups join only if no article would give one statement twice."""
    pairs = [(lexical_cosine(a.vector, b.vector), i, j) for i, a in enumerate(renderings)
             for j, b in enumerate(renderings) if i < j and _aligned(a, b)]
    pairs += [(cosine, i, j) for (i, j), cosine in _cross_language(renderings).items()]
    pairs.sort(reverse=True)
    group_of = {i: {i} for i in range(len(renderings))}
    for _, i, j in pairs:
        gi, gj = group_of[i], group_of[j]
        if gi is gj:
            continue
        articles = [renderings[k].span.article_id for k in gi | gj]
        same_language = [renderings[k] for k in gi | gj if renderings[k].language == renderings[i].language]
        speakers = [r.speaker for r in same_language]
        if len(articles) != len(set(articles)) or not all(same_speaker(a, b) for a in speakers for b in speakers):
            continue
        merged = gi | gj
        for k in merged:
            group_of[k] = merged
    seen, groups = set(), []
    for i in range(len(renderings)):
        if id(group_of[i]) not in seen:
            seen.add(id(group_of[i]))
            groups.append([renderings[k] for k in sorted(group_of[i])])
    return groups


def _quote_id(story_id: str | None, variants: list[Rendering]) -> str:
    first = min((v.span.article_id, v.span.start) for v in variants)
    return "q-" + hashlib.sha256(f"{story_id}:{first[0]}:{first[1]}".encode()).hexdigest()[:16]


def story_quotes(story: Story, articles: dict[str, Article]) -> list[Quote]:
    members = [articles[aid] for aid in story.article_ids if aid in articles and articles[aid].duplicate_of is None]
    renderings = [r for article in members for r in article_renderings(article)]
    reading = reading_language(members)
    multilingual = len({a.language for a in members} - {"und"}) > 1
    sentences = _Sentences.of(members) if multilingual and renderings else None
    if sentences is not None:
        for rendering in renderings:
            rendering.embedding = sentences.vector(rendering)
        missing = [r for r in renderings if r.embedding is None]
        for rendering, vector in zip(missing, embed.encode([r.context for r in missing]), strict=True):
            rendering.embedding = vector
    groups = [group for group in _group(renderings) if not all(r.fragment for r in group)]
    if sentences is not None and groups:
        _translated_sentences(groups, members, sentences)
    held = [v.span for group in groups for v in group]
    extra = [c for c in _sentence_renderings(members)
             if not any(h.article_id == c.span.article_id and h.start < c.span.end and c.span.start < h.end for h in held)]
    quotes = []
    for group in groups:
        if len(group) > 1:
            covered = {v.span.article_id for v in group}
            for candidate in extra:
                if candidate.span.article_id not in covered and any(_aligned(candidate, v) for v in group) and \
                        not any(c.span.article_id == candidate.span.article_id for c in group):
                    group.append(candidate)
                    covered.add(candidate.span.article_id)
        said = [(v.speaker, v.language) for v in group if v.speaker and v.named] or \
            [(v.speaker, v.language) for v in group if v.speaker]
        names = [name for name, _ in said]
        speaker = max(said, key=lambda s: (names.count(s[0]), s[1] == reading, len(s[0])))[0] if said else None
        fullest = max(group, key=lambda v: (not v.fragment, v.language == reading, v.direct, len(v.span.text)))
        quotes.append(Quote(_quote_id(story.id, group), speaker, None, fullest.span.text,
                            [QuoteVariant(v.span, v.direct) for v in group], story.id))
    quotes.sort(key=lambda q: (-len(q.variants), q.id))
    return quotes


def quotes_for(stories: list[Story], articles: list[Article]) -> list[Quote]:
    by_id = {a.id: a for a in articles}
    return [quote for story in stories for quote in story_quotes(story, by_id)]
