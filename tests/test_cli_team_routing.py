"""``baton team routing list|add|remove`` and ``baton team set --response-days``: the
routing rules from the command line, numbered, in the user's language; bad input refused
with what is allowed, the rules untouched."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from models.db.database import open_database
from models.handoff.routing import suggest_field_rep
from models.teams.rules import list_teams
from tests.test_cli import baton, headless_env

LEAD = ("--user", "naoki.tanaka@baton.example")
FIELD_REP = "daisuke.watanabe@baton.example"


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return headless_env(tmp_path_factory.mktemp("cli-routing-home"))


@pytest.fixture
def demo(sqlite_demo_template: Path, tmp_path: Path) -> str:
    target = tmp_path / "demo.sqlite3"
    shutil.copyfile(sqlite_demo_template, target)
    return str(target)


def _ok(env: dict[str, str], *args: str) -> str:
    done = baton(env, *args)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return done.stdout


def _routing(demo: str) -> list[dict[str, object]]:
    db = open_database(demo)
    try:
        with db.read() as session:
            return list(list_teams(session)[0].settings["routing"])
    finally:
        db.close()


def test_rules_added_listed_and_removed(env: dict[str, str], demo: str) -> None:
    db = ("--db", demo)
    assert _ok(env, "team", "routing", *db, "--lang", "en").splitlines() == [
        "No routing rules: every active field rep takes turns."
    ]
    out = _ok(
        env, "team", "routing", "add", "--region", "kansai", "--region", "chubu",
        "--industry", "manufacturing", "--field-rep", FIELD_REP, *LEAD, *db, "--lang", "en",
    )  # fmt: skip
    lines = out.splitlines()
    assert lines[0].startswith(
        "1. Regions: Kansai, Chubu / Industries: Manufacturing / Sizes: any → "
    )
    assert lines[0].endswith(f"<{FIELD_REP}>")
    assert lines[-1] == "A lead no rule matches goes to every active field rep in turn."
    _ok(env, "team", "routing", "add", "--size", "50-299", "--field-rep", FIELD_REP, *LEAD, *db)
    rules = json.loads(_ok(env, "team", "routing", "list", "--json", *db))
    assert [r["size_bands"] for r in rules] == [[], ["50-299"]]
    assert rules == _routing(demo)
    ja = _ok(env, "team", "routing", "list", *db, "--lang", "ja").splitlines()
    assert ja[0].startswith("1. ") and "関西" in ja[0] and "製造" in ja[0]

    _ok(env, "team", "routing", "remove", "1", *LEAD, *db)
    assert [r["size_bands"] for r in _routing(demo)] == [["50-299"]]
    table = _ok(env, "team", *db, "--lang", "en").splitlines()
    rows = dict(re.split(r" {2,}", line, maxsplit=1) for line in table)
    assert rows["Routing to field sales"] == "1 rules (baton team routing list)"


def test_the_rules_route_a_lead(env: dict[str, str], demo: str) -> None:
    _ok(env, "team", "routing", "add", "--field-rep", FIELD_REP, *LEAD, "--db", demo)
    db = open_database(demo)
    try:
        with db.read() as session:
            suggestion = suggest_field_rep(session, 1)
            chosen = next(c for c in suggestion.choices if c.id == suggestion.field_rep_id)
    finally:
        db.close()
    assert (suggestion.rule, chosen.email) == (1, FIELD_REP)


def test_bad_input_is_refused_and_changes_nothing(env: dict[str, str], demo: str) -> None:
    db = ("--db", demo)
    refused = baton(
        env, "team", "routing", "add", "--region", "mars", "--field-rep", FIELD_REP, *LEAD, *db,
        "--lang", "en",
    )  # fmt: skip
    assert refused.returncode == 2
    assert "Routing rule 1, regions: ['mars'] is not allowed; expected some of hokkaido" in (
        refused.stderr
    )
    not_field_sales = baton(
        env, "team", "routing", "add", "--field-rep", "misaki.sato@baton.example", *LEAD, *db,
        "--lang", "en",
    )  # fmt: skip
    assert not_field_sales.returncode == 2
    assert "is not a field sales rep" in not_field_sales.stderr
    gone = baton(env, "team", "routing", "remove", "3", *LEAD, *db, "--lang", "en")
    assert gone.returncode == 2
    assert gone.stderr.strip() == (
        "baton: There is no routing rule 3: the team has 0 (baton team routing list)."
    )
    rep = baton(env, "team", "routing", "add", "--field-rep", FIELD_REP, *db,
                "--user", "misaki.sato@baton.example")  # fmt: skip
    assert rep.returncode != 0
    assert _routing(demo) == []


def test_set_response_days(env: dict[str, str], demo: str) -> None:
    db = ("--db", demo)
    out = _ok(env, "team", "set", "--response-days", "4", *LEAD, *db, "--lang", "en")
    rows = dict(re.split(r" {2,}", line, maxsplit=1) for line in out.splitlines())
    assert rows["Field sales answer within"] == "4 business days"
    refused = baton(env, "team", "set", "--response-days", "31", *LEAD, *db, "--lang", "en")
    assert refused.returncode == 2
    assert "must be from 1 to 30 (got 31)" in refused.stderr
