"""The pipeline, readable top to bottom: inputs in, one ``Report`` out.

    1. ingest    read, decode, clean every input: Articles, and Rejecteds with reasons
    2. store     articles into the store in batches, one transaction each
    3. dedup     mark copies (duplicate_of) with MinHash/LSH
    4. cluster   articles about one event form a Story (batch for `analyze`, streaming for `ingest`)
    5. entities  mentions (NER, KB dictionary) resolved to canonical, KB-linked entities
    6. quotes    direct and reported speech with speakers (as entities), aligned across articles
    7. claims    assertions with support, contradiction, independent sources; report vs opinion
    8. timeline  dated events, absolute and relative dates resolved, merged across articles
    9. brief     a cited summary per story, every sentence citing its spans

Stages not built yet leave their section of the report empty, so the report is valid all along.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice
from os import PathLike
from pathlib import Path

from . import __version__
from .brief import brief_all
from .claims import claims_and_sources
from .cluster import batch
from .cluster.features import RECIPE, crossing_needed
from .cluster.index import CentroidIndex
from .cluster.stream import StoryStream, assign
from .dedup import CopyIndex, mark_copies, signature
from .entities import attach_speakers, entities_for, load_kb
from .ingest import read_inputs
from .model import Article, Features, Rejected, Report, Story
from .nlp import paraphrase
from .quotes import quotes_for
from .settings import Settings
from .store import Derived, SQLiteStore
from .timeline import timelines

log = logging.getLogger(__name__)

OnRecord = Callable[[Article | Rejected], None]


@dataclass
class IngestResult:
    """What one ingest run saw: every article id it read (new or stored before) and every rejection."""

    article_ids: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    added: int = 0


def _batches(records: Iterator[Article | Rejected], size: int) -> Iterator[list[Article | Rejected]]:
    while batch_ := list(islice(records, size)):
        yield batch_


#: the store_meta key of the recipe the stored features were computed with
RECIPE_KEY = "features_recipe"
#: stored articles recomputed per batch when the recipe changed
REFRESH_BATCH = 500


def _index_path(store: SQLiteStore) -> Path | None:
    """Where the streaming story index lives beside the store (none for an in-memory store)."""
    return Path(store.path + ".stories.npy") if store.path != ":memory:" else None


#: stored members of one group of copies a new article is compared with (its likeliest, by MinHash estimate)
GROUP_CANDIDATES = 3

#: the story index of older releases (a usearch graph), superseded by ``_index_path``'s file
LEGACY_INDEX_SUFFIX = ".stories.usearch"


def refresh_features(store: SQLiteStore) -> int:
    """Recompute the stored articles' features when they were made by another recipe (cluster.features.RECIPE, or
    none recorded: stores from before it was), since a lead embedded another way is not comparable with new
    ones; the story index is then rebuilt. Returns how many articles were recomputed."""
    if store.meta(RECIPE_KEY) == RECIPE:
        return 0
    ids = store.featured_ids()
    if ids:
        log.warning("recomputing the features of %d stored articles: they were made by another recipe", len(ids))
    crossing = crossing_needed(store.feature_languages())
    for start in range(0, len(ids), REFRESH_BATCH):
        store.replace_features(batch.featurize(store.articles(ids[start:start + REFRESH_BATCH]), crossing=crossing))
    path = _index_path(store)
    if path is not None:
        path.unlink(missing_ok=True)
        path.with_suffix(".keys").unlink(missing_ok=True)
    store.set_meta(RECIPE_KEY, RECIPE)
    return len(ids)


class Incremental:
    """Steps 3-4 for a stream of batches: copy index and story stream restored from the store."""

    def __init__(self, store: SQLiteStore) -> None:
        self.store = store
        self._load()

    def sync(self) -> None:
        """Read the state anew where another process wrote to the store since this one last did (two
        ``ingest`` runs, or ``ingest`` beside ``serve``): its articles and stories are then this stream's too.
        Called under the store's writer lock, so nothing is written between the check and this batch."""
        if self.store.data_version() != self.seen:
            log.info("the store was written by another process: its stories are read anew")
            self._load()

    def _load(self) -> None:
        store = self.store
        self.seen = store.data_version()  # before the state is read: a commit during the read is read again
        refresh_features(store)
        self.copies = CopyIndex(store.signatures())
        if store.path != ":memory:":
            Path(store.path + LEGACY_INDEX_SUFFIX).unlink(missing_ok=True)
        self._load_stories()

    def _load_stories(self) -> None:
        store = self.store
        self.stories = StoryStream(index=CentroidIndex(_index_path(store)), features_of=store.features)
        self.stories.redirects.update(store.redirects())
        for features, sid, seq in store.assigned_features():
            self.stories.restore(features, sid, seq)
        self.stories.finish_restore()
        #: whether every stored article that could have a cross-language vector was seen to have one
        self.crossed = False

    def _crossing(self, new: list[Features]) -> bool:
        """Whether the new articles need cross-language vectors: once the store and they hold two languages that
        use them (``features.crossing_needed``). The stored articles of those languages then get theirs, once,
        and the stories are read anew with them."""
        if not crossing_needed([*self.stories.languages.n, *(f.language for f in new)]):
            return False
        if not self.crossed:
            missing = self.store.uncrossed_ids(paraphrase.LANGUAGES)
            if missing:
                log.warning("computing cross-language vectors for %d stored articles: the store now holds "
                            "two languages that use them", len(missing))
            for start in range(0, len(missing), REFRESH_BATCH):
                ids = missing[start:start + REFRESH_BATCH]
                stored = {f.article_id: f for f in self.store.features(ids)}
                articles = [a for a in self.store.articles(ids) if a.id in stored]
                self.store.replace_features(batch.with_crossing(articles, [stored[a.id] for a in articles]))
            if missing:
                self._load_stories()
            self.crossed = True
        return True

    def derive(self, new: list[Article]) -> Derived:
        signatures = {a.id: signature(a) for a in new}
        changed = mark_copies(new, self.copies, self._stored_candidates(new, signatures), signatures)
        originals = [a for a in new if a.duplicate_of is None]
        usual = self.stories.languages.usual()
        features = batch.featurize(originals, fallback_language=usual, crossing=False)
        crossing = self._crossing(features)
        if crossing:
            features = batch.with_crossing(originals, features)
        before = set(self.stories.stories)
        merges_before, splits_before = len(self.stories.merges), len(self.stories.splits)
        assigned = dict(zip((a.id for a in originals), assign(self.stories, originals, features), strict=True))
        splits = self.stories.splits[splits_before:]
        for sid in {self.stories.resolve(sid) for pair in splits for sid in pair}:
            assigned.update(dict.fromkeys(self.stories.stories[sid].article_ids, sid))
        for copy in (a for a in new if a.duplicate_of is not None):
            root = copy.duplicate_of
            sid = assigned.get(root) or self.stories.of_article.get(root)
            assigned[copy.id] = self.stories.resolve(sid) if sid else self.stories.add(
                batch.featurize([copy], fallback_language=usual, crossing=crossing)[0])
        created = [(sid, self.stories.stories[sid].seq) for sid in self.stories.stories if sid not in before]
        return Derived(signatures=[self.copies.signatures[a.id] for a in new], copies=changed, features=features,
                       stories=created, assignments={aid: self.stories.resolve(s) for aid, s in assigned.items()},
                       merges=self.stories.merges[merges_before:], splits=splits)

    def _stored_candidates(self, new: list[Article], signatures: dict) -> dict[str, Article]:
        """Stored articles the new ones may copy, the likeliest few of each group of copies met, with the
        originals they point at, in ingest order (the order ``mark_copies`` breaks ties of undated articles by).
        A syndicated story's group can offer thousands; one confirmed member is all that ``mark_copies`` needs."""
        met = {article.id: self.copies.candidates(signatures[article.id]) for article in new}
        stored = set().union(*met.values()) - met.keys()
        original = self.store.originals(stored)
        ids = set()
        for candidates in met.values():
            taken: dict[str, int] = {}
            for other in candidates:
                group = original.get(other)
                if group is not None and taken.get(group, 0) < GROUP_CANDIDATES:
                    taken[group] = taken.get(group, 0) + 1
                    ids.update((other, group))
        found = {a.id: a for a in self.store.articles(ids)}
        return dict(sorted(found.items(), key=lambda item: self.copies.position.get(item[0], -1)))

    def close(self) -> None:
        self.stories.index.save(len(self.stories.of_article))


def store_batch(records: list[Article | Rejected], store: SQLiteStore,
                incremental: Incremental | None, reread: bool = False) -> tuple[int, Derived | None]:
    """One batch into the store with its copies and stories, in one transaction: (articles added, derived).
    ``reread``: articles already stored take this reading of their bytes where it differs (SQLiteStore.reread)."""
    articles = [r for r in records if isinstance(r, Article)]
    with store.writer_lock():
        if incremental:
            incremental.sync()
        stored = store.existing(a.id for a in articles)
        new = list({a.id: a for a in articles if a.id not in stored}.values())
        derived = incremental.derive(new) if incremental and new else None
        added, _ = store.add(records, derived)
    if reread and stored:
        changed = store.reread(a for a in articles if a.id in stored)
        if changed:
            log.info("%d stored articles read anew: this release reads their pages otherwise", changed)
    return added, derived


def ingest(inputs: Iterable[str | PathLike[str]], store: SQLiteStore, settings: Settings | None = None,
           on_record: OnRecord | None = None, stream: bool = True) -> IngestResult:
    """Steps 1-4 incrementally: read inputs into the store; each new article is checked for copies and
    assigned to a story as it arrives (``stream``). Re-ingesting the same inputs adds nothing."""
    settings = settings or Settings()
    result = IngestResult()
    if not stream:
        refresh_features(store)
    incremental = Incremental(store) if stream else None
    try:
        for records in _batches(read_inputs(inputs, settings), settings.batch_size):
            result.added += store_batch(records, store, incremental, reread=not stream)[0]
            for record in records:
                if isinstance(record, Article):
                    result.article_ids.append(record.id)
                else:
                    result.rejected.append(record)
                if on_record is not None:
                    on_record(record)
    finally:
        if incremental is not None:
            incremental.close()
    return result


def cluster_batch(articles: list[Article]) -> tuple[list[Story], Derived]:
    """Steps 3-4 over one batch of articles: copies, then stories by average linkage."""
    signatures = {a.id: signature(a) for a in articles}
    mark_copies(articles, signatures=signatures)
    originals = [a for a in articles if a.duplicate_of is None]
    features = batch.featurize(originals)
    stories = batch.cluster(articles, features=features)
    derived = Derived(signatures=list(signatures.values()), copies=[a for a in articles if a.duplicate_of],
                      features=features, stories=[(s.id, i) for i, s in enumerate(stories)],
                      assignments={aid: s.id for s in stories for aid in s.article_ids})
    return stories, derived


def build_report(articles: list[Article], rejected: list[Rejected], stories: list[Story],
                 settings: Settings | None = None) -> Report:
    """Steps 5-9 over records: no store, no CLI, callable from a test."""
    settings = settings or Settings()
    kb = load_kb(settings)
    entities = entities_for(stories, articles, kb)
    quotes = attach_speakers(quotes_for(stories, articles), entities, kb, articles)
    claims, sources = claims_and_sources(stories, articles, entities)
    stories = [replace(story, source_count=sources[story.id]) for story in stories]
    timeline = timelines(stories, articles)
    stories = brief_all(stories, articles, claims, quotes)
    return Report(articles=articles, rejected=rejected, stories=stories, entities=entities, quotes=quotes,
                  claims=claims, timeline=timeline, tool_version=__version__)


def analyze(inputs: Iterable[str | PathLike[str]], settings: Settings | None = None,
            store: SQLiteStore | None = None, on_record: OnRecord | None = None) -> Report:
    """Analyze files and folders into a report of exactly these inputs, clustered as one batch.

    With no ``store`` the articles are kept in a throwaway in-memory store.
    """
    settings = settings or Settings()
    own = store is None
    store = store or SQLiteStore(":memory:")
    try:
        result = ingest(inputs, store, settings, on_record, stream=False)
        articles = store.articles(result.article_ids)
        for article in articles:
            article.duplicate_of = article.copy_overlap = None
        stories, derived = cluster_batch(articles)
        derived.stories = [(s.id, store.next_story_seq() + i) for i, s in enumerate(stories)]
        store.save_derived(derived)
        report = build_report(articles, result.rejected, stories, settings)
        store.save_entities(report.entities)
        return report
    finally:
        if own:
            store.close()


def _stored_story(store: SQLiteStore, sid: str, present: list[Article], positions: dict[str, int],
                  features: dict[str, Features]) -> Story:
    """A stored story, titled by its most central member."""
    scored = [a for a in present if a.id in features and a.duplicate_of is None]
    central = None
    if scored:
        sim = batch.similarity_matrix([features[a.id] for a in scored]).mean(axis=1)
        ranked = [scored[i] for i in sorted(range(len(scored)), key=lambda i: -sim[i])]
        central = batch.headline_article(ranked)
    story = batch.make_story(present, positions, central, sid)
    story.split_from, split_into = store.splits_of(sid)
    story.split_into = split_into or None
    return story


def stories_from_store(store: SQLiteStore, articles: list[Article]) -> list[Story]:
    """The stored stories (streaming or batch)."""
    by_id = {a.id: a for a in articles}
    positions = {a.id: i for i, a in enumerate(articles)}
    features = {f.article_id: f for f, _, _ in store.assigned_features()}
    stories = []
    for sid, members in store.story_members().items():
        present = [by_id[aid] for aid in members if aid in by_id]
        if present:
            stories.append(_stored_story(store, sid, present, positions, features))
    stories.sort(key=lambda s: (-len(s.article_ids), s.first_published or "9999", s.id))
    return stories


def story_report(store: SQLiteStore, sid: str, settings: Settings | None = None) -> Report | None:
    """One stored story's part of the report: the story with its brief, and its articles."""
    members = store.members_of(sid)
    if not members:
        return None
    articles = store.articles(members)
    features = {f.article_id: f for f, _, _ in store.assigned_features(sid)}
    story = _stored_story(store, sid, articles, {a.id: i for i, a in enumerate(articles)}, features)
    return build_report(articles, [], [story], settings)


def report_from_store(store: SQLiteStore, settings: Settings | None = None) -> Report:
    """The report of everything a store holds, with its stored stories."""
    articles = store.articles()
    report = build_report(articles, store.rejected(), stories_from_store(store, articles), settings)
    store.save_entities(report.entities)
    return report
