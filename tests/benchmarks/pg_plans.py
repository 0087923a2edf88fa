"""Reading PostgreSQL plans in benchmarks: ``EXPLAIN ANALYZE`` of a statement as text (to
print) and as JSON (to read), and how a plan reads the ``lead`` table."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

#: Runs a statement with its parameters, returns its rows.
Run = Callable[[str, Any], list[Any]]


def plan_nodes(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield node
    for child in node.get("Plans", ()):
        yield from plan_nodes(child)


def explain(run: Run, statement: str, params: Any) -> tuple[list[str], dict[str, Any]]:
    """EXPLAIN ANALYZE of ``statement``: its text and its JSON plan."""
    text = [row[0] for row in run("EXPLAIN (ANALYZE, BUFFERS) " + statement, params)]
    plan: dict[str, Any] = run("EXPLAIN (ANALYZE, FORMAT JSON) " + statement, params)[0][0][0]
    return text, plan


def lead_read(plan: dict[str, Any]) -> str:
    """How the plan reads ``lead``: the scan, the rows it read, and whether it sorts."""
    nodes = list(plan_nodes(plan["Plan"]))
    words = [
        f"{n['Node Type']} {n.get('Index Name', '')}".strip()
        + f", {n['Actual Rows'] + n.get('Rows Removed by Filter', 0)} rows read"
        for n in nodes
        if n.get("Relation Name") == "lead"
    ]
    kinds = {n["Node Type"] for n in nodes}
    if "Sort" in kinds:
        words.append("then sorts every match")
    elif "Incremental Sort" in kinds:
        words.append("ties of priority ordered by id (incremental sort)")
    return "; ".join(words)
