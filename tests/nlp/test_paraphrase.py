"""Paraphrase vectors (nlp/paraphrase.py): multilingual USE from the wheel, offline, one model per process."""

from __future__ import annotations

import numpy as np

from storyweave.nlp import paraphrase


def test_a_statement_in_other_words_is_nearer_than_another_statement_of_the_story():
    """ECB+ dev sentences of one story (topic 12, pirates captured in the Gulf of Aden)."""
    vectors = paraphrase.encode([
        "The pirates are from Somalia and Yemen, two countries surrounding the Gulf of Aden, Sinha said.",
        "The pirates were Somali and Yemeni, the BBC reported.",
        "The Indian Navy said on Saturday it had foiled a piracy attempt on a merchant vessel.",
    ])
    assert vectors.shape == (3, paraphrase.DIM) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    same, other = float(vectors[0] @ vectors[1]), float(vectors[0] @ vectors[2])
    assert same >= 0.70 > other


def test_batches_give_the_vectors_one_call_gives(monkeypatch):
    texts = [f"The council met on day {i} to discuss the budget for the new bridge." for i in range(7)]
    whole = paraphrase.encode(texts)
    monkeypatch.setattr(paraphrase, "BATCH", 3)
    assert np.allclose(paraphrase.encode(texts), whole, atol=1e-5)
    assert paraphrase.encode([]).shape == (0, paraphrase.DIM)


def test_remembered_vectors_are_encoded_once(monkeypatch):
    texts = ["The bridge will stay closed until the spring.", "The bridge reopens in the spring, the city said."]
    first = paraphrase.remembered(texts)
    calls = []
    real = paraphrase.encode
    monkeypatch.setattr(paraphrase, "encode", lambda batch: calls.append(batch) or real(batch))
    again = paraphrase.remembered([texts[1], "A third sentence about the bridge and its budget.", texts[0]])
    assert calls == [["A third sentence about the bridge and its budget."]]
    assert np.array_equal(again[0], first[1]) and np.array_equal(again[2], first[0])
