"""Every kind of bad input becomes a Rejected with a specific reason; good ones around it still load."""

from __future__ import annotations

import contextlib
import gzip
import json
import os

import pytest

from storyweave.ingest import article_id, read_inputs
from storyweave.ingest.sources import decode
from storyweave.model import Article, Rejected
from storyweave.settings import Settings
from tests.conftest import DATA, seed

GOOD = "A headline\n\nA fire broke out on Monday in the old town, officials said.\n"


def _one(path, **settings):
    records = list(read_inputs([path], Settings(**settings)))
    assert len(records) == 1
    return records[0]


def _rejected(path, code, *words, **settings):
    record = _one(path, **settings)
    assert isinstance(record, Rejected), record
    assert record.code == code
    for word in words:
        assert word in record.reason
    return record


def test_empty_file(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    _rejected(tmp_path / "a.txt", "empty", "empty file")


def test_binary_file(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    _rejected(tmp_path / "a.txt", "binary", "binary")


def test_binary_with_known_magic_is_named(tmp_path):
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + b"\x00" * 20)
    _rejected(tmp_path / "scan.txt", "binary", "PDF document")


def test_undecodable_bytes(tmp_path):
    (tmp_path / "a.txt").write_bytes(bytes(range(0x80, 0x100)) * 20)
    _rejected(tmp_path / "a.txt", "undecodable", "undecodable")


def test_legacy_charset_is_decoded(tmp_path):
    text = "Заголовок\n\nПрезидент Казахстана заявил в пятницу, что его страна не признает эти республики.\n"
    (tmp_path / "a.txt").write_bytes(text.encode("cp1251"))
    record = _one(tmp_path / "a.txt")
    assert isinstance(record, Article)
    assert record.title == "Заголовок" and record.language == "ru"


@pytest.mark.parametrize(("text", "encoding"), [
    ("Café naïve\n\nLe café de Zürich a fermé lundi, a déclaré son propriétaire. Les clients étaient tristes.\n",
     "cp1252"),
    ("Předseda vlády\n\nPředseda vlády řekl, že příští týden se sejde s prezidentem. Ještě nevíme, čím to skončí.\n",
     "cp1250"),
    ("Forsætisráðherra\n\nForsætisráðherra sagði á mánudag að ríkisstjórnin myndi halda áfram. Þjóðin bíður.\n",
     "cp1252"),
])
def test_a_legacy_single_byte_charset_is_told_by_the_words_it_decodes_to(tmp_path, text, encoding):
    """Bytes that several single-byte charsets decode with no sign of disorder: the one whose words are the
    language's (charset-normalizer alone read the French as the Baltic cp775's "Cafķ na’ve", the Icelandic
    as cp1250's)."""
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    record = _one(tmp_path / "a.txt")
    assert isinstance(record, Article)
    assert f"{record.title}\n\n{record.text}\n" == text


@pytest.mark.parametrize(("text", "encoding"), [
    ("Muškarac je uhićen u četvrtak, a policija kaže da će istraga potrajati još nekoliko dana.\n", "iso8859_2"),
    ("Muškarac je uhićen u četvrtak, a policija kaže da će istraga potrajati još nekoliko dana.\n", "cp1250"),
    ("Příští týden se vláda sejde s odboráři, řekl ministr.\n", "iso8859_2"),
])
def test_iso_8859_2_and_cp1250_are_both_tried(text, encoding):
    """charset-normalizer proposes cp1250 alone for Croatian in ISO 8859-2 ("Muąkarac"); the other of the
    pair is tried, and a decoding with C1 control codes (cp1250's "š" read as ISO 8859-2) is none."""
    assert decode(text.encode(encoding)) == (text, encoding)


@pytest.mark.parametrize("encoding", ["iso8859_2", "cp1250"])
def test_a_short_latin_text_is_not_read_as_chinese(encoding):
    """Bytes mostly ASCII whose few others charset-normalizer paired up as Big5 characters inside words."""
    text = "Žena je rekla da je čula pucnjavu iz šume, ali nije vidjela tko je pucao.\n"
    assert decode(text.encode(encoding)) == (text, encoding)


@pytest.mark.parametrize(("text", "encoding"), [
    ("東京都は二十日、新しい図書館を来年の春に開くと発表した。", "shift_jis"),
    ("東京都は二十日、新しい図書館を来年の春に開くと発表した。", "euc_jp"),
    ("市政府周二宣布，新的图书馆将于明年春天开放。", "gb18030"),
    ("The mayor of 東京 said on Monday that the new library would open in the spring.", "shift_jis"),
])
def test_chinese_and_japanese_in_their_legacy_charsets_still_decode(text, encoding):
    assert decode(text.encode(encoding))[0] == text


@pytest.mark.parametrize("text", [
    "The president of Angola, João Lourenço, met the visitors on Monday in the capital, and the talks went on "
    "until late in the evening, officials said.\n",
    "Mr Lourenço said on Monday that the new road would open next year, and that João Pedalé would lead the "
    "works for the province.\n",
])
def test_where_the_words_tie_the_webs_likelier_charset_wins(text):
    """A name with an accent ("João") is no common word of any language, so every Latin code page reads as
    well (cp1250 gave "Joăo", cp775 "JoŃo"); cp1252 is the one most used."""
    assert decode(text.encode("cp1252")) == (text, "cp1252")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_unicode_with_bom(tmp_path, encoding):
    (tmp_path / "a.txt").write_bytes(GOOD.encode(encoding))
    record = _one(tmp_path / "a.txt")
    assert isinstance(record, Article)
    assert record.title == "A headline"


def test_over_the_size_limit(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD * 100, encoding="utf-8")
    _rejected(tmp_path / "a.txt", "too_large", "limit", "--max-bytes", max_bytes=1000)


def test_gzip_bomb_is_stopped_at_the_limit(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(b"A" * 50_000))
    _rejected(tmp_path / "a.txt.gz", "too_large", "gzip", max_bytes=10_000)


def test_gzip_of_a_text_page(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(GOOD.encode()))
    record = _one(tmp_path / "a.txt.gz")
    assert isinstance(record, Article) and record.title == "A headline"


def test_corrupt_gzip(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(GOOD.encode())[:20])
    _rejected(tmp_path / "a.txt.gz", "undecodable", "gzip")


def test_unsupported_type(tmp_path):
    (tmp_path / "a.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    _rejected(tmp_path / "a.docx", "unsupported_type", ".docx", "ZIP")


def test_invalid_json_names_its_line(tmp_path):
    (tmp_path / "a.json").write_text('{\n  "title": "x",\n  "text": oops\n}', encoding="utf-8")
    _rejected(tmp_path / "a.json", "invalid_json", "line 3")


def test_record_without_text(tmp_path):
    (tmp_path / "a.json").write_text('{"title": "only a title"}', encoding="utf-8")
    _rejected(tmp_path / "a.json", "no_text", "no text")


def test_missing_path(tmp_path):
    _rejected(tmp_path / "nope.txt", "not_found", "no such file")


def test_glob_that_matches_nothing(tmp_path):
    _rejected(str(tmp_path / "*.nothing"), "not_found", "matched no file")


def test_glob_expands_sorted(tmp_path):
    for name in ("b.txt", "a.txt", "c.html"):
        (tmp_path / name).write_text(GOOD.replace("fire", name), encoding="utf-8")
    records = list(read_inputs([str(tmp_path / "*.txt")]))
    assert [r.source_path.rsplit("/", 1)[-1] for r in records] == ["a.txt", "b.txt"]


def test_unreadable_file(tmp_path, monkeypatch):
    from pathlib import Path

    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    real_open = Path.open

    def deny(self, *args, **kwargs):
        if self.name == "a.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    _rejected(tmp_path / "a.txt", "unreadable", "permission denied")


def test_symlink_to_itself(tmp_path):
    os.symlink(tmp_path / "loop", tmp_path / "loop")
    _rejected(tmp_path / "loop", "symlink_loop", "symlink loop")


def test_folder_link_loop_is_reported_and_the_rest_read(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(GOOD, encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "sub" / "back")
    records = list(read_inputs([tmp_path]))
    assert [type(r).__name__ for r in records] == ["Article", "Rejected"]
    assert records[1].code == "symlink_loop"


def _linked_corpus(tmp_path):
    """A corpus folder from elsewhere: a link inside it, and links to a file and a folder outside it."""
    corpus, private = tmp_path / "corpus", tmp_path / "home"
    (corpus / "sub").mkdir(parents=True)
    private.mkdir()
    (corpus / "sub" / "a.txt").write_text(GOOD, encoding="utf-8")
    (private / "secret.txt").write_text(GOOD.replace("fire", "flood"), encoding="utf-8")
    os.symlink(corpus / "sub" / "a.txt", corpus / "same.txt")
    os.symlink(private / "secret.txt", corpus / "z-file.txt")
    os.symlink(private, corpus / "z-folder")
    return corpus, private


def test_a_link_out_of_a_folder_is_rejected_unless_links_are_followed(tmp_path):
    corpus, private = _linked_corpus(tmp_path)
    records = list(read_inputs([corpus]))
    assert [(type(r).__name__, r.source_path[len(str(corpus)):]) for r in records] == [
        ("Article", "/same.txt"), ("Rejected", "/sub/a.txt"), ("Rejected", "/z-file.txt"), ("Rejected", "/z-folder")]
    assert records[1].code == "duplicate_input"
    assert [r.code for r in records[2:]] == ["outside_link", "outside_link"]
    assert "--follow-links" in records[2].reason and str(private) not in records[2].reason
    followed = list(read_inputs([corpus], Settings(follow_links=True)))
    assert [type(r).__name__ for r in followed] == ["Article", "Rejected", "Article", "Rejected"]
    assert "flood" in followed[2].text and followed[3].code == "duplicate_input"
    named = list(read_inputs([corpus / "z-file.txt"]))
    assert isinstance(named[0], Article), "a link named by the user is read"


def test_a_glob_does_not_follow_links_out_of_its_fixed_part(tmp_path):
    corpus, _ = _linked_corpus(tmp_path)
    records = list(read_inputs([str(corpus / "**" / "*.txt")]))
    codes = {r.source_path[len(str(corpus)):]: getattr(r, "code", "read") for r in records}
    assert codes == {"/same.txt": "read", "/sub/a.txt": "duplicate_input", "/z-file.txt": "outside_link",
                     "/z-folder/secret.txt": "outside_link"}


def test_follow_links_from_the_environment_reads_false_as_false():
    assert Settings.load(env={"STORYWEAVE_FOLLOW_LINKS": "false"}).follow_links is False
    assert Settings.load(env={"STORYWEAVE_FOLLOW_LINKS": "1"}).follow_links is True
    with pytest.raises(Exception, match="follow_links"):
        Settings.load(env={"STORYWEAVE_FOLLOW_LINKS": "maybe"})


def test_fifo_is_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    _rejected(tmp_path / "pipe.txt", "not_regular", "FIFO")


def test_a_bad_file_does_not_stop_the_run(tmp_path):
    (tmp_path / "1.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "2.txt").write_bytes(b"")
    (tmp_path / "3.txt").write_text(GOOD.replace("Monday", "Tuesday"), encoding="utf-8")
    records = list(read_inputs([tmp_path]))
    assert [type(r).__name__ for r in records] == ["Article", "Rejected", "Article"]


def test_the_same_bytes_twice_are_reported_not_dropped(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    first, second = read_inputs([tmp_path])
    assert isinstance(first, Article)
    assert second.code == "duplicate_input" and first.source_path in second.reason


def test_ids_are_content_hashes(tmp_path):
    data = seed("000").read_bytes()
    (tmp_path / "copy.txt").write_bytes(data)
    original = _one(seed("000"))
    assert _one(tmp_path / "copy.txt").id == original.id == article_id(data)
    assert article_id(data, 1) != article_id(data, 2) != article_id(data)


def test_parallel_reading_gives_the_same_records(seeds_dir, tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"")
    inputs = [seeds_dir, tmp_path]
    serial = [r.to_dict() for r in read_inputs(inputs, Settings(workers=1))]
    parallel = [r.to_dict() for r in read_inputs(inputs, Settings(workers=2))]
    assert serial == parallel and len(serial) == 6


def test_japanese_that_charset_normalizer_cannot_read_is_read_strictly():
    """WMT dev's Japanese in Shift-JIS, cut to 600 characters: texts rich in katakana names that
    charset-normalizer judges disordered (no reading at all) or reads as GB18030 come back whole."""
    from charset_normalizer import from_bytes

    missed = []
    for line in (DATA / "wmt-multiway" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["language"] != "ja" or "−" in record["text"][:600]:  # cp932 reads U+2212 as U+FF0D
            continue
        text = record["text"][:600]
        with contextlib.suppress(UnicodeEncodeError):
            data = text.encode("shift_jis")
            best = from_bytes(data).best()
            if best is None or str(best) != text:
                missed.append((text, data))
    assert len(missed) >= 2
    assert all(decode(data)[0] == text for text, data in missed)
