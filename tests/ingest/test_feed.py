"""RSS and Atom feeds: each item an article with its metadata; hostile XML is not expanded."""

from __future__ import annotations

import gzip
import shutil

import pytest

from storyweave.ingest import read_inputs
from storyweave.model import Article, Rejected
from tests.conftest import FIXTURES

FEEDS = FIXTURES / "feeds"


def _by_position(path):
    return {r.source_path.rsplit("/", 1)[-1]: r for r in read_inputs([path])}


def test_rss_items_become_articles_with_their_metadata():
    records = _by_position(FEEDS / "celebrity.rss")
    full = records["celebrity.rss#1"]
    assert isinstance(full, Article)
    assert full.title == "Lindsay Lohan Leaves Betty Ford, Checks Into Malibu Rehab"
    assert full.published == "2013-06-13T20:59:00Z"
    assert (full.outlet, full.authors, full.language) == ("Access Hollywood - News", ["Access Hollywood"], "en")
    assert full.external_id == "ah-article-80744"
    assert full.url.endswith("_article_80744")
    assert "looks forward to continuing her treatment" in full.text, "content:encoded is read, not the summary"
    assert "feed script" not in full.text and "<p>" not in full.text
    assert [r.text for r in full.removed] == [
        "Share this article",
        "The post Lindsay Lohan Leaves Betty Ford, Checks Into Malibu Rehab appeared first on Access Hollywood."]


def test_rss_author_address_and_an_aggregated_items_outlet():
    item = _by_position(FEEDS / "celebrity.rss")["celebrity.rss#2"]
    assert item.authors == ["Michael K"]
    assert item.outlet == "dlisted.com", "an item linking to another site than the feed's is that site's"
    assert item.external_id == item.url, "without a guid the link identifies the item"
    assert "“ensconced in the bosom of”" in item.text


def test_a_headline_only_item_is_kept_and_its_source_named():
    item = _by_position(FEEDS / "celebrity.rss")["celebrity.rss#3"]
    assert isinstance(item, Article)
    assert item.title == item.text == "Lawyer: Lindsay Lohan checks into rehab facility"
    assert item.outlet == "CBS News"


def test_an_empty_item_is_rejected_with_its_position():
    rejected = _by_position(FEEDS / "celebrity.rss")["celebrity.rss#4"]
    assert isinstance(rejected, Rejected)
    assert rejected.code == "no_text"


def test_atom_entries():
    records = _by_position(FEEDS / "rehab.atom")
    first, second = records["rehab.atom#1"], records["rehab.atom#2"]
    assert first.published == "2008-12-12T10:00:00Z", "published, not updated"
    assert first.authors == ["Jack Ketsoyan", "People Staff"], "every author, an address or not"
    assert first.external_id == "tag:people.example,2008:reid-rehab"
    assert "December 9, 2008" in first.text and "&lt;" not in first.text
    assert second.title == "Reid enters Promises"
    assert second.published == "2008-12-12T15:00:00Z", "updated stands in when nothing is published"
    assert second.text.startswith("Her rep, however, declined")


def test_a_feed_read_again_adds_only_its_new_items(tmp_path):
    older = FEEDS / "celebrity.rss"
    text = older.read_text(encoding="utf-8")
    newer = text.replace("<item>", """<item>
    <title>Lohan rehires longtime lawyer Shawn Holley</title>
    <link>http://www.example.org/lohan-holley</link>
  </item>
  <item>""", 1)
    (tmp_path / "newer.rss").write_text(newer, encoding="utf-8")
    first = {r.id for r in read_inputs([older]) if isinstance(r, Article)}
    second = {r.id for r in read_inputs([tmp_path / "newer.rss"]) if isinstance(r, Article)}
    assert first < second and len(second - first) == 1


def test_feed_kind_is_read_from_the_root_element(tmp_path):
    shutil.copy(FEEDS / "rehab.atom", tmp_path / "rehab.xml")
    shutil.copy(FEEDS / "rehab.atom", tmp_path / "rehab")
    (tmp_path / "rehab.rss.gz").write_bytes(gzip.compress((FEEDS / "celebrity.rss").read_bytes()))
    for name, items in (("rehab.xml", 2), ("rehab", 2), ("rehab.rss.gz", 3)):
        records = list(read_inputs([tmp_path / name]))
        assert sum(isinstance(r, Article) for r in records) == items, name


def test_xml_that_is_not_a_feed_is_rejected(tmp_path):
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url><loc>http://a.example/</loc></url>'
                                          "</urlset>", encoding="utf-8")
    (record,) = read_inputs([tmp_path / "sitemap.xml"])
    assert isinstance(record, Rejected) and record.code == "unsupported_type"
    assert "not an RSS or Atom feed" in record.reason


def test_a_feed_without_items_is_rejected(tmp_path):
    (tmp_path / "empty.rss").write_text('<rss version="2.0"><channel><title>T</title></channel></rss>',
                                        encoding="utf-8")
    (record,) = read_inputs([tmp_path / "empty.rss"])
    assert isinstance(record, Rejected) and record.code == "no_text"


_LAUGHS = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 9))


@pytest.mark.parametrize("doctype, entity, leaked", [
    (f'<!DOCTYPE rss [<!ENTITY l0 "lol">{_LAUGHS}]>', "&l8;", "lollol"),
    (f'<!DOCTYPE rss [<!ENTITY l0 "lol">{_LAUGHS[:_LAUGHS.index("<!ENTITY l6")]}]>', "&l5;", "lollol"),
    ('<!DOCTYPE rss [<!-- a "]" in a comment --><!ENTITY x "]>"><!ENTITY l0 \'lol\'><!ENTITY l1 "&l0;&l0;">]>',
     "&l1;", "lollol"),
    ('<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>', "&x;", "root:"),
], ids=["entity-expansion", "expansion-under-expats-guard", "quoted-brackets", "external-entity"])
def test_hostile_entities_are_not_expanded(tmp_path, doctype, entity, leaked):
    (tmp_path / "bad.rss").write_text(
        f'<?xml version="1.0"?>{doctype}<rss version="2.0"><channel><title>T</title><item><title>Fire in the old '
        f"town</title><description>Officials said {entity} on Monday.</description></item></channel></rss>",
        encoding="utf-8")
    records = list(read_inputs([tmp_path / "bad.rss"]))
    text = " ".join(r.text for r in records if isinstance(r, Article))
    assert "Officials said" in text, "the item is still read"
    assert leaked not in text
    assert len(text) < 1000


@pytest.mark.parametrize("encoding", ["windows-1251", "koi8-r", "iso-8859-5"])
def test_a_feed_in_a_legacy_charset_is_read_as_its_declaration_says(tmp_path, encoding):
    """A few words of Cyrillic in much ASCII markup are too little to guess a charset from; the declaration
    (which charset-normalizer reads first) names it."""
    feed = (f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel><title>Лента</title>'
            "<language>ru</language><item><title>Токаев выступил на форуме</title></item></channel></rss>")
    (tmp_path / "lenta.rss").write_bytes(feed.encode(encoding))
    (item,) = read_inputs([tmp_path / "lenta.rss"])
    assert (item.title, item.outlet, item.language) == ("Токаев выступил на форуме", "Лента", "ru")


def test_rss_1_0(tmp_path):
    (tmp_path / "rdf.rdf").write_text(
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        '<channel rdf:about="http://people.example/"><title>People</title><link>http://people.example/</link>'
        "<description>d</description></channel>"
        '<item rdf:about="http://people.example/reid"><title>Tara Reid Checks Into Rehab</title>'
        "<link>http://people.example/reid</link><dc:date>2008-12-12T10:00:00Z</dc:date><dc:creator>Jack Ketsoyan"
        "</dc:creator><description>Tara Reid's publicist confirmed that the actress was admitted into Promises "
        "Treatment Center in Los Angeles.</description></item></rdf:RDF>", encoding="utf-8")
    (item,) = read_inputs([tmp_path / "rdf.rdf"])
    assert (item.title, item.published, item.authors, item.outlet) == (
        "Tara Reid Checks Into Rehab", "2008-12-12T10:00:00Z", ["Jack Ketsoyan"], "People")
    assert item.text.startswith("Tara Reid's publicist")


def test_a_relative_link_is_read_against_the_feeds_and_an_id_is_no_link(tmp_path):
    (tmp_path / "site.rss").write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Site</title>'
        "<link>https://site.example/en/</link><item><title>Fire in Lyon</title><link>/news/1</link>"
        "<description>A fire broke out in Lyon on Monday, officials said.</description></item></channel></rss>",
        encoding="utf-8")
    (tmp_path / "ids.atom").write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Ids</title>'
        "<entry><title>Storm hits coast</title><id>tag:ids.example,2024:1</id><updated>2024-06-03T10:00:00Z</updated>"
        "<content>A storm hit the coast of Brittany on Monday, forecasters said.</content></entry></feed>",
        encoding="utf-8")
    item = _by_position(tmp_path / "site.rss")["site.rss#1"]
    assert item.url == item.external_id == "https://site.example/news/1"
    assert item.outlet == "Site"
    entry = _by_position(tmp_path / "ids.atom")["ids.atom#1"]
    assert entry.url is None and entry.external_id == "tag:ids.example,2024:1"
