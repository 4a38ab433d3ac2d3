"""The HTTP API: FastAPI endpoints over the one classification path, served by uvicorn.

``POST /classify`` and ``POST /questions`` take a description and the :class:`~.options.Options`;
``POST /batch`` takes JSON Lines and streams one compact record per line back, the options in the
query; ``GET /rules/{id}``, ``GET /schema`` and ``GET /rulesets`` describe the law. The OpenAPI
document comes from the same pydantic models. An invalid request is a 422 whose ``message``
names the field as the command line does; a body over the size limit, or a batch over the row
limit, is a 413.

A batch is read as it arrives and classified in chunks of lines, so neither its body nor its
results are held whole. Its first :data:`READ_AHEAD_BYTES` are read before the response starts:
a body over a limit found there is a 413; one found over a limit later, once records have been
sent, ends the stream with a last record holding the ``error``.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse

from ..decision.classify import classify
from ..errors import AiactTiersError
from ..law import catalog
from ..law.ruleset import DEFAULT_RULESET
from ..results.classification import Classification, OpenQuestion
from .batch import classify_jsonl
from .options import DescriptionRequest, Options, invalid_request

__all__ = ["DEFAULT_MAX_BATCH_ROWS", "DEFAULT_MAX_REQUEST_BYTES", "create_app"]

DEFAULT_MAX_REQUEST_BYTES = 64 * 1024 * 1024
DEFAULT_MAX_BATCH_ROWS = 100_000
READ_AHEAD_BYTES = 1024 * 1024
"""Bytes of a batch read before its response starts, in which its limits give a 413."""
CHUNK_LINES = 500
"""Lines of a batch classified at a time, away from the event loop."""


class _TooLarge(Exception):
    pass


class _SizeLimit:
    """ASGI middleware: a 413 for a body over ``limit`` bytes, declared or streamed."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: MutableMapping[str, Any], receive: Callable[[], Awaitable[Any]],
                       send: Callable[[Any], Awaitable[None]]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and int(declared) > self.limit:
            await self._refuse(scope, receive, send)
            return
        seen = 0

        async def counted() -> Any:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise _TooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except _TooLarge:
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Any, receive: Any, send: Any) -> None:
        response = JSONResponse({"message": _too_large(self.limit)}, status_code=413)
        await response(scope, receive, send)


class _Streamed(StreamingResponse):
    """A streamed response sent while the request body is still being read: no task listens
    for the client going away, as one would take the body's messages (ASGI before 2.4)."""

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self.stream_response(send)


def _too_large(limit: int) -> str:
    return f"the request body is larger than {limit} bytes"


def _too_many(rows: int | None, limit: int) -> str:
    held = f"{rows} rows" if rows is not None else f"more than {limit} rows"
    return f"the batch holds {held}; at most {limit} are allowed"


async def _lines(body: AsyncIterator[bytes]) -> AsyncIterator[list[bytes]]:
    """The lines of a streamed body, each with its newline, in lists of at most
    :data:`CHUNK_LINES`; a line is kept in pieces until its newline arrives."""
    pending: list[bytes] = []
    async for data in body:
        *ends, rest = data.split(b"\n")
        lines = []
        for end in ends:
            lines.append(b"".join([*pending, end, b"\n"]))
            pending = []
        if rest:
            pending.append(rest)
        for at in range(0, len(lines), CHUNK_LINES):
            yield lines[at:at + CHUNK_LINES]
    if pending:
        yield [b"".join(pending)]


def _rows(lines: list[bytes]) -> int:
    """The rows among lines: those not blank, as :func:`classify_jsonl` counts them."""
    return sum(1 for line in lines if line.decode("utf-8", "replace").strip())


def _records(lines: list[bytes], start: int, options: dict[str, Any]) -> list[str]:
    """The compact records of lines numbered from ``start``, each a line of JSON Lines."""
    return [json.dumps(r) + "\n" for r in classify_jsonl(lines, start=start, **options)]


async def _read_ahead(body: AsyncIterator[list[bytes]], size: int) -> tuple[list[list[bytes]], bool]:
    """The chunks of lines in about the first ``size`` bytes, and whether the body ended there."""
    chunks: list[list[bytes]] = []
    seen = 0
    async for chunk in body:
        chunks.append(chunk)
        seen += sum(len(line) for line in chunk)
        if seen >= size:
            return chunks, False
    return chunks, True


async def _chunks(ahead: list[list[bytes]], rest: AsyncIterator[list[bytes]]) -> AsyncIterator[list[bytes]]:
    for chunk in ahead:
        yield chunk
    async for chunk in rest:
        yield chunk


def create_app(*, max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES,
               max_batch_rows: int = DEFAULT_MAX_BATCH_ROWS) -> FastAPI:
    """The API, refusing bodies over ``max_request_bytes`` and batches over ``max_batch_rows``."""
    app = FastAPI(title="aiact_tiers", summary="Where an AI system stands under the EU AI Act.")
    app.add_middleware(_SizeLimit, limit=max_request_bytes)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        located = [{**error, "loc": error["loc"][1:]} for error in exc.errors()]  # without "body"
        return JSONResponse({"message": invalid_request(located).message,
                             "detail": jsonable_encoder(exc.errors())}, status_code=422)

    @app.exception_handler(AiactTiersError)
    async def refused(request: Request, exc: AiactTiersError) -> JSONResponse:
        return JSONResponse({"message": exc.message, "code": exc.code}, status_code=422)

    @app.post("/classify", response_model=Classification)
    def classify_endpoint(request: DescriptionRequest) -> Classification:
        """Classify one AI system or general-purpose AI model."""
        return classify(request.description, **request.kwargs())

    @app.post("/questions", response_model=list[OpenQuestion])
    def questions_endpoint(request: DescriptionRequest) -> list[OpenQuestion]:
        """The unknown facts whose answers could change the result, in the law's order."""
        return classify(request.description, **request.kwargs()).open_questions

    @app.post("/batch", response_class=StreamingResponse,
              responses={200: {"content": {"application/x-ndjson": {}}}})
    async def batch_endpoint(request: Request, options: Annotated[Options, Query()]) -> Response:
        """JSON Lines of descriptions in; one compact record per line out, streamed as classified.

        A line that is not UTF-8 or not a description gives a record with its ``error``."""
        body = _lines(request.stream())
        ahead, ended = await _read_ahead(body, READ_AHEAD_BYTES)
        rows = sum(_rows(chunk) for chunk in ahead)
        if rows > max_batch_rows:
            return JSONResponse({"message": _too_many(rows if ended else None, max_batch_rows)},
                                status_code=413)
        kwargs = options.kwargs()
        first = await run_in_threadpool(_records, ahead[0] if ahead else [], 1, kwargs)

        async def stream() -> AsyncIterator[str]:
            """The records chunk by chunk, until the body ends or passes a limit."""
            done, start = len(first), 1 + len(ahead[0]) if ahead else 1
            yield "".join(first)
            try:
                async for chunk in _chunks(ahead[1:], body):
                    records = await run_in_threadpool(_records, chunk, start, kwargs)
                    if done + len(records) > max_batch_rows:
                        yield "".join(records[:max_batch_rows - done])
                        yield _error_record(_too_many(None, max_batch_rows))
                        return
                    done, start = done + len(records), start + len(chunk)
                    yield "".join(records)
            except _TooLarge:
                yield _error_record(_too_large(max_request_bytes))

        return _Streamed(stream(), media_type="application/x-ndjson")

    @app.get("/rules/{rule_id}", response_model=catalog.RuleInfo,
             responses={404: {"description": "No rule with that id in the ruleset."}})
    def rule_endpoint(rule_id: str, ruleset: str = DEFAULT_RULESET) -> Any:
        """A provision: its citation, predicate, outcome and dates."""
        try:
            return catalog.rule_info(rule_id, ruleset)
        except KeyError as exc:
            return JSONResponse({"message": str(exc.args[0])}, status_code=404)

    @app.get("/schema")
    def schema_endpoint(kind: Literal["system", "model"] = "system") -> dict[str, Any]:
        """The JSON Schema of a description: every fact, its provision, question and values."""
        return catalog.description_schema(kind)

    @app.get("/rulesets", response_model=list[catalog.RulesetInfo])
    def rulesets_endpoint() -> list[catalog.RulesetInfo]:
        """The rulesets shipped with the package."""
        return catalog.rulesets()

    return app


def _error_record(message: str) -> str:
    return json.dumps({"line": None, "id": None, "error": message}) + "\n"
