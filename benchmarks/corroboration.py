"""Corroboration in one language: independent English reports of one event, their sentences grouped into
claims, judged by ECB+'s event coreference (../shared/data/ecbplus/, dev topics).

    python benchmarks/corroboration.py [--calibrate]

Each gold story of the dev set (its articles, as ``dev.jsonl`` gives them) is read by the claims stage
(``claims.read_story``, no entities). Gold: the annotated sentences of ECB+ (those its annotators marked
events in, mostly the ones that report the story's event); two sentences of different articles report one
event when both mention one cross-document event instance (an ACTION markable of one CROSS_DOC_COREF chain).
That is looser than "one claim" (one event is told in many statements: "Hiller was charged with two counts of
murder" and "Hiller is also charged with attempted murder"), so recall is bounded well below 1 and is read
as a comparison between settings. Printed: the pairs of such sentences that one claim holds (recall), and of
the pairs a claim holds between two annotated sentences, the share that mention one event (precision; a pair
with an unannotated side is not judged), with the lexical pairs alone beside it (paraphrase vectors off)
and, with --calibrate, several SAME_WORDING_COSINE values.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from itertools import combinations

from ecbplus_xml import DATA, RAW, read

from storyweave.claims import extract
from storyweave.model import Article, Story

#: where a sentence of the XML is searched for after the one before it, and a token after the one before it
SENTENCE_GAP, TOKEN_GAP = 200, 20


def _articles() -> tuple[dict[str, Article], dict[str, list[str]]]:
    labels = dict(line.split("\t")[:2] for line in (DATA / "dev_labels.tsv").read_text().splitlines()[1:])
    articles, stories = {}, defaultdict(list)
    for line in (DATA / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        articles[record["id"]] = Article(id=record["id"], source_path=record["id"], text=record["text"],
                                         title=record["title"], language="en")
        stories[labels[record["id"]]].append(record["id"])
    return articles, stories


def sentences(article: Article) -> dict[int, tuple[int, int, frozenset[str]]]:
    """Sentence number -> (start, end, event instances) for the XML sentences found in the article's text
    (the title, and an ecbplus file's URL line before it, are not in the text)."""
    doc = read(RAW / article.id.split("_")[0] / f"{article.id}.xml")
    instance = {source.get("m_id"): relation.get("note") for relation in doc.root.iter("CROSS_DOC_COREF")
                if (relation.get("note") or "").startswith("ACT") for source in relation.findall("source")}
    events: dict[int, set[str]] = defaultdict(set)
    for markable in doc.root.find("Markables"):
        if markable.tag.startswith("ACTION") and markable.get("m_id") in instance:
            for anchor in markable.findall("token_anchor"):
                if anchor.get("t_id") in doc.tokens:
                    events[doc.tokens[anchor.get("t_id")][2]].add(instance[markable.get("m_id")])
    words: dict[int, list[str]] = defaultdict(list)
    for token in doc.root.iter("token"):
        words[int(token.get("sentence"))].append(token.text or "")
    text, cursor, found = article.text, 0, {}
    for number in sorted(words)[2 if article.id.endswith("ecbplus") else 1:]:
        first = text.find(words[number][0], cursor)
        if first < 0 or first - cursor > SENTENCE_GAP:
            continue
        end = first
        for word in words[number]:
            at = text.find(word, end)
            if at < 0 or at - end > TOKEN_GAP:
                break
            end = at + len(word)
        found[number] = (first, end, frozenset(events.get(number, ())))
        cursor = end
    return found


def measure(articles: dict[str, Article], stories: dict[str, list[str]],
            located: dict[str, dict[int, tuple[int, int, frozenset[str]]]]) -> None:
    def place(article_id: str, start: int, end: int) -> int | None:
        overlaps = [(min(e, end) - max(s, start), n) for n, (s, e, _) in located[article_id].items()]
        best = max(overlaps, default=(0, None))
        return best[1] if best[0] > 0 else None

    gold = found = judged = right = links = 0
    began = time.perf_counter()
    for story_id, ids in sorted(stories.items()):
        together = set()
        for claim in extract.story_claims(Story(story_id, story_id, ids), articles):
            if claim.kind != "report":
                continue
            places = [(s.article_id, place(s.article_id, s.start, s.end)) for s in claim.support]
            for (a, x), (b, y) in combinations(places, 2):
                links += 1
                together.add(frozenset([(a, x), (b, y)]))
                left = located[a][x][2] if x is not None else frozenset()
                right_side = located[b][y][2] if y is not None else frozenset()
                if left and right_side:
                    judged += 1
                    right += bool(left & right_side)
        annotated = [(aid, n, ev) for aid in ids for n, (_, _, ev) in located[aid].items() if ev]
        for (a, x, left), (b, y, right_side) in combinations(annotated, 2):
            if a != b and left & right_side:
                gold += 1
                found += frozenset([(a, x), (b, y)]) in together
    print(f"  sentence pairs reporting one event held by one claim: {found} of {gold} (recall {found / gold:.3f}); "
          f"pairs claims hold {links}, judged {judged}, of one event {right} (precision {right / max(judged, 1):.3f}); "
          f"{time.perf_counter() - began:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calibrate", action="store_true")
    args = parser.parse_args()
    articles, stories = _articles()
    located = {aid: sentences(article) for aid, article in articles.items()}
    print(f"ECB+ dev: {len(articles)} articles, {len(stories)} stories, "
          f"{sum(len(v) for v in located.values())} sentences placed, "
          f"{sum(1 for v in located.values() for s in v.values() if s[2])} with events")
    chosen = extract.SAME_WORDING_COSINE
    settings = (2.0, 0.8, 0.75, chosen, 0.65, 0.6) if args.calibrate else (2.0, chosen)
    for cosine in settings:
        extract.SAME_WORDING_COSINE = cosine
        print("lexical pairs alone:" if cosine > 1 else f"with paraphrases at cosine {cosine}:")
        measure(articles, stories, located)
    extract.SAME_WORDING_COSINE = chosen


if __name__ == "__main__":
    main()
