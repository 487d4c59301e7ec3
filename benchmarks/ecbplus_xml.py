"""Reading ECB+ / Event StoryLine XML (../shared/data/ecbplus/raw): tokens rebuilt into text with offsets.

Shared by the timeline and entity benchmarks. Tokens are joined by spaces, sentences by newlines, so every
markable's tokens map to one character span of the rebuilt text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus"
RAW = DATA / "raw" / "ECB+"
ESC = DATA / "raw" / "esc"


@dataclass
class Document:
    name: str
    root: ET.Element
    text: str
    #: token id -> (start, end, sentence, number in sentence)
    tokens: dict[str, tuple[int, int, int, int]] = field(default_factory=dict)

    def span(self, markable: ET.Element) -> tuple[int, int] | None:
        anchors = [self.tokens[a.get("t_id")] for a in markable.findall("token_anchor") if a.get("t_id") in self.tokens]
        return (min(a[0] for a in anchors), max(a[1] for a in anchors)) if anchors else None


def read(path: Path) -> Document:
    root = ET.parse(path).getroot()
    pieces, tokens, position, sentence = [], {}, 0, None
    for token in root.iter("token"):
        if sentence is not None and token.get("sentence") != sentence:
            pieces.append("\n")
            position += 1
        elif pieces:
            pieces.append(" ")
            position += 1
        sentence = token.get("sentence")
        text = token.text or ""
        tokens[token.get("t_id")] = (position, position + len(text), int(sentence or 0), int(token.get("number") or 0))
        pieces.append(text)
        position += len(text)
    return Document(path.stem, root, "".join(pieces), tokens)
