"""Partial knowledge of a set fact: some members known present, some unknown, the rest absent.

A user may know that a system performs none of the practices of Art 5(1)(a)-(g) without knowing
about (h), or that its purpose falls under Annex III area 4 without knowing the point. Such a
value is a :class:`PartialSet`. The three-valued evaluators read membership in it as True, False
or unknown (None), and an intersection with it as non-empty, empty or unknown; the two-valued
deciders never see one, since a description holding one is not fully known.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class PartialSet:
    """Members known ``present``, members ``unknown``; every other member is known absent."""

    present: frozenset[Any]
    unknown: frozenset[Any]

    def __bool__(self) -> bool:
        """May be non-empty: an unknown member may be there (a partial set is never empty)."""
        return True

    def truth(self) -> bool | None:
        """Whether it is non-empty: True with a member present, else unknown."""
        return True if self.present else None

    def member(self, item: Any) -> bool | None:
        """Whether ``item`` is a member: True, False, or None while unknown."""
        if item in self.present:
            return True
        return None if item in self.unknown else False

    def meets(self, other: Any) -> frozenset[Any] | None:
        """The intersection with a known set, as far as it is known: the present members it
        holds when there are some, empty when no unknown member is in ``other`` either, else
        None (unknown whether it is empty)."""
        if isinstance(other, PartialSet):
            return None
        found: frozenset[Any] = self.present & other
        if found or not self.unknown & other:
            return found
        return None

    def complete(self, answer: frozenset[Any]) -> frozenset[Any]:
        """The known members with those of ``answer`` that are unknown: the completion of this
        set that answering with ``answer`` gives."""
        return self.present | (answer & self.unknown)


def member(item: Any, container: Any) -> bool | None:
    """``item in container``, three-valued where the container is a :class:`PartialSet`."""
    if isinstance(container, PartialSet):
        return container.member(item)
    return bool(item in container)


def truth(value: Any) -> bool | None:
    """The truth of a value as a logic operand: None while unknown, three-valued for a
    :class:`PartialSet`."""
    if value is None:
        return None
    if isinstance(value, PartialSet):
        return value.truth()
    return bool(value)


def meet(left: Any, right: Any) -> Any:
    """``left & right``; where one side is a :class:`PartialSet`, the known intersection or
    None (see :meth:`PartialSet.meets`)."""
    if isinstance(left, PartialSet):
        return left.meets(right)
    if isinstance(right, PartialSet):
        return right.meets(left)
    return left & right
