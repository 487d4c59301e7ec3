"""The ``storyweave`` command: analyze, ingest, report.

Exit codes: 0 every input was read; 3 some inputs were rejected (listed in the report); 2 usage
error (bad option, unusable config, store that cannot be opened); 1 an unexpected failure.
"""

from __future__ import annotations

import logging
import re
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .errors import InputError, StoryweaveError
from .model import Article, Rejected
from .pipeline import analyze as run_analyze
from .pipeline import ingest as run_ingest
from .pipeline import report_from_store
from .render import write_report
from .settings import Settings
from .store import open_store

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_REJECTED = 0, 1, 2, 3
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"\s+")

app = typer.Typer(
    name="storyweave",
    help="Turn a pile of news reports into one story report you can trust.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
log = logging.getLogger("storyweave")

Paths = Annotated[list[str], typer.Argument(help="Files, folders (read recursively) or glob patterns.",
                                            show_default=False)]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")]
LogLevel = Annotated[str, typer.Option("--log-level", help="debug, info, warning or error (to stderr).")]
Config = Annotated[Path | None, typer.Option("--config", help="Settings in TOML (\\[storyweave] table).",
                                             show_default=False)]
MaxBytes = Annotated[int | None, typer.Option("--max-bytes", help="Reject files larger than this, "
                                              "and web archive, JSONL or JSON records (default 10,000,000).",
                                              show_default=False)]
FollowLinks = Annotated[bool, typer.Option("--follow-links", help="In folders, follow links that lead out of "
                                           "them too (else rejected).", show_default=False)]
Workers = Annotated[int | None, typer.Option("--workers", help="Processes that parse inputs (default 1).",
                                             show_default=False)]


def _echo(message: str, err: bool = False) -> None:
    """Print a line that may hold the input's text (file names, entity names, snippets): its control characters
    are shown escaped, never sent to the terminal to obey."""
    typer.echo(_CONTROLS.sub(lambda found: f"\\x{ord(found.group()):02x}", message), err=err)


def _setup(log_level: str, quiet: bool) -> None:
    level = getattr(logging, log_level.upper(), None)
    if not isinstance(level, int):
        raise InputError(f"unknown --log-level {log_level!r}: use debug, info, warning or error")
    logging.basicConfig(level=logging.ERROR if quiet else level, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")
    if level > logging.DEBUG:
        for name in _PARSER_LOGGERS:
            logging.getLogger(name).setLevel(logging.ERROR)


#: libraries that warn about the pages they parse ("discarding data: None"): what a page that gives no text
#: comes to is its line in ``rejected``; their own words show at --log-level debug
_PARSER_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "readability")


def _out_folder(out: Path) -> None:
    """Make the report folder before the work, so that a path that cannot be one fails at once."""
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out} is a file, not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"--out {out}: cannot make this folder ({exc.strerror})") from exc


def _settings(config: Path | None, **overrides: object) -> Settings:
    return Settings.load(config, **overrides)


@contextmanager
def _progress(quiet: bool):
    """A live count on stderr when it is a terminal; silent otherwise."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} read"),
                  TimeElapsedColumn(), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("ingesting", total=None)

        def tick(record: Article | Rejected) -> None:
            bar.advance(task)

        yield tick


def _say(quiet: bool, message: str) -> None:
    if not quiet:
        _echo(message)


def _rejections(rejected: list[Rejected], quiet: bool) -> int:
    for item in rejected:
        if not quiet:
            _echo(f"rejected: {item.source_path}: {item.reason}", err=True)
    return EXIT_REJECTED if rejected else EXIT_OK


@app.command()
def analyze(
    paths: Paths,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for report.json, report.html and the store.")]
    = Path("out"),
    db: Annotated[Path | None, typer.Option("--db", help="Store file (default OUT/storyweave.sqlite).",
                                            show_default=False)] = None,
    max_bytes: MaxBytes = None,
    workers: Workers = None,
    follow_links: FollowLinks = False,
    config: Config = None,
    quiet: Quiet = False,
    log_level: LogLevel = "warning",
) -> None:
    """Analyze files and folders into OUT/report.json and OUT/report.html, and print their paths.

    The report covers exactly the inputs named; they are also kept in the store for `report` and `serve`.
    """
    _setup(log_level, quiet)
    settings = _settings(config, max_bytes=max_bytes, workers=workers,
                         follow_links=follow_links or None)
    _out_folder(out)
    with open_store(str(db or out / "storyweave.sqlite")) as store, _progress(quiet) as tick:
        report = run_analyze(paths, settings, store=store, on_record=tick)
    json_path, html_path = write_report(report, out)
    _say(quiet, f"{len(report.articles)} articles, {len(report.rejected)} rejected")
    _say(quiet, str(json_path))
    _say(quiet, str(html_path))
    raise typer.Exit(_rejections(report.rejected, quiet))


@app.command()
def ingest(
    paths: Paths,
    db: Annotated[Path, typer.Option("--db", help="Store file to add to (created if missing).")],
    max_bytes: MaxBytes = None,
    workers: Workers = None,
    follow_links: FollowLinks = False,
    config: Config = None,
    quiet: Quiet = False,
    log_level: LogLevel = "warning",
) -> None:
    """Add articles to a store incrementally; inputs stored before are not added again."""
    _setup(log_level, quiet)
    settings = _settings(config, max_bytes=max_bytes, workers=workers,
                         follow_links=follow_links or None)
    with open_store(str(db)) as store, _progress(quiet) as tick:
        result = run_ingest(paths, store, settings, on_record=tick)
        total = store.count_articles()
    _say(quiet, f"{len(result.article_ids)} articles read, {result.added} new, {len(result.rejected)} rejected; "
                f"{total} in {db}")
    raise typer.Exit(_rejections(result.rejected, quiet))


@app.command()
def report(
    db: Annotated[Path, typer.Option("--db", help="Store file to report on.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for report.json and report.html.")] = Path("out"),
    config: Config = None,
    quiet: Quiet = False,
    log_level: LogLevel = "warning",
) -> None:
    """Render report.json and report.html from everything a store holds."""
    _setup(log_level, quiet)
    if not db.is_file():
        raise InputError(f"no store at {db}: run `storyweave ingest PATH... --db {db}` first")
    settings = _settings(config)
    _out_folder(out)
    with open_store(str(db)) as store:
        result = report_from_store(store, settings)
    json_path, html_path = write_report(result, out)
    _say(quiet, str(json_path))
    _say(quiet, str(html_path))


@app.command()
def serve(
    db: Annotated[Path, typer.Option("--db", help="Store file to serve (created if missing).")],
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    config: Config = None,
    log_level: LogLevel = "warning",
) -> None:
    """Serve the HTTP API (docs at /docs) and the web UI over a store."""
    _setup(log_level, False)
    try:
        import uvicorn

        from .api.app import create_app
    except ImportError as exc:
        raise InputError("the web extra is not installed: pip install 'storyweave[web]'") from exc
    from .nlp import embed

    embed.set_threads(max(1, embed.threads() - 1))  # a core stays free for the requests
    uvicorn.run(create_app(str(db), _settings(config)), host=host, port=port, log_level=log_level.lower(),
                access_log=False)


@app.command()
def entities(
    db: Annotated[Path, typer.Option("--db", help="Store file (entities are saved by analyze, report, serve).")],
    explain: Annotated[str | None, typer.Option("--explain", help="Show one entity: its mentions and the "
                                                "evidence for every merge and KB link.", show_default=False)] = None,
    query: Annotated[str, typer.Option("--query", "-q", help="Only entities whose name or alias contains this.")]
    = "",
    story: Annotated[str | None, typer.Option("--story", help="Only this story's entities.", show_default=False)]
    = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many.")] = 50,
) -> None:
    """List resolved entities, or explain why one entity's mentions were merged and linked."""
    if not db.is_file():
        raise InputError(f"no store at {db}: run `storyweave analyze PATH... --db {db}` first")
    with open_store(str(db)) as store:
        if explain is None:
            for entity in store.find_entities(query, story, limit):
                _echo(f"{entity.id}  {entity.type:<6} {entity.name}  [{entity.kb_id or 'not linked'}]  "
                      f"{len(entity.mentions)} mentions")
            return
        entity = store.entity(explain)
    if entity is None:
        raise InputError(f"no entity {explain} in {db}")
    _echo(f"{entity.name} ({entity.type}) {entity.kb_id or 'not linked to the KB'}  story {entity.story_id}")
    _echo(f"spellings: {', '.join(sorted({m.text for m in entity.mentions}))}")
    _echo(f"{len(entity.mentions)} mentions in {len({m.article_id for m in entity.mentions})} articles")
    for item in entity.evidence:
        detail = f"  ({item.detail})" if item.detail else ""
        _echo(f"  {item.rule:<15} {item.score:>6.3f}  {item.left} ~ {item.right}{detail}")


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words that must all occur; 'word*' matches words it starts.",
                                         show_default=False)],
    db: Annotated[Path, typer.Option("--db", help="Store file (written by analyze --db or ingest).")],
    limit: Annotated[int, typer.Option("--limit", help="At most this many.", min=1)] = 20,
    exact: Annotated[bool, typer.Option("--exact", help="Only the words as written, not the other spellings "
                                        "of the names among them.")] = False,
) -> None:
    """Full-text search over the stored articles' titles and bodies, best first, each with its story.

    A name also matches its entities' other spellings (Tokayev: Tokaev, Toccyev …), listed on stderr."""
    if not db.is_file():
        raise InputError(f"no store at {db}: run `storyweave ingest PATH... --db {db}` first")
    with open_store(str(db)) as store:
        others = {} if exact else store.spellings(query)
        for key, spellings in sorted(others.items()):
            _echo(f"also searched for {key}: {', '.join(spellings)}", err=True)
        hits = store.search(query, limit, spellings=others)
        for article_id, title, shown in hits:
            _echo(f"{article_id}  {store.story_of(article_id) or '-'}  {title or '(untitled)'}")
            _echo(f"    {_SPACES.sub(' ', shown)}")
    if not hits:
        _echo(f"no article matches {query!r}", err=True)


kb_app = typer.Typer(help="The offline knowledge base.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")


@kb_app.command("build")
def kb_build(
    data: Annotated[Path, typer.Option("--data", help="Folder of the public KB files (shared/data/kb layout).")],
    out: Annotated[Path, typer.Option("--out", help="SQLite file to write (use it with the kb_path setting).")],
    add: Annotated[list[Path] | None, typer.Option("--add", help="Your own entities, CSV or JSONL (repeatable).",
                                                   show_default=False)] = None,
) -> None:
    """Build the knowledge base from public data files, and your own entity lists."""
    from .entities.kb_build import build

    if not data.is_dir():
        raise InputError(f"no folder {data}")
    for path in add or []:
        if not path.is_file():
            raise InputError(f"no file {path}")
    counts = build(data, out, add or [])
    _echo(f"{out}: " + ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items())))


@app.command()
def version() -> None:
    """Print the storyweave version."""
    _echo(__version__)


def main() -> None:
    """Console entry point: one-line messages for our errors, no tracebacks."""
    try:
        code = app(standalone_mode=False)
    except typer.Exit as done:
        code = done.exit_code
    except InputError as exc:
        _echo(f"storyweave: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except StoryweaveError as exc:
        _echo(f"storyweave: {exc}", err=True)
        sys.exit(EXIT_FAILURE)
    except Exception as exc:  # click's own usage errors carry their exit code
        code = getattr(exc, "exit_code", None)
        if code is None:
            raise
        show = getattr(exc, "show", None)
        if show is not None:
            show()
        sys.exit(code)
    sys.exit(code if isinstance(code, int) else EXIT_OK)


if __name__ == "__main__":
    main()
