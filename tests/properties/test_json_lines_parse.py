"""A line of JSON Lines reads the same by either parser.

A flat object is parsed by pydantic-core's parser; anything it may read otherwise than
``json.loads`` with the inventory's hooks (a key given twice, nesting, NaN, text it refuses)
goes to ``json.loads``, which names what is wrong. Either way the row is the same.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from aiact_tiers.documents import read_json
from aiact_tiers.interfaces.inventory import _flat, json_row

keys = st.sampled_from(["id", "profiling", "practices", "a:b", "é", "\\", '"'])
leaves = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=4),
                   st.sampled_from(["a:b", "2026-08-02", "\ud800"]))
values = st.recursive(leaves, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                      st.dictionaries(keys, inner, max_size=2)),
                      max_leaves=6)
objects = st.dictionaries(keys, values, max_size=5)


@st.composite
def lines(draw: st.DrawFn) -> str:
    """A JSON object as a line, mostly well formed; some with a key given twice, a constant,
    a number too large for a float, or a character dropped."""
    text = json.dumps(draw(objects), ensure_ascii=draw(st.booleans()))
    change = draw(st.sampled_from(["none", "none", "twice", "constant", "huge", "drop"]))
    if change == "twice" and text != "{}":
        text = text[:-1] + ", " + text[1:]
    elif change in ("constant", "huge"):
        value = {"constant": "NaN", "huge": "1e400"}[change]
        text = text[:-1] + (", " if text != "{}" else "") + f'"x": {value}' + "}"
    elif change == "drop" and len(text) > 2:
        at = draw(st.integers(0, len(text) - 1))
        text = text[:at] + text[at + 1:]
    return text + draw(st.sampled_from(["", "\n", "\r\n"]))


def slow(text: str) -> Any:
    try:
        return read_json(text.rstrip("\r\n"))
    except ValueError as exc:
        return exc


@given(lines())
def test_a_line_parsed_fast_is_parsed_as_json_loads_parses_it(text: str) -> None:
    fast = _flat(text)
    if fast is not None:
        expected = slow(text)
        assert not isinstance(expected, Exception), (text, expected)
        assert fast == expected and list(fast) == list(expected)
        assert list(map(type, fast.values())) == list(map(type, expected.values()))


@given(st.dictionaries(st.sampled_from(["id", "profiling", "practices"]),
                       st.one_of(st.none(), st.booleans(), st.lists(st.sampled_from(["x", "y"])))))
def test_a_flat_object_is_parsed_fast(data: dict[str, Any]) -> None:
    text = json.dumps(data)
    assert _flat(text) == data
    assert json_row(3, text).data == data
