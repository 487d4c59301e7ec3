"""The one data model: every stage takes and returns these records.

They serialise to and from ``shared/contracts/report.schema.json`` (version 1). Offsets in a
``Span`` are Python ``str`` indices into ``Article.text``, the cleaned body, so a span can always be
checked with ``article.text[span.start:span.end] == span.text``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import Any

SCHEMA_VERSION = "1"
TOOL_NAME = "storyweave"


def _drop_none_extras(data: dict[str, Any], keep: tuple[str, ...]) -> dict[str, Any]:
    """Drop optional extension fields that are unset, keeping the contract's required keys."""
    return {k: v for k, v in data.items() if k in keep or v is not None}


def _from_dict(cls: type, data: dict[str, Any]):
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


@dataclass(frozen=True)
class Span:
    """A piece of one article's text, cited by offsets."""

    article_id: str
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, article: Article, start: int, end: int) -> Span:
        return cls(article.id, start, end, article.text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return _from_dict(cls, data)


@dataclass(frozen=True)
class Removed:
    """Text taken out of an article body, and why: nothing is dropped without a trace."""

    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Article:
    id: str
    source_path: str
    text: str
    title: str | None = None
    published: str | None = None
    language: str = "und"
    outlet: str | None = None
    reposted_from: str | None = None
    authors: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    duplicate_of: str | None = None
    external_id: str | None = None
    url: str | None = None
    #: where ``title`` came from when the input named none ("first sentence"), else None
    title_source: str | None = None
    #: for a copy, the share of text it has in common with its original (Jaccard or containment)
    copy_overlap: float | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["removed"] = [r.to_dict() for r in self.removed]
        return _drop_none_extras(
            data,
            ("id", "source_path", "title", "published", "language", "outlet", "reposted_from",
             "authors", "text", "removed", "duplicate_of", "external_id"),
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        article = _from_dict(cls, data)
        article.removed = [Removed(**r) for r in data.get("removed", [])]
        article.authors = list(data.get("authors", []))
        return article


@dataclass(frozen=True)
class Rejected:
    """An input that could not be read, with a specific reason and a stable code."""

    source_path: str
    reason: str
    code: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Rejected:
        return cls(data["source_path"], data["reason"], data.get("code", "unknown"))


@dataclass
class SummarySentence:
    text: str
    citations: list[Span]

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "citations": [c.to_dict() for c in self.citations]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SummarySentence:
        return cls(data["text"], [Span.from_dict(c) for c in data["citations"]])


@dataclass
class Story:
    id: str
    title: str
    article_ids: list[str]
    summary: list[SummarySentence] = field(default_factory=list)
    first_published: str | None = None
    last_published: str | None = None
    #: distinct sources (declared original, else outlet, else the article) after collapsing copies of one
    #: another; in a report also translations of one text (found by the claims stage)
    source_count: int | None = None
    #: the story this one was split off from when streaming found two events in it (its id now), and the
    #: stories split off from this one
    split_from: str | None = None
    split_into: list[str] | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["summary"] = [s.to_dict() for s in self.summary]
        return _drop_none_extras(data, ("id", "title", "article_ids", "summary"))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Story:
        story = _from_dict(cls, data)
        story.summary = [SummarySentence.from_dict(s) for s in data.get("summary", [])]
        return story


ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "EVENT", "OTHER")


@dataclass(frozen=True)
class Evidence:
    """Why mentions became one entity, or why it links to the KB: the rule, its score, the two names
    it joined (or the name and the KB alias), and a line a person can read."""

    rule: str
    score: float
    left: str
    right: str
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        return _from_dict(cls, data)


@dataclass
class Entity:
    id: str
    name: str
    type: str
    kb_id: str | None
    mentions: list[Span]
    aliases: list[str] = field(default_factory=list)
    #: extensions: the story it belongs to, and the evidence behind every merge and link
    story_id: str | None = None
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["mentions"] = [m.to_dict() for m in self.mentions]
        data["evidence"] = [e.to_dict() for e in self.evidence]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        entity = _from_dict(cls, data)
        entity.mentions = [Span.from_dict(m) for m in data.get("mentions", [])]
        entity.evidence = [Evidence.from_dict(e) for e in data.get("evidence", [])]
        return entity


@dataclass(frozen=True)
class QuoteVariant:
    span: Span
    direct: bool

    def to_dict(self) -> dict[str, Any]:
        return {**self.span.to_dict(), "direct": self.direct}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> QuoteVariant:
        return cls(Span.from_dict(data), bool(data["direct"]))


@dataclass
class Quote:
    id: str
    speaker_name: str | None
    speaker_entity_id: str | None
    text: str
    variants: list[QuoteVariant]
    story_id: str | None = None
    #: who says it where no one named does ("police", "a senior officer"), as an article writes it
    speaker_description: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        described = self.speaker_description.to_dict() if self.speaker_description else None
        return {
            "id": self.id,
            "story_id": self.story_id,
            "speaker": {"name": self.speaker_name, "entity_id": self.speaker_entity_id, "description": described},
            "text": self.text,
            "variants": [v.to_dict() for v in self.variants],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        speaker = data.get("speaker") or {}
        described = speaker.get("description")
        return cls(data["id"], speaker.get("name"), speaker.get("entity_id"), data["text"],
                   [QuoteVariant.from_dict(v) for v in data.get("variants", [])], data.get("story_id"),
                   Span.from_dict(described) if described else None)


@dataclass
class Claim:
    id: str
    text: str
    kind: str
    support: list[Span]
    contradict: list[Span]
    independent_sources: int
    story_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["support"] = [s.to_dict() for s in self.support]
        data["contradict"] = [s.to_dict() for s in self.contradict]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        claim = _from_dict(cls, data)
        claim.support = [Span.from_dict(s) for s in data.get("support", [])]
        claim.contradict = [Span.from_dict(s) for s in data.get("contradict", [])]
        return claim


@dataclass
class TimelineEvent:
    date: str
    text: str
    sources: list[Span]
    story_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["sources"] = [s.to_dict() for s in self.sources]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimelineEvent:
        event = _from_dict(cls, data)
        event.sources = [Span.from_dict(s) for s in data.get("sources", [])]
        return event


@dataclass
class Report:
    """What every interface shows: the contract's top-level object."""

    articles: list[Article] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    tool_version: str = "0"

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": TOOL_NAME, "version": self.tool_version},
            "articles": [a.to_dict() for a in self.articles],
            "rejected": [r.to_dict() for r in self.rejected],
            "stories": [s.to_dict() for s in self.stories],
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "claims": [c.to_dict() for c in self.claims],
            "timeline": [t.to_dict() for t in self.timeline],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        return cls(
            articles=[Article.from_dict(a) for a in data.get("articles", [])],
            rejected=[Rejected.from_dict(r) for r in data.get("rejected", [])],
            stories=[Story.from_dict(s) for s in data.get("stories", [])],
            entities=[Entity.from_dict(e) for e in data.get("entities", [])],
            quotes=[Quote.from_dict(q) for q in data.get("quotes", [])],
            claims=[Claim.from_dict(c) for c in data.get("claims", [])],
            timeline=[TimelineEvent.from_dict(t) for t in data.get("timeline", [])],
            tool_version=data.get("tool", {}).get("version", "0"),
        )

    @classmethod
    def from_json(cls, text: str) -> Report:
        return cls.from_dict(json.loads(text))

    def article(self, article_id: str) -> Article | None:
        return next((a for a in self.articles if a.id == article_id), None)


@dataclass(frozen=True)
class Signature:
    """What copy detection keeps of an article: MinHash values, shingle count, exact content hash."""

    article_id: str
    hashvalues: Any  # numpy uint64 array
    size: int
    content_hash: str


@dataclass
class Features:
    """What story clustering compares: lead embedding, hashed TF-IDF vector, time anchor; and, in the languages
    multilingual USE reads, the lead's vector for comparing it with another language's."""

    article_id: str
    language: str
    embedding: Any  # numpy float32 vector
    lexical: tuple[Any, Any]  # (sorted int64 keys, float32 weights)
    year: int | None
    day: date | None
    crosslingual: Any = None  # numpy float32 vector (nlp.paraphrase), or None outside its languages
