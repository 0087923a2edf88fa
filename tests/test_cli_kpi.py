"""``baton kpi`` and ``baton report campaigns`` as a user runs them (a subprocess), on the
small demo data set (300 leads, seed 7, made at NOW): the JSON is the domain's
dashboard, the text reads in English and in Japanese, who may read what, the period's
options, and the report's files (CSV in UTF-8 with a BOM or cp932, HTML)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import asdict
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from models import demo
from models.core.entities import User
from models.db.database import Database, open_database
from models.reporting import KpiFilter, Period, dashboard
from tests.conftest import NOW
from tests.japanese_text import data_strings, untranslated
from tests.test_cli import baton, headless_env

SINCE, UNTIL = "2026-08-23", "2026-11-20"
PERIOD = Period(date(2026, 8, 23), date(2026, 11, 20))


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return headless_env(tmp_path_factory.mktemp("cli-kpi-home"), BATON_NOW=NOW.isoformat())


@pytest.fixture(scope="module")
def db(sqlite_demo_template: Path) -> Iterator[Database]:
    database = open_database(str(sqlite_demo_template))
    yield database
    database.close()


def _email(db: Database, role: str) -> str:
    with db.read() as session:
        return str(session.scalars(select(User.email).where(User.role == role)).first())


def _run(env: dict[str, str], file: Path, *args: str) -> str:
    done = baton(env, *args, "--db", str(file))
    assert done.returncode == 0, done.stderr
    return done.stdout


def _as_json(value: object) -> object:
    return json.loads(json.dumps(value, default=str))


def test_the_json_is_the_dashboard(
    env: dict[str, str], sqlite_demo_template: Path, db: Database
) -> None:
    out = _run(env, sqlite_demo_template, "kpi", "--json", "--since", SINCE, "--until", UNTIL)
    shown = json.loads(out)
    with db.read() as session:
        board = dashboard(session, None, KpiFilter(PERIOD))
    expected = _as_json(asdict(board))
    assert isinstance(expected, dict)
    for part in ("funnel", "conversion", "activity", "speed", "reasons", "industries"):
        assert shown[part] == expected[part], part
    assert shown["filter"]["period"] == {"first": SINCE, "last": UNTIL}
    assert shown["zone"] == "Asia/Tokyo"
    assert shown["definitions"]["reach_rate"] == "Reach rate: reaches ÷ calls."
    assert shown["funnel"]["steps"][0]["leads"] > 0


def test_the_default_period_and_a_named_one(
    env: dict[str, str], sqlite_demo_template: Path
) -> None:
    plain = json.loads(_run(env, sqlite_demo_template, "kpi", "--json"))
    assert plain["filter"]["period"] == {"first": "2026-10-22", "last": "2026-11-20"}
    named = json.loads(_run(env, sqlite_demo_template, "kpi", "--json", "--period", "last-month"))
    assert named["filter"]["period"] == {"first": "2026-10-01", "last": "2026-10-31"}
    since = json.loads(_run(env, sqlite_demo_template, "kpi", "--json", "--since", "2026-11-01"))
    assert since["filter"]["period"] == {"first": "2026-11-01", "last": "2026-11-20"}


def test_text_in_english_with_definitions(env: dict[str, str], sqlite_demo_template: Path) -> None:
    out = _run(env, sqlite_demo_template, "kpi", "--lang", "en", "--since", SINCE, "--definitions")
    for heading in (
        "Shared KPIs, Sun 23 Aug 2026 to Fri 20 Nov 2026",
        "Funnel of the leads whose MQL date is in the period",
        "Opportunities after first contact:",
        "Activity per rep",
        "Activity per day",
        "Speed to lead (",
        "Returns to nurture by reason",
        "Response rate by industry",
        "  * Reach rate: reaches ÷ calls.",
    ):
        assert heading in out, heading


def test_text_in_japanese_holds_no_english(
    env: dict[str, str], sqlite_demo_template: Path, db: Database
) -> None:
    lines = []
    for extra in (("--since", SINCE), ("--definitions", "--period", "last-month")):
        out = _run(env, sqlite_demo_template, "kpi", "--lang", "ja", *extra)
        if "--since" in extra:
            assert "初回接点後の商談化率" in out and "リーチ率" in out
        lines += out.splitlines()
    found = untranslated(lines, data_strings(db))
    assert not found, "\n".join(f"{line!r}: {words}" for line, words in found.items())


def test_who_may_read(env: dict[str, str], sqlite_demo_template: Path, db: Database) -> None:
    refused = baton(
        env, "kpi", "--db", str(sqlite_demo_template), "--user", _email(db, "rep"), "--lang", "en"
    )
    assert refused.returncode == 2 and "may not" in refused.stderr
    lead = _email(db, "team_lead")
    shown = json.loads(_run(env, sqlite_demo_template, "kpi", "--json", "--user", lead))
    with db.read() as session:
        team = session.scalars(select(User.team_id).where(User.email == lead)).one()
    assert shown["filter"]["team_id"] == team
    marketing = _email(db, "marketing")
    everyone = json.loads(_run(env, sqlite_demo_template, "kpi", "--json", "--user", marketing))
    assert everyone["filter"]["team_id"] is None


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--period", "last-month", "--since", "2026-11-01"), "either --period or --since"),
        (("--until", "2026-11-01"), "--until needs --since"),
        (("--since", "2026-11-02", "--until", "2026-11-01"), "before it starts"),
        (("--since", "2026-02-30"), "2026-02-30"),
        (("--rep", "nobody@example.com"), "nobody@example.com"),
        (("--team", "999"), "999"),
        (("--team", "99999999999999999999"), "is not an id (1 to 2,147,483,647)"),
        (("--definition-version", "0"), "is not an id"),
        (("--campaign", "<b>" + "x" * 300), "at most 200"),
        (
            ("--campaign", "2026秋ウェビナ"),
            "No engagement belongs to the campaign “2026秋",
        ),
        (("--industry", "manufactoring"), "Unknown industry “manufactoring”; the codes are"),
    ],
)
def test_refusals(
    env: dict[str, str], sqlite_demo_template: Path, args: tuple[str, ...], says: str
) -> None:
    done = baton(env, "kpi", "--db", str(sqlite_demo_template), "--lang", "en", *args)
    assert done.returncode == 2, done.stdout
    assert says in done.stderr and done.stdout == ""


def test_the_campaign_report_files(
    env: dict[str, str], sqlite_demo_template: Path, tmp_path: Path
) -> None:
    period = ("--since", SINCE, "--until", UNTIL)
    target = tmp_path / "campaigns.csv"
    out = _run(
        env, sqlite_demo_template, "report", "campaigns", *period, "-o", str(target), "--lang", "en"
    )
    assert out.startswith("Wrote the campaign report (") and str(target) in out
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0][:3] == ["Kind", "Name", "Leads sent"] and len(rows) > 2
    sjis = tmp_path / "campaigns-sjis.csv"
    _run(
        env,
        sqlite_demo_template,
        *("report", "campaigns", *period, "--encoding", "cp932", "-o", str(sjis), "--lang", "ja"),
    )
    back = list(csv.reader(io.StringIO(sjis.read_bytes().decode("cp932"), newline="")))
    assert back[0][:3] == ["区分", "名称", "送客リード数"]

    def figures(table: list[list[str]]) -> list[list[str]]:
        # The reasons are in words; cp932 writes an em dash as the JIS dash.
        return [[c.replace("\u2014", "\u2015") for c in r[1:7] + r[8:]] for r in table[1:]]

    assert figures(back) == figures(rows)
    page = tmp_path / "campaigns.html"
    _run(
        env,
        sqlite_demo_template,
        "report",
        "campaigns",
        *period,
        "--format",
        "html",
        "-o",
        str(page),
    )
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html
    to_stdout = baton(env, "report", "campaigns", "--db", str(sqlite_demo_template), *period)
    assert to_stdout.returncode == 0 and to_stdout.stdout.startswith("\ufeff")
    assert "standard output" in to_stdout.stderr


@pytest.mark.postgres
def test_the_same_json_on_postgresql(
    env: dict[str, str], sqlite_demo_template: Path, pg_url: str
) -> None:
    database = open_database(pg_url)
    try:
        demo.generate(database, leads=300, seed=7, now=NOW)
    finally:
        database.close()
    args = ("kpi", "--json", "--since", SINCE, "--until", UNTIL)
    on_sqlite = json.loads(_run(env, sqlite_demo_template, *args))
    done = baton(env, *args, "--db", pg_url)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == on_sqlite
