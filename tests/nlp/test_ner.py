from storyweave.nlp import ner


def test_pieces_cut_at_paragraphs_and_cover_the_text():
    paragraph = "The council met on Monday and agreed the budget for next year. " * 5
    text = "\n\n".join([paragraph.strip()] * 40)
    cut = ner.pieces(text, 1_000)
    assert len(cut) > 1
    assert "".join(piece for _, piece in cut) == text
    assert all(len(piece) <= 1_000 for _, piece in cut)
    assert all(text[offset:offset + len(piece)] == piece for offset, piece in cut)
    assert all(piece.endswith("\n\n") for _, piece in cut[:-1])


def test_pieces_of_one_endless_sentence_cut_at_spaces():
    text = "the cat sat on the mat and " * 100_000  # 2.7 million characters, no line break: over spaCy's limit
    cut = ner.pieces(text)
    assert "".join(piece for _, piece in cut) == text
    assert max(len(piece) for _, piece in cut) <= ner.PIECE_CHARS
    assert all(piece.endswith(" ") for _, piece in cut[:-1])


def test_pieces_of_a_text_without_spaces_cut_at_the_limit():
    cut = ner.pieces("x" * 2_500, 1_000)
    assert [len(piece) for _, piece in cut] == [1_000, 1_000, 500]


def test_batches_hold_a_bounded_number_of_characters():
    texts = ["a" * 40_000, "b" * 40_000, "c" * 40_000, "d" * 150_000, "e" * 10]
    assert [[t[0] for t in batch] for batch in ner.batches(texts, 16, 100_000)] == [["a", "b"], ["c"], ["d"], ["e"]]
    assert [len(batch) for batch in ner.batches(["x"] * 40, 16, 100_000)] == [16, 16, 8]


def test_names_in_later_pieces_keep_their_offsets(monkeypatch):
    monkeypatch.setattr(ner, "PIECE_CHARS", 300)
    filler = "It rained all day and the roads were closed until the evening. " * 3
    text = "\n\n".join(["Angela Merkel arrived in Paris on Monday.", filler, filler,
                       "Barack Obama spoke to reporters in Chicago.", filler])
    found = ner.recognise([text], ["en"])[0]
    names = {text[f.start:f.end] for f in found}
    assert {"Angela Merkel", "Paris", "Barack Obama", "Chicago"} <= names
    assert all(text[f.start:f.end] == f.normal for f in found)


def test_a_copy_is_read_only_where_it_is_new(seed_articles, monkeypatch):
    """Its paragraphs read before take their spans from there, at its own offsets; a text sharing only a short
    paragraph ("Read more:") with another is read whole."""
    original = seed_articles["003"].text + "\n\nRead more:"
    prefix = "Posted by The Daily Courier in Springfield\n\n"
    copy = prefix + original
    other = "Read more:\n\n" + seed_articles["001"].text
    read = []
    real = ner.batches
    monkeypatch.setattr(ner, "batches", lambda texts, *args: read.extend(texts) or real(texts, *args))
    found_original, found_copy, _ = ner.recognise([original, copy, other], ["en"] * 3)
    assert read == [original, prefix.strip(), other]
    assert found_original and [(f.start + len(prefix), f.end + len(prefix), f.type, f.normal)
                               for f in found_original] == [
        (f.start, f.end, f.type, f.normal) for f in found_copy if f.start >= len(prefix)]
    assert all(copy[f.start:f.end] == f.normal for f in found_copy)
