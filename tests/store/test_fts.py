"""Full-text search in scripts written without spaces, prefixes and plain operators (store/fts.py)."""

from __future__ import annotations

import json
import sqlite3

from storyweave.model import Article, Entity
from storyweave.store import SQLiteStore, fts
from storyweave.store.migrations import MIGRATIONS

CHINESE = Article(id="zh", source_path="zh.txt", language="zh", title="哈萨克斯坦总统在圣彼得堡论坛上发言",
                  text="哈萨克斯坦总统托卡耶夫十七日在圣彼得堡国际经济论坛全会上表示，哈方不承认顿涅茨克的独立。")
JAPANESE = Article(id="ja", source_path="ja.txt", language="ja", title="東京で大雨",
                   text="東京都内では十八日、大雨のため電車が止まりました。気象庁によると、雨は夜まで続く見込みです。")
ENGLISH = Article(id="en", source_path="en.txt", language="en", title="Talks resume",
                  text="Negotiators resumed talks in Geneva on Monday after the WTO said the deadline would hold.")
MIXED = Article(id="mixed", source_path="mixed.txt", language="zh", title="入世以来",
                text="中国加入WTO以来，贸易额增长了数倍。")


def _hits(store: SQLiteStore, query: str) -> dict[str, str]:
    return {aid: shown for aid, _, shown in store.search(query)}


def test_a_word_inside_a_run_of_chinese_or_japanese_is_found_with_its_place_shown(fresh_store):
    fresh_store.add([CHINESE, JAPANESE, ENGLISH, MIXED])
    assert set(_hits(fresh_store, "托卡耶夫")) == {"zh"}
    assert set(_hits(fresh_store, "论坛")) == {"zh"}, "a two-letter word, in the title and the body"
    assert set(_hits(fresh_store, "気象庁")) == {"ja"}
    assert set(_hits(fresh_store, "大雨 電車")) == {"ja"}, "every word must match"
    assert _hits(fresh_store, "大雨 托卡耶夫") == {}
    assert _hits(fresh_store, "卡托") == {}, "the letters match in their order, next to each other"
    shown = _hits(fresh_store, "托卡耶夫")["zh"]
    assert "[托卡耶夫]" in shown and len(shown) < 40
    assert _hits(fresh_store, "WTO")["mixed"] == "… 国加入[WTO]以来，贸易额增长 …", "a letter is a token"
    assert set(_hits(fresh_store, "wto")) == {"en", "mixed"}


def test_a_word_ending_in_a_star_is_a_prefix_and_operators_stay_plain_words(fresh_store):
    fresh_store.add([CHINESE, ENGLISH])
    assert _hits(fresh_store, "negotiat*") == {"en": "[Negotiators] resumed talks in Geneva on Monday after the WTO said "
                                                       "the … "}
    assert _hits(fresh_store, "negotiat") == {}
    assert _hits(fresh_store, "Geneva NEAR") == {}
    assert _hits(fresh_store, '") OR (托卡') == {}
    assert _hits(fresh_store, "*") == {} and _hits(fresh_store, "  ") == {}
    assert set(_hits(fresh_store, "Geneva\x00")) == {"en"} and _hits(fresh_store, "\x00") == {}, "a NUL ends SQL text"
    assert set(_hits(fresh_store, "Geneva \ud800")) == {"en"}, "a lone surrogate has no UTF-8"
    assert fresh_store.spellings("\ud800 Geneva\x07") == {}


def test_a_store_of_migration_7_finds_chinese_articles_and_spellings_of_its_entities_after_8_and_9(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    for version, name, statements in MIGRATIONS[:7]:
        for statement in statements:
            db.execute(statement)
        db.execute("INSERT INTO migrations VALUES (?, ?, '2026-11-01')", (version, name))
    db.execute("INSERT INTO articles (id, source_path, title, language, authors, text, removed, ingested_at) "
               "VALUES ('zh', 'zh.txt', ?, 'zh', '[]', ?, '[]', '2026-11-01')", (CHINESE.title, CHINESE.text))
    entity = Entity("e1", "Kassym-Jomart Tokayev", "PERSON", "Q200881", [], ["Tokaev", "Tokayev"], "s1")
    db.execute("INSERT INTO entities VALUES ('e1', 's1', ?, 'PERSON', 'Q200881', ?, 3, ?)",
               (entity.name, "kassym-jomart tokayev\ntokaev\ntokayev", json.dumps(entity.to_dict())))
    db.commit()
    assert db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '\"托卡耶夫\"'").fetchone() == (0,)
    db.close()
    with SQLiteStore(path) as store:
        assert store.schema_version() == MIGRATIONS[-1][0]
        assert set(_hits(store, "托卡耶夫")) == {"zh"}
        assert store.spellings("tokaev") == {"tokaev": ["Kassym-Jomart Tokayev", "Tokayev"]}
        store.add([ENGLISH])
        assert set(_hits(store, "Geneva")) == {"en"}
        assert store.db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'geneva'").fetchone() == (1,)


def test_spellings_follow_the_entities_a_story_holds_now(fresh_store):
    def tokayev(aliases: list[str], story: str = "s1", eid: str = "e1") -> Entity:
        return Entity(eid, "Kassym-Jomart Tokayev", "PERSON", "Q200881", [], aliases, story)

    fresh_store.save_entities([tokayev(["Tokaev", "Toccyev"])])
    assert fresh_store.spellings("Toccyev") == {"toccyev": ["Kassym-Jomart Tokayev", "Tokaev"]}
    fresh_store.save_entities([tokayev(["Tokaev"])])
    assert fresh_store.spellings("Toccyev") == {}, "the story's entities were derived again without it"
    fresh_store.save_entities([tokayev(["Tocaev"], "s2", "e2")])
    assert fresh_store.spellings("Kassym-Jomart Tokayev") == {"kassym-jomart tokayev": ["Tokaev", "Tocaev"]}
    assert fresh_store.spellings("Tokaev Tocaev") == {"tokaev": ["Kassym-Jomart Tokayev"],
                                                      "tocaev": ["Kassym-Jomart Tokayev"]}
    assert fresh_store.spellings("Nazarbayev") == {}


def test_a_name_in_the_query_is_widened_to_its_spellings_and_the_rest_stays_as_written():
    assert fts.match("Tokayev putin*", {"tokayev": ["Tokaev", "Kassym-Jomart Tokayev"]}) == \
        '("Tokayev" OR "Tokaev" OR "Kassym-Jomart Tokayev") AND "putin"*'
    assert fts.match("United Nations", {"united nations": ["UN"], "united": ["United Arab Emirates"]}) == \
        '("United Nations" OR "UN")', "the whole query named one entity"
    assert fts.match("托卡耶夫", {"托卡耶夫": ["托卡"]}) == '("托  卡  耶  夫" OR "托  卡")'
    assert fts.spelling_keys("Tokayev visits UN") == ["tokayev", "visits", "un", "tokayev visits un"]
    assert fts.spelling_keys("Tokayev visit* UN") == ["tokayev", "un"], "a prefix is no name"


THAI = Article(id="th", source_path="th.txt", language="th", title="นายกรัฐมนตรีเยือนกรุงเทพ",
               text="นายกรัฐมนตรีเดินทางไปกรุงเทพเมื่อวันจันทร์และพบกับผู้ว่าราชการจังหวัด")
HINDI = Article(id="hi", source_path="hi.txt", language="hi", title="दिल्ली में बैठक",
                text="राहुल कुमार ने सोमवार को दिल्ली में कहा कि बैठक सफल रही।")


def test_a_word_inside_a_run_of_thai_is_found_and_its_marks_are_part_of_it(fresh_store):
    fresh_store.add([THAI, HINDI, ENGLISH])
    assert set(_hits(fresh_store, "กรุงเทพ")) == {"th"}, "a word inside a run of letters and marks"
    assert set(_hits(fresh_store, "วันจันทร์")) == {"th"}
    assert _hits(fresh_store, "กรงเทพ") == {}, "without the vowel mark it is another word"
    assert "[กรุงเทพ]" in _hits(fresh_store, "กรุงเทพ")["th"]
    assert set(_hits(fresh_store, "कुमार")) == {"hi"}
    assert _hits(fresh_store, "कमार") == {}, "a word is not cut at its vowel sign"
    fresh_store.add([Article(id="fr", source_path="fr.txt", language="fr", text="Le café de la gare a fermé lundi.")])
    decomposed = "cafe\u0301"
    assert set(_hits(fresh_store, "cafe")) == set(_hits(fresh_store, decomposed)) == {"fr"}, "accents still fold"


def test_a_store_of_migration_9_is_indexed_again_with_marks_inside_words(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.create_function("storyweave_indexed", 1, lambda text: text)
    db.execute("CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    for version, name, statements in MIGRATIONS[:9]:
        for statement in statements:
            db.execute(statement)
        db.execute("INSERT INTO migrations VALUES (?, ?, '2026-11-01')", (version, name))
    for article in (THAI, HINDI):
        db.execute("INSERT INTO articles (id, source_path, title, language, authors, text, removed, ingested_at) "
                   "VALUES (?, ?, ?, ?, '[]', ?, '[]', '2026-11-01')",
                   (article.id, article.source_path, article.title, article.language, article.text))
        db.execute("INSERT INTO articles_fts (rowid, title, text) SELECT seq, title, text FROM articles WHERE id = ?",
                   (article.id,))
    db.commit()
    assert db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '\"กรุงเทพ\"'").fetchone() == (0,)
    db.close()
    with SQLiteStore(path) as store:
        assert store.schema_version() == MIGRATIONS[-1][0]
        assert set(_hits(store, "กรุงเทพ")) == {"th"} and _hits(store, "कमार") == {}
        store.add([ENGLISH])
        assert set(_hits(store, "Geneva")) == {"en"}
    assert fts.TOKENIZE in {version: statements for version, _, statements in MIGRATIONS}[10][1]
