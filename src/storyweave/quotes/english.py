"""Speech in English: the verbs, names, titles, roles and sentence shapes of its attributions ("…," he said;
X stressed: "…"; "X said that …"; "according to X, …"; "…, the minister said on Monday"). ``speech.py``
reads these beside ``cyrillic.py``'s rules for Russian and Ukrainian."""

from __future__ import annotations

import re

#: English speech verbs, also of what an outlet or a letter says ("…, TASS reports"; "…," Tebboune wrote) and
#: of speech an outlet relays ("…," he was quoted as saying)
SPEECH = (r"said|says|say|stated|states|stressed|stresses|noted|notes|added|adds|warned|warns|told|explained|"
          r"argued|argues|declared|announced|claimed|claims|insisted|emphasi[sz]ed|replied|responded|remarked|"
          r"believes|believed|believe|concluded|pointed out|went on to (?:say|explain|add|stress|note)|"
          r"further stated|also said|wrote|writes|reported|recalled|recalls|recounted|admitted|admits|"
          r"acknowledged|complained|joked|quipped|asked|asks|tweeted|quoted as saying")
#: after what is said also "reports" ("…, TASS reports"), which before it is as often the noun ("Despite
#: reports last week that …")
_SPEECH_AFTER = rf"{SPEECH}|reports"
#: roles that stand for a person named with them earlier ("Judge James Bodiford ... the judge said")
_ROLE_WORDS = (r"judge|president|prime minister|foreign minister|minister|mayor|governor|senator|chancellor|leader|"
               r"prosecutor|district attorney|sheriff|coach|spokesman|spokeswoman|spokesperson|chairman|director|"
               r"commander|captain|(?-i:DA)")
#: a role's other name, under which the article may have named its holder ("Queens District Attorney Richard
#: Brown … the DA said")
_ROLE_ALIASES = {"da": "district attorney"}


def role_key(role: str) -> str:
    """The role as the article's titles name it: lower case, an abbreviation written out."""
    role = role.lower()
    return _ROLE_ALIASES.get(role, role)


#: the words of a place or owner after its first ("South Korea's president", "the South Korean president"), none a
#: role word; words that only open a sentence, which run into an owner ("On Monday South Korea's president
#: said"), are dropped by ``quotes.speech`` as it reads the speaker
_MORE_WORDS = rf"(?:\s+(?!(?i:{_ROLE_WORDS})\b)[A-Z][\w-]+){{0,2}}"
#: "the judge", "his spokesman"; with a place, "the Kazakh leader", "Kazakhstan's president": a role of a
#: country, which the entity stage resolves to the story's person holding it (``entities.attach_speakers``)
_ROLE_PHRASE = (rf"(?:(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+"
                rf"(?:(?!(?i:{_ROLE_WORDS})\b)(?P<place>[A-Z][\w-]+{_MORE_WORDS})\s+)?"
                rf"|(?P<owner>[A-Z][\w-]+{_MORE_WORDS})['’]s\s+)"
                rf"(?P<role>(?i:{_ROLE_WORDS}))")
ROLE = re.compile(f"^{_ROLE_PHRASE}$")
#: a role written as a title without its name ("President", "Prime Minister")
ROLE_ALONE = re.compile(rf"^(?=[A-Z])(?i:{_ROLE_WORDS})$")
#: roles a country has; with a place or owner ("Russia's president") they are left to the entity stage, other
#: roles ("Tokaev's spokesman") speak for the person last named with the title, as "the judge" does
COUNTRY_ROLES = {"president", "prime minister", "foreign minister", "chancellor", "leader"}
ROLE_NAMED = re.compile(rf"\b(?P<role>(?i:{_ROLE_WORDS}))\s+(?P<name>(?:[A-Z][\w'’-]+\s+){{0,2}}[A-Z][\w'’-]+)")
_ROLE_UNNAMED = re.sub(r"\?P<\w+>", "?:", _ROLE_PHRASE)
#: a word of a name, also with a particle joined to it ("Khaled al-Mishri")
#: abbreviated titles, which stand before a name and are never one ("said Rep. Nick Rahall", "Dist. Atty. Steve Cooley")
TITLE_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Rep", "Sen", "Gov", "Lt", "Sgt", "Capt", "Det", "Gen", "Col", "Dist",
                       "Atty", "Const", "Prof", "Insp", "Supt", "Cmdr", "Adm", "Maj", "Cpl", "Pvt", "Rev")
_NAME_WORD = rf"(?:[a-z]{{1,3}}-)?(?!(?:{'|'.join(TITLE_ABBREVIATIONS)})\.)[A-Z][\w'’-]+"
#: the particles that join a surname in lower case ("Bill de Blasio", "Vincent van Gogh")
PARTICLE = r"(?:de|da|di|del|della|van|von|der|den|du|le|la|dos|das|bin|ibn|ter)"
#: a name: capitalised words, initials between them ("General Manager A. J. Smith") and particles
_NAME = (rf"(?P<name>(?<![\w'’-])(?:{_ROLE_UNNAMED}\b|(?:[A-Z]\.\s*){{0,2}}(?:{_NAME_WORD}\s+(?:[A-Z]\.\s+)*"
         rf"(?:{PARTICLE}\s+(?=[A-Z]))?){{0,6}}{_NAME_WORD}|[Hh]e|[Ss]he))")
#: a name with the place or body it is of ("President Tokaev of Kazakhstan", "the Ministry of Defence"), as the
#: subject of a speech verb: without it the place alone would be read as the speaker ("Kazakhstan said that
#: …"). ``speaker_of`` tells which of the two speaks
_NAME_OF = _NAME[:-1] + r"(?:\s+of\s+(?:[Tt]he\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)?)"
#: the last word of a body's name ("Bank of England", "University of Texas"): before "of", the body speaks,
#: not a person of that name
_INSTITUTION_WORDS = frozenset("""academy agency assembly association bank board bureau center centre chamber church
college commission committee company congress corporation council court department embassy federation foundation
government house institute kingdom league ministry museum office organisation organization party republic school
secretariat service society state states union university""".split())


_COUNTRY_ROLE = rf"(?P<role>(?i:{'|'.join(sorted(COUNTRY_ROLES, key=len, reverse=True))}))"
#: a country's office written with "of" ("The president of Kazakhstan"), which says what "Kazakhstan's
#: president" does; and the same before a name the attribution rules took alone ("The new president of …")
_ROLE_OF = re.compile(rf"^(?:[Tt]he\s+)?{_COUNTRY_ROLE}\s+of\s+(?:the\s+)?(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}})$")
ROLE_OF_BEFORE = re.compile(rf"(?:^|\s)(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[\w-]+\s+){{0,2}}?{_COUNTRY_ROLE}\s+of\s+(?:the\s+)?$")


def speaker_of(name: str) -> str:
    """Who speaks in a subject "X of Y": the person X ("Tokaev of Kazakhstan"), the whole name where X
    is a body ("Ministry of Defence"), a country's office as its owner form ("The president of Kazakhstan" is
    "Kazakhstan's president", whom the entity stage finds among the story's people)."""
    office = _ROLE_OF.match(name)
    if office:
        return f"{office.group('place')}'s {office.group('role').lower()}"
    head, sep, _ = name.partition(" of ")
    return name if not sep or head.split()[-1].lower() in _INSTITUTION_WORDS else head


#: titles that stand before a name, in a sentence subject ("President Tokayev said") or an attribution
_PERSON_TITLES = r"President|Prime Minister|Minister|Foreign Minister|Chancellor|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Senator|" \
                 r"Governor|Mayor|Judge"
#: the words of titles and roles, which a speaker's name does not keep ("German Foreign Minister Klara
#: Feldmann" is Klara Feldmann, "Fulton County District Attorney Paul Howard" Paul Howard); not those that
#: also open names of firms ("General Motors", so "General" is no title before a name either) or only qualify
#: another title word ("Foreign", "Prime")
TITLE_WORDS = frozenset(w.lower() for w in re.findall(r"[A-Za-z]+", f"{_PERSON_TITLES}|{_ROLE_WORDS}")) - {
    "general", "foreign", "prime", "coach", "director", "leader", "captain", "commander"} | {
    "attorney", "advocate", "assistant", "ceo", "reporter", "filmmaker", "writer", "columnist", "producer", "author", "chief", "inspector", "detective", "officer", "councilman", "councilwoman", "secretary",
    "executive", "deputy", "undersheriff", "superintendent", "commissioner", "ambassador", "editor", "expert",
    "spokesman", "analyst", "correspondent", "manager", "rev", "reverend", "pastor", "rabbi", "imam", "constable",
    "professor", "economist", "lawyer", "scientist", "researcher", "historian", "adviser", "advisor", "strategist"}
#: a cleric's title takes "the" before it ("“…,” the Rev. Larry Kroon said")
_TITLES = rf"(?:(?:{_PERSON_TITLES}|Const\.|Constable|Sgt\.|Det\.|Capt\.|Lt\.|Gen\.|Gov\.|Sen\.|Rep\.|" \
          r"(?:[Tt]he\s+)?(?:Rev\.|Reverend)|Pastor|Rabbi|Imam|spokesman|spokeswoman|spokesperson)\s+)?"
#: what may stand between a speaker and the verb: an adverb or an auxiliary ("Tokaev also said", "X has
#: repeatedly stated"), not a noun that makes the name a modifier ("a Russian TV host claimed")
_BETWEEN = r"(?:(?:also|further|then|later|again|once|first|has|had|have|would|will|\w+ly)\s+){0,2}"
#: an organisation's acronym in brackets after its name ("The International Energy Agency (IEA) said")
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
         r"on\s+(?:Twitter|Facebook|Telegram|television|TV|radio)|"
         r"(?:in\s+front\s+of|before|in\s+the\s+presence\s+of)\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,3}?[\w'’.-]+(?=\s+that\b))")
_TIMES = rf"(?>(?:(?:{_WHEN})\s+){{0,3}})"
#: an opening phrase before the speaker, longer ones ending in a comma and stating nothing themselves ("However,
#: during the question session of the forum, Tokayev stated …"; not "X said …, he also said that …")
_LONG_OPENING = r"(?:(?!\b(?:said|says|told|stated|added)\b)[^\"“”«»„]){61,120}?,\s+"
REPORTED = re.compile(rf"^(?:.{{0,60}}?\b|{_LONG_OPENING})?{_TITLES}{_NAME_OF}{_ACRONYM}\s+{_BETWEEN}(?:{_TOLD}|{SPEECH})\s+"
                       rf"{_TIMES}that\s+(?P<what>.{{20,}})$", re.S)
#: the same without "that" ("Ri says it's a pipe dream …", "He told reporters the talks had failed"): only
#: verbs that take a clause rather than an object ("claimed the lives of …" does not), and what follows
#: opens as a clause's subject does. Where such a sentence quotes a statement in part ("the minister said the
#: plan was “a very good plan for all of us”"), the quotation is the rendering
_CLAUSE_VERBS = r"said|says|believes|believed|argued|argues|insisted|insists"
_CLAUSE_SUBJECT = r"(?:he|she|it|they|we|you|there|the|a|an|his|her|its|their|our|no|[A-Z][\w'’-]*)\b"
REPORTED_BARE = re.compile(rf"^(?:.{{0,60}}?\b)?{_TITLES}{_NAME_OF}{_ACRONYM}\s+{_BETWEEN}(?:{_TOLD}|{_CLAUSE_VERBS})"
                            rf"\s+{_TIMES}(?P<what>{_CLAUSE_SUBJECT}.{{20,}})$", re.S)
#: the attribution after what is said, without quotation marks, ending the sentence ("The talks will resume
#: next week, the minister said on Monday."; "…, says Vladimir Bespalov, analyst at VTB Capital."): after
#: the speaker an apposition, after the verb only when, where or to whom, not an object ("…, Trump declared
#: the national emergency")
_PREPOSITIONS = r"(?:on|in|at|from|to|after|before|during|with|for|by|while|when|of)\s"
_UNQUOTED_CLAUSE = r"^(?P<what>[^\"“”«»„]{20,}?),\s+"
#: a circumstance's "with" names whom it was said with ("in an interview with CNN", "with the president beside
#: him"), not what an act was done with ("the Big East responded on Thursday with wins from …" is no speech)
_CIRCUMSTANCE = r"(?:(?!\swith\s)[^\"“”«»„!?,]|\swith\s(?=[A-Z]|(?:the|a|an|his|her|their|its|reporters|journalists)\b))"
_SAID_WHERE = (rf"(?:\s+(?:reporters|journalists|{_WHEN}))?"
               r"(?:\s+(?:on|in|at|to|during|after|from|via|last|this)\b" + _CIRCUMSTANCE + "{1,100})?")
#: a group, an institution, a document or someone unnamed that says what the clause before it states:
#: "…, police said.", "…, Vancouver police said on Sunday.", "…, the statement said.", "…, the show's creator
#: said." (no speaker: a group speaks as many, a document or "the creator" for someone the text does not name
#: here); "…, the California Highway Patrol said." (the institution named)
_GROUP_NOUNS = (r"police|officials|authorities|investigators|witnesses|prosecutors|sources|analysts|experts|"
                r"officers|deputies|residents|doctors|scientists|researchers|organi[sz]ers")
_GROUP_SPEAKER = (rf"(?:[Tt]he\s+(?P<name>(?:[A-Z][\w.&'’-]*\s+){{0,4}}[A-Z][\w.&'’-]*(?<!['’]s))|"
                  rf"(?:[\w.'’-]+\s+){{0,3}}?(?:{_GROUP_NOUNS})|"
                  rf"(?:(?:[Tt]he\s+)?[\w-]+['’]s|[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(?:[\w-]+\s+){{0,2}}?[a-z][\w-]+)")


#: "…," Sixers chairman Ed Snider said, "…," her agent Mark Roesler said: who the speaker is may stand before
#: the name, in lower case (after a possessive at most); not a phrase with an article or a preposition, whose
#: capitalised word is a place or a group ("one woman in Qeshm told AFP", "an Eastern Conference executive
#: said"; "the Arizona Senator wrote" is a role)
_DESCRIPTOR_WORD = r"(?!(?:the|a|an|one|his|her|its|their|in|from|of|at|for|with|by|on|to|and|or)\b)[a-z][\w-]*"
#: who the speaker is, in lower case before a title word and the name ("police spokesman Tim Fanning", "fire
#: chief Ann Lee"): without the title word a lower-case run would take in a clause ("…, and then Smith said")
_TITLED_BY = rf"(?:(?:{_DESCRIPTOR_WORD}\s+){{0,2}}(?:{'|'.join(sorted(TITLE_WORDS, key=len, reverse=True))})\s+)?"


def _reported_after(clause: str) -> tuple[re.Pattern, ...]:
    return (re.compile(rf"{clause}(?:{_SPEECH_AFTER})\s+{_TITLES}{_NAME}\b(?:\s*,[^\"“”«»„!?]{{1,120}}|{_SAID_WHERE})"
                       rf"[.!]?\s*$", re.S),
            re.compile(rf"{clause}{_TITLED_BY}{_TITLES}{_NAME_OF}{_ACRONYM}\s+{_BETWEEN}(?:{_SPEECH_AFTER}){_SAID_WHERE}"
                       rf"[.!]?\s*$", re.S),
            re.compile(rf"{clause}{_GROUP_SPEAKER}{_ACRONYM}\s+{_BETWEEN}(?:{_SPEECH_AFTER}){_SAID_WHERE}"
                       rf"[.!]?\s*$", re.S))


REPORTED_AFTER = _reported_after(_UNQUOTED_CLAUSE)
#: the same around a few quoted words, a term the speaker used ("She replaces the host, who withdrew for
#: "family reasons," the festival's director said."), when the sentence does not open with them
REPORTED_AFTER_TERMS = _reported_after(r"^(?P<what>[^\"“”«»„\s][^\n]{19,}?),[\"”»’]?\s+")
#: a group, an institution or a document before its verb ("Local officials said the mayor had …", "The
#: company says it will …", "the ministry stated that …"); not a relative clause ("The man who said …")
GROUP_BEFORE = re.compile(rf"^(?:[^,]{{0,60}},\s+)?{_GROUP_SPEAKER}(?<!\bwho)(?<!\bwhich)(?<!\bthat){_ACRONYM}\s+"
                          rf"{_BETWEEN}(?:(?:{SPEECH})\s+{_TIMES}that\s+|(?:{_CLAUSE_VERBS})\s+{_TIMES}(?={_CLAUSE_SUBJECT}))"
                          rf"(?P<what>.{{20,}})$", re.S)
#: the patterns whose speaker is a group, an institution or a document
GROUP_SAYS = frozenset({REPORTED_AFTER[2], REPORTED_AFTER_TERMS[2], GROUP_BEFORE})
#: reported speech of someone the text does not name ("a Russian TV host claimed that …", "Tokaev’s press
#: secretary explained that …", "South Korea's new president said that …"): a rendering of a statement, with no
#: speaker. After an owner of several words only lower-case words: "France Telecom's Orange unit said" names Orange
_UNNAMED = (r"^(?:[^,]{0,60},\s+)?(?:(?:[Aa]n?|[Oo]ne|[Ss]ome|[Aa]nother|[Tt]he|[\w-]+(?:['’]s|s['’]))\s+"
            r"(?:(?!(?:who|which|that|whom)\b)[\w-]+\s+){0,5}?"
            r"|(?:[A-Z][\w-]+\s+){1,2}[\w-]+(?:['’]s|s['’])\s+(?:(?!(?:who|which|that|whom)\b)[a-z][\w-]*\s+){1,5}?)")
REPORTED_UNNAMED = re.compile(rf"{_UNNAMED}(?:{SPEECH})\s+that\s+(?P<what>.{{20,}})$", re.S)
#: the same without "that", with a verb that takes a clause ("A senior Treasury official said there had been …")
REPORTED_UNNAMED_BARE = re.compile(rf"{_UNNAMED}(?:{_CLAUSE_VERBS})\s+{_TIMES}(?P<what>{_CLAUSE_SUBJECT}.{{20,}})$", re.S)
ACCORDING = re.compile(rf"^[Aa]ccording to\s+(?:the\s+)?{_TITLES}"
                       rf"{_NAME.replace('(?P<name>', '(?P<name>[Hh]im|[Hh]er|', 1)},\s+(?P<what>.{{20,}})$", re.S)
#: "According to police data, …", "According to one source, …": reported, by no one named
ACCORDING_UNNAMED = re.compile(r"^[Aa]ccording to\s+[^,\"“”«»„]{2,80},\s+(?P<what>.{20,})$", re.S)
#: "…, according to her publicist, Jack Ketsoyan." / "…, according to the Associated Press.": the name that ends it
ACCORDING_AFTER = re.compile(rf"{_UNQUOTED_CLAUSE}according to\s+(?:(?!{_PREPOSITIONS})[\w'’.-]+,?\s+){{0,5}}?"
                             rf"{_TITLES}{_NAME}[.!]?\s*$", re.S)
#: the speaker and verb before a quotation; between them only what may stand between a name and its verb
#: ("Tokayev also said:") or who speaks for it ("A Surrey Police spokeswoman said:"), not a noun that makes
#: the name a modifier ("the Taradise star said,", "A visitor from Nara prefecture said,")
BEFORE = re.compile(rf"{_TITLES}{_NAME}\s+(?:{_BETWEEN}|(?:himself|herself|spokes\w+|representative)\s+)"
                    rf"(?:{SPEECH})\s*[:,]?\s*$")
BEFORE_LOOSE = re.compile(rf"^{_TITLES}{_NAME}\b[^.!?:\"“”]{{0,80}}\b(?:{SPEECH}|saying),\s*$")
#: who the speaker is, before the name: "her agent", "Cisco chief security researcher", "the actress's rep"
_DESCRIPTOR = (rf"(?:(?:(?:his|her|their|its)\s+|(?:[Tt]he\s+)?(?:[\w-]+\s+){{0,2}}?[\w-]+['’]s\s+)?"
               rf"(?:[A-Z][\w'’.-]*\s+){{0,3}}(?:{_DESCRIPTOR_WORD}\s+){{1,3}})?")
#: after the closing mark: "…," said X / "…," X said (a name alone after a quotation says nothing); the
#: first form also reads the name that ends a longer attribution ("…," said team president Billy King,
#: "…," said South Richmond Hill resident Suri Charanjit.), the second a name after who the speaker is and
#: before the circumstance ("…," said agent Mark Roesler in a written statement)
AFTER_VERB = (re.compile(rf"^\s*[,.]?\s*(?:{_SPEECH_AFTER})\s+(?:(?!{_PREPOSITIONS})[\w'’.-]+\s+){{0,5}}?{_NAME}\s*(?:[,.;]|$)"),
              re.compile(rf"^\s*[,.]?\s*(?:{_SPEECH_AFTER})\s+{_DESCRIPTOR}{_TITLES}{_NAME}\b"))
AFTER_NAME = re.compile(rf"^\s*[,.]?\s*{_DESCRIPTOR}{_TITLES}{_NAME_OF}\s+(?:\w+\s+)?(?:{_SPEECH_AFTER})\b")
#: "…," Valentina Redzhepova, an official at one of the polling stations, told AFP: the name, an apposition that
#: opens with an article or a lower-case word, then the verb; not after a full stop, nor before a colon, where a
#: new sentence introduces the next quotation ("…". Mike Reavey, also from the centre, said: "…")
AFTER_NAME_APPOSED = re.compile(rf"^\s*,?\s*{_TITLES}{_NAME},\s+(?:an?|the|[a-z][\w-]*)\s[^,\"“”.!?;]{{2,100}},\s+"
                                rf"(?:\w+\s+)?(?:{_SPEECH_AFTER})\b(?!\s*:)")
#: "…», — сказал он": a comma and a dash after the closing mark attribute a quotation in Russian, Ukrainian and
#: other languages that punctuate speech so, whatever the verb
DASHED = re.compile(r"^\s*,\s*[-–—]\s*[^\W\d_]")
#: "…," said the expert / "…," the analyst wrote / "…," the band's manager said: speech by someone the attribution
#: does not name
_DETERMINER = r"(?:the|a|an|one|his|her|its|their)\s"
AFTER_UNNAMED = re.compile(rf"^\s*[,.]?\s*(?:(?:{SPEECH})\s+{_DETERMINER}|{_DETERMINER}(?:[\w'’-]+\s+){{1,3}}?"
                            rf"(?:{SPEECH})\b)")
#: a quotation given in the passive, with who said it after "by" ("An “act of war” was declared by the
#: council …", "The deal was called “a betrayal” by Senator Ray Duff")
_PASSIVE_SAYING = (r"(?:was|were|had been|has been|have been|is|are)\s+(?:\w+ly\s+)?(?:declared|called|described|"
                   r"labell?ed|branded|termed|condemned|criticised|criticized)")
AFTER_PASSIVE = re.compile(rf"^\s*(?P<verb>{_PASSIVE_SAYING}\s+(?:[^\"“”«»„.!?;:,]{{1,40}}\s+)?)?by\s+(?:the\s+)?"
                           rf"(?:{_TITLES}{_NAME}\b)?")
#: the passive before the quotation, for an agent after it ("was described as “…” by …")
PASSIVE_BEFORE = re.compile(rf"\b{_PASSIVE_SAYING}(?:\s+as)?\s*$")
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
#: a sentence that says something may open with a conjunction ("But the Darwin Society described …")
_SAYS_OPENING = rf"(?:(?:But|And|Yet|Still|So)\s+(?:the\s+)?)?{_OPENING}"
NAMED_SUBJECT = re.compile(rf"^{_OPENING}{_TITLES}(?P<name>{_OWNER}(?:\s+(?:{PARTICLE}\s+)?{_OWNER}){{0,3}})"
                            rf"(?:['’]s\s+(?!{_PERSON_OWNED})(?=[a-z])|(?=\s*,|\s+(?!{PARTICLE}\s+[A-Z])[a-z]))")
#: a run of capitalised words (six at most, so that a long run costs linear time) and its last word, a surname
#: ("Deputy District Attorney Phil Stirling": Stirling)
FULL_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:[A-Z]\.|[A-Z][a-z][\w'’-]*)){0,4}\s+(?P<last>[A-Z][a-z](?:[\w-]|['’](?!s\b))+)")
#: a surname after a title ("Const. Fanning", "Mr. Pigeon")
TITLED_NAME = re.compile(rf"\b(?:{'|'.join(TITLE_ABBREVIATIONS)})\.?\s+(?P<last>[A-Z][a-z][\w'’-]+)")
ABBREVIATED = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Const|Gen|Sen|Rep|Gov|Lt|Col|Sgt|[A-Z])\.")
#: a titled subject ("President Tokayev spoke ...") is who a following "he" or "she" refers to
TITLED_SUBJECT = re.compile(rf"^(?:{_PERSON_TITLES})\s+(?P<name>(?:[A-Z][\w'’-]+\s+){{0,2}}[A-Z][\w'’-]+)")
#: "X stressed:", "On this point, X also made a response in Russia:" - the name opens the clause
#: not where someone else speaks before the colon ("Governor Lee backed the plan, his spokesman adding:")
_OTHER_SPEAKS = rf"\b(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){{0,2}}?[a-z][\w-]*\s+(?:{SPEECH}|adding|saying|stating)\b"
COLON_LEAD = re.compile(rf"^\s*(?:[^,:.!?\"“”]{{0,40}},\s+)?{_TITLES}{_NAME}\b(?:(?!{_OTHER_SPEAKS})[^.!?:]){{0,80}}:\s*$")
#: "In his speech at the forum, Tokaev also said:" closing a paragraph: what the next paragraph says is his,
#: with or without quotation marks (a block quotation whose marks the page never had or extraction lost)
COLON_SAID = re.compile(rf"^(?:.{{0,100}}?,\s+)?{_TITLES}{_NAME}\s+{_BETWEEN}(?:{SPEECH})\s*:\s*$", re.S)
#: a quotation within a sentence whose subject says, calls, accuses … ("He attacked Republicans, calling the
#: charges a “cynical and staged political ambush”"; "The coast guard said the boat sank “during routine
#: exercises”"): attributed to that subject, or to no one it names; "so-called" is no calling
_SAYING = rf"{SPEECH}|(?<![Ss]o-)(?<![Ss]o )(?<![Ss]o -)call(?:ed|s|ing)|describ(?:ed|es|ing)|accus(?:ed|es|ing)|den(?:ied|ies|ying)|dismiss(?:ed|es)|" \
          r"urg(?:ed|es)|ask(?:ed|s)|demand(?:ed|s)|vow(?:ed|s)|promis(?:ed|es)|dub(?:bed|s)|brand(?:ed|s)|" \
          r"term(?:ed|s)|condemn(?:ed|s)|criti(?:ci[sz](?:ed|es|ing)|qued)|slamm(?:ed|ing)|slams|" \
          r"label(?:l?ed|s|l?ing)|answered|shouted|yelled|screamed|chanted|tweeted|saying"
#: a verb of saying in the active: "the church was criticised for …" says nothing itself
_AUXILIARIES = ("was", "were", "been", "being", "is", "are", "be")
_ACTIVE = "".join(rf"(?<!\b{aux}\s{adverb})" for aux in _AUXILIARIES
                  for adverb in ("", "also ", "often ", "widely ", "now ", "commonly ", "sometimes ", "later ", "then "))
#: what an apposition after a one-word name opens with ("TallGrass, a wholesaler of …, said")
APPOSITIVE = re.compile(r"\s+(?:a|an|the|who|which|whose)\s")
SENTENCE_SAYS = re.compile(rf"^{_SAYS_OPENING}{_TITLES}{_NAME}{_ACRONYM}(?:\s|(?P<apposition>,))[^\"“”«»„]{{0,160}}?"
                            rf"\b{_ACTIVE}(?:{_SAYING})\b(?!\s+to\b)[^\"“”«»„]{{0,120}}$")
#: verbs of criticism that headlines use, read only right after the name ("Union blasts the board for …"):
#: elsewhere they are as often nouns ("two blasts")
_HEADLINE_SAYING = r"blast(?:s|ed)|rips|ripped|(?:hits|hit|lashes|lashed)\s+out\s+at"
#: a clause's subject named directly before its verb inside the sentence, a few words before what it quotes
#: ("… was so harsh that even the host Mia Brenner called it “shameful”"; "…, and Senator Ray Duff labelled
#: the plan “reckless”"): the name after a lower-case word or a mark, so the nearest subject is read, but
#: not after a preposition, whose object is no subject ("… in front of Putin bluntly said that …"); no
#: other speech between the verb and the quotation but a participle after a comma ("X asked whether …, Y
#: answered, “…”" is Y's; "X called the police, saying “…”" is X's), and not what the subject responded to
#: ("responded to an “ask the mayor” jibe")
_OBJECT_OF = (r"(?:of|to|with|by|for|at|in|from|on|about|against|than|like|behind|beside|near|toward|towards|under|"
              r"over|into|onto|upon|via|among|between|before|after)")
CLAUSE_SAYS = re.compile(rf"^(?:.*(?:\b(?!{_OBJECT_OF}\b)[a-z][\w'’-]*|[,;:(–—])\s+)?{_TITLES}{_NAME}{_ACRONYM}\s+{_BETWEEN}"
                         rf"{_ACTIVE}(?:{_SAYING}|{_HEADLINE_SAYING})\b(?!\s+to\b)(?:(?!(?<!,\s)\b(?:{_SAYING})\b)[^\"“”«»„.!?;:]){{0,80}}$", re.S)
#: reported speech in the passive: "The club was warned by the league on Friday that …"
REPORTED_PASSIVE = re.compile(rf"^[^\"“”«»„]{{0,120}}?\b(?:was|were|had been|has been|have been)\s+(?:\w+ly\s+)?"
                              rf"(?:warned|told|assured|informed|reminded|advised)\s+by\s+(?:the\s+)?{_TITLES}{_NAME}"
                              rf"(?:\s+[^\"“”«»„.;:]{{1,60}}?)?\s+that\s+(?P<what>.{{20,}})$", re.S)
#: groups that speak as many ("Critics", "СМИ Белграда"): their statements are kept without a speaker
GROUPS = frozenset({
    "Officials", "Police", "Authorities", "Witnesses", "Residents", "Critics", "Analysts", "Experts", "Observers",
    "Sources", "Investigators", "Scientists", "Researchers", "Doctors", "Prosecutors", "Lawmakers", "Protesters",
    "Activists", "Opponents", "Supporters", "Economists", "Diplomats", "Officers", "Deputies", "Neighbours",
    "Neighbors", "Fans", "Locals", "Environmentalists", "Conservationists", "Media", "Friends", "Students",
    "Detectives", "Groups", "Associates", "Relatives", "Colleagues", "Banners", "Signs", "Placards", "Posters",
    "Slogans", "СМИ", "ЗМІ", "Власти", "Влада", "Источники", "Джерела", "Эксперты", "Експерти", "Аналитики",
    "Аналітики"})
#: open classes of people whose few quoted words characterise rather than record a statement ("Critics called
#: it a “bold move”"): their attribution makes no one- or two-word quotation a quote, as an office's does
#: ("A “state of emergency” was declared by police")
DIFFUSE = frozenset({"Critics", "Analysts", "Experts", "Observers", "Opponents", "Supporters", "Some", "Many",
                     "Others", "Fans", "Sceptics", "Skeptics", "Commentators", "Detractors"})
#: month and weekday names (not the locale's: English text)
CALENDAR = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
                      "February", "March", "April", "May", "June", "July", "August", "September", "October",
                      "November", "December"})
#: words that open sentences but name no one: function words, pronouns, times, places, participles
OPENERS = frozenset({
    "The", "This", "That", "It", "These", "Those", "There", "In", "On", "At", "As", "But", "And", "However", "Today",
    "Some", "Many", "They", "We", "I", "You", "Who", "What", "If", "When", "While", "Her", "His", "Its", "Their",
    "Our", "My", "For", "With", "From", "After", "Before", "By", "Western", "West", "Later", "Earlier",
    "Meanwhile", "Outside", "Inside", "Born", "Early", "Late", "Asked", "They've", "We've", "They're", "We're", "Aside", "Instead",
    "Now", "Then", "Yesterday", "Другой", "Другая", "Один", "Одна", "Інший", "Інша", "Этот", "Эта", "Это", "Эти",
    "Цей", "Ця", "Це", "Ці", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Twenty", "Thirty",
    "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety", "Hundreds", "Thousands", "Dozens"}) | CALENDAR
NOT_NAMES = GROUPS | OPENERS
#: nouns for one person, whom a speaker phrase describes without naming ("a police spokesman", "the officer",
#: "one witness"): the "he" or "she" of the next sentences is that person, not someone named before
PERSON_NOUNS = frozenset((
    "spokesman spokeswoman spokesperson official officer source witness resident neighbour neighbor man woman "
    "worker employee aide adviser advisor analyst expert lawyer attorney doctor teacher student friend relative "
    "father mother brother sister son daughter wife husband victim driver owner manager executive chief "
    "commander captain judge prosecutor minister director chairman coach sheriff mayor governor senator "
    "detective sergeant lieutenant inspector constable diplomat negotiator").split())
_DESCRIBED = r"\b(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[\w-]+['’]s)\s+(?:[\w-]+\s+){0,3}?(?P<noun>[a-z]+)"
_UNNAMED_PERSON = re.compile(rf"{_DESCRIBED}\s+(?:{_SPEECH_AFTER})\b")
_DESCRIBED_PERSON = re.compile(rf"{_DESCRIBED}$")


def unnamed_person(text: str) -> bool:
    """Whether ``text`` attributes speech to one person it describes but does not name ("…, a police spokesman
    said.")."""
    return any(m.group("noun") in PERSON_NOUNS for m in _UNNAMED_PERSON.finditer(text))


def described_person(phrase: str) -> bool:
    """Whether a speaker phrase describes one person without naming them ("a police spokesman")."""
    found = _DESCRIBED_PERSON.search(phrase)
    return found is not None and found.group("noun") in PERSON_NOUNS


#: a dateline opening a story: its place in capitals, a state or country, an agency, a dash ("BEIRUT (AP) -
#: ", "WASHINGTON, D.C. — "); the place is where the report was filed, never who speaks
DATELINE = re.compile(r"^\s*(?P<place>[A-Z][A-Z.'’ -]*[A-Z.])(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?\s*"
                      r"(?:\([A-Za-z][\w .&/-]{0,30}\)\s*)?[-—–]\s+")


#: prefixes of ships' names ("INS Mysore", "MV Gibe", "USS Cole"): a ship is the subject of many sentences
#: of a sea story, and never the "he" or "she" of the next
SHIP_PREFIXES = frozenset({"INS", "MV", "M/V", "USS", "USNS", "HMS", "HMAS", "HMCS", "HMNZS", "SS", "RMS", "MS",
                           "MT", "FV", "RV", "PNS", "TCG", "FS", "KRI", "BRP", "ROKS", "JS", "CGS"})
