from storyweave.nlp import english, ner
from tests.quotes.stories import quotes_of

TEXT = "Kazakhstan's president Kassym-Jomart Tokayev spoke in St. Petersburg on Friday, officials said."


def test_recognise_runs_ner_alone_with_the_whole_pipelines_spans():
    (doc,) = english.run([TEXT], english.RECOGNISE, 8)
    whole = english.pipeline()(TEXT)
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == \
        [(e.start_char, e.end_char, e.label_) for e in whole.ents]
    assert any(e.text == "Kassym-Jomart Tokayev" and e.label_ == "PERSON" for e in doc.ents)
    assert not doc.has_annotation("DEP")


def test_parse_gives_subjects_and_parts_of_speech_from_the_same_loaded_pipeline():
    (doc,) = english.run([TEXT], english.PARSE, 8)
    assert {t.text for t in doc if t.dep_ == "nsubj"} >= {"officials"}
    assert next(t for t in doc if t.text == "said").pos_ == "VERB"
    assert not doc.has_annotation("ENT_IOB")


def test_names_and_unnamed_speakers_are_read_with_one_load_of_the_model(monkeypatch):
    import spacy

    loads = []
    real_load = spacy.load
    monkeypatch.setattr(spacy, "load", lambda *args, **kwargs: loads.append(args) or real_load(*args, **kwargs))
    english.pipeline.cache_clear()
    try:
        (found,) = ner.recognise([TEXT], ["en"])
        (quote,) = quotes_of("“The roads will reopen on Monday,” a senior officer said.")
    finally:
        english.pipeline.cache_clear()
    assert "Kassym-Jomart Tokayev" in {TEXT[f.start:f.end] for f in found}
    assert quote.speaker_description.text == "a senior officer"
    assert len(loads) == 1
