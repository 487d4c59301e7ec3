"""Report or opinion: the claims stage's reading of the writer's own voice, against 220 hand labels.

    python benchmarks/opinion.py

The labels (benchmarks/labels/opinion.tsv, how they were drawn and judged is written at its top) cover the
seed corpus's machine-translated commentary and ECB+ dev news. Printed: precision and recall of "opinion"
for each half and both, for the cue rules alone and with the quotation rule (a sentence mostly between
quotation marks is speech being reported, not the writer's voice), which is what the claims stage applies.
"""

from __future__ import annotations

from pathlib import Path

from storyweave.claims.opinion import is_opinion, writers_opinion
from storyweave.ingest import read_inputs
from storyweave.model import Article
from storyweave.nlp.marks import quoted

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LABELS = ROOT / "benchmarks" / "labels" / "opinion.tsv"


def load() -> list[tuple[str, Article, int, int, bool]]:
    seeds = {a.source_path.rsplit("/", 1)[-1][:3]: a for a in read_inputs([SHARED / "corpus" / "seeds"])}
    ecb = {a.external_id: a for a in read_inputs([SHARED / "data" / "ecbplus" / "dev.jsonl"]) if isinstance(a, Article)}
    rows = []
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "id\t")):
            continue
        _, source, start, end, label, text = line.split("\t")
        kind, key = source.split(":", 1)
        article = seeds[key] if kind == "seed" else ecb[key]
        start, end = int(start), int(end)
        if article.text[start:end] != text:
            raise SystemExit(f"label {source} {start}-{end} no longer matches the ingested text")
        rows.append((kind, article, start, end, label == "opinion"))
    return rows


def main() -> None:
    rows = load()
    quotations = {article.id: quoted(article.text) for _, article, *_ in rows}
    rules = {
        "cue rules alone": lambda a, s, e: is_opinion(a.text[s:e]),
        "cues outside quotations (claims stage)": lambda a, s, e: writers_opinion(a.text[s:e], s, e, quotations[a.id]),
    }
    print(f"report vs opinion: {len(rows)} hand-labelled sentences, {sum(r[4] for r in rows)} opinion")
    for name, rule in rules.items():
        for subset in ("seed", "ecbplus", "all"):
            found = [(rule(a, s, e), gold) for kind, a, s, e, gold in rows if subset in ("all", kind)]
            tp = sum(p and g for p, g in found)
            fp = sum(p and not g for p, g in found)
            fn = sum(g and not p for p, g in found)
            precision = tp / (tp + fp) if tp + fp else 0.0
            recall = tp / (tp + fn) if tp + fn else 0.0
            print(f"  {name:40} {subset:8} precision {precision:.3f} recall {recall:.3f} "
                  f"({tp} right, {fp} wrong, {fn} missed)")


if __name__ == "__main__":
    main()
