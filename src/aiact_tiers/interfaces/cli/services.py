"""The commands serving the library to other programs: serve (the HTTP API) and mcp (the MCP
server)."""

from __future__ import annotations

from typing import Annotated

import typer

from ...errors import import_extra
from .common import _one_line_errors


def serve_command(
    host: Annotated[str, typer.Option(help="Address to bind; another than 127.0.0.1 only when asked.")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    max_request_bytes: Annotated[
        int | None, typer.Option(help="Largest request body accepted (default 64 MiB).")
    ] = None,
    max_batch_rows: Annotated[
        int | None, typer.Option(help="Most rows a POST /batch may hold (default 100,000).")
    ] = None,
) -> None:
    """Serve the HTTP API (POST /classify, /questions, /batch; GET /rules/{id}, /schema, /rulesets)."""
    with _one_line_errors():
        uvicorn = import_extra("uvicorn", "http")
        http_api = import_extra("aiact_tiers.interfaces.http_api", "http")
    limits = {"max_request_bytes": max_request_bytes, "max_batch_rows": max_batch_rows}
    api = http_api.create_app(**{name: value for name, value in limits.items() if value is not None})
    uvicorn.run(api, host=host, port=port, log_level="warning")


def mcp_command() -> None:
    """Serve MCP tools over stdio: classify, questions, explain, compare, history, schema, rulesets."""
    with _one_line_errors():
        mcp_server = import_extra("aiact_tiers.interfaces.mcp_server", "mcp")
    mcp_server.run_stdio()
