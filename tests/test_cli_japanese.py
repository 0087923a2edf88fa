"""The command line in Japanese reads as Japanese, in the app's one date style.

Every read-only command runs as a user runs it (``baton … --lang ja`` in a subprocess);
its output holds no English (ASCII words that are not names, codes or data: see
tests/japanese_text.py), dates read ``2026/11/24(火) 10:00`` (English: ``Tue 24 Nov 2026
10:00``), roles are words, and what a write command did names the lead.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from models.core.entities import Lead, User
from models.core.messages import lead_label
from models.db.database import Database, open_database
from tests.japanese_text import data_strings, untranslated
from tests.test_cli import baton, headless_env

JA_DATETIME = r"\d{4}/\d{2}/\d{2}\([月火水木金土日]\) \d{2}:\d{2}"
EN_DATETIME = r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}"


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return headless_env(tmp_path_factory.mktemp("cli-ja-home"))


@pytest.fixture(scope="module")
def demo(env: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Demo data made now (``baton demo``): callbacks are due, first calls are pending."""
    path = tmp_path_factory.mktemp("cli-ja-db") / "demo.sqlite3"
    made = baton(env, "demo", "--leads", "200", "--seed", "5", "--db", str(path), "--quiet")
    assert made.returncode == 0, made.stderr
    return path


@pytest.fixture(scope="module")
def db(demo: Path) -> Iterator[Database]:
    database = open_database(str(demo))
    yield database
    database.close()


def _run(env: dict[str, str], demo: Path, *args: str) -> str:
    done = baton(env, *args, "--db", str(demo))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return done.stdout


def _top_lead(env: dict[str, str], demo: Path) -> str:
    rows = json.loads(_run(env, demo, "queue", "--limit", "1", "--json"))
    return str(rows[0]["id"])


def test_every_reading_command_speaks_japanese(
    env: dict[str, str], demo: Path, db: Database
) -> None:
    top = _top_lead(env, demo)
    commands = [
        ("queue", "--limit", "40"),
        ("queue", "--limit", "40", "--sort", "last-touch"),
        ("lead", top),
        ("users",),
        ("due",),
        ("team",),
    ]
    data = data_strings(db)
    for command in commands:
        out = _run(env, demo, *command, "--lang", "ja")
        assert out.strip(), command
        found = untranslated(out.splitlines(), data)
        assert not found, f"English in `baton {' '.join(command)} --lang ja`:\n" + "\n".join(
            f"{words}: {line!r}" for line, words in found.items()
        )


def test_the_score_is_explained_in_japanese(env: dict[str, str], demo: Path) -> None:
    out = _run(env, demo, "lead", _top_lead(env, demo), "--lang", "ja")
    assert re.search(r"（属性 \d+/\d+、行動 [\d.]+/\d+）", out), out
    assert "fit" not in out and "engagement" not in out


def test_roles_are_words(env: dict[str, str], demo: Path) -> None:
    ja = _run(env, demo, "users", "--lang", "ja")
    assert "インサイドセールス" in ja and "フィールドセールス" in ja
    en = _run(env, demo, "users", "--lang", "en")
    assert "Inside sales rep" in en and "Field sales rep" in en
    raw_role = re.compile(r"  (rep|field_rep|team_lead|marketing|admin)  ")
    assert not raw_role.search(ja) and not raw_role.search(en)


def test_dates_have_one_style_per_language(env: dict[str, str], demo: Path) -> None:
    top = _top_lead(env, demo)
    for language, style in (("ja", JA_DATETIME), ("en", EN_DATETIME)):
        due = _run(env, demo, "due", "--lang", language).splitlines()
        assert due, "the demo has callbacks due"
        assert all(re.match(style, line) for line in due), due[:3]
        touches = [
            line
            for line in _run(env, demo, "lead", top, "--lang", language).splitlines()
            if re.match(r"  \S", line) and re.search(r"\d{2}:\d{2}", line)
        ]
        assert touches
        assert all(re.match(rf"  {style}", line) for line in touches), touches[:3]
        assert not re.search(r"\d{4}-\d{2}-\d{2}", "\n".join(due + touches))
    # Aligned columns (the English lines here): the lead's id starts at the same column.
    assert all(line[21:23] == "  " and line[23].isdigit() for line in due), due[:3]


def test_what_a_command_did_names_the_lead(env: dict[str, str], demo: Path, db: Database) -> None:
    copy = demo.with_name("copy.sqlite3")
    shutil.copy(demo, copy)
    with db.read() as session:
        lead = session.scalars(
            select(Lead)
            .where(Lead.stage == "working", Lead.do_not_call.is_(False), Lead.owner_id.is_not(None))
            .limit(1)
        ).one()
        lead_id, named = lead.id, lead_label(lead)
        acting = ("--user", session.get_one(User, lead.owner_id).email)
    done = baton(
        env, "call", str(lead_id), "--outcome", "no_answer", "--db", str(copy), "--lang", "ja",
        *acting,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert named in done.stdout and "不在" in done.stdout
    assert "no_answer" not in done.stdout and "Logged" not in done.stdout
    done = baton(
        env, "recycle", str(lead_id), "--reason", "timing", "--db", str(copy), "--lang", "ja",
        *acting,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert named in done.stdout and "ナーチャリング" in done.stdout
    assert "timing" not in done.stdout


def test_the_commands_that_look_after_a_database_speak_japanese(
    env: dict[str, str], tmp_path: Path
) -> None:
    """init, migrate, demo and rescore: what they did, in the user's language."""
    path = tmp_path / "new.sqlite3"
    outputs = []
    for command in (
        ("init",),
        ("init",),  # already there
        ("migrate",),  # up to date
        ("demo", "--leads", "50", "--quiet"),
        ("rescore",),
    ):
        done = baton(env, *command, "--db", str(path), "--lang", "ja")
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    database = open_database(str(path))
    try:
        data = data_strings(database)
    finally:
        database.close()
    for out in outputs:
        found = untranslated(out.splitlines(), data)
        assert not found, out
    assert "空の Baton データベース" in outputs[0]
    assert "再計算" in outputs[-1]
