"""Site and section names after a page title's headline (ingest/headline.py), on titles of the dev data."""

from __future__ import annotations

import json

import pytest

from storyweave.ingest import read_inputs
from storyweave.ingest.headline import REASON, trimmed
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


def test_wmt_records_lose_the_site_names_and_keep_them_in_removed(tmp_path):
    wanted = ("静岡新聞アットエス", "Yahoo!ニュース")
    lines = [line for line in (DATA / "wmt-multiway" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
             if (json.loads(line).get("title") or "").endswith(wanted)][:6]
    assert len(lines) == 6
    path = tmp_path / "wmt.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = [a for a in read_inputs([path]) if isinstance(a, Article)]
    assert len(articles) == 6
    for article in articles:
        assert not article.title.endswith(wanted) and article.title_source is None
        assert any(r.text in wanted and r.reason == REASON for r in article.removed)
