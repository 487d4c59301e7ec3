"""The HTTP API and the web UI, one FastAPI app over one store.

    POST /articles          one article object or a list; ingested, checked for copies, assigned to stories
    POST /feeds             an RSS or Atom document; its items ingested as POST /articles does
    GET  /stories           paged story list
    GET  /stories/{id}      that story's part of the report contract (merged ids redirect)
    GET  /articles/{id}     one article with its story id
    GET  /entities?q=       entities whose name or alias contains q (story_id= for one story)
    GET  /entities/{id}     one entity with its mentions and evidence
    GET  /search?q=         full-text search over titles and bodies (SQLite FTS5)
    GET  /healthz           liveness and counts
    GET  /, /ui/...         the web UI (web.py); OpenAPI docs at /docs
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Body, FastAPI, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, RedirectResponse, Response

from .. import __version__
from ..ingest import parse_feed
from ..model import Article, Rejected
from ..settings import Settings
from . import errors, web
from .service import MAX_OFFSET, Service

#: records one POST may carry; larger loads go through `storyweave ingest`
MAX_RECORDS = 1000
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")
MAX_PAGE = 100


def create_app(db_path: str, settings: Settings | None = None) -> FastAPI:
    service = Service(db_path, settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        service.close()

    app = FastAPI(title="storyweave", version=__version__, lifespan=lifespan,
                  description="Stories, entities, quotes, claims and cited briefs from many news reports.")
    app.state.service = service
    errors.install(app, web.error_page)
    app.add_middleware(errors.BodyLimit)

    @app.post("/articles", status_code=201, summary="Add one article or a batch")
    def post_articles(payload: Annotated[Any, Body(description="An article object or a list of them "
                                                                 "(title, text, published, url, outlet, authors, id)")]
                      ) -> JSONResponse:
        items = payload if isinstance(payload, list) else [payload]
        if not isinstance(payload, (dict, list)) or not items:
            raise HTTPException(422, "body must be an article object or a non-empty list of them")
        if len(items) > MAX_RECORDS:
            raise HTTPException(413, f"at most {MAX_RECORDS} records per request")
        return _added(*service.add_articles(items))

    @app.post("/feeds", status_code=201, summary="Add the items of an RSS or Atom feed",
              openapi_extra={"requestBody": {"required": True, "content": {
                  media: {"schema": {"type": "string"}} for media in FEED_TYPES}}})
    async def post_feed(request: Request) -> JSONResponse:
        """The feed document is the request body; each item is read as a feed file's item is, then stored
        as POST /articles stores an article. Items already stored (the same content) add nothing."""
        return await run_in_threadpool(_add_feed, await request.body())

    def _add_feed(data: bytes) -> JSONResponse:
        read = parse_feed(data, "api-feed", service.settings)
        if isinstance(read, str):
            raise HTTPException(422, read)
        if len(read) > MAX_RECORDS:
            raise HTTPException(413, f"at most {MAX_RECORDS} items per feed")
        return _added(*service.add(lambda: read))

    def _added(articles: list[Article], rejected: list[Rejected], added: int) -> JSONResponse:
        store = service.store()
        body = {
            "added": added,
            "articles": [{"id": a.id, "source_path": a.source_path, "title": a.title,
                          "story_id": store.story_of(a.id), "duplicate_of": store.articles([a.id])[0].duplicate_of}
                         for a in articles],
            "rejected": [r.to_dict() for r in rejected],
        }
        return JSONResponse(body, status_code=201 if added else 200)

    @app.get("/stories", summary="Stories, largest first, paged")
    def list_stories(offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
                     limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20) -> dict[str, Any]:
        total, page = service.store().story_page(offset, limit)
        return {"total": total, "offset": offset, "limit": limit,
                "stories": [service.story_summary(sid, members) for sid, members in page]}

    @app.get("/stories/{story_id}", summary="One story's part of the report contract",
             responses={200: {"content": {"application/json": {}}}, 308: {"description": "the story was merged"}})
    async def get_story(story_id: str) -> Response:
        data = service.story_json(story_id) if service.is_cached(story_id) else None
        if data is None:
            current = await run_in_threadpool(service.resolve, story_id)
            if current != story_id:
                return RedirectResponse(f"/stories/{current}", status_code=308)
            data = await run_in_threadpool(service.story_json, story_id)
        if data is None:
            raise HTTPException(404, f"no story {story_id}")
        return Response(data, media_type="application/json")

    @app.get("/articles/{article_id}", summary="One article with its story")
    def get_article(article_id: str) -> dict[str, Any]:
        store = service.store()
        found = store.articles([article_id])
        if not found:
            raise HTTPException(404, f"no article {article_id}")
        return {**found[0].to_dict(), "story_id": store.story_of(article_id)}

    @app.get("/entities", summary="Entities whose name or alias contains q")
    def get_entities(q: Annotated[str, Query(max_length=200)] = "",
                     story_id: Annotated[str | None, Query(max_length=100)] = None,
                     limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
                     offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> dict[str, Any]:
        """Entities are resolved per story when its report is built (GET /stories/{id}, the web UI,
        `storyweave report`); with ``story_id`` that story's are resolved now if they were not yet."""
        if story_id is not None:
            story_id = service.resolve(story_id)
            if not service.is_cached(story_id) and service.story_json(story_id) is None:
                raise HTTPException(404, f"no story {story_id}")
        found = service.store().find_entities(q, story_id, limit, offset)
        return {"query": q, "story_id": story_id,
                "entities": [{k: v for k, v in e.to_dict().items() if k != "mentions"}
                             | {"mention_count": len(e.mentions)} for e in found]}

    @app.get("/entities/{entity_id}", summary="One entity with its mentions and the evidence for it")
    def get_entity(entity_id: str) -> dict[str, Any]:
        entity = service.store().entity(entity_id)
        if entity is None:
            raise HTTPException(404, f"no entity {entity_id}")
        return entity.to_dict()

    @app.get("/search", summary="Full-text search over article titles and bodies")
    def search(q: Annotated[str, Query(min_length=1, max_length=200)],
               limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20,
               offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
               spellings: Annotated[bool, Query(description="Widen a name to the other spellings of its "
                                                            "entities (Tokayev: Tokaev, Toccyev …)")] = True
               ) -> dict[str, Any]:
        store = service.store()
        others = store.spellings(q) if spellings else {}
        rows = store.search(q, limit, offset, others)
        return {"query": q, "spellings": others, "results": [{"id": i, "title": t, "snippet": s} for i, t, s in rows]}

    @app.get("/healthz", summary="Liveness, with counts")
    def healthz() -> dict[str, Any]:
        store = service.store()
        return {"status": "ok", "version": __version__, "articles": store.count_articles(),
                "schema_version": store.schema_version()}

    web.install(app, service)
    return app
