"""The HTTP API served by uvicorn on 127.0.0.1, each endpoint checked over a real socket."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from aiact_tiers.interfaces import http_api

ROOT = Path(__file__).resolve().parents[2]
CV = yaml.safe_load((ROOT / "examples" / "cv_screening.yaml").read_text())
AS_OF = "2026-11-28"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def api() -> Iterator[httpx.Client]:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", "from aiact_tiers.interfaces.cli import main; main()", "serve",
         "--port", str(port),
         "--max-request-bytes", str(32 * 1024 * 1024), "--max-batch-rows", "10000"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120)
    try:
        for _ in range(300):
            try:
                client.get("/rulesets")
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stderr.read() if server.stderr else ""
                time.sleep(0.1)
        yield client
    finally:
        client.close()
        server.terminate()
        server.wait(timeout=30)


def test_classify_returns_the_bundled_cv_example_tier(api: httpx.Client) -> None:
    response = api.post("/classify", json={"description": CV, "as_of": AS_OF})
    assert response.status_code == 200
    result = response.json()
    assert result["tier"] == "high_risk" and result["as_of"] == AS_OF
    assert [hit["citation"]["provision"] for hit in result["basis"]] == ["Annex III 4(a)"]


def test_classify_with_options_and_a_model_description(api: httpx.Client) -> None:
    deployer = api.post("/classify", json={"description": CV, "as_of": AS_OF, "role": "deployer"}).json()
    assert {o["role"] for o in deployer["obligations"]} == {"deployer"}
    model = {"kind": "model", "roles": ["provider"], "significant_generality": True,
             "wide_range_of_distinct_tasks": True, "research_prototype_only": False,
             "training_compute_flop": 3e25}
    result = api.post("/classify", json={"description": model, "as_of": AS_OF, "ruleset": "eu-2024"})
    assert result.status_code == 200 and result.json()["ruleset"] == "eu-2024"
    assert result.json()["model_class"] == "gpai_systemic_risk"


def test_a_bad_field_is_a_422_naming_it(api: httpx.Client) -> None:
    response = api.post("/classify", json={"description": {**CV, "profilng": True}})
    assert response.status_code == 422
    assert response.json()["message"] == "unknown field `profilng`; did you mean `profiling`?"
    response = api.post("/questions", json={"description": CV, "role": "boss"})
    assert response.status_code == 422
    assert response.json()["message"].startswith("field `role`: must be one of 'provider', 'deployer'")
    response = api.post("/classify", json={"description": CV, "as_of": "2020-01-01"})
    assert response.status_code == 422 and response.json()["code"] == "AT400"
    response = api.post("/batch", params={"ruleset": "eu-2099"}, content=b"{}\n")
    assert response.status_code == 422
    assert response.json()["message"].startswith("field `ruleset`: must be one of eu-2023-ep")


def test_questions_lists_the_open_facts(api: httpx.Client) -> None:
    """Read strictly, the Art 6(3) derogation is open, so profiling is asked; under the law's
    presumptions the derogation is taken not to apply, and it is not."""
    description = {"annex_iii_points": ["4(a)"]}
    response = api.post("/questions", json={"description": description, "as_of": AS_OF, "presume": False})
    assert response.status_code == 200
    facts = [q["fact"] for q in response.json()]
    assert "profiling" in facts and all(q["provision"] for q in response.json())
    presumed = api.post("/questions", json={"description": description, "as_of": AS_OF})
    assert "profiling" not in [q["fact"] for q in presumed.json()]


def test_batch_streams_ten_thousand_rows_with_one_bad_row(api: httpx.Client) -> None:
    rows = [json.dumps({**CV, "id": f"s{i}"}) for i in range(10_000)]
    rows[4321] = json.dumps({"id": "bad", "annex_iii_points": ["9(z)"]})
    body = ("\n".join(rows) + "\n").encode()
    records = []
    with api.stream("POST", "/batch", params={"as_of": AS_OF}, content=body) as response:
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/x-ndjson"
        records = [json.loads(line) for line in response.iter_lines() if line]
    assert len(records) == 10_000
    assert [r["line"] for r in records] == list(range(1, 10_001))
    errors = [r for r in records if "error" in r]
    assert [(r["line"], r["id"]) for r in errors] == [(4322, "bad")]
    assert "annex_iii_points" in errors[0]["error"]
    assert {r["tier"] for r in records if "error" not in r} == {"high_risk"}


@given(st.binary(max_size=300).map(lambda b: b.replace(b"a", b"\n")),
       st.lists(st.integers(0, 300), max_size=8))
def test_a_body_in_any_pieces_reads_as_the_lines_of_a_file(body: bytes, cuts: list[int]) -> None:
    """However the body arrives, its lines are those a file of it gives, in lists of at most
    CHUNK_LINES lines."""
    import asyncio
    import io
    import itertools

    async def arriving() -> Any:
        edges = [0, *sorted(c for c in cuts if c < len(body)), len(body)]
        for start, end in itertools.pairwise(edges):
            yield body[start:end]

    async def read() -> list[list[bytes]]:
        return [chunk async for chunk in http_api._lines(arriving())]

    chunks = asyncio.run(read())
    assert [line for chunk in chunks for line in chunk] == list(io.BytesIO(body))
    assert all(0 < len(chunk) <= http_api.CHUNK_LINES for chunk in chunks)


def _pieces(body: bytes, size: int) -> Iterator[bytes]:
    """A body sent in pieces of ``size`` bytes, without a declared length (chunked)."""
    for at in range(0, len(body), size):
        yield body[at:at + size]


def test_batch_streams_a_chunked_body_cut_inside_lines(api: httpx.Client) -> None:
    rows = [json.dumps({**CV, "id": f"s{i}"}).encode() for i in range(3000)]
    rows[10] = b"\xff not UTF-8"
    rows[2999] = b"{not json"
    # two blank lines in the middle, none at the end
    body = b"\n".join(rows[:1500]) + b"\n\n   \n" + b"\n".join(rows[1500:])
    with api.stream("POST", "/batch", params={"as_of": AS_OF}, content=_pieces(body, 7777)) as response:
        assert response.status_code == 200
        records = [json.loads(line) for line in response.iter_lines() if line]
    assert [r["line"] for r in records] == [*range(1, 1501), *range(1503, 3003)]
    errors = {r["line"]: r["error"] for r in records if "error" in r}
    assert errors == {11: "not UTF-8 text; save the inventory as UTF-8",
                      3002: "invalid JSON: Expecting property name enclosed in double quotes (column 2)"}
    assert {r["id"] for r in records if "error" not in r} == {f"s{i}" for i in range(3000)} - {"s10", "s2999"}


def test_a_batch_past_its_limits_after_the_read_ahead_ends_with_an_error_record(api: httpx.Client) -> None:
    """Once records are sent the status is 200: a limit passed later ends the stream with a
    last record holding the error, after the records of the rows within the limit."""
    line = (json.dumps({**CV, "id": "cv"}) + "\n").encode()
    rows = 10_000 + 1
    assert len(line) * rows > 1024 * 1024  # more than the read-ahead
    pieces = _pieces(line * rows, 65536)
    with api.stream("POST", "/batch", params={"as_of": AS_OF}, content=pieces) as response:
        assert response.status_code == 200
        records = [json.loads(text) for text in response.iter_lines() if text]
    assert len(records) == 10_001
    assert all(r["tier"] == "high_risk" for r in records[:-1])
    assert records[-1] == {"line": None, "id": None,
                           "error": "the batch holds more than 10000 rows; at most 10000 are allowed"}
    limit = 32 * 1024 * 1024
    blank = b" " * 1023 + b"\n"
    with api.stream("POST", "/batch", content=_pieces(blank * (limit // 1024 + 1), 1024 * 1024)) as response:
        assert response.status_code == 200
        records = [json.loads(text) for text in response.iter_lines() if text]
    assert records == [{"line": None, "id": None, "error": f"the request body is larger than {limit} bytes"}]


def test_batch_and_body_limits_are_413s(api: httpx.Client) -> None:
    response = api.post("/batch", content=("{}\n" * 10_001).encode())
    assert response.status_code == 413
    assert response.json()["message"] == "the batch holds 10001 rows; at most 10000 are allowed"
    response = api.post("/batch", content=b" " * (32 * 1024 * 1024 + 1))
    assert response.status_code == 413
    assert response.json()["message"] == f"the request body is larger than {32 * 1024 * 1024} bytes"


def test_rules_schema_and_rulesets(api: httpx.Client) -> None:
    rule = api.get("/rules/annex_iii_4_a")
    assert rule.status_code == 200
    assert rule.json()["citation"]["provision"] == "Annex III 4(a)"
    assert rule.json()["ruleset"] == "eu-2024-2026"
    missing = api.get("/rules/annex_iii_4_z")
    assert missing.status_code == 404 and "no rule `annex_iii_4_z`" in missing.json()["message"]
    schema = api.get("/schema").json()
    assert schema["properties"]["profiling"]["provision"] == "Art 6(3), Art 3(52)"
    assert api.get("/schema", params={"kind": "model"}).json()["title"] == "ModelDescription"
    rulesets = api.get("/rulesets").json()
    assert [r["id"] for r in rulesets] == ["eu-2023-ep", "eu-2024", "eu-2024-2026"]
    assert [r["id"] for r in rulesets if r["default"]] == ["eu-2024-2026"]
    paths = api.get("/openapi.json").json()["paths"]
    assert set(paths) == {"/classify", "/questions", "/batch", "/rules/{rule_id}", "/schema", "/rulesets"}
