"""One JSON error shape for every failure: {"error": {"status": 404, "message": "..."}}; a page of the web UI
fails as a page (``pages``), with the same status and message, since a browser shows JSON as raw text."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

#: request bodies larger than this are refused with 413 before they are read whole
MAX_BODY_BYTES = 5_000_000


def error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)


#: the error page of a web UI request, or None for a request of the API
Pages = Callable[[Request, int, str], Response | None]


def install(app: FastAPI, pages: Pages | None = None) -> None:
    def respond(request: Request, status: int, message: str) -> Response:
        page = pages(request, status, message) if pages else None
        return page if page is not None else error(status, message)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return respond(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return respond(request, 422, f"{where}: {first.get('msg', 'invalid request')}" if where else "invalid request")


class BodyLimit:
    """ASGI middleware: 413 for bodies over the limit, by Content-Length or while they stream in."""

    def __init__(self, app, limit: int = MAX_BODY_BYTES) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            return await error(413, f"request body over {self.limit} bytes")(scope, receive, send)
        seen = 0

        async def limited():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge
            return message

        try:
            await self.app(scope, limited, send)
        except _TooLarge:
            await error(413, f"request body over {self.limit} bytes")(scope, receive, send)


class _TooLarge(Exception):
    pass
