"""Sentence boundaries, which every cited span and every claim, quote and timeline entry rests on."""

from __future__ import annotations

import pytest

from storyweave.nlp.sentences import spans


def _sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in spans(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Heller told L. A. Superior Court Judge James R. Dabney that she had checked in, reports AP. She hopped on a "
     "private jet.",
     ["Heller told L. A. Superior Court Judge James R. Dabney that she had checked in, reports AP.",
      "She hopped on a private jet."]),
    ("The U.S. Navy said so. It was on the BBC. Then Gen. Smith left. Mr. Jones stayed.",
     ["The U.S. Navy said so.", "It was on the BBC.", "Then Gen. Smith left.", "Mr. Jones stayed."]),
    ("The crowd looted a Rite Aid. The manager said so, according to spokesperson Const. Tim Fanning. On Oct. 3 "
     "Microsoft Corp. said it had a fix.",
     ["The crowd looted a Rite Aid.", "The manager said so, according to spokesperson Const. Tim Fanning.",
      "On Oct. 3 Microsoft Corp. said it had a fix."]),
    ("Colts interim coach Bruce Arians asked. ''Never.'' Luck broke the record. ``Yes.'' It was.",
     ["Colts interim coach Bruce Arians asked.", "''Never.''", "Luck broke the record.", "``Yes.''", "It was."]),
    ("Did they win without him? ''No.” It is No. 5 on the list.",
     ["Did they win without him?", "''No.”", "It is No. 5 on the list."]),
    ("First line without a stop\nSecond line.\n日本語です。東京です。",
     ["First line without a stop", "Second line.", "日本語です。", "東京です。"]),
])
def test_acronyms_and_capitalised_words_end_sentences_but_initials_and_abbreviations_do_not(text, expected):
    assert _sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("\"Expert review is critical. “ Francesca Grifo said so too. \"It matters,“she said.",
     ["\"Expert review is critical. “", "Francesca Grifo said so too.", "\"It matters,“she said."]),
    ("He said it twice. “ We will go,” he said. Then he left.",
     ["He said it twice.", "“ We will go,” he said.", "Then he left."]),
    ("Er sagte: „Wir gehen.“ Dann ging er.", ["Er sagte: „Wir gehen.“", "Dann ging er."]),
])
def test_a_turned_mark_after_a_full_stop_ends_the_sentence_when_it_closes_a_quotation(text, expected):
    """Text rebuilt from tokens closes quotations with “ (as German does): after a full stop it ends the sentence
    when an odd number of marks stand before it; else it opens the next sentence's quotation."""
    assert _sentences(text) == expected


def test_a_decimal_point_that_tokenised_text_spaced_out_ends_no_sentence():
    text = ("Police said he pointed a . 357 caliber revolver at them. He had a 162-139 record (. 538) in Portland. "
            "It was over. 25 people were hurt. He fired from his. 38-caliber revolver. The 5. 9-magnitude quake hit.")
    assert _sentences(text) == ["Police said he pointed a . 357 caliber revolver at them.",
                                "He had a 162-139 record (. 538) in Portland.", "It was over.", "25 people were hurt.",
                                "He fired from his. 38-caliber revolver.", "The 5. 9-magnitude quake hit."]


def test_the_sentence_index_gives_each_position_its_sentence():
    from storyweave.nlp.sentences import SentenceIndex

    text = "It opened on May 2.  It closed on the 18th.\n\nAnother paragraph."
    index = SentenceIndex(text)
    assert [text[slice(*index.spans[index.at(text.index(word))])] for word in ("May", "18th", "Another")] == [
        "It opened on May 2.", "It closed on the 18th.", "Another paragraph."]
    assert index.at(text.index("  ") + 1) is None  # between sentences
    assert index.at(len(text) + 5) is None and SentenceIndex("").at(0) is None
