"""The HTTP API: FastAPI endpoints over the one classification path, served by uvicorn.

``POST /classify`` and ``POST /questions`` take a description and the :class:`~.options.Options`;
``POST /batch`` takes JSON Lines and streams one compact record per line back, the options in the
query; ``GET /rules/{id}``, ``GET /schema`` and ``GET /rulesets`` describe the law. The OpenAPI
document comes from the same pydantic models. An invalid request is a 422 whose ``message``
names the field as the command line does; a body over the size limit, or a batch over the row
limit, is a 413.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse

from . import catalog
from .batch import classify_jsonl
from .classify import classify
from .errors import AiactTiersError, DescriptionError
from .options import DescriptionRequest, Options, invalid_request
from .result import Classification, OpenQuestion
from .ruleset import DEFAULT_RULESET

__all__ = ["DEFAULT_MAX_BATCH_ROWS", "DEFAULT_MAX_REQUEST_BYTES", "create_app"]

DEFAULT_MAX_REQUEST_BYTES = 64 * 1024 * 1024
DEFAULT_MAX_BATCH_ROWS = 100_000


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
        response = JSONResponse(
            {"message": f"the request body is larger than {self.limit} bytes"}, status_code=413)
        await response(scope, receive, send)


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
        """JSON Lines of descriptions in; one compact record per line out, streamed as classified."""
        try:
            lines = (await request.body()).decode("utf-8").splitlines()
        except UnicodeDecodeError as exc:
            raise DescriptionError(f"the body is not UTF-8 text (byte {exc.start})") from None
        rows = sum(1 for line in lines if line.strip())
        if rows > max_batch_rows:
            return JSONResponse(
                {"message": f"the batch holds {rows} rows; at most {max_batch_rows} are allowed"},
                status_code=413)
        records: Iterator[dict[str, Any]] = classify_jsonl(lines, **options.kwargs())
        return StreamingResponse((json.dumps(r) + "\n" for r in records),
                                 media_type="application/x-ndjson")

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
