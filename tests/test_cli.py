"""The command as a user runs it: exit codes, outputs, help, and the README that documents it."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from tests.conftest import FIXTURES, ROOT, SHARED

COMMANDS = ("analyze", "ingest", "report", "serve", "entities", "search", "kb build")


def run(*args, check=False):
    return subprocess.run([sys.executable, "-m", "storyweave", *map(str, args)], capture_output=True, text=True,
                          check=check, timeout=300)


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory, seeds_dir):
    out = tmp_path_factory.mktemp("out")
    return run("analyze", seeds_dir, "--out", out), out


def test_analyze_writes_both_reports_and_prints_their_paths(seed_run):
    result, out = seed_run
    assert result.returncode == 0, result.stderr
    assert str(out / "report.json") in result.stdout.splitlines()
    assert str(out / "report.html") in result.stdout.splitlines()
    assert (out / "storyweave.sqlite").is_file()


def test_seed_report_passes_check_report(seed_run):
    _, out = seed_run
    check = subprocess.run([sys.executable, str(SHARED / "tools" / "check_report.py"), str(out / "report.json")],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    assert "0 problems" in check.stdout and "not installed" not in check.stdout
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    texts = {a["id"]: a["text"] for a in report["articles"]}
    described = [q["speaker"]["description"] for q in report["quotes"] if q["speaker"]["description"]]
    assert described, "the seeds quote a Russian TV host and a press secretary by no name"
    for span in described:
        assert texts[span["article_id"]][span["start"]:span["end"]] == span["text"], "the shared checker skips these"


def test_entities_are_listed_and_explained_from_the_store(seed_run):
    _, out = seed_run
    db = out / "storyweave.sqlite"
    listed = run("entities", "--db", db, "--query", "lugusk")
    assert listed.returncode == 0, listed.stderr
    [line] = listed.stdout.splitlines()
    assert "Luhansk" in line and "Q134279" in line
    explained = run("entities", "--db", db, "--explain", line.split()[0])
    assert explained.returncode == 0, explained.stderr
    assert "spellings: Lugansk, Lugusk, Rougusk" in explained.stdout
    assert re.search(r"coordination\s+0\.\d+\s+Lugusk ~ Rougusk\s+\(both coordinated with Donetsk\)", explained.stdout)
    assert run("entities", "--db", db, "--explain", "ent_nope").returncode == 2


def test_search_finds_stored_articles_with_their_story(seed_run):
    _, out = seed_run
    db = out / "storyweave.sqlite"
    found = run("search", "Nevsky medal", "--db", db)
    assert found.returncode == 0, found.stderr
    head, shown = found.stdout.splitlines()
    article_id, story_id = head.split()[:2]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert story_id == report["stories"][0]["id"] and article_id in report["stories"][0]["article_ids"]
    assert "[Alexander Nevsky] [medal]" in shown
    assert len(run("search", "Tokay*", "--db", db, "--limit", "3").stdout.splitlines()) == 6
    widened, exact = run("search", "Lugusk", "--db", db), run("search", "Lugusk", "--db", db, "--exact")
    assert "also searched for lugusk: " in widened.stderr and "Rougusk" in widened.stderr and exact.stderr == ""
    assert len(widened.stdout.splitlines()) > len(exact.stdout.splitlines()) == 2
    nothing = run("search", "Reykjavik", "--db", db)
    assert nothing.returncode == 0 and nothing.stdout == "" and "no article matches 'Reykjavik'" in nothing.stderr
    assert run("search", "x", "--db", out / "none.sqlite").returncode == 2


def test_control_characters_of_the_input_never_reach_the_terminal(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a\x1b]0;pwned\x07.txt").write_text("")
    (folder / "b.txt").write_text("The council said on Monday \x1b[31mthe bridge\x1b[0m will close.\x07\fRepairs "
                                  "on the Elm river bridge begin in May, the council said.\n", encoding="utf-8")
    result = run("analyze", folder, "--out", tmp_path / "out")
    assert result.returncode == 3
    assert "\x1b" not in result.stderr and "a\\x1b]0;pwned\\x07.txt: empty file" in result.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    [article] = report["articles"]
    assert article["text"] == ("The council said on Monday the bridge will close.\nRepairs on the Elm river bridge "
                               "begin in May, the council said.")


def test_seed_quote_speakers_are_entities(seed_run):
    _, out = seed_run
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    ids = {e["id"]: e for e in report["entities"]}
    [remark] = [q for q in report["quotes"] if "193" in q["text"]]
    assert remark["speaker"]["name"] == "Kassym-Jomart Tokayev"
    assert ids[remark["speaker"]["entity_id"]]["kb_id"] == "Q200881"


def test_rejected_inputs_exit_3_and_are_in_the_report(tmp_path, seeds_dir):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("analyze", seeds_dir, tmp_path / "empty.txt", tmp_path / "missing.txt", "--out", tmp_path / "o")
    assert result.returncode == 3
    report = json.loads((tmp_path / "o" / "report.json").read_text(encoding="utf-8"))
    assert len(report["articles"]) == 5
    assert [(r["source_path"].rsplit("/", 1)[-1], r["code"]) for r in report["rejected"]] == [
        ("empty.txt", "empty"), ("missing.txt", "not_found")]
    assert "missing.txt: no such file" in result.stderr


def test_an_output_folder_or_store_that_cannot_be_made_is_one_line_before_any_work(tmp_path, seeds_dir):
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    result = run("analyze", seeds_dir, "--out", tmp_path / "file")
    assert (result.returncode, result.stderr.strip()) == (2, f"storyweave: --out {tmp_path / 'file'} is a file, not a folder")
    result = run("report", "--db", tmp_path / "file", "--out", tmp_path / "file" / "sub")
    assert result.returncode == 2 and "cannot make this folder (Not a directory)" in result.stderr
    result = run("ingest", seeds_dir, "--db", tmp_path / "file" / "store.sqlite")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip() == (f"storyweave: cannot open store {tmp_path / 'file' / 'store.sqlite'}: "
                                     f"{tmp_path / 'file'} is a file, not a folder")


def test_a_page_without_text_is_one_rejection_line_not_a_parser_warning(tmp_path):
    page = tmp_path / "script.html"
    page.write_text("<html><head><script>" + "var a = 1;" * 500 + "</script></head><body></body></html>",
                    encoding="utf-8")
    result = run("analyze", page, "--out", tmp_path / "o")
    assert result.returncode == 3
    assert "script.html: no article text left" in result.stderr
    assert "trafilatura" not in result.stderr
    assert "trafilatura" in run("analyze", page, "--out", tmp_path / "o2", "--log-level", "debug").stderr


@pytest.mark.parametrize("args", [("analyze",), ("analyze", "x", "--no-such-flag"), ("ingest", "x"),
                                  ("analyze", "x", "--log-level", "loud"), ("report", "--db", "/no/such/store")])
def test_usage_errors_exit_2(args):
    result = run(*args)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stderr.strip()
    assert "Traceback" not in result.stderr


def test_ingest_then_report_from_the_store(tmp_path, seeds_dir):
    db = tmp_path / "s.sqlite"
    first = run("ingest", seeds_dir, "--db", db)
    again = run("ingest", seeds_dir, "--db", db)
    assert first.returncode == again.returncode == 0
    assert "5 new" in first.stdout and "0 new" in again.stdout
    result = run("report", "--db", db, "--out", tmp_path / "r")
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "r" / "report.json").read_text(encoding="utf-8"))
    assert len(report["articles"]) == 5
    assert [len(story["article_ids"]) for story in report["stories"]] == [5]


def test_feeds_and_a_web_archive_from_analyze_and_from_the_store(tmp_path):
    inputs = [FIXTURES / "feeds", FIXTURES / "warc" / "pages.warc.gz"]
    analyzed = run("analyze", *inputs, "--out", tmp_path / "a")
    db = tmp_path / "s.sqlite"
    first, again = run("ingest", *inputs, "--db", db), run("ingest", *inputs, "--db", db)
    assert analyzed.returncode == first.returncode == again.returncode == 3, "some captures are no articles"
    assert "7 new" in first.stdout and "0 new" in again.stdout, "items read again add nothing"
    assert run("report", "--db", db, "--out", tmp_path / "r").returncode == 0
    for out in ("a", "r"):
        path = tmp_path / out / "report.json"
        check = subprocess.run([sys.executable, str(SHARED / "tools" / "check_report.py"), str(path)],
                               capture_output=True, text=True)
        assert check.returncode == 0 and "0 problems" in check.stdout, check.stdout
        report = json.loads(path.read_text(encoding="utf-8"))
        assert len(report["articles"]) == 7
        assert {a["external_id"] for a in report["articles"]} >= {
            "ah-article-80744", "https://www.chicagotribune.example/esther-williams-dies"}
    rejected = json.loads((tmp_path / "a" / "report.json").read_text(encoding="utf-8"))["rejected"]
    assert sorted(r["source_path"].rsplit("/", 1)[-1] for r in rejected) == [
        "celebrity.rss#4", "pages.warc.gz#5", "pages.warc.gz#6", "pages.warc.gz#7", "pages.warc.gz#8"]


def test_max_bytes_flag(tmp_path, seeds_dir):
    result = run("analyze", seeds_dir, "--out", tmp_path, "--max-bytes", 5000)
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert result.returncode == 3
    assert {r["code"] for r in report["rejected"]} == {"too_large"}
    assert len(report["articles"]) == 3


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_a_readme_entry(command):
    result = run(*command.split(), "--help")
    assert result.returncode == 0
    assert "Usage:" in result.stdout and len(result.stdout) > 200
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"storyweave {command}\b", readme), f"README does not document `storyweave {command}`"


def test_help_shows_the_config_table_name_that_rich_markup_would_eat():
    result = run("analyze", "--help")
    assert "[storyweave] table" in result.stdout


def test_readme_quick_start_is_exactly_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## Quick start\n(.*?)^## ", readme, re.S | re.M).group(1)
    commands = re.findall(r"^(?:\$ )?(make \w+)$", section, re.M)
    assert commands == ["make run", "make test"]
