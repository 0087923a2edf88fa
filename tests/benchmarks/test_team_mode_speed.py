"""Team mode on PostgreSQL, as a rep signed in with their own login (row-level security
applies to every statement), at the session's size (``BATON_BENCH_LEADS``):

1. The rep's top 50 as the window's filter bar asks for it (active stages, the call
   queue without booked meetings, the rep's team scope; their team's leads, and their
   own) through the app's code (``queue_page`` in a read of the app's ``Database``)
   against the exact same SQL and parameters run on a raw psycopg connection signed in
   as the same login, interleaved; medians; app/raw ≤ 3 at full size. The plans of both
   (``EXPLAIN ANALYZE``) are printed: the lead table is read by walking a priority index.
2. Logging a call (``log_call`` in its own write transaction, on the rep's own leads)
   against a raw psycopg transaction as the same login that locks the lead, inserts an
   equivalent call row and updates the lead's call figures; p95 ≤ 20 ms at full size.

The demo data is generated straight into PostgreSQL (as the contention benchmark does:
about a minute per 50,000 leads), then ``baton admin init`` runs on it with a role prefix
of its own and the rep's login is attached to the demo's rep; afterwards the database,
the login and the group roles are dropped (roles are cluster-wide).
"""

from __future__ import annotations

import random
import statistics
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from models import demo
from models.core.entities import Call, Lead, User
from models.core.enums import ACTIVE_STAGES
from models.db import server_logins, server_roles
from models.db.database import Database, open_database
from models.db.server_roles import SUFFIXES
from models.db.server_security import set_up_team_mode
from models.definitions.evaluate import MEETING_GRACE
from models.leads.bant import BantAnswer
from models.leads.calls import CallDraft, log_call
from models.leads.queue import ANY_OWNER, NO_MEETING, QueueQuery, queue_page, team_scope
from tests.benchmarks.conftest import GENERATED_AT, SEED, BenchReport
from tests.benchmarks.pg_plans import explain, lead_read
from tests.benchmarks.test_queue_fetch import _capture_sql, interleaved
from tests.conftest import _drop_database, _pg_admin
from tests.team_server import admin_execute, conninfo

pytestmark = [pytest.mark.benchmark, pytest.mark.postgres, pytest.mark.timeout(1800)]

REP = "misaki.sato"
TOP = 50
RATIO_LIMIT = 3.0
P95_LIMIT_MS = 20.0
#: When the rep looks at their queue: a little after the demo data was made.
AS_OF = GENERATED_AT + timedelta(minutes=5)


@dataclass(frozen=True)
class TeamDemo:
    owner_url: str
    #: The app's URL signed in as the rep's login.
    rep_url: str
    login: str
    rep_id: int
    role: str
    team_id: int | None


@pytest.fixture(scope="module")
def team_demo(pg_server: str, bench_report: BenchReport) -> Iterator[TeamDemo]:
    name = f"baton_test_{uuid.uuid4().hex[:12]}"
    tag = uuid.uuid4().hex[:8]
    prefix, login = f"tm{tag}_", f"tm{tag}.{REP}"
    _pg_admin(pg_server, sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = make_url(pg_server).set(database=name).render_as_string(hide_password=False)
    try:
        db = open_database(url)
        try:
            started = time.perf_counter()
            demo.generate(db, leads=bench_report.leads, seed=SEED, now=GENERATED_AT)
            seconds = time.perf_counter() - started
            set_up_team_mode(url, prefix)
            with db.write() as session:
                rep = session.scalars(select(User).where(User.email.startswith(REP + "@"))).one()
                server = server_roles.server(session)
                server_logins.create_login(server, login, "unused-on-a-trusting-server", rep.role)
                rep.db_login = login
                rep_id, role, team_id = rep.id, rep.role, rep.team_id
        finally:
            db.close()
        with psycopg.connect(conninfo(url), autocommit=True) as conn:
            conn.execute("ANALYZE")  # as autovacuum would have by the time a team works
        bench_report.facts["team_mode_pg_generate_s"] = round(seconds, 1)
        print(f"\n[team mode] {bench_report.leads} demo leads on PostgreSQL in {seconds:.1f} s")
        rep_url = make_url(url).set(username=login).render_as_string(hide_password=False)
        yield TeamDemo(url, rep_url, login, rep_id, role, team_id)
    finally:
        _drop_database(pg_server, name)
        for role in (login, *(prefix + suffix for suffix in SUFFIXES)):
            admin_execute(pg_server, sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))


@pytest.fixture(scope="module")
def rep_db(team_demo: TeamDemo) -> Iterator[Database]:
    """The app's own Database, signed in as the rep."""
    db = open_database(team_demo.rep_url)
    yield db
    db.close()


@pytest.fixture(scope="module")
def rep_raw(team_demo: TeamDemo) -> Iterator[psycopg.Connection[Any]]:
    """A raw psycopg connection signed in as the rep (a transaction per block, as the app)."""
    conn = psycopg.connect(conninfo(team_demo.owner_url, user=team_demo.login))
    signed_in = conn.execute("SELECT current_user, row_security_active('lead')").fetchone()
    conn.rollback()
    assert signed_in == (team_demo.login, True)
    yield conn
    conn.close()


def _rep_query(team_demo: TeamDemo, *, own: bool) -> QueueQuery:
    """What the rep's filter bar asks for by default ("Active", the call queue)."""
    return QueueQuery(
        stages=tuple(s.value for s in ACTIVE_STAGES),
        owner=team_demo.rep_id if own else ANY_OWNER,
        team=team_scope(team_demo.role, team_demo.team_id),
        meetings=NO_MEETING,
        meetings_as_of=AS_OF,
    )


def _expected_top(team_demo: TeamDemo, query: QueueQuery) -> list[int]:
    """The right answer, computed in Python from every lead as the owner reads them."""
    with psycopg.connect(conninfo(team_demo.owner_url)) as conn:
        leads = conn.execute(
            "SELECT id, priority, stage, owner_id, team_id, do_not_call, next_meeting_at FROM lead"
        ).fetchall()
    since = (AS_OF - MEETING_GRACE).replace(tzinfo=None)
    rows = [
        r
        for r in leads
        if r[2] in query.stages
        and not r[5]
        and (not isinstance(query.owner, int) or r[3] == query.owner)
        and r[4] in (team_demo.team_id, None)
        and (r[6] is None or r[6] < since)
    ]
    rows.sort(key=lambda r: (-r[1], -r[0]))
    return [r[0] for r in rows[:TOP]]


@pytest.mark.parametrize("scope", ["team", "own"])
def test_a_reps_queue_top50(
    scope: str,
    team_demo: TeamDemo,
    rep_db: Database,
    rep_raw: psycopg.Connection[Any],
    bench_report: BenchReport,
) -> None:
    """The rep's team's leads (``team``) or their own (``own``, the window's default)."""
    query = _rep_query(team_demo, own=scope == "own")

    def app() -> list[Any]:
        with rep_db.read() as session:
            return queue_page(session, query, limit=TOP)

    def raw_run(text: str, p: Any) -> list[Any]:
        rows = rep_raw.execute(text, p).fetchall()
        rep_raw.rollback()  # a transaction per read, as the app's
        return rows

    def app_run(text: str, p: Any) -> list[Any]:
        with rep_db.read() as session:
            return list(session.connection().exec_driver_sql(text, p).all())

    statement, params = _capture_sql(rep_db, app)

    def raw() -> list[Any]:
        return raw_run(statement, params)

    want = _expected_top(team_demo, query)
    assert len(want) == TOP
    assert [r.id for r in app()] == want
    assert [r[0] for r in raw()] == want

    samples = interleaved({"app": app, "raw": raw})
    app_ms, raw_ms = statistics.median(samples["app"]), statistics.median(samples["raw"])
    app_text, app_plan = explain(app_run, statement, params)
    raw_text, raw_plan = explain(raw_run, statement, params)
    read = lead_read(app_plan)
    whose = "their own leads" if scope == "own" else "their team's leads"
    figure = bench_report.figure(
        f"team_queue_top50_{scope}",
        f"team mode: a rep's top 50, {whose}, median",
        "ms",
        app_ms,
        baseline=raw_ms,
        baseline_label="raw psycopg as the same login, the app's exact SQL and parameters",
        details={
            "rounds": len(samples["app"]),
            "app_ms_p90": statistics.quantiles(samples["app"], n=10)[-1],
            "raw_ms_p90": statistics.quantiles(samples["raw"], n=10)[-1],
            "lead_read_app": read,
            "lead_read_raw": lead_read(raw_plan),
            "plan_app": app_text,
            "plan_raw": raw_text,
        },
        note=read,
    )
    figure.limit("app/raw", app_ms / raw_ms, RATIO_LIMIT, "×")
    bench_report.add(figure)
    print(f"  SQL: {' '.join(statement.split())}")
    for label, lines in (("app", app_text), ("raw", raw_text)):
        print(f"  plan ({label}):\n    " + "\n    ".join(lines))
    bench_report.enforce(figure)


RAW_CALL = (
    "INSERT INTO call (lead_id, user_id, started_at, duration_seconds, outcome, notes,"
    " temperature, next_step, superseded, created_at)"
    " VALUES (%(lead)s, %(user)s, %(started)s, 90, %(outcome)s, %(notes)s, 'warm', 'none',"
    " false, %(now)s) RETURNING id"
)
RAW_FIGURES = (
    "UPDATE lead SET call_attempts = call_attempts + 1,"
    " first_call_at = coalesce(first_call_at, %(started)s), last_call_at = %(started)s,"
    " unanswered_streak = CASE WHEN %(answered)s THEN 0 ELSE unanswered_streak + 1 END,"
    " reached_at = CASE WHEN %(answered)s THEN coalesce(reached_at, %(started)s)"
    " ELSE reached_at END, temperature = 'warm', version = version + 1, updated_at = %(now)s"
    " WHERE id = %(lead)s"
)


def _raw_call(conn: psycopg.Connection[Any], values: dict[str, Any]) -> int:
    """The bare minimum of a logged call, in one transaction as the rep."""
    with conn.transaction():
        conn.execute("SELECT id FROM lead WHERE id = %s FOR NO KEY UPDATE", (values["lead"],))
        row = conn.execute(RAW_CALL, values).fetchone()
        updated = conn.execute(RAW_FIGURES, values).rowcount
    assert row is not None and updated == 1, "the rep's own lead is theirs to update"
    return int(row[0])


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[-1]


def _draft(n: int, lead_id: int) -> tuple[CallDraft, datetime]:
    """Every third call reaches the person and hears about their budget."""
    now = datetime.now(UTC)
    reached = n % 3 == 0
    heard = {"budget": BantAnswer("planned", "「下期に計上します」")} if reached else {}
    notes = "予算は下期に確保予定。4月の更新までに比較したい。" if reached else "不在。"
    started = now - timedelta(seconds=90)
    outcome = "connected" if reached else "no_answer"
    return CallDraft(lead_id, outcome, started, 90, notes, temperature="warm", bant=heard), now


def _rep_leads(rep_db: Database, rep: int, calls: int) -> list[int]:
    """``calls`` of the rep's own active leads, at random (each once where there are enough)."""
    with rep_db.read() as session:
        mine = list(
            session.scalars(
                select(Lead.id).where(
                    Lead.owner_id == rep,
                    Lead.stage.in_([s.value for s in ACTIVE_STAGES]),
                    Lead.do_not_call.is_(False),
                )
            )
        )
    assert len(mine) >= 10, "the rep has active leads of their own"
    rng = random.Random(7)
    return rng.sample(mine, calls) if len(mine) >= calls else rng.choices(mine, k=calls)


def _calls_by(rep_db: Database, rep: int) -> int:
    with rep_db.read() as session:
        return int(session.scalar(select(func.count(Call.id)).where(Call.user_id == rep)) or 0)


def test_a_rep_logging_a_call(
    team_demo: TeamDemo,
    rep_db: Database,
    rep_raw: psycopg.Connection[Any],
    bench_report: BenchReport,
) -> None:
    """Each round logs one call three ways, in turn: the app as the rep (measured), the app
    as the tables' owner (row security does not apply: its share of the cost) and the raw
    transaction as the rep (the baseline). A few calls first warm every cache up."""
    calls = 200 if bench_report.full else 40
    rep = team_demo.rep_id
    before = _calls_by(rep_db, rep)
    owner_db = open_database(team_demo.owner_url)
    app_ids: list[int] = []

    def app(db: Database, n: int, lead_id: int) -> None:
        draft, now = _draft(n, lead_id)
        with db.write() as session:
            app_ids.append(log_call(session, rep, draft, now).call_id)

    def raw(n: int, lead_id: int) -> None:
        draft, now = _draft(n, lead_id)
        values = {
            "lead": lead_id,
            "user": rep,
            "started": draft.started_at,
            "outcome": draft.outcome,
            "notes": draft.notes,
            "answered": draft.outcome == "connected",
            "now": now,
        }
        _raw_call(rep_raw, values)

    paths: dict[str, Callable[[int, int], None]] = {
        "rep": lambda n, lead_id: app(rep_db, n, lead_id),
        "owner": lambda n, lead_id: app(owner_db, n, lead_id),
        "raw": raw,
    }
    samples: dict[str, list[float]] = {name: [] for name in paths}
    warm_up = 5
    autocommit = rep_raw.autocommit
    rep_raw.autocommit = True  # transactions only where _raw_call opens one
    try:
        for n, lead_id in enumerate(_rep_leads(rep_db, rep, calls + warm_up)):
            names = list(paths)
            for name in names[n % 3 :] + names[: n % 3]:
                t0 = time.perf_counter_ns()
                paths[name](n, lead_id)
                if n >= warm_up:
                    samples[name].append((time.perf_counter_ns() - t0) / 1e6)
    finally:
        rep_raw.autocommit = autocommit
        owner_db.close()
    with rep_db.read() as session:
        stored = set(session.scalars(select(Call.id).where(Call.id.in_(app_ids))))
    # Every path wrote every call, as the rep (the owner's too: the actor is the rep).
    assert _calls_by(rep_db, rep) == before + 3 * (calls + warm_up)
    assert stored == set(app_ids)
    app_ms, owner_ms, raw_ms = samples["rep"], samples["owner"], samples["raw"]
    app_p95 = _p95(app_ms)
    median = statistics.median
    figure = bench_report.figure(
        "team_log_call_p95",
        "team mode: a rep logs a call, p95",
        "ms",
        app_p95,
        baseline=_p95(raw_ms),
        baseline_label="raw psycopg as the same login: lock the lead, insert the call, "
        "update its call figures, commit",
        details={
            "calls": calls,
            "median": median(app_ms),
            "baseline_median": median(raw_ms),
            "owner_median": median(owner_ms),
            "owner_p95": _p95(owner_ms),
            "worst": max(app_ms),
        },
        note=f"median {median(app_ms):.1f} ms vs raw {median(raw_ms):.1f} ms; the app as the "
        f"owner (no row security) {median(owner_ms):.1f} ms, p95 {_p95(owner_ms):.1f} ms",
    )
    figure.limit("p95", app_p95, P95_LIMIT_MS, "ms")
    bench_report.add(figure)
    bench_report.enforce(figure)
