"""Error pages, bot walls, consent walls and subscription walls are rejected, saying so (ingest/errorpage.py);
articles are not, and a paywalled page keeps its headline."""

from __future__ import annotations

import json

import pytest

from storyweave.ingest import read_inputs
from storyweave.model import Article, Rejected
from tests.conftest import DATA, FIXTURES


@pytest.mark.parametrize(("name", "shown"), [
    ("nginx_404.html", "404 Not Found"),
    ("access_denied.html", "Access Denied"),
    ("just_a_moment.html", "Checking if the site connection is secure"),
    ("soft_404.html", "We can't find that page"),
])
def test_an_error_page_or_a_bot_wall_is_rejected_with_what_told_it(name, shown):
    [record] = read_inputs([FIXTURES / "errors" / name])
    assert isinstance(record, Rejected) and record.code == "error_page"
    assert shown in record.reason


def test_a_consent_managers_page_is_rejected_as_a_consent_wall():
    [record] = read_inputs([FIXTURES / "errors" / "consent_wall.html"])
    assert isinstance(record, Rejected) and record.code == "consent_wall"
    assert record.reason.startswith("a consent wall (")


def test_a_paywalled_page_is_the_headline_it_shows_with_the_wall_among_the_removed():
    [record] = read_inputs([FIXTURES / "errors" / "paywall.html"])
    assert isinstance(record, Article)
    assert record.title == record.text == "Lindsay Lohan checks into Betty Ford clinic"
    assert [r.text for r in record.removed if r.reason == "subscription wall"] == [
        "This article is for subscribers only.",
        "Subscribe now for unlimited digital access to award-winning local journalism.",
        "Already a subscriber? Log in to continue reading.",
    ]


def _read_records(tmp_path, records):
    path = tmp_path / "crawl.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return list(read_inputs([path]))


def test_walls_in_other_languages_are_told_and_reports_about_walls_are_kept(tmp_path):
    lead = ("The city council on Monday approved a budget of two million euros for a new bridge over the river, "
            "after a closed meeting that opposition members called a mistake.")
    records = [
        {"id": "de-consent", "title": "Datenschutzeinstellungen",
         "text": "Wir und unsere Partner verwenden Cookies und ähnliche Technologien. Mit Klick auf „Alle "
                 "akzeptieren“ geben Sie Ihre Einwilligung. Sie können Ihre Zustimmung jederzeit widerrufen.\n"
                 "Alle akzeptieren\nEinstellungen verwalten"},
        {"id": "es-404", "title": "Lo sentimos",
         "text": "Página no encontrada. La página que buscas no existe o ha sido movida.\nVolver a la portada"},
        {"id": "fr-paywall", "title": "Abonnés",
         "text": "Cet article est réservé aux abonnés. Déjà abonné ? Connectez-vous."},
        {"id": "fr-headline", "title": "Le conseil municipal vote le budget du nouveau pont",
         "text": "Article réservé aux abonnés.\nAbonnez-vous pour lire la suite.\nDéjà abonné ? Se connecter"},
        {"id": "quoted", "title": "Regulator fines retailer over cookie banner",
         "text": "\u201cWe value your privacy,\u201d the retailer said in a statement on Tuesday. It added that "
                 "visitors could now reject all cookies with one click."},
        {"id": "headline", "title": "Streaming service makes new feature for subscribers only",
         "text": "Streaming service makes new feature for subscribers only"},
        {"id": "lead", "title": "Council approves new bridge budget",
         "text": lead + "\nSubscribe to continue reading. Already a subscriber? Log in."},
    ]
    got = {r.external_id if isinstance(r, Article) else r.source_path.rsplit("#", 1)[1]: r
           for r in _read_records(tmp_path, records)}
    assert {key: r.code for key, r in got.items() if isinstance(r, Rejected)} == {
        "1": "consent_wall", "2": "error_page", "3": "paywall"}
    assert got["fr-headline"].text == "Le conseil municipal vote le budget du nouveau pont"
    assert got["quoted"].text.startswith("\u201cWe value your privacy")
    assert got["headline"].text == records[5]["text"]
    assert got["lead"].text.startswith(lead)


def test_records_that_are_error_pages_are_rejected_and_articles_so_headlined_kept(tmp_path):
    report = ("Access Denied: the council refused on Monday to let reporters into the meeting where the budget "
              "for the new bridge was decided. Members said the talks were confidential, but the mayor later "
              "told the local radio that the bridge would cost about two million euros and that work would "
              "start in the spring. Opposition councillors called the closed meeting a mistake and asked for "
              "the minutes to be published before the next session in April, when the final vote is due.")
    records = [
        {"id": "a", "title": "404 Not Found", "text": "The requested URL was not found on this server."},
        {"id": "b", "title": "Error 503 Service Unavailable", "text": "Please try again later."},
        {"id": "c", "title": "Access Denied", "text": report},
        {"id": "d", "title": "Not Found: The Lost Paintings", "text": "The museum lists forty works as missing."},
        {"id": "e", "title": "お探しのページは見つかりませんでした", "text": "URLが変更されたか、削除された可能性があります。"},
        {"id": "f", "title": "Страница не найдена", "text": "Проверьте адрес или вернитесь на главную."},
        {"id": "g", "title": "ページが見つかりません", "text": "市の図書館で、貸し出し記録から消えた本を探す催しが開かれた。" * 30},
    ]
    path = tmp_path / "crawl.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    got = list(read_inputs([path]))
    assert [type(r) for r in got] == [Rejected, Rejected, Article, Article, Rejected, Rejected, Article]
    assert {r.code for r in got if isinstance(r, Rejected)} == {"error_page"}


def test_no_article_of_the_seeds_and_the_dev_sets_is_taken_for_an_error_page_or_a_wall(seeds_dir):
    inputs = [seeds_dir, DATA / "ecbplus" / "dev.jsonl", DATA / "uci-headlines" / "dev.jsonl",
              DATA / "wmt-multiway" / "dev.jsonl"]
    records = list(read_inputs(inputs))
    assert not [r for r in records if isinstance(r, Rejected)
                and r.code in {"error_page", "consent_wall", "paywall"}]
    assert not [r for r in records if isinstance(r, Article)
                and any(line.reason == "subscription wall" for line in r.removed)]


def test_a_short_lead_above_a_subscription_wall_is_the_articles_text(tmp_path):
    lead = "The council approved the bridge budget on Monday."
    [record] = _read_records(tmp_path, [{
        "id": "lead", "title": "Council approves bridge budget",
        "text": lead + "\nThis article is for subscribers only.\nAlready a subscriber? Log in."}])
    assert isinstance(record, Article) and record.text == lead
    assert [r.text for r in record.removed if r.reason == "subscription wall"] == [
        "This article is for subscribers only.", "Already a subscriber? Log in."]


def test_a_wall_that_quotes_its_buttons_is_still_a_wall(tmp_path):
    [record] = _read_records(tmp_path, [{
        "id": "cmp", "title": "Your privacy choices",
        "text": "We use cookies and similar technologies to personalise content and ads and to analyse our traffic. "
                "By clicking \"Accept all\", you agree to the storing of cookies on your device. "
                "You can change your preferences at any time by clicking \"Manage preferences\"."}])
    assert isinstance(record, Rejected) and record.code == "consent_wall"
