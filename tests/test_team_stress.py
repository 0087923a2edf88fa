"""A team at work at once on one PostgreSQL server: five reps and a team lead, each a
separate process signed in with their own login (row-level security applies), 1,000 mixed
operations (claims and calls, returns to nurture, promotions, reassignments, the
rescoring tick), then the database is checked against what each process says it did:

* 0 lost updates: every call, reassignment, return to nurture and promotion a process
  saw committed is in the database, by who did it; each lead's call figures agree with
  its calls;
* 0 double claims: no lead was certainly held by two people at the same moment, and every
  call was logged by the rep holding the lead;
* 0 deadlocks (SQLSTATE 40P01) and no other database failure;
* the audit trail complete: an entry for every call, reassignment, return and promotion.

The figures are printed (``-s``). ``BATON_STRESS_OPS`` sets the total (default 1,000).
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from psycopg import sql
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from models import demo
from models.core.entities import (
    AssignmentChange,
    AuditEntry,
    Call,
    Handoff,
    Lead,
    StageChange,
    User,
)
from models.db import server_logins, server_roles
from models.db.database import open_database
from models.db.server_security import set_up_team_mode
from tests.team_server import admin_execute

pytestmark = [pytest.mark.postgres, pytest.mark.timeout(900)]

ROOT = Path(__file__).resolve().parent.parent
REPS = ("misaki.sato", "shota.suzuki", "yumi.takahashi", "emily.carter", "ken.ito")
TEAM_LEAD = "naoki.tanaka"
LEADS = 1_500


@pytest.fixture
def team(pg_url: str) -> Iterator[tuple[str, dict[str, str]]]:
    """The demo team in team mode: (owner URL, login of each person by email local part)."""
    db = open_database(pg_url)
    demo.generate(db, leads=LEADS, seed=7, now=datetime.now(UTC))
    db.close()
    tag = uuid.uuid4().hex[:8]
    set_up_team_mode(pg_url, f"st{tag}_")
    logins: dict[str, str] = {}
    db = open_database(pg_url)
    try:
        with db.write() as session:
            server = server_roles.server(session)
            for local in (*REPS, TEAM_LEAD):
                user = session.scalars(select(User).where(User.email.startswith(local + "@"))).one()
                login = f"st{tag}.{local}"
                server_logins.create_login(server, login, "unused-on-a-trusting-server", user.role)
                user.db_login = login
                logins[local] = login
        yield pg_url, logins
    finally:
        db.close()
        name = make_url(pg_url).database
        admin_execute(pg_url, sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(name or "")))  # fmt: skip
        for login in logins.values():
            admin_execute(pg_url, sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(login)))
        for role in ("rep", "team_lead", "field_rep", "marketing", "admin", "member"):
            admin_execute(pg_url, sql.SQL("DROP ROLE IF EXISTS {}").format(
                sql.Identifier(f"st{tag}_{role}")))  # fmt: skip


def _run(url: str, logins: dict[str, str], total: int, folder: Path) -> list[dict[str, Any]]:
    lead_ops = max(1, total // 7)
    rep_ops = (total - lead_ops) // len(REPS)
    plan = {TEAM_LEAD: lead_ops} | {rep: rep_ops for rep in REPS}
    plan[REPS[0]] += total - sum(plan.values())
    processes = []
    for seed, (local, ops) in enumerate(plan.items(), start=1):
        person_url = make_url(url).set(username=logins[local]).render_as_string(False)
        out = folder / f"{local}.json"
        command = [sys.executable, "-m", "tests.team_stress", person_url, str(out),
                   "--ops", str(ops), "--seed", str(seed)]  # fmt: skip
        processes.append((subprocess.Popen(command, cwd=ROOT), out))
    results = []
    for process, out in processes:
        assert process.wait(timeout=800) == 0, f"{out.stem} failed"
        results.append(json.loads(out.read_text(encoding="utf-8")))
    return results


def test_five_reps_and_a_team_lead_lose_nothing_and_never_share_a_call(
    team: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    url, logins = team
    total = int(os.environ.get("BATON_STRESS_OPS", "1000"))
    started = time.perf_counter()
    results = _run(url, logins, total, tmp_path)
    seconds = time.perf_counter() - started
    log = [entry for result in results for entry in result["log"]]
    ops = sum(result["ops"] for result in results)  # a claim, its call and release: one
    outcomes = Counter((e["kind"], e["result"]) for e in log)
    refusals = Counter((e["kind"], e["key"]) for e in log if e["result"] == "refused")
    failed = [e for e in log if e["result"] == "failed"]
    deadlocks = [e for e in failed if e.get("sqlstate") == "40P01"]
    ok = defaultdict(list)
    for entry in log:
        if entry["result"] == "ok":
            ok[entry["kind"]].append(entry)

    db = open_database(url)
    try:
        with db.read() as session:
            lost, audit_missing = _lost_and_unaudited(session, ok)
            double = _double_claims(log)
            unheld = _calls_without_the_claim(log)
            figures_off = _call_figures_off(session, {e["lead"] for e in ok["call"]})
    finally:
        db.close()

    print(
        f"\n[team stress] {len(results)} processes, {ops} operations in {seconds:.1f} s "
        f"({ops / seconds:.0f}/s)\n"
        f"  outcomes: {dict(sorted(outcomes.items()))}\n"
        f"  refusals: {dict(sorted(refusals.items()))}\n"
        f"  lost updates: {len(lost)}, double claims: {len(double)}, "
        f"calls by a rep not holding the lead: {len(unheld)}, leads whose call figures "
        f"disagree with their calls: {len(figures_off)}\n"
        f"  deadlocks: {len(deadlocks)}, other database failures: "
        f"{len(failed) - len(deadlocks)}, audit entries missing: {len(audit_missing)}"
    )
    assert ops >= total
    assert not failed, [(e["kind"], e.get("sqlstate"), e.get("error")) for e in failed[:5]]
    assert not lost, lost[:5]
    assert not audit_missing, audit_missing[:5]
    assert not double, double[:5]
    assert not unheld, unheld[:5]
    assert not figures_off, figures_off[:5]
    assert not audit_missing, audit_missing[:5]
    # The run did real work of every kind, not refusals only.
    assert len(ok["call"]) >= total // 3
    assert ok["reassign"] and ok["recycle"] and ok["tick"]


def _lost_and_unaudited(session: Any, ok: dict[str, list[dict[str, Any]]]) -> tuple[list, list]:
    lost: list[Any] = []
    missing: list[Any] = []
    audited = Counter(
        (row.user_id, row.action, row.entity_id)
        for row in session.execute(
            select(AuditEntry.user_id, AuditEntry.action, AuditEntry.entity_id)
        )
    )
    calls = {row.id: row for row in session.execute(select(Call.id, Call.user_id, Call.lead_id))}
    for entry in ok["call"]:
        row = calls.get(entry["call"])
        if row is None or row.user_id != entry["user"] or row.lead_id != entry["lead"]:
            lost.append(("call", entry))
        if not audited[(entry["user"], "call_logged", entry["lead"])]:
            missing.append(("call", entry))
    moves = Counter(
        (row.lead_id, row.to_user_id, row.changed_by)
        for row in session.execute(
            select(
                AssignmentChange.lead_id, AssignmentChange.to_user_id, AssignmentChange.changed_by
            )
        )
    )
    for entry in ok["reassign"]:
        for lead_id in entry["leads"]:
            if not moves[(lead_id, entry["to"], entry["user"])]:
                lost.append(("reassign", lead_id, entry))
            if not audited[(entry["user"], "reassigned", lead_id)]:
                missing.append(("reassign", lead_id, entry))
    recycled = Counter(
        (row.lead_id, row.changed_by)
        for row in session.execute(
            select(StageChange.lead_id, StageChange.changed_by).where(
                StageChange.to_stage == "recycled"
            )
        )
    )
    for entry in ok["recycle"]:
        if entry["lead"] is None:
            continue
        if not recycled[(entry["lead"], entry["user"])]:
            lost.append(("recycle", entry))
        if not audited[(entry["user"], "recycled", entry["lead"])]:
            missing.append(("recycle", entry))
    handoffs = {row.id: row for row in session.execute(select(Handoff.id, Handoff.lead_id,
                                                              Handoff.promoted_by))}  # fmt: skip
    for entry in ok["promote"]:
        if entry["lead"] is None:
            continue
        row = handoffs.get(entry["handoff"])
        if row is None or row.lead_id != entry["lead"] or row.promoted_by != entry["user"]:
            lost.append(("promote", entry))
        if not audited[(entry["user"], "promoted", entry["lead"])]:
            missing.append(("promote", entry))
    return lost, missing


def _double_claims(log: list[dict[str, Any]]) -> list[Any]:
    """Claims of one lead by two people whose certainly-held spans overlap: from the
    claim's commit (before its t1) to the release's start (t0, before it committed), or
    to the start of a reassignment of the lead that may have committed after the claim
    (a reassignment drops the claims: the new owner may claim the lead at once)."""
    moved: dict[int, list[tuple[float, float]]] = defaultdict(list)
    for entry in log:
        if entry["kind"] == "reassign" and entry["result"] == "ok":
            for lead_id in entry.get("leads", []):
                moved[lead_id].append((entry["t0"], entry["t1"]))
    held: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for entry in log:
        if entry["kind"] == "claim" and entry["result"] == "ok" and entry.get("lead"):
            start, end = entry["t1"], entry.get("released_at", float("inf"))
            for began, ended in moved[entry["lead"]]:
                if ended > start:
                    end = min(end, began)
            held[entry["lead"]].append((start, end, entry["user"]))
    clashes = []
    for lead_id, spans in held.items():
        spans.sort()
        for (s1, e1, u1), (s2, e2, u2) in itertools.pairwise(spans):
            if u1 != u2 and s2 < e1 and s1 < e2:
                clashes.append((lead_id, u1, u2))
    return clashes


def _calls_without_the_claim(log: list[dict[str, Any]]) -> list[Any]:
    """Calls a process logged on a lead it had not just claimed (a call follows its claim)."""
    wrong = []
    by_user: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for entry in log:
        by_user[entry["user"]].append(entry)
    for entries in by_user.values():
        for before, entry in itertools.pairwise(entries):
            is_call = entry["kind"] == "call" and entry["result"] == "ok"
            if is_call and (before["kind"] != "claim" or before.get("lead") != entry["lead"]):
                wrong.append(entry)
    return wrong


def _call_figures_off(session: Any, lead_ids: set[int]) -> list[Any]:
    if not lead_ids:
        return []
    counts = dict(
        session.execute(
            select(Call.lead_id, func.count())
            .where(Call.lead_id.in_(lead_ids), Call.superseded.is_(False))
            .group_by(Call.lead_id)
        ).all()
    )
    attempts = dict(session.execute(select(Lead.id, Lead.call_attempts)
                                    .where(Lead.id.in_(lead_ids))).all())  # fmt: skip
    return [
        (i, attempts.get(i), counts.get(i)) for i in lead_ids if attempts.get(i) != counts.get(i)
    ]


def test_the_double_claim_check_tells_a_clash_from_a_reassignment() -> None:
    def claim(user: int, t0: float, t1: float, released: float) -> dict[str, Any]:
        return {"kind": "claim", "result": "ok", "lead": 7, "user": user, "t0": t0, "t1": t1,
                "released_at": released}  # fmt: skip

    clash = [claim(2, 0.0, 1.0, 5.0), claim(3, 2.0, 3.0, 6.0)]
    assert _double_claims(clash) == [(7, 2, 3)]
    moved = {"kind": "reassign", "result": "ok", "leads": [7], "user": 1, "t0": 1.5, "t1": 1.9}
    assert _double_claims([*clash, moved]) == []  # the reassignment dropped rep 2's claim
    earlier = {**moved, "t0": 0.1, "t1": 0.5}  # committed before rep 2 claimed: no excuse
    assert _double_claims([*clash, earlier]) == [(7, 2, 3)]
