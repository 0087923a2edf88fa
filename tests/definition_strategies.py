"""Hypothesis strategies for handoff-definition criteria: every kind, nested any/all groups.

Shared by the TOML round trip (tests/test_definition_toml.py) and the agreement of the SQL
with the pure evaluator (tests/test_definition_agreement.py).
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from models.core.enums import BANT_VALUES, BantField, Grade, TouchKind
from models.definitions.criteria import FIT_VALUES, Criterion, Match, parse


def _some(values: tuple[str, ...] | list[str]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(list(values)), min_size=1, max_size=4, unique=True)


def _touches() -> st.SearchStrategy[dict[str, Any]]:
    def build(kinds: list[str], days: int, match: str, count: int) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": "touches",
            "kinds": kinds,
            "within_days": days,
            "match": match,
        }
        if match == Match.COUNT:
            data["count"] = count
        return data

    return st.builds(
        build,
        _some([k.value for k in TouchKind]),
        st.sampled_from([1, 3, 7, 14, 30, 90, 365]),
        st.sampled_from([m.value for m in Match]),
        st.integers(1, 4),
    )


def _bant() -> st.SearchStrategy[dict[str, Any]]:
    return st.sampled_from([f.value for f in BantField]).flatmap(
        lambda field: st.builds(
            lambda values: {"kind": "bant", "field": field, "values": values},
            _some(BANT_VALUES[field]),
        )
    )


def _fit() -> st.SearchStrategy[dict[str, Any]]:
    return st.sampled_from(list(FIT_VALUES)).flatmap(
        lambda attribute: st.builds(
            lambda values: {"kind": "fit", "attribute": attribute, "values": values},
            _some(FIT_VALUES[attribute]),
        )
    )


def leaf_data() -> st.SearchStrategy[dict[str, Any]]:
    return st.one_of(
        st.builds(lambda s: {"kind": "score_at_least", "score": s}, st.integers(0, 100)),
        st.builds(lambda g: {"kind": "grade_in", "grades": g}, _some([g.value for g in Grade])),
        _touches(),
        _bant(),
        st.just({"kind": "reached"}),
        st.just({"kind": "meeting_booked"}),
        _fit(),
    )


def criteria_data(max_leaves: int = 8) -> st.SearchStrategy[dict[str, Any]]:
    """A criteria tree as plain data: a top group of leaves and nested any/all groups."""
    tree = st.recursive(
        leaf_data(),
        lambda inner: st.builds(
            lambda kind, items: {"kind": kind, "items": items},
            st.sampled_from(["all", "any"]),
            st.lists(inner, min_size=0, max_size=3),
        ),
        max_leaves=max_leaves,
    )
    return st.builds(
        lambda kind, items: {"kind": kind, "items": items},
        st.sampled_from(["all", "any"]),
        st.lists(tree, min_size=1, max_size=4),
    )


def criteria(max_leaves: int = 8) -> st.SearchStrategy[Criterion]:
    return criteria_data(max_leaves).map(parse)
