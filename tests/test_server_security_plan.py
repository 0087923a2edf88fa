"""Row-level security keeps the queue's top 50 on the plan it has without it, at 100,000 leads.

The policies call the identity functions as ``(SELECT fn())``: init plans, run once per
statement, never per row. So a rep's queue reads ``lead`` the way the owner's does (same
scan, same index), only filtered by the team; with an order an index can give
(``priority DESC``), a rep's top 50 is an index walk that stops after about 50 rows.

The leads are made with one bulk ``INSERT ... SELECT generate_series`` (seconds, where the
demo generator would take minutes). Timings are printed, not asserted (a shared machine).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import event
from sqlalchemy.engine import make_url

from models.db.database import Database
from models.leads.queue import ANY_OWNER, QueueQuery, queue_page
from tests.team_server import TeamDatabase, admin_execute, conninfo, team_database

pytestmark = pytest.mark.postgres
LEADS = 100_000

FILL = """
INSERT INTO lead (account_id, name, sort_key, search_text, locale, stage, owner_id, team_id,
    fit_score, engagement_score, score, grade, priority, why_now, mql_at, call_attempts,
    stage_changed_at, do_not_call, version, created_at, updated_at, phone_invalid,
    unanswered_streak, bant_budget, bant_authority, bant_need, bant_timeline)
SELECT account_id, 'lead ' || i, 'lead ' || i, 'lead ' || i, 'ja',
    CASE WHEN i %% 10 < 7 THEN 'new' WHEN i %% 10 < 9 THEN 'working' ELSE 'recycled' END,
    CASE i %% 5 WHEN 0 THEN %(a)s WHEN 1 THEN %(b)s WHEN 2 THEN %(d)s END,
    CASE WHEN i %% 5 IN (0, 1) THEN %(tokyo)s WHEN i %% 5 = 2 THEN %(osaka)s
         WHEN i %% 100 = 3 THEN NULL WHEN i %% 2 = 0 THEN %(tokyo)s ELSE %(osaka)s END,
    0, 0, (i * 7919) %% 100, 'C', ((i * 7919) %% 100000) / 1000.0, 'score', now(), 0,
    now(), false, 1, now(), now(), false, 0, 'unknown', 'unknown', 'unknown', 'unknown'
FROM generate_series(1, %(n)s) AS i, (SELECT min(account_id) AS account_id FROM lead) AS a
"""


@pytest.fixture(scope="module")
def big(pg_server: str) -> Iterator[TeamDatabase]:
    name = f"baton_test_{uuid.uuid4().hex[:12]}"
    admin_execute(pg_server, sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = make_url(pg_server).set(database=name).render_as_string(False)
    with team_database(url) as team_db:
        ids, teams = team_db.ids, team_db.teams
        started = time.perf_counter()
        with psycopg.connect(conninfo(url)) as conn:
            conn.execute(
                FILL,
                {
                    "a": ids["rep_a"],
                    "b": ids["rep_b"],
                    "d": ids["rep_d"],
                    "tokyo": teams["tokyo"],
                    "osaka": teams["osaka"],
                    "n": LEADS,
                },
            )
            conn.commit()
            conn.autocommit = True
            conn.execute("ANALYZE")
        print(f"\n{LEADS:,} leads inserted in {time.perf_counter() - started:.1f} s")
        yield team_db


def _statement(db: Database, query: QueueQuery) -> tuple[str, Any, float]:
    """The SQL the app sends for its top 50 (and its parameters), and its time in ms."""
    seen: list[tuple[str, Any]] = []

    def listener(_c: Any, _cur: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        if "LIMIT" in statement.upper():
            seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        with db.read() as session:
            queue_page(session, query)  # warm
            started = time.perf_counter()
            rows = queue_page(session, query)
            elapsed = (time.perf_counter() - started) * 1000
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    assert len(rows) == 50
    statement, parameters = seen[-1]
    return statement, parameters, elapsed


def _plan(db: Database, statement: str, parameters: Any) -> dict[str, Any]:
    with db.read() as session:
        raw = session.connection().exec_driver_sql(
            "EXPLAIN (ANALYZE, FORMAT JSON) " + statement, parameters
        )
        found: dict[str, Any] = raw.scalar_one()[0]
    return found


def _nodes(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield node
    for child in node.get("Plans", ()):
        yield from _nodes(child)


def _lead_scan(plan: dict[str, Any]) -> tuple[str, str | None]:
    scans = [n for n in _nodes(plan["Plan"]) if n.get("Relation Name") == "lead"]
    assert len(scans) == 1, scans
    return scans[0]["Node Type"], scans[0].get("Index Name")


def _init_plans(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [n for n in _nodes(plan["Plan"]) if n.get("Subplan Name", "").startswith("InitPlan")]


@pytest.mark.parametrize("owner", ["any", "rep_a"])
def test_a_reps_queue_reads_lead_as_the_owners_does(big: TeamDatabase, owner: str) -> None:
    query = QueueQuery(owner=ANY_OWNER if owner == "any" else big.ids["rep_a"])
    with big.owner() as db:
        statement, parameters, owner_ms = _statement(db, query)
        unrestricted = _plan(db, statement, parameters)
    with big.app("rep_a") as db:
        statement, parameters, rep_ms = _statement(db, query)
        restricted = _plan(db, statement, parameters)
    print(
        f"\ntop 50 ({owner}): owner {owner_ms:.1f} ms {_lead_scan(unrestricted)}, "
        f"rep {rep_ms:.1f} ms {_lead_scan(restricted)}"
    )
    assert _lead_scan(restricted)[0].removeprefix("Parallel ") == _lead_scan(unrestricted)[
        0
    ].removeprefix("Parallel ")
    init_plans = _init_plans(restricted)
    assert init_plans, "the policies' functions run as init plans"
    assert all(n["Actual Loops"] == 1 for n in init_plans)  # once per statement


def test_a_reps_top_50_in_index_order_is_an_index_walk(big: TeamDatabase) -> None:
    top = (
        "SELECT id FROM lead WHERE do_not_call IS false AND stage IN ('new', 'working')"
        " ORDER BY priority DESC, id DESC LIMIT 50"
    )
    with big.app("rep_a") as db:
        with db.read() as session:
            session.connection().exec_driver_sql(top).all()
            started = time.perf_counter()
            ids = session.connection().exec_driver_sql(top).scalars().all()
            elapsed = (time.perf_counter() - started) * 1000
        plan = _plan(db, top, ())
    node, index = _lead_scan(plan)
    scan = next(n for n in _nodes(plan["Plan"]) if n.get("Relation Name") == "lead")
    print(
        f"\nrep's top 50 in index order: {elapsed:.2f} ms, {node} {index}, "
        f"{scan['Actual Rows'] + scan.get('Rows Removed by Filter', 0)} rows read"
    )
    assert len(ids) == 50
    assert (node, index) == ("Index Scan", "ix_lead_priority")
    assert scan["Actual Rows"] + scan.get("Rows Removed by Filter", 0) < 1_000
