"""The web UI: server-rendered pages (Jinja2, autoescape on) and the app's own static files; no CDN."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Annotated

import jinja2
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from ..model import Article, Span
from ..render.html import days
from .service import MAX_OFFSET, Service

HERE = Path(__file__).resolve().parent
#: search results on one page
SEARCH_PAGE = 20
#: the KB's ids are Wikidata's: an entity page links to its item there
WIKIDATA_ID = re.compile(r"Q[1-9]\d*")
#: an entity page shows this many mentions at most, each with this many characters around it
MENTIONS_SHOWN, CONTEXT_CHARS = 300, 70
#: pages load only the app's own script and style; article text can never bring its own
CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"


def utf16(text: str, index: int) -> int:
    """A Python (code point) offset as a JavaScript (UTF-16) offset into the same text."""
    return len(text[:index].encode("utf-16-le")) // 2


def _context(text: str, mention: Span) -> tuple[str, str, str]:
    """A mention with the words around it, as (before, mention, after); the mention as recorded where the
    stored text no longer holds it there."""
    if text[mention.start:mention.end] != mention.text:
        return "", mention.text, ""
    start, end = max(0, mention.start - CONTEXT_CHARS), min(len(text), mention.end + CONTEXT_CHARS)
    before, after = text[start:mention.start], text[mention.end:end]
    if start > 0:
        before = before.partition(" ")[2] or before  # not a word cut in two
    if end < len(text):
        after = after.rpartition(" ")[0] or after
    return before, mention.text, after


def is_page(request: Request) -> bool:
    """A request of the web UI rather than of the JSON API."""
    path = request.url.path
    return path == "/" or path.startswith("/ui/")


def error_page(request: Request, status: int, message: str) -> HTMLResponse | None:
    """The web UI's page for a failed request (no such story, a bad offset); None for the API's requests."""
    if not is_page(request):
        return None
    return page("error.html.j2", status_code=status, status=status, message=message)


def page(name: str, status_code: int = 200, **context: object) -> HTMLResponse:
    response = HTMLResponse(_environment().get_template(name).render(**context), status_code=status_code)
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["utf16"] = lambda index, text: utf16(text, index)
    env.filters["days"] = days
    return env


def install(app: FastAPI, service: Service) -> None:
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, offset: int = 0) -> HTMLResponse:
        offset = min(max(0, offset), MAX_OFFSET)
        total, stories = service.store().story_page(offset, 50)
        rows = [service.story_summary(sid, members) for sid, members in stories]
        return page("stories.html.j2", stories=rows, total=total, offset=offset)

    @app.get("/ui/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str):
        current = service.resolve(story_id)
        if current != story_id:
            return RedirectResponse(f"/ui/stories/{current}", status_code=308)
        data = service.story(story_id)
        if data is None:
            raise HTTPException(404, f"no story {story_id}")
        articles = [Article.from_dict(a) for a in data["articles"]]
        return page("story.html.j2", story=data["stories"][0], articles=articles, report=data,
                    texts={a.id: a.text for a in articles}, titles={a.id: a.title or a.source_path for a in articles})

    @app.get("/ui/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: Annotated[str, Query(max_length=200)] = "",
                    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> HTMLResponse:
        store = service.store()
        others = store.spellings(q) if q.strip() else {}
        found = store.search(q, SEARCH_PAGE + 1, offset, others) if q.strip() else []
        results = [{"id": aid, "title": title, "snippet": shown, "story_id": store.story_of(aid)}
                   for aid, title, shown in found[:SEARCH_PAGE]]
        return page("search.html.j2", query=q.strip(), results=results, offset=offset, more=len(found) > SEARCH_PAGE,
                    spellings=others)

    @app.get("/ui/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(entity_id: str) -> HTMLResponse:
        store = service.store()
        entity = store.entity(entity_id)
        if entity is None:
            raise HTTPException(404, f"no entity {entity_id}")
        mentions = entity.mentions[:MENTIONS_SHOWN]
        order = list(dict.fromkeys(m.article_id for m in mentions))
        texts = {a.id: a for a in store.articles(order)}
        groups = [(texts[aid], [_context(texts[aid].text, m) for m in mentions if m.article_id == aid])
                  for aid in order if aid in texts]
        return page("entity.html.j2", entity=entity, groups=groups, shown=len(mentions),
                    spellings=Counter(m.text for m in entity.mentions).most_common(),
                    wikidata=bool(entity.kb_id and WIKIDATA_ID.fullmatch(entity.kb_id)))

    @app.get("/ui/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str) -> HTMLResponse:
        store = service.store()
        found = store.articles([article_id])
        if not found:
            raise HTTPException(404, f"no article {article_id}")
        return page("article.html.j2", article=found[0], story_id=store.story_of(article_id))
