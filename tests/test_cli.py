"""The real ``baton`` command (``python -m desktop``) in subprocesses, on SQLite files."""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

import resources
from models.db.database import open_database
from models.leads.queue import ANY_OWNER, NO_MEETING, QueueQuery, queue_ids, queue_page
from models.teams.users import list_users

DEMO_LEADS = 200
JA_TS = resources.path("translations", "baton_ja.ts")


def headless_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a ``baton`` run in a subprocess (every CLI test module's).

    Offscreen Qt; none of the caller's BATON_ settings; home, settings, data and caches
    (the built .qm) in ``home``; ``extra`` on top (e.g. BATON_NOW).
    """
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("BATON_", "XDG_", "PYTEST_", "LC_")) and k != "LANG"
    }
    env.update(
        LANG="C.UTF-8",  # English unless a test asks otherwise (--lang, or LANG in extra)
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        PYTHONIOENCODING="utf-8",
    )
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of every run: offscreen Qt, settings and caches in a temp folder."""
    return headless_env(tmp_path_factory.mktemp("cli-home"))


def baton(
    env: dict[str, str], *args: str, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd or env["HOME"],
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def demo_file(cli_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database made by ``baton demo``; tests that write use a copy."""
    path = tmp_path_factory.mktemp("cli-db") / "demo.sqlite3"
    result = baton(
        cli_env, "demo", "--leads", str(DEMO_LEADS), "--seed", "3", "--db", str(path), "--quiet"
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert f"{DEMO_LEADS} leads" in result.stdout
    assert path.is_file()
    return path


@pytest.fixture
def demo_copy(demo_file: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.sqlite3"
    shutil.copy(demo_file, copy)
    return copy


def sidecars(path: Path) -> list[Path]:
    return [p for p in path.parent.iterdir() if p.name.startswith(path.name + "-")]


def test_help(cli_env: dict[str, str]) -> None:
    result = baton(cli_env, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage:")
    for command in ("demo", "queue", "lead", "rescore", "users", "user"):
        assert command in result.stdout


def test_queue_json_is_the_top_of_the_queue(cli_env: dict[str, str], demo_file: Path) -> None:
    result = baton(cli_env, "queue", "--db", str(demo_file), "--limit", "5", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == 5
    priorities = [r["priority"] for r in rows]
    assert priorities == sorted(priorities, reverse=True)
    assert all(r["why_now_text"] for r in rows)
    db = open_database(str(demo_file))
    try:
        with db.read() as session:
            expected = queue_page(session, QueueQuery(owner=ANY_OWNER), limit=5)
    finally:
        db.close()
    assert [r["id"] for r in rows] == [r.id for r in expected]


def test_queue_prints_one_line_per_lead(cli_env: dict[str, str], demo_file: Path) -> None:
    result = baton(cli_env, "--db", str(demo_file), "queue", "--limit", "7", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 7


def test_queue_refuses_a_negative_limit(cli_env: dict[str, str], demo_file: Path) -> None:
    # SQLite would read LIMIT -1 as "everything" and PostgreSQL would fail: refuse it.
    result = baton(cli_env, "queue", "--db", str(demo_file), "--limit", "-1", "--json")
    assert result.returncode == 2
    assert "--limit" in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


def _users(path: Path) -> list[tuple[int, str, str]]:
    """The users in the file, read directly (not through the command under test)."""
    db = open_database(str(path))
    try:
        with db.read() as session:
            return [(u.id, u.email, u.role) for u in list_users(session)]
    finally:
        db.close()


def test_users_json(cli_env: dict[str, str], demo_file: Path) -> None:
    result = baton(cli_env, "users", "--db", str(demo_file), "--json")
    assert result.returncode == 0, result.stderr
    users = json.loads(result.stdout)
    assert [(u["id"], u["email"], u["role"]) for u in users] == _users(demo_file)
    assert len({u["email"] for u in users}) == len(users)
    assert {"id", "email", "display_name", "role"} <= set(users[0])
    assert {u["role"] for u in users} >= {"rep", "team_lead", "field_rep"}


def test_queue_for_one_rep(cli_env: dict[str, str], demo_file: Path) -> None:
    rep_id, email, _role = [u for u in _users(demo_file) if u[2] == "rep"][1]
    # Emails are matched without regard to case.
    result = baton(
        cli_env,
        "queue",
        "--db",
        str(demo_file),
        "--rep",
        email.upper(),
        "--limit",
        "1000",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows
    assert {r["owner_id"] for r in rows} == {rep_id}
    db = open_database(str(demo_file))
    try:
        with db.read() as session:
            # The call queue: leads waiting with a booked meeting are left out.
            call_queue = QueueQuery(
                owner=rep_id, meetings=NO_MEETING, meetings_as_of=datetime.now(UTC)
            )
            expected = queue_ids(session, call_queue)
    finally:
        db.close()
    assert [r["id"] for r in rows] == expected


def test_queue_for_an_unknown_rep(cli_env: dict[str, str], demo_file: Path) -> None:
    result = baton(cli_env, "queue", "--db", str(demo_file), "--rep", "nobody@example.com")
    assert result.returncode == 2
    assert "nobody@example.com" in result.stderr
    assert result.stdout == ""


def _lead_json(cli_env: dict[str, str], path: Path, lead_id: int, lang: str) -> dict[str, Any]:
    result = baton(cli_env, "lead", str(lead_id), "--db", str(path), "--json", "--lang", lang)
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _top_lead(path: Path) -> int:
    db = open_database(str(path))
    try:
        with db.read() as session:
            return queue_ids(session, QueueQuery(owner=ANY_OWNER))[0]
    finally:
        db.close()


def test_lead_json_explains_the_score(cli_env: dict[str, str], demo_file: Path) -> None:
    lead_id = _top_lead(demo_file)
    data = _lead_json(cli_env, demo_file, lead_id, "en")
    assert data["id"] == lead_id
    card = data["score"]
    contributions = card["contributions"]
    fit = [c for c in contributions if c["part"] == "fit"]
    engagement = [c for c in contributions if c["part"] == "engagement"]
    assert [c["label"] for c in fit] == ["Industry", "Company size", "Seniority", "Region"]
    assert engagement
    for c in engagement:
        assert c["label"]
        assert c["label"] != c["factor"]  # "Email open", not "email_open"
    assert sum(c["points"] for c in contributions) == pytest.approx(
        card["fit"] + card["engagement"]
    )
    assert round(card["fit"] + card["engagement"]) == card["score"]
    assert data["touches"]


def _ts_translations(context: str) -> dict[str, str]:
    root = ET.parse(JA_TS).getroot()  # noqa: S314 - the project's own translation source
    for ctx in root.iter("context"):
        if ctx.findtext("name") == context:
            return {
                m.findtext("source") or "": m.findtext("translation") or ""
                for m in ctx.iter("message")
            }
    return {}


def test_lead_json_labels_in_japanese(cli_env: dict[str, str], demo_file: Path) -> None:
    if not JA_TS.exists():
        pytest.skip(f"{JA_TS} does not exist yet: no Japanese labels to check")
    translations = _ts_translations("Labels")
    lead_id = _top_lead(demo_file)
    english = _lead_json(cli_env, demo_file, lead_id, "en")["score"]["contributions"]
    japanese = _lead_json(cli_env, demo_file, lead_id, "ja")["score"]["contributions"]
    assert [c["factor"] for c in japanese] == [c["factor"] for c in english]
    for en, ja in zip(english, japanese, strict=True):
        assert translations.get(en["label"]), f"{en['label']!r} has no Japanese translation"
        assert ja["label"] == translations[en["label"]]
        assert ja["label"] != en["label"]


def test_unknown_lead(cli_env: dict[str, str], demo_file: Path) -> None:
    result = baton(cli_env, "lead", "999999", "--db", str(demo_file))
    assert result.returncode == 2
    assert "999999" in result.stderr
    assert result.stdout == ""


def test_a_corrupt_database_file(cli_env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "顧客リスト.db"
    content = random.Random(11).randbytes(20_000)
    path.write_bytes(content)
    for command in (["queue"], ["demo", "--leads", "5", "--quiet"]):
        result = baton(cli_env, *command, "--db", str(path))
        assert result.returncode == 2, command
        assert str(path) in result.stderr
        assert result.stdout == ""
    assert path.read_bytes() == content
    assert sidecars(path) == []


def test_an_unsupported_database_url(cli_env: dict[str, str]) -> None:
    result = baton(cli_env, "queue", "--db", "mysql://x/y")
    assert result.returncode == 2
    assert "mysql://x/y" in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


def test_a_malformed_database_url(cli_env: dict[str, str]) -> None:
    result = baton(cli_env, "users", "--db", "postgresql://user@:notaport/db")
    assert result.returncode == 2
    assert "notaport" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_rescore_prints_the_count(cli_env: dict[str, str], demo_copy: Path) -> None:
    result = baton(cli_env, "rescore", "--db", str(demo_copy))
    assert result.returncode == 0, result.stderr
    assert f"Rescored {DEMO_LEADS} leads" in result.stdout


def test_user_add(cli_env: dict[str, str], demo_copy: Path) -> None:
    before = _users(demo_copy)
    # The database has an administrator: adding a user needs them, named.
    nobody = baton(
        cli_env, "user", "add", "taro.yamada@baton.example", "--name", "山田 太郎",
        "--role", "rep", "--db", str(demo_copy),
    )  # fmt: skip
    assert nobody.returncode == 2
    assert "--user" in nobody.stderr and "BATON_USER" in nobody.stderr
    assert _users(demo_copy) == before
    cli_env = cli_env | {"BATON_USER": "makoto.kobayashi@baton.example"}
    bad = baton(
        cli_env,
        "user",
        "add",
        "not-an-email",
        "--name",
        "山田 太郎",
        "--role",
        "rep",
        "--db",
        str(demo_copy),
    )
    assert bad.returncode == 2
    assert "not-an-email" in bad.stderr
    assert bad.stdout == ""
    assert _users(demo_copy) == before

    good = baton(
        cli_env,
        "user",
        "add",
        "taro.yamada@baton.example",
        "--name",
        "山田 太郎",
        "--role",
        "rep",
        "--db",
        str(demo_copy),
    )
    assert good.returncode == 0, good.stderr
    after = _users(demo_copy)
    assert len(after) == len(before) + 1
    assert "taro.yamada@baton.example" in {u[1] for u in after}

    again = baton(
        cli_env,
        "user",
        "add",
        "Taro.Yamada@baton.example",
        "--name",
        "山田",
        "--role",
        "rep",
        "--db",
        str(demo_copy),
    )
    assert again.returncode == 2
    assert "already exists" in again.stderr
    assert _users(demo_copy) == after


# -- Reading never writes -------------------------------------------------------------------
READING = (["queue"], ["lead", "1"], ["due"], ["users"], ["team"])


def test_reading_a_missing_database_creates_nothing(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    path = tmp_path / "新しい.sqlite3"
    for command in READING:
        result = baton(cli_env, *command, "--db", str(path), "--lang", "en")
        assert result.returncode == 2, (command, result.stderr)
        assert str(path) in result.stderr
        assert "only reads" in result.stderr
        assert "Traceback" not in result.stderr
        assert result.stdout == ""
    assert list(tmp_path.iterdir()) == []


def _database_at(path: Path, revision: str) -> None:
    """A Baton database whose schema stops at ``revision`` (an older Baton made it)."""
    from alembic import command
    from sqlalchemy import create_engine

    from models.db import migrations as migrate

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.upgrade(migrate.config(connection), revision)
    engine.dispose()


def test_an_older_schema_is_upgraded_by_writing_not_by_reading(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    from models.db import migrations as migrate

    path = tmp_path / "old.sqlite3"
    _database_at(path, "0001")
    content = path.read_bytes()
    for command in READING:
        result = baton(cli_env, *command, "--db", str(path), "--lang", "en")
        assert result.returncode == 2, (command, result.stderr)
        assert "0001" in result.stderr
        assert migrate.HEAD in result.stderr
        assert result.stdout == ""
    assert path.read_bytes() == content
    assert sidecars(path) == []
    # A command that writes brings the schema up to date; then reading works.
    assert baton(cli_env, "rescore", "--db", str(path)).returncode == 0
    listed = baton(cli_env, "queue", "--json", "--db", str(path))
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout) == []


def test_reading_takes_no_write_lock(cli_env: dict[str, str], demo_copy: Path) -> None:
    """A reader runs while another program holds the write lock (it never asks for it)."""
    writer = sqlite3.connect(demo_copy, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE lead SET phone = 'held' WHERE id = 1")
        for command in (["queue", "--json"], ["users", "--json"], ["due", "--json"]):
            result = baton(cli_env, *command, "--db", str(demo_copy))
            assert result.returncode == 0, (command, result.stderr)
            json.loads(result.stdout)
    finally:
        writer.execute("ROLLBACK")
        writer.close()


# -- The clock ------------------------------------------------------------------------------
def test_now_is_hidden_and_checked(cli_env: dict[str, str], demo_file: Path) -> None:
    assert "--now" not in baton(cli_env, "--help").stdout
    assert "--now" not in baton(cli_env, "due", "--help").stdout
    bad = baton(cli_env, "due", "--db", str(demo_file), "--now", "yesterday", "--lang", "en")
    assert bad.returncode == 2
    assert "--now" in bad.stderr
    assert "yesterday" in bad.stderr
    env = {**cli_env, "BATON_NOW": "someday"}
    bad = baton(env, "due", "--db", str(demo_file), "--lang", "en")
    assert bad.returncode == 2
    assert "BATON_NOW" in bad.stderr


def test_due_takes_its_clock_from_baton_now(cli_env: dict[str, str], demo_file: Path) -> None:
    def due(now: str) -> list[int]:
        result = baton({**cli_env, "BATON_NOW": now}, "due", "--json", "--db", str(demo_file))
        assert result.returncode == 0, result.stderr
        return [d["lead_id"] for d in json.loads(result.stdout)]

    early, late = due("2000-01-01T00:00:00Z"), due("2100-01-01T00:00:00Z")
    assert early == []
    assert late  # every callback the demo data holds is due by then
    # --now wins over BATON_NOW.
    result = baton(
        {**cli_env, "BATON_NOW": "2000-01-01T00:00:00Z"},
        "due", "--json", "--db", str(demo_file), "--now", "2100-01-01T00:00:00Z",
    )  # fmt: skip
    assert [d["lead_id"] for d in json.loads(result.stdout)] == late
