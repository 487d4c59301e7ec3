"""The shipped KB: every QID comes from the public files it was built from; lookups work offline."""

from __future__ import annotations

import csv
import json
import sqlite3

import pytest
import yaml

from storyweave.entities import kb_build
from storyweave.entities.kb import DEFAULT_PATH, load
from storyweave.entities.kb_build import CURATED, _uninverted, build, romanised, user_records
from tests.conftest import DATA

KB_DATA = DATA / "kb"


def _source_qids() -> set[str]:
    """QIDs read straight from the source files, independently of the builder."""
    qids = {row["wikiDataId"] for row in json.loads((KB_DATA / "dr5hn/countries.json").read_text())}
    db = sqlite3.connect(KB_DATA / "dr5hn/states.sqlite3")
    qids |= {r[0] for r in db.execute("SELECT wikiDataId FROM states")}
    for regions in ("regions.csv", "subregions.csv"):
        with (KB_DATA / "dr5hn/csv" / regions).open(encoding="utf-8") as handle:
            qids |= {row["wikiDataId"] for row in csv.DictReader(handle)}
    places = json.loads((KB_DATA / "natural_earth/ne_10m_populated_places.json").read_text())
    qids |= {f["properties"]["wikidataid"] for f in places["features"]}
    for path in (KB_DATA / "everypolitician_scrapers").rglob("*.csv"):
        with path.open(encoding="utf-8") as handle:
            for row in csv.reader(handle):
                qids.update(cell for cell in row if cell.startswith("Q") and cell[1:].isdigit())
    flags = json.loads((KB_DATA / "name_suggestion_index/data/flags/man_made/flagpole.json").read_text())
    qids |= {i["tags"].get("subject:wikidata", "") for i in flags["items"] if i["tags"].get("flag:type") == "national"}
    orgs = yaml.safe_load((KB_DATA / "supraverden/general_list.yaml").read_text())
    qids |= {str(o.get("Wikidata_code")) for o in orgs.values()}
    return {q for q in qids if q}


def test_every_shipped_qid_is_in_the_source_data():
    db = sqlite3.connect(DEFAULT_PATH)
    shipped = {r[0] for r in db.execute("SELECT qid FROM entity")}
    assert len(shipped) > 15000
    assert shipped - _source_qids() == set()
    unsourced = db.execute("SELECT COUNT(*) FROM entity WHERE qid NOT IN (SELECT qid FROM source)").fetchone()[0]
    assert unsourced == 0


def test_rebuilding_gives_the_shipped_entities(tmp_path):
    out = tmp_path / "kb.sqlite"
    counts = build(KB_DATA, out)
    assert counts["PERSON"] > 3000 and counts["ORG"] > 500 and counts["GPE"] > 12000
    query = "SELECT qid, name, type FROM entity ORDER BY qid"
    assert sqlite3.connect(out).execute(query).fetchall() == sqlite3.connect(DEFAULT_PATH).execute(query).fetchall()


def test_lookups_across_scripts_and_spellings():
    kb = load()
    assert {h.entity.qid for h in kb.exact("Луганск")} == {"Q134279"}
    assert "Q134279" in {h.entity.qid for h in kb.exact("Lugansk")}  # the Russian name, transliterated
    assert {h.entity.qid for h in kb.exact("CSTO")} == {"Q318693"}
    assert kb.fuzzy("Tokaev")[0].entity.qid == "Q200881"
    assert {h.entity.qid for h in kb.exact("the Soviet Union")} == {h.entity.qid for h in kb.exact("СССР")} == {"Q15180"}
    assert {h.entity.qid for h in kb.exact("Great Britain")} == {"Q145"}
    assert [e.qid for e in kb.compact("vladimirputin")] == ["Q7747"]
    assert {h.entity.qid for h in kb.exact("Central Asia")} == {"Q27275"}
    assert {h.entity.qid for h in kb.exact("Europe")} == {"Q46"}
    assert {h.entity.qid for h in kb.exact("Britain")} == {"Q145"}  # curated.csv
    assert {h.entity.qid for h in kb.exact("America")} == {"Q30"}  # curated.csv
    # de-facto states that everypolitician's rows hold offices of; the EU stays an organisation
    assert {h.entity.qid for h in kb.exact("South Ossetia")} == {"Q23427"}
    assert {h.entity.qid for h in kb.exact("Donetsk People's Republic")} == {"Q16150196"}
    assert kb.entities["Q458"].type == "ORG"


def test_the_shipped_kb_knows_the_worlds_towns_by_their_own_names():
    """GeoNames' own names, not its alternate ones: "Angara" (a river) is one of Ankara's."""
    kb = load()
    assert len(kb.towns) > 50000
    assert kb.town("Chino") and kb.town("Tokai") and kb.town("Mayfield") and kb.town("Luton")
    assert not kb.town("Lugusk") and not kb.town("Tocaev") and not kb.town("Angara")
    assert "GeoNames" in sqlite3.connect(DEFAULT_PATH).execute("SELECT value FROM meta WHERE key = 'towns'").fetchone()[0]


def test_a_run_together_name_is_matched_only_in_latin_or_cyrillic_script():
    """Hebrew's נאט"ו gives the consonants "nt v", which a channel named NTV must not meet."""
    kb = load()
    assert [e.qid for e in kb.compact("vladimirputin")] == ["Q7747"]
    assert kb.compact("NTV") == []
    assert kb.entities["Q7184"].name == "North Atlantic Treaty Organisation"


def test_curated_names_only_name_entities_the_data_gives():
    with CURATED.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and all(row["source"].strip() for row in rows)
    assert {row["id"] for row in rows} <= _source_qids()


def test_user_entities_extend_the_kb(tmp_path):
    mine = tmp_path / "mine.csv"
    mine.write_text("name,type,aliases,country\nNord Stream AG,ORG,Nord Stream|Nordstream,\n", encoding="utf-8")
    [record] = list(user_records(mine))
    assert record.qid == "user:nord-stream-ag"  # no QID is invented for an entity without one
    kb = load(extra=(mine,))
    assert {h.entity.name for h in kb.exact("nordstream")} == {"Nord Stream AG"}


def test_a_broken_user_file_is_a_clear_error(tmp_path):
    from storyweave.errors import InputError

    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match="cannot read entity list"):
        load(extra=(bad,))


def test_a_kb_city_knows_its_first_level_subdivision():
    """Natural Earth's state name matched to the country list's subdivision: Portland, Oregon and Portland, Maine."""
    kb = load()
    assert {h.entity.qid: h.entity.region for h in kb.exact("Portland") if h.entity.country == "Q30"} == {
        "Q6106": "Q824", "Q49201": "Q724"}
    assert sum(e.region is not None for e in kb.entities.values()) > 5000
    assert kb.state_abbreviations["Mo."] == kb.state_abbreviations["MO"] == "Q1581"
    assert kb.state_abbreviations["W.Va."] == "Q1371" and "Texas" not in kb.state_abbreviations


def test_a_country_is_known_by_its_official_names():
    """ISO 3166-1's names (pycountry, read when the KB is built): news writes "the Russian Federation"."""
    kb = load()
    assert {h.entity.qid for h in kb.exact("Russian Federation")} == {"Q159"}
    assert {h.entity.qid for h in kb.exact("Republic of Korea")} == {"Q884"}  # ISO: "Korea, Republic of"
    assert {h.entity.qid for h in kb.exact("Islamic Republic of Iran")} == {"Q794"}
    assert {h.entity.qid for h in kb.exact("Hellenic Republic")} == {"Q41"}
    assert kb.exact("Province of China Taiwan") == []  # "Taiwan, Province of China" has no prose order
    # ISO's "State of Palestine" is the country list's Palestinian territories; the KB's State of Palestine keeps it
    assert {h.entity.qid for h in kb.exact("State of Palestine")} == {"Q219060"}


def test_a_country_is_known_by_the_name_each_language_writes_in_running_text():
    """CLDR's territory names (Babel, read when the KB is built): the country list gives Japanese and Chinese
    only the official ロシア連邦 and 俄罗斯联邦, and no Kazakh at all."""
    kb = load()
    for name in ("ロシア", "俄罗斯", "Ресей", "Rusko"):
        assert {h.entity.qid for h in kb.exact(name)} == {"Q159"}, name
    for name in ("アメリカ合衆国", "Amerika Serikat", "Hoa Kỳ"):
        assert {h.entity.qid for h in kb.exact(name)} == {"Q30"}, name
    assert {h.entity.qid for h in kb.exact("Қазақстан")} == {"Q232"}


def test_iso_list_forms_are_read_back_only_where_the_head_moved():
    assert _uninverted("Korea, Democratic People's Republic of") == "Democratic People's Republic of Korea"
    assert _uninverted("Congo, The Democratic Republic of the") == "The Democratic Republic of the Congo"
    assert _uninverted("Virgin Islands, British") == "Virgin Islands, British"
    assert _uninverted("Russian Federation") == "Russian Federation"


def test_a_city_is_known_by_its_japanese_name():
    """Natural Earth names places in Chinese but not Japanese; GeoNames' kana names give them, bridged by the
    GeoNames id, and only kana ones: its Han names mix Chinese and Japanese (西寧 is Xining's, not Tây Ninh's)."""
    kb = load()
    assert "Q84" in {h.entity.qid for h in kb.exact("ロンドン")}
    assert {h.entity.qid for h in kb.exact("シドニー")} == {"Q3130"}
    assert "Q3141" in {h.entity.qid for h in kb.exact("メルボルン")}
    assert "Q3130" not in {h.entity.qid for h in kb.exact("Shidoni")}  # the written form only, no folded key
    sources = sqlite3.connect(DEFAULT_PATH).execute("SELECT file FROM source WHERE qid = 'Q3130'").fetchall()
    assert any("GeoNames" in source for (source,) in sources)
    assert "Q130391" not in {h.entity.qid for h in kb.exact("西寧市")}


def test_a_cyrillic_name_is_spelt_letter_by_letter_and_as_english_news_spells_it():
    assert romanised("Николаев") == ["Nikolaev", "Nikolayev"]
    assert romanised("Ельцин") == ["El'tsin", "Yeltsin"]
    assert romanised("Запорожье") == ["Zaporozh'e", "Zaporozhye"]
    assert romanised("Токаев") == ["Tokaev", "Tokayev"]
    assert romanised("Миколаїв") == ["Mikolaiv"], "Ukrainian letters the Russian scheme leaves as they are"


def test_without_iuliia_a_cyrillic_name_is_spelt_letter_by_letter(monkeypatch):
    monkeypatch.setattr(kb_build, "iuliia", None)
    assert romanised("Николаев") == ["Nikolaev"]


def test_the_shipped_kb_knows_russian_names_as_english_news_spells_them():
    kb = load()
    assert "Q41572" in {h.entity.qid for h in kb.exact("Nikolayev")}  # Mykolaiv, Николаев in Russian
    assert "Q41572" in {h.entity.qid for h in kb.exact("Nikolaev")}
    assert {h.entity.qid for h in kb.exact("Zaporozhye")} == {"Q157835"}
