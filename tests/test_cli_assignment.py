"""``baton reassign``, ``baton distribute`` and ``baton workload`` as a team lead runs them:
who acts is never guessed, the plan is printed before anything is assigned, unplaced
leads say why, refusals are said in the user's language."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import NOW
from tests.test_cli import baton, headless_env

TEAM_LEAD = "naoki.tanaka@baton.example"
REP = "misaki.sato@baton.example"
TO = "shota.suzuki@baton.example"


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return headless_env(tmp_path_factory.mktemp("cli-assignment-home"), BATON_NOW=NOW.isoformat())


@pytest.fixture
def demo(sqlite_demo_template: Path, tmp_path: Path) -> str:
    target = tmp_path / "demo.sqlite3"
    shutil.copyfile(sqlite_demo_template, target)
    return str(target)


def _sql(path: str, query: str, *params: object) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute(query, params).fetchall()


def _ok(env: dict[str, str], *args: str) -> str:
    done = baton(env, *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_reassign_moves_the_leads_and_says_from_whom(env: dict[str, str], demo: str) -> None:
    rows = _sql(
        demo,
        "SELECT lead.id, user_account.display_name FROM lead JOIN user_account"
        " ON user_account.id = lead.owner_id WHERE stage IN ('new', 'working')"
        " AND user_account.email != ? ORDER BY lead.id LIMIT 2",
        TO,
    )
    ids = [str(r[0]) for r in rows]
    args = ("reassign", *ids, "--to", TO, "--reason", "休暇の引き継ぎ", "--db", demo)
    out = _ok(env, *args, "--user", TEAM_LEAD)
    lines = out.splitlines()
    assert lines[0] == "Leads reassigned to 鈴木 翔太: 2"
    assert lines[1].startswith(f"  lead {ids[0]}  ") and lines[1].endswith(
        f"{rows[0][1]} → 鈴木 翔太"
    )
    owners = _sql(demo, "SELECT DISTINCT owner_id FROM lead WHERE id IN (?, ?)", *ids)
    (to_id,) = _sql(demo, "SELECT id FROM user_account WHERE email = ?", TO)
    assert owners == [to_id]
    reasons = _sql(demo, "SELECT reason, changed_by FROM assignment_change")
    (lead_id,) = _sql(demo, "SELECT id FROM user_account WHERE email = ?", TEAM_LEAD)
    assert reasons == [("休暇の引き継ぎ", lead_id[0])] * 2
    again = _ok(env, *args, "--user", TEAM_LEAD, "--lang", "ja")
    assert "鈴木 翔太 さんが既に担当していたリード: 2" in again


def test_reassign_never_guesses_who_acts_and_refuses_a_rep(env: dict[str, str], demo: str) -> None:
    (lead,) = _sql(demo, "SELECT id FROM lead WHERE stage = 'working' LIMIT 1")
    args = ("reassign", str(lead[0]), "--to", TO, "--reason", "x", "--db", demo)
    nobody = baton(env, *args)
    assert nobody.returncode == 2 and "--user" in nobody.stderr
    rep = baton(env, *args, "--user", REP, "--lang", "ja")
    assert rep.returncode == 2
    assert rep.stderr.startswith("baton: 佐藤 美咲")
    empty = baton(env, *args[:-4], "--reason", " ", "--db", demo, "--user", TEAM_LEAD)
    assert empty.returncode == 2 and "Say why the leads change hands" in empty.stderr
    assert _sql(demo, "SELECT count(*) FROM assignment_change") == [(0,)]


def test_distribute_prints_the_plan_then_applies_it(env: dict[str, str], demo: str) -> None:
    waiting = _sql(
        demo,
        "SELECT count(*) FROM lead WHERE owner_id IS NULL AND stage = 'new' AND do_not_call = 0",
    )[0][0]
    assert isinstance(waiting, int) and waiting > 0
    dry = _ok(env, "distribute", "--dry-run", "--db", demo).splitlines()
    assert dry[0].startswith("Distribution plan for ") and "dry run" in dry[0]
    assert sum(" → " in line for line in dry) == waiting
    assert _sql(demo, "SELECT count(*) FROM assignment_change") == [(0,)]
    plan = json.loads(_ok(env, "distribute", "--dry-run", "--json", "--db", demo))
    assert not plan["applied"] and len(plan["placements"]) == waiting
    assert sum(r["receives"] for r in plan["receivers"]) == waiting
    done = _ok(env, "distribute", "--db", demo, "--user", TEAM_LEAD, "--lang", "ja").splitlines()
    assert done[0].startswith("新規リードを割り当てました")
    assert _sql(demo, "SELECT DISTINCT reason FROM assignment_change") == [("distribution",)]
    assert _sql(
        demo,
        "SELECT count(*) FROM lead WHERE owner_id IS NULL AND stage = 'new' AND do_not_call = 0",
    ) == [(0,)]
    assert _ok(env, "distribute", "--dry-run", "--db", demo).splitlines()[-1] == (
        "No lead to place."
    )


def test_leads_that_cannot_be_placed_are_listed_with_why(env: dict[str, str], demo: str) -> None:
    with sqlite3.connect(demo) as conn:
        conn.execute("UPDATE user_account SET capacity = 0")
    out = _ok(env, "distribute", "--dry-run", "--db", demo)
    assert "Leads not placed: " in out
    assert out.count("every rep here today is at capacity") >= 1


def test_rebalance_dry_run_and_its_days_checked(env: dict[str, str], demo: str) -> None:
    out = _ok(env, "distribute", "--rebalance-days", "14", "--dry-run", "--db", demo)
    assert out.splitlines()[0].startswith("Rebalancing plan for ")
    refused = baton(env, "distribute", "--rebalance-days", "0", "--dry-run", "--db", demo)
    assert refused.returncode == 2
    assert "expected a number of days from 1 to 365" in refused.stderr


def test_workload_as_a_table_and_as_json(env: dict[str, str], demo: str) -> None:
    with sqlite3.connect(demo) as conn:
        conn.execute(
            "INSERT INTO away_period (user_id, starts_on, ends_on, created_at)"
            " SELECT id, '2026-11-19', '2026-11-23', '2026-11-01' FROM user_account"
            " WHERE email = ?",
            (REP,),
        )
    lines = _ok(env, "workload", "--db", demo).splitlines()
    assert lines[0].startswith("Workload of ") and "Fri 20 Nov 2026" in lines[0]
    assert lines[1].split()[:3] == ["Rep", "Open", "Free/cap."]
    sato = next(line for line in lines if line.startswith("佐藤 美咲"))
    assert sato.endswith("Away until Mon 23 Nov 2026")
    ja = _ok(env, "workload", "--db", demo, "--lang", "ja").splitlines()
    assert ja[1].startswith("担当者")
    data = json.loads(_ok(env, "workload", "--json", "--db", demo))
    members = {m["email"]: m for m in data["members"]}
    assert members[REP]["away"]["ends_on"] == "2026-11-23"
    assert set(members) >= {REP, TO, TEAM_LEAD}
    open_leads = _sql(
        demo,
        "SELECT count(*) FROM lead JOIN user_account u ON u.id = lead.owner_id"
        " WHERE u.email = ? AND stage IN ('new', 'working') AND do_not_call = 0",
        TO,
    )
    assert members[TO]["open_leads"] == open_leads[0][0]
