"""Speech in German: the verbs, pronouns and roles of its attributions. After a quotation German puts the verb
before the speaker („…“, sagte Merkel. / „…“, so der Sprecher.); before one, a name or the verb opens the
clause (Merkel sagte: „…“ / Dazu sagte Merkel: „…“). Every noun is capitalised, so a capitalised word is a
name only when it is a pronoun, a given name and surname, or a surname the text gives with a given name
(speech.py checks that); speech.py reads these beside english.py and cyrillic.py."""

from __future__ import annotations

import re

#: speech verbs, third person singular present and past (a plural's "sie" is "they"); separable ones end their
#: clause ("fügte er hinzu")
SPEECH = (r"(?:sag(?:te|t)|erklär(?:te|t)|beton(?:te|t)|mein(?:te|t)|schrieb|schreibt|"
          r"berichte(?:te|t)|warn(?:te|t)|füg(?:te|t)|führ(?:te|t)|ergänz(?:te|t)|unterstrich|unterstreicht|"
          r"bekräftig(?:te|t)|versicher(?:te|t)|bestätig(?:te|t)|antworte(?:te|t)|frag(?:te|t)|erläuter(?:te|t)|"
          r"kritisier(?:te|t)|forder(?:te|t)|räum(?:te|t)|stell(?:te|t)|fuhr|fährt|so)")
#: offices and roles written before a name, or alone for the person holding them ("sagte der Präsident"), also
#: as the end of a compound ("Außenminister", "Polizeisprecherin")
_OFFICES = ("präsident kanzler minister sprecher bürgermeister chef direktor vorsitzende anwalt anwältin richter "
            "botschafter gouverneur senator trainer professor abgeordnete").split()
_ROLE = (rf"(?:[A-ZÄÖÜ][a-zäöüß]*(?:{'|'.join(_OFFICES)})|(?:{'|'.join(o.capitalize() for o in _OFFICES)}))"
         r"(?:in|r)?")
_WORD = r"[A-ZÄÖÜ][\w'’-]+"
_PRONOUN = r"(?i:er|sie)"
_NAME = rf"(?P<name>(?:{_PRONOUN})\b|{_WORD}(?:\s+{_WORD}){{0,2}})"
ROLE = re.compile(rf"^{_ROLE}$")
#: an office before a surname ("Präsident Tebboune", "Professor Lee"): the surname is a person's
TITLED = re.compile(rf"\b(?P<role>{_ROLE})\s+(?:{_WORD}\s+)?(?P<name>{_WORD})\b(?!\s+[A-ZÄÖÜ])")
#: a sentence whose subject is a person, after a description at most ("Der Verkehrsexperte Thomas Berger hält …",
#: "Bürgermeisterin Anna Keller sprach …", "Keller sagte …"), for a following "er" or "sie"
NAMED_SUBJECT = re.compile(rf"^(?:(?:Der|Die|Den)\s+)?(?:[A-ZÄÖÜ][\w-]*\s+){{0,2}}?"
                           rf"(?P<name>{_WORD}(?:\s+{_WORD})?)\s+[a-zäöüß]")
#: titles of address before a surname
ADDRESS = frozenset({"Frau", "Herr", "Herrn", "Dr.", "Prof."})
#: "…“, sagte Präsident Tebboune am Montag." / "…“, so Meunier weiter." / "…“, sagt er.": the speaker
#: right after the verb, a role before the name dropped; what follows is a lower-case word or a mark
AFTER = re.compile(rf"^\s*[,.]?\s*{SPEECH}\s+(?:(?:der|die)\s+)?(?:{_ROLE}\s+)?{_NAME}"
                   r"(?=\s*(?:[,.;:!?(]|$)|\s+[a-zäöü])")
#: "…“, fügte der Präsident der Republik hinzu" / "…“, so der Bericht": attributed, to no one named
AFTER_UNNAMED = re.compile(rf"^\s*[,.]?\s*{SPEECH}\s+(?:der|die|das)\s+(?P<name>{_WORD})")
#: "Merkel sagte: „…“" / "Er betonte am Montag:" and "Dazu sagte Merkel:": the clause before a quotation; a
#: comma for the colon, as machine translation writes it ("Professor Lee sagte, „…“")
BEFORE = (re.compile(rf"(?:^|[.!?]\s+)(?:{_ROLE}\s+)?{_NAME}\s+{SPEECH}"
                     r"(?:\s+[\w-]+){0,5}?\s*[:,]\s*$"),
          re.compile(rf"\b{SPEECH}\s+(?:{_ROLE}\s+)?{_NAME}(?:\s+[\w-]+){{0,5}}?\s*[:,]\s*$"))

#: who says it, named by no name: an article and a noun, perhaps with an adjective before and a genitive after
#: ("ein Sprecher der Polizei", "die Behörde", "ein hochrangiger Beamter des Ministeriums")
_DESCRIBED = (r"(?P<who>(?:[Dd](?:er|ie|as|es|em|en)|[Ee]in(?:e|er|es|em|en)?)\s+(?:[a-zäöüß-]+\s+){0,2}?"
              r"[A-ZÄÖÜ][\w-]*(?:\s+(?:der|des|von|vom)\s+(?:[a-zäöüß-]+\s+)?[A-ZÄÖÜ][\w-]*){0,2})")
#: "„…“, sagte ein Sprecher der Polizei am Montag." / "„…“, so die Behörde."
AFTER_DESCRIBED = re.compile(rf"^\s*[,.]?\s*{SPEECH}\s+{_DESCRIBED}(?=\s*(?:[,.;:!?(]|$)|\s+[a-zäöü])")
#: "Ein Sprecher der Polizei sagte: „…“"
BEFORE_DESCRIBED = re.compile(rf"(?:^|[.!?]\s+){_DESCRIBED}\s+{SPEECH}(?:\s+[\w-]+){{0,3}}?\s*[:,]\s*$")
