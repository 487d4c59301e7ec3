"""Time expressions and their resolved dates against the Event StoryLine gold (ECB+ topics in ../shared/data).

    python benchmarks/timeline.py [--alone]

Each `raw/esc/<topic>/*.xml` holds tokens and TIME_DATE mentions with normalised values (2012-06-08,
2010-09) and the document's creation date (DCT="TRUE"). The text is rebuilt from the tokens, the DCT
is given as the published date, and each gold mention with a calendar value counts as right when an
expression we found overlaps it with exactly that value. As in the pipeline, documents are read within
their story — the ECB+ sub-topic, one event — whose earliest creation date anchors the documents that give
none (``--alone``: each document by itself). Printed: accuracy over gold mentions (the
target is >= 85 %), how many we found at all, and expressions we resolved where the gold has no date.

``--cyrillic``: Russian and Ukrainian rules against the English ones, on the WMT multiway dev versions (no
labelled Russian set installs here); ``--cjk`` the same for Chinese and Japanese (lines only). Versions are sentence-aligned, so line i of the ru or uk version gives the
dates line i of the English one gives. No version carries a published date, so only what a line states in full
(a year, a month and year, a full date; a day of the month beside a full date) is compared: recall is the
share of English values on a line that the other version's line also yields, precision the share of its values
that the English line yields. The English rules are the reference, not a gold: where they miss, a right value
counts as wrong. Then each story's timeline, read whole: how many entries join sources in several languages,
and whether the joined sentences lie on one line (the same sentence translated: right) or not.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from ecbplus_xml import ESC, read

from storyweave.timeline import find

CALENDAR = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def document(path: Path) -> tuple[str, str | None, list[tuple[int, int, str]]]:
    doc = read(path)
    dct, gold = None, []
    for mention in doc.root.iter("TIME_DATE"):
        span = doc.span(mention)
        value = mention.get("value") or ""
        if mention.get("DCT") == "TRUE":
            dct = value if CALENDAR.match(value) else dct
            continue
        if span and value:
            gold.append((span[0], span[1], value))
    return doc.text, dct, gold


def story_of(path: Path) -> str:
    """The ECB+ sub-topic: topic number and corpus half ("1_15ecbplus" -> "1ecbplus"), one event."""
    name = path.name.split(".")[0]
    return name.split("_")[0] + ("ecbplus" if "ecbplus" in name else "ecb")


def against_english(languages: tuple[str, ...]) -> None:
    from itertools import combinations

    from wmt import parallel, versions

    from storyweave.timeline import story_timeline

    stories, articles = versions()
    shared = english_only = theirs_only = 0
    for story in stories:
        ids = {aid.rsplit(":", 1)[1]: aid for aid in story.article_ids}
        if "en" not in ids or not parallel(story, articles):
            continue
        lines_en = articles[ids["en"]].text.split("\n")
        for lang in languages:
            if lang not in ids:
                continue
            for line_en, line in zip(lines_en, articles[ids[lang]].text.split("\n"), strict=True):
                ours = {e.value for e in find(line_en, None, None, "en")}
                theirs = {e.value for e in find(line, None, None, lang)}
                shared += len(ours & theirs)
                english_only += len(ours - theirs)
                theirs_only += len(theirs - ours)
    names = "/".join(languages)
    print(f"{names} time expressions against the English line (WMT dev, absolute values only): "
          f"{shared + english_only} English values, {shared + theirs_only} {names} values; recall "
          f"{shared / max(shared + english_only, 1):.3f}, precision {shared / max(shared + theirs_only, 1):.3f}")
    entries = several = right = wrong = 0
    if languages != ("ru", "uk"):
        return
    for story in stories:
        if not parallel(story, articles):
            continue
        for event in story_timeline(story, articles):
            entries += 1
            several += len({articles[s.article_id].language for s in event.sources}) > 1
            for a, b in combinations(event.sources, 2):
                same = articles[a.article_id].text.count("\n", 0, a.start) == articles[b.article_id].text.count(
                    "\n", 0, b.start)
                right += same
                wrong += not same
    print(f"  the stories' timelines: {entries} entries, {several} with sources in several languages; pairs of "
          f"sources on one line (the same sentence translated) {right}, on different lines {wrong}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--alone", action="store_true", help="each document alone, no story anchor")
    parser.add_argument("--cyrillic", action="store_true", help="ru and uk against the English versions (WMT)")
    parser.add_argument("--cjk", action="store_true", help="zh and ja against the English versions (WMT)")
    args = parser.parse_args()
    if args.cyrillic or args.cjk:
        against_english(("zh", "ja") if args.cjk else ("ru", "uk"))
        return
    documents = {path: document(path) for path in sorted(ESC.glob("*/*.xml"))}
    first: dict[str, str] = {}
    for path, (_, dct, _) in documents.items():
        if dct and len(dct) == 10 and (story_of(path) not in first or dct < first[story_of(path)]):
            first[story_of(path)] = dct
    totals: Counter[str] = Counter()
    misses: Counter[str] = Counter()
    for path, (text, dct, gold) in documents.items():
        found = find(text, dct, None if args.alone else first.get(story_of(path)))
        for start, end, value in gold:
            if not CALENDAR.match(value):
                totals["gold, not a calendar value (e.g. a week or a duration)"] += 1
                continue
            totals["gold"] += 1
            totals["gold with DCT"] += dct is not None
            hits = [e for e in found if e.start < end and start < e.end]
            if hits:
                totals["found"] += 1
            if any(e.value == value for e in hits):
                totals["right"] += 1
                totals["right with DCT"] += dct is not None
            else:
                misses[text[start:end].lower()] += 1
        for expression in found:
            if not any(expression.start < e and s < expression.end for s, e, _ in gold):
                totals["resolved where the gold has no dated mention"] += 1
        totals["documents"] += 1
    right, gold = totals["right"], totals["gold"]
    print(f"timeline benchmark on Event StoryLine (ECB+ dev topics): {totals['documents']} documents, "
          f"{gold} gold TIME_DATE mentions with a calendar value")
    print(f"  resolved exactly right: {right} / {gold} = {right / gold:.1%}  (target >= 85 %)")
    print(f"  in the {sum(1 for _ in ESC.glob('*/*.xml')) and totals['gold with DCT']} gold mentions of documents "
          f"that give their creation date: {totals['right with DCT'] / max(1, totals['gold with DCT']):.1%} right "
          f"(the others can only be anchored by a full date in their own text)")
    print(f"  found (any value): {totals['found']} / {gold} = {totals['found'] / gold:.1%}")
    print(f"  gold mentions without a calendar value (left out): "
          f"{totals['gold, not a calendar value (e.g. a week or a duration)']}")
    print(f"  expressions resolved where the gold marks no dated mention: "
          f"{totals['resolved where the gold has no dated mention']}")
    print("  most frequent misses: " + ", ".join(f"{t!r} x{n}" for t, n in misses.most_common(12)))


if __name__ == "__main__":
    main()
