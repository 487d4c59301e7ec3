"""Site and section names after a page title's headline (ingest/headline.py), on titles of the dev data."""

from __future__ import annotations

import json

import pytest

from storyweave.ingest import read_inputs
from storyweave.ingest.headline import REASON, split, trimmed
from storyweave.model import Article
from tests.conftest import DATA


@pytest.mark.parametrize(("title", "headline", "names"), [
    ("市役所で防災訓練 住民ら二百人参加｜静岡新聞アットエス", "市役所で防災訓練 住民ら二百人参加", ["静岡新聞アットエス"]),
    ("小学校で田植え体験 児童が苗を手植え｜まちの話題｜佐賀新聞ニュース｜佐賀新聞LiVE", "小学校で田植え体験 児童が苗を手植え",
     ["佐賀新聞LiVE", "佐賀新聞ニュース", "まちの話題"]),
    ("夏祭りで花火三千発 市民でにぎわう：山陽新聞デジタル", "夏祭りで花火三千発 市民でにぎわう", ["山陽新聞デジタル"]),
    ("速報：日本経済新聞", "速報：日本経済新聞", []),
    ("Three new cases confirmed in Hamamatsu (Local Radio) - Yahoo!News",
     "Three new cases confirmed in Hamamatsu (Local Radio)", ["Yahoo!News"]),
    ("Council Reviews the Evening News Programme (Local Television) --Yahoo! News",
     "Council Reviews the Evening News Programme (Local Television)", ["Yahoo! News"]),
    ("Bakery Chain Agrees to Merger Deal -- 2nd Update", "Bakery Chain Agrees to Merger Deal -- 2nd Update", []),
    ("Farmers Market Opens Early for the Summer Season | Shizuoka Shimbun At-S",
     "Farmers Market Opens Early for the Summer Season", ["Shizuoka Shimbun At-S"]),
    # a dash parts a headline from its subtitle, or a score; a bar before words in lower case is the headline's
    ("Ruritania: The Minister's Resignation - A Loss for the Party, Says the Prime Minister",
     "Ruritania: The Minister's Resignation - A Loss for the Party, Says the Prime Minister", []),
    ("Leeds 24 - 10 Bath: Leeds stay second", "Leeds 24 - 10 Bath: Leeds stay second", []),
    ("Morning Briefing 4 May | European shares rise", "Morning Briefing 4 May | European shares rise", []),
    # in a headline in title case, capitals tell no name: only a site's name, and the sections inside it, go
    ("Bakery Chain Announces New Stores | Shares Price Details",
     "Bakery Chain Announces New Stores | Shares Price Details", []),
    ("Bakery Chain Announces New Stores | Business | Riverside Daily", "Bakery Chain Announces New Stores",
     ["Riverside Daily", "Business"]),
    ("$40 млрд потратили на игры - Hi-Tech", "$40 млрд потратили на игры - Hi-Tech", []),
])
def test_a_site_or_section_name_after_the_headline_is_taken_off(title, headline, names):
    assert trimmed(title) == (headline, names)


def test_a_dash_before_the_records_own_outlet_or_web_host_parts_it_off():
    assert trimmed("Council closes bridge - Lyon Daily", outlet="Lyon Daily") == ("Council closes bridge",
                                                                                 ["Lyon Daily"])
    assert trimmed("Council closes bridge - Lyondaily", url="https://www.lyondaily.fr/a") == (
        "Council closes bridge", ["Lyondaily"])
    assert trimmed("Council closes bridge - Lyon Daily")[1] == ["Lyon Daily"], "a word sites are named with"
    assert trimmed("Council closes bridge - Lyon protests")[1] == []
    assert trimmed("Council Closes Old Bridge | The Lyon Courier", url="https://thelyoncourier.fr/a")[1] == [
        "The Lyon Courier"], "a name spaced as the host is not"
    assert trimmed("Council closes bridge - 3", url="https://www.13lyon.fr/a")[1] == []


def test_the_site_stands_in_for_the_outlet_and_an_aggregators_credit_is_the_original():
    trim = split("Bridge closed after cracks found (Riverside Radio) - Yahoo!News")
    assert (trim.headline, trim.site, trim.original) == ("Bridge closed after cracks found (Riverside Radio)",
                                                         "Yahoo!News", "Riverside Radio")
    assert [(r.text, r.reason) for r in trim.removed] == [("Yahoo!News", REASON)]
    assert split("橋を閉鎖 ひび割れ見つかる（川辺放送 ） - Yahoo!ニュース").original == "川辺放送"
    plain = split("Bridge closed after cracks found (video) - Riverside Daily")
    assert (plain.headline, plain.site, plain.original) == ("Bridge closed after cracks found (video)",
                                                            "Riverside Daily", None), "no aggregator, no credit"
    assert split("Bridge closed after cracks found | Local Topics").site is None, "a section names no site"


def test_wmt_records_lose_the_site_names_and_keep_them_in_removed(tmp_path):
    wanted = ("静岡新聞アットエス", "Yahoo!ニュース")
    lines = [line for line in (DATA / "wmt-multiway" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
             if (json.loads(line).get("title") or "").endswith(wanted)][:6]
    assert len(lines) == 6
    path = tmp_path / "wmt.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = [a for a in read_inputs([path]) if isinstance(a, Article)]
    assert len(articles) == 6 and any(a.outlet == "Yahoo!ニュース" for a in articles)
    for article in articles:
        assert not article.title.endswith(wanted) and article.title_source is None
        assert any(r.text in wanted and r.reason == REASON for r in article.removed)
        assert article.outlet in wanted
        if article.outlet == "Yahoo!ニュース":
            assert article.reposted_from and article.title.endswith(f"（{article.reposted_from} ）")
