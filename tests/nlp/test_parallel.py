"""Parallel sentences across languages: the pairs found are the translations, and a sentence whose
translation is missing gets none."""

from __future__ import annotations

from storyweave.nlp import embed, parallel

ENGLISH = [
    "Tokayev said that the United Nations would no longer have 193 countries but 500 to 600.",
    "Kazakhstan does not recognise Kosovo, South Ossetia or Abkhazia.",
    "The forum in St. Petersburg ended on Saturday.",
    "Russia sent troops to Kazakhstan in January at the request of its president.",
]
RUSSIAN = [
    "Токаев заявил, что в ООН будет уже не 193 страны, а 500-600.",
    "Казахстан не признаёт Косово, Южную Осетию и Абхазию.",
    "Россия направила войска в Казахстан в январе по просьбе его президента.",
]


def test_translations_align_and_a_sentence_without_one_does_not():
    vectors = embed.encode(ENGLISH + RUSSIAN)
    near = parallel.neighbourhood(vectors, ["en"] * len(ENGLISH) + ["ru"] * len(RUSSIAN))
    pairs = parallel.align(vectors[:4], vectors[4:], near[:4], near[4:])
    assert {(p.left, p.right) for p in pairs} == {(0, 0), (1, 1), (3, 2)}
    assert all(p.margin >= parallel.MARGIN for p in pairs)


def test_without_other_articles_nothing_clears_the_margin():
    vectors = embed.encode(ENGLISH[:2])
    assert parallel.neighbourhood(vectors, ["a", "a"]).tolist() == [1.0, 1.0]
