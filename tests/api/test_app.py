"""The HTTP API on the seed store, through FastAPI's TestClient."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from tests.conftest import FIXTURES, SHARED

HOSTILE = {"id": "x-1", "title": "<script>alert(1)</script> Council meets",
           "text": "<p>Officials said on Monday that the council will meet next week to discuss the "
                   "&lt;img src=x onerror=alert(2)&gt; plan in full, the mayor's office said.</p>"
                   "<p>Read it <a href=\"javascript:alert(3)\">here</a> before the meeting begins on Tuesday.</p>",
           "published": "2022-06-20", "outlet": "<b>Bad</b> Outlet"}


def _seed_story(client):
    return client.get("/stories").json()["stories"][0]


def test_story_list_and_paging(client):
    page = client.get("/stories", params={"limit": 1}).json()
    assert page["total"] == 1 and page["limit"] == 1
    story = page["stories"][0]
    assert story["article_count"] == 5 and story["source_count"] == 5
    assert client.get("/stories", params={"limit": 1000}).status_code == 422
    assert client.get("/stories", params={"offset": -1}).status_code == 422
    assert client.get("/stories", params={"offset": 2**63 - 1}).json()["stories"] == []


def test_an_offset_past_sqlites_integers_is_refused_not_a_server_error(client):
    for path, params in (("/stories", {}), ("/entities", {"q": "Tokayev"}), ("/search", {"q": "Tokayev"})):
        response = client.get(path, params={**params, "offset": 10**20})
        assert response.status_code == 422, path
        assert "offset" in response.json()["error"]["message"]
    page = client.get("/", params={"offset": 10**20})
    assert page.status_code == 200 and "More stories" not in page.text


def test_story_is_the_report_contract_and_passes_check_report(client, tmp_path):
    sid = _seed_story(client)["id"]
    data = client.get(f"/stories/{sid}").json()
    assert [s["id"] for s in data["stories"]] == [sid]
    assert len(data["articles"]) == 5
    summary = data["stories"][0]["summary"]
    assert 4 <= len(summary) <= 10 and all(s["citations"] for s in summary)
    path = tmp_path / "story.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    check = subprocess.run([sys.executable, str(SHARED / "tools" / "check_report.py"), str(path)],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout


def test_post_one_and_a_batch_then_nothing_is_duplicated(client):
    one = client.post("/articles", json=HOSTILE)
    assert one.status_code == 201
    body = one.json()
    assert body["added"] == 1 and body["articles"][0]["story_id"]
    again = client.post("/articles", json=[HOSTILE])
    assert again.status_code == 200 and again.json()["added"] == 0
    batch = client.post("/articles", json=[{"title": "A", "text": "Firefighters fought a large fire in the old town "
                                                                 "on Sunday night, officials said."},
                                           {"title": "no body"}, 7])
    result = batch.json()
    assert result["added"] == 1
    assert [r["code"] for r in result["rejected"]] == ["no_text", "no_text"]
    assert client.get("/healthz").json()["articles"] == 7


def test_article_entities_search_and_health(client):
    sid = _seed_story(client)["id"]
    aid = client.get(f"/stories/{sid}").json()["articles"][0]["id"]
    article = client.get(f"/articles/{aid}").json()
    assert article["id"] == aid and article["story_id"] == sid
    assert client.get("/articles/nope").status_code == 404
    hits = client.get("/search", params={"q": "Nevsky medal"}).json()["results"]
    assert len(hits) == 1 and "[Alexander Nevsky] [medal]" in hits[0]["snippet"], "Nevsky widened to its entity"
    assert client.get("/search", params={"q": '") OR NEAR('}).status_code == 200
    assert client.get("/search?q=Nevsky%00").json()["results"][0]["id"] == hits[0]["id"]
    assert client.get("/search").status_code == 422
    [tokayev] = client.get("/entities", params={"q": "tokaev"}).json()["entities"]  # found by an alias
    assert tokayev["name"] == "Kassym-Jomart Tokayev" and tokayev["kb_id"] == "Q200881"
    assert tokayev["mention_count"] >= 50 and "mentions" not in tokayev
    detail = client.get(f"/entities/{tokayev['id']}").json()
    assert len(detail["mentions"]) == tokayev["mention_count"] and detail["evidence"]
    assert client.get("/entities/nope").status_code == 404
    assert client.get("/entities", params={"story_id": "nope"}).status_code == 404
    listed = client.get("/entities", params={"story_id": sid, "limit": 3}).json()["entities"]
    assert len(listed) == 3 and listed[0]["mention_count"] >= listed[-1]["mention_count"]
    assert client.get("/healthz").json()["status"] == "ok"


def test_errors_share_one_json_shape(client):
    for response in (client.get("/stories/nope"), client.get("/stories", params={"limit": 0}),
                     client.post("/articles", content=b"{not json", headers={"content-type": "application/json"}),
                     client.post("/articles", json="just a string"),
                     client.post("/articles", content=b"x" * 5_000_001, headers={"content-type": "application/json"})):
        assert 400 <= response.status_code < 500
        error = response.json()["error"]
        assert set(error) == {"status", "message"} and error["status"] == response.status_code and error["message"]


def test_openapi_documents_every_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    for route in ("/articles", "/stories", "/stories/{story_id}", "/articles/{article_id}", "/entities", "/search",
                  "/healthz"):
        assert route in paths
        operation = next(iter(paths[route].values()))
        assert operation.get("summary")
    assert client.get("/docs").status_code == 200


def test_hostile_article_renders_inert_in_every_page(client):
    aid = client.post("/articles", json=HOSTILE).json()["articles"][0]["id"]
    sid = client.get(f"/articles/{aid}").json()["story_id"]
    for url in ("/", f"/ui/stories/{sid}", f"/ui/articles/{aid}"):
        response = client.get(url)
        assert response.status_code == 200
        page = response.text
        assert "<script>alert" not in page and "<img" not in page and "<b>Bad" not in page
        assert 'href="javascript:' not in page
        assert "default-src 'self'" in response.headers["content-security-policy"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get(f"/ui/articles/{aid}").text


def test_pages_use_only_the_apps_own_assets(client):
    sid = _seed_story(client)["id"]
    page = client.get(f"/ui/stories/{sid}").text
    assert "http://" not in page.split("<main>")[0] and "https://" not in page.split("<main>")[0]
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/style.css").status_code == 200


def test_the_story_page_shows_what_each_source_says_of_a_contradicted_claim(client):
    injured = "Officials said that {} people were injured in the fire at the warehouse near the river."
    courier = ("A fire broke out in the old town of Lyon on Monday night and burned for several hours. "
               "Residents of three streets were told to keep their windows shut. " + injured.format(12))
    post = ("Firefighters from four stations fought a warehouse blaze in Lyon until early Tuesday morning. "
            + injured.format(31) + " The cause of the fire is not yet known, the prefecture said.")
    posted = client.post("/articles", json=[
        {"id": "fire-a", "outlet": "Daily Courier", "text": courier, "published": "2022-06-20"},
        {"id": "fire-b", "outlet": "Evening Post", "text": post, "published": "2022-06-20"}])
    ids = [a["id"] for a in posted.json()["articles"]]
    sid = client.get(f"/articles/{ids[0]}").json()["story_id"]
    assert client.get(f"/articles/{ids[1]}").json()["story_id"] == sid
    claims = client.get(f"/ui/stories/{sid}").text.split('id="claims"')[1].split('id="timeline"')[0]
    assert "12 people were injured" in claims and "31 people were injured" in claims
    assert claims.count('class="against"') == 2


def test_a_story_split_by_later_articles_is_served_fresh(tmp_path):
    """ECB+ topic 7 posted three articles at a time: the two Klitschko fights are one story (read, so
    cached) until the story is large enough to split; then each story served holds one event."""
    from fastapi.testclient import TestClient

    from storyweave.api.app import create_app
    from tests.cluster.test_batch import _ecb_topic

    lines, gold, _, _ = _ecb_topic("7")
    records = [json.loads(line) for line in lines]

    def events_served(client):
        served = []
        for story in client.get("/stories", params={"limit": 100}).json()["stories"]:
            articles = client.get(f"/stories/{story['id']}").json()["articles"]
            served.append(sorted({gold[a["external_id"]] for a in articles}))
        return sorted(served)

    with TestClient(create_app(str(tmp_path / "s.sqlite"))) as client:
        for start in range(0, 9, 3):
            assert client.post("/articles", json=records[start:start + 3]).status_code == 201
        assert events_served(client) == [["7_ecb", "7_ecbplus"]], "interleaved, the two fights are one story"
        for start in range(9, len(records), 3):
            assert client.post("/articles", json=records[start:start + 3]).status_code == 201
        assert events_served(client) == [["7_ecb"], ["7_ecbplus"]]
        listed = [s["id"] for s in client.get("/stories", params={"limit": 100}).json()["stories"]]
        split_from = {sid: client.get(f"/stories/{sid}").json()["stories"][0].get("split_from") for sid in listed}
        [(split_off, kept)] = [(sid, origin) for sid, origin in split_from.items() if origin]
        assert kept in listed and split_from[kept] is None
        assert client.get(f"/stories/{kept}").json()["stories"][0]["split_into"] == [split_off]
        assert f'split from <a href="/ui/stories/{kept}">' in client.get(f"/ui/stories/{split_off}").text
        assert f'split into <a href="/ui/stories/{split_off}">' in client.get(f"/ui/stories/{kept}").text


def test_post_a_feed_then_again(client):
    feed = (FIXTURES / "feeds" / "celebrity.rss").read_bytes()
    first = client.post("/feeds", content=feed, headers={"content-type": "application/rss+xml"})
    assert first.status_code == 201, first.text
    body = first.json()
    assert body["added"] == 3 and all(a["story_id"] for a in body["articles"])
    assert [a["source_path"] for a in body["articles"]] == ["api-feed#1", "api-feed#2", "api-feed#3"]
    assert [(r["source_path"], r["code"]) for r in body["rejected"]] == [("api-feed#4", "no_text")]
    story = client.get(f"/stories/{body['articles'][0]['story_id']}").json()
    assert any(a["external_id"] == "ah-article-80744" for a in story["articles"])
    again = client.post("/feeds", content=feed, headers={"content-type": "application/rss+xml"})
    assert again.status_code == 200 and again.json()["added"] == 0


@pytest.mark.parametrize("content, words", [
    (b"", "empty"),
    (b'<?xml version="1.0"?><urlset><url><loc>http://a.example/</loc></url></urlset>', "not an RSS or Atom"),
    (b"\x00\x01\x02\xff" * 50, "not text"),
], ids=["empty", "sitemap", "binary"])
def test_a_body_that_is_no_feed_is_a_422(client, content, words):
    response = client.post("/feeds", content=content, headers={"content-type": "application/xml"})
    assert response.status_code == 422
    assert words in response.json()["error"]["message"]


def test_a_story_another_process_adds_to_is_served_fresh(client, seeds_dir, tmp_path, monkeypatch):
    """``storyweave ingest`` beside ``serve``: the cached report is dropped once the server sees the commit."""
    from storyweave.api import service
    from storyweave.pipeline import ingest
    from storyweave.store import SQLiteStore

    monkeypatch.setattr(service, "OTHERS_CHECK_SECONDS", 0.0, raising=False)
    [story] = client.get("/stories").json()["stories"]
    before = client.get(f"/stories/{story['id']}").json()["articles"]
    repost = tmp_path / "repost.txt"
    seed = sorted(seeds_dir.glob("*.txt"))[2].read_text(encoding="utf-8")
    repost.write_text(seed + "\n\nReposted by The Daily Courier.\n", encoding="utf-8")
    with SQLiteStore(client.app.state.service.db_path) as other:
        ingest([repost], other)
    after = client.get(f"/stories/{story['id']}").json()["articles"]
    assert len(after) == len(before) + 1
    assert any(a["source_path"].endswith("repost.txt") and a["duplicate_of"] for a in after)


def test_a_failed_page_of_the_web_ui_is_a_page_and_the_api_keeps_its_json_errors(client):
    missing = client.get("/ui/stories/<img src=x onerror=alert(1)>")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
    assert "no story &lt;img src=x onerror=alert(1)&gt;" in missing.text and "<img" not in missing.text
    assert "default-src 'self'" in missing.headers["Content-Security-Policy"]
    bad_offset = client.get("/", params={"offset": "many"})
    assert bad_offset.status_code == 422 and "offset" in bad_offset.text and "<html" in bad_offset.text
    assert client.get("/ui/nowhere").headers["content-type"].startswith("text/html")
    api = client.get("/stories/nope")
    assert api.status_code == 404 and api.json() == {"error": {"status": 404, "message": "no story nope"}}


def test_the_search_page_lists_hits_with_their_story_and_escapes_what_it_shows(client):
    assert 'href="/ui/search"' in client.get("/").text
    empty = client.get("/ui/search")
    assert empty.status_code == 200 and 'name="q"' in empty.text and "<ol" not in empty.text
    page = client.get("/ui/search", params={"q": "Nevsky medal"})
    assert page.status_code == 200 and "[Alexander Nevsky] [medal]" in page.text
    story = _seed_story(client)["id"]
    assert f'href="/ui/stories/{story}"' in page.text and page.text.count('href="/ui/articles/') >= 1
    hostile = client.get("/ui/search", params={"q": '"><script>alert(1)</script>'})
    assert hostile.status_code == 200 and "<script>alert" not in hostile.text
    assert "&#34;&gt;&lt;script&gt;" in hostile.text and "No article has every one of these words." in hostile.text
    assert client.get("/ui/search", params={"q": "x" * 201}).status_code == 422


def test_a_searched_name_finds_the_articles_that_spell_it_otherwise(client):
    """Lugusk is one article's machine-translated Luhansk; the others write Lugansk or Rougusk."""
    exact = client.get("/search", params={"q": "Lugusk", "spellings": "false"}).json()
    assert exact["spellings"] == {} and len(exact["results"]) == 1
    wide = client.get("/search", params={"q": "Lugusk"}).json()
    assert set(wide["spellings"]["lugusk"]) >= {"Lugansk", "Rougusk"}
    assert len(wide["results"]) > 1
    assert {r["id"] for r in exact["results"]} < {r["id"] for r in wide["results"]}
    assert any("[Lugansk]" in r["snippet"] for r in wide["results"])
    both = client.get("/search", params={"q": "Tokaev Lugusk"}).json()
    assert set(both["spellings"]) == {"tokaev", "lugusk"} and len(both["results"]) > 1
    page = client.get("/ui/search", params={"q": "Lugusk"}).text
    assert "Also searched" in page and "Rougusk" in page


def test_an_entity_page_shows_its_spellings_mentions_in_context_and_why_they_were_merged(client):
    """What `storyweave entities --explain` prints, in the web UI, linked from the story page."""
    [tokayev] = client.get("/entities", params={"q": "toccyev"}).json()["entities"]
    story = client.get(f"/ui/stories/{tokayev['story_id']}").text
    assert f'href="/ui/entities/{tokayev["id"]}"' in story
    page = client.get(f"/ui/entities/{tokayev['id']}")
    assert page.status_code == 200 and "default-src 'self'" in page.headers["Content-Security-Policy"]
    text = page.text
    assert "Kassym-Jomart Tokayev" in text and 'href="https://www.wikidata.org/wiki/Q200881"' in text
    assert "Toccyev (" in text and "Tokaev (" in text
    assert "kb-role" in text and "President … of Kazakhstan" in text
    marks = re.findall(r'<mark class="hl">([^<]+)</mark>', text)
    assert len(marks) == tokayev["mention_count"] and set(marks) >= {"Tokayev", "Toccyev", "Tokaev"}
    assert text.count('href="/ui/articles/') == len({m["article_id"] for m in
                                                    client.get(f"/entities/{tokayev['id']}").json()["mentions"]})
    assert client.get("/ui/entities/ent_nope").status_code == 404
