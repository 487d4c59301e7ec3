from __future__ import annotations

import dataclasses

from storyweave.dedup import CopyIndex, copies, mark_copies, signature
from storyweave.dedup.copies import is_copy, shingles
from storyweave.model import Article


def _copy(article: Article, suffix: str, **changes) -> Article:
    return dataclasses.replace(article, id=article.id + suffix, source_path=article.source_path + suffix,
                               duplicate_of=None, removed=[], **changes)


def test_the_seeds_tell_one_event_in_different_words_and_copy_nothing(seed_articles):
    articles = [dataclasses.replace(a) for a in seed_articles.values()]
    assert mark_copies(articles) == []
    assert all(a.duplicate_of is None for a in articles)


def test_a_repost_with_other_headline_and_boilerplate_is_a_copy(seed_articles):
    original = seed_articles["004"]
    words = original.text.split(" ")
    repost = _copy(original, "-repost", title="Kazakh leader snubs the Kremlin",
                   text="Follow us on Telegram\n\n" + " ".join(words[: int(len(words) * 0.7)]) + "\n\nRead more:")
    articles = [dataclasses.replace(a) for a in seed_articles.values()] + [repost]
    changed = mark_copies(articles)
    assert [a.id for a in changed] == [repost.id]
    assert repost.duplicate_of == original.id
    assert 0.7 <= repost.copy_overlap <= 1.0


def test_the_earliest_published_copy_is_the_original(seed_articles):
    later = _copy(seed_articles["000"], "-a", published="2022-06-25")
    earlier = _copy(seed_articles["000"], "-b", published="2022-06-20")
    undated = _copy(seed_articles["000"], "-c", published=None)
    mark_copies([later, undated, earlier])
    assert earlier.duplicate_of is None
    assert later.duplicate_of == earlier.id and undated.duplicate_of == earlier.id


def test_a_stored_article_becomes_a_copy_of_an_earlier_original_found_later(seed_articles):
    stored = _copy(seed_articles["002"], "-late", published="2022-06-22")
    index = CopyIndex([signature(stored)])
    first = _copy(seed_articles["002"], "-early", published="2022-06-18")
    changed = mark_copies([first], index, {stored.id: stored})
    assert changed == [stored] and stored.duplicate_of == first.id and first.duplicate_of is None


def test_signatures_are_deterministic_and_cover_unspaced_scripts(seed_articles):
    article = seed_articles["001"]
    assert (signature(article).hashvalues == signature(article).hashvalues).all()
    chinese = "哈萨克斯坦总统托卡耶夫在圣彼得堡国际经济论坛上表示，哈萨克斯坦不会承认卢甘斯克和顿涅茨克的独立。" * 3
    assert len(shingles(chinese)) > 20


def test_an_estimated_copy_is_confirmed_on_the_exact_text(seed_articles):
    first, second = seed_articles["001"], seed_articles["004"]
    sig = signature(first)
    twin = dataclasses.replace(sig, article_id="twin", content_hash="other")
    assert is_copy(sig, twin) == 1.0  # the estimates alone: identical signatures
    assert is_copy(sig, twin, (first.text, second.text)) is None
    assert is_copy(sig, twin, (first.text, first.text + "\nRead more:")) == 1.0


def _syndicated(original: Article, count: int) -> list[Article]:
    return [_copy(original, f"-feed{n}", text=f"Posted by The Daily Courier {n}\n\n{original.text}")
            for n in range(count)]


def test_a_story_syndicated_many_times_costs_one_confirmation_per_copy(seed_articles, monkeypatch):
    """Each copy meets its group in the LSH's buckets; one confirmed member joins it to the group, and the
    others met are not compared on their text again (they were, every one, and 20,000 copies took hours)."""
    compared = []
    real = copies.is_copy
    monkeypatch.setattr(copies, "is_copy", lambda *args: compared.append(args) or real(*args))
    original = _copy(seed_articles["003"], "-wire", published="2022-06-17")
    feed = _syndicated(original, 300)
    others = [dataclasses.replace(a) for key, a in seed_articles.items() if key != "003"]
    mark_copies([original, *others, *feed])
    assert all(a.duplicate_of == original.id for a in feed)
    assert all(a.duplicate_of is None for a in others)
    assert len(compared) <= len(feed) + len(others)


def test_the_buckets_of_a_large_group_stay_capped_and_still_lead_to_its_original(seed_articles):
    original = seed_articles["001"]
    index = CopyIndex([signature(original)])
    for article in _syndicated(original, 2 * copies.BUCKET_CAP):
        index.insert(signature(article))
    assert max(len(ids) for bucket in index.buckets for ids in bucket.values() if isinstance(ids, list)) \
        == copies.BUCKET_CAP
    late = _copy(original, "-late", text=original.text + "\n\nRead more:")
    met = index.candidates(signature(late))
    assert original.id in met and len(met) < 1.2 * copies.BUCKET_CAP  # of 201 copies in the index
