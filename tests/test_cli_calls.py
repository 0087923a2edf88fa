"""The real ``baton`` command in subprocesses: ``call``, ``recycle`` and ``due``.

Each test works on its own copy of one SQLite file filled by ``baton demo --leads 200
--seed 3`` (run once per module, through the CLI too), and checks the database itself
afterwards. A refused command must exit 2, say what was wrong on stderr and write
nothing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import ColumnElement, func, select

import resources
from models.core.entities import (
    LEAD,
    AuditEntry,
    Call,
    Lead,
    QualificationAnswer,
    StageChange,
)
from models.core.enums import Outcome
from models.core.messages import lead_label
from models.db.database import Database, open_database
from models.leads.bant import current_answers
from models.teams.users import user_by_email
from tests.test_cli import headless_env

REPO = Path(__file__).resolve().parent.parent
TS_JA = resources.path("translations") / "baton_ja.ts"
ACTIVE = ("new", "working")


def baton(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        cwd=REPO,
        env=headless_env(home),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("cli-home")
    path = tmp_path_factory.mktemp("cli-template") / "demo.sqlite3"
    done = baton(home, "demo", "--leads", "200", "--seed", "3", "--db", str(path), "--quiet")
    assert done.returncode == 0, done.stderr
    assert "200 leads" in done.stdout
    assert not path.with_name(path.name + "-wal").exists()
    return path


class Cli:
    """One copy of the demo file and the commands run against it."""

    def __init__(self, path: Path, home: Path) -> None:
        self.path = path
        self.home = home
        self.db: Database = open_database(f"sqlite:///{path}")

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return baton(self.home, *args, "--db", str(self.path))

    def user(self, local: str) -> int:
        with self.db.read() as session:
            return user_by_email(session, email(local)).id

    def leads(self, *where: ColumnElement[bool]) -> list[int]:
        with self.db.read() as session:
            return list(session.scalars(select(Lead.id).where(*where).order_by(Lead.id)))

    def callable(self, owner: int | None, *where: ColumnElement[bool]) -> int:
        owned = Lead.owner_id.is_(None) if owner is None else Lead.owner_id == owner
        ids = self.leads(
            owned,
            Lead.stage.in_(ACTIVE),
            Lead.do_not_call.is_(False),
            Lead.next_callback_at.is_(None),
            *where,
        )
        assert ids, "the demo data has such a lead"
        return ids[0]

    def lead(self, lead_id: int) -> dict[str, Any]:
        with self.db.read() as session:
            return dict(session.execute(select(LEAD).where(LEAD.c.id == lead_id)).one()._mapping)

    def counts(self) -> dict[str, int]:
        with self.db.read() as session:
            return {
                e.__name__: int(session.scalar(select(func.count()).select_from(e)) or 0)
                for e in (Call, QualificationAnswer, AuditEntry, StageChange, Lead)
            }

    def calls(self, lead_id: int) -> list[Call]:
        with self.db.read() as session:
            return list(
                session.scalars(select(Call).where(Call.lead_id == lead_id).order_by(Call.id))
            )

    def refused(self, lead_id: int, *args: str) -> str:
        """Run a command that must fail with exit 2 and write nothing; its stderr."""
        counts, row = self.counts(), self.lead(lead_id)
        done = self.run(*args)
        assert done.returncode == 2, (done.stdout, done.stderr)
        assert done.stdout == ""
        assert done.stderr.startswith("baton: ")
        assert "Traceback" not in done.stderr
        assert self.counts() == counts
        assert self.lead(lead_id) == row
        return done.stderr


def email(local: str) -> str:
    return f"{local}@baton.example"


@pytest.fixture
def cli(template: Path, tmp_path: Path) -> Iterator[Cli]:
    path = tmp_path / "baton.sqlite3"
    shutil.copyfile(template, path)
    runner = Cli(path, tmp_path / "home")
    yield runner
    runner.db.close()


# -- call -----------------------------------------------------------------------------------
def test_call_logs_a_no_answer(cli: Cli) -> None:
    misaki = cli.user("misaki.sato")
    lead_id = cli.callable(misaki, Lead.stage == "working")
    before = cli.lead(lead_id)
    started = datetime.now(UTC)
    done = cli.run(
        "call", str(lead_id), "--outcome", "no_answer", "--user", email("misaki.sato"),
        "--note", "留守電なし",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    call = cli.calls(lead_id)[-1]
    with cli.db.read() as session:  # the lead by its name, as every message names it
        named = lead_label(session.get_one(Lead, lead_id))
    assert done.stdout.strip() == f"Logged call {call.id} on {named}, lead {lead_id}: No answer."
    assert (call.outcome, call.user_id, call.notes) == ("no_answer", misaki, "留守電なし")
    assert started - timedelta(seconds=1) <= call.started_at <= datetime.now(UTC)
    after = cli.lead(lead_id)
    assert after["call_attempts"] == before["call_attempts"] + 1
    assert after["unanswered_streak"] == before["unanswered_streak"] + 1
    assert after["last_call_at"] == call.started_at
    assert after["why_now"] == "resting"


def test_call_takes_its_clock_from_now(cli: Cli) -> None:
    misaki = cli.user("misaki.sato")
    lead_id = cli.callable(misaki)
    at = (datetime.now(UTC) - timedelta(hours=3)).replace(microsecond=0)
    # A callback 30 minutes after that clock is in the future for the command, though
    # already past on the wall clock.
    callback = at + timedelta(minutes=30)
    done = cli.run(
        "call", str(lead_id), "--outcome", "callback_requested", "--duration", "60",
        "--callback", callback.isoformat(), "--user", email("misaki.sato"),
        "--now", at.isoformat(),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    call = cli.calls(lead_id)[-1]
    assert call.started_at == at - timedelta(seconds=60)
    assert cli.lead(lead_id)["next_callback_at"] == callback


def test_call_records_bant_answers_with_evidence(cli: Cli) -> None:
    ken = cli.user("ken.ito")
    lead_id = cli.callable(ken, Lead.stage == "new")
    done = cli.run(
        "call", str(lead_id), "--outcome", "connected", "--user", email("ken.ito"),
        "--duration", "420", "--temperature", "warm",
        "--bant", "budget=planned:「下期です」", "need=explicit",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    call = cli.calls(lead_id)[-1]
    assert (call.outcome, call.duration_seconds, call.temperature) == ("connected", 420, "warm")
    with cli.db.read() as session:
        rows = session.execute(
            select(
                QualificationAnswer.field, QualificationAnswer.value, QualificationAnswer.evidence
            )
            .where(QualificationAnswer.call_id == call.id)
            .order_by(QualificationAnswer.field)
        ).all()
        current = current_answers(session, lead_id)
    assert [tuple(r) for r in rows] == [
        ("budget", "planned", "「下期です」"),
        ("need", "explicit", None),
    ]
    assert (current["budget"].value, current["budget"].evidence) == ("planned", "「下期です」")
    assert current["need"].value == "explicit"
    after = cli.lead(lead_id)
    assert (after["stage"], after["call_attempts"], after["temperature"]) == ("working", 1, "warm")


def test_a_callback_in_the_past_is_refused(cli: Cli) -> None:
    misaki = cli.user("misaki.sato")
    lead_id = cli.callable(misaki)
    past = (datetime.now(UTC) - timedelta(hours=1)).isoformat(timespec="minutes")
    err = cli.refused(
        lead_id, "call", str(lead_id), "--outcome", "callback_requested",
        "--callback", past, "--user", email("misaki.sato"), "--lang", "en",
    )  # fmt: skip
    assert "past" in err


def test_unknown_outcome_and_bant_values_are_named(cli: Cli) -> None:
    misaki = cli.user("misaki.sato")
    lead_id = cli.callable(misaki)
    user = ("--user", email("misaki.sato"), "--lang", "en")
    err = cli.refused(lead_id, "call", str(lead_id), "--outcome", "answered", *user)
    assert "answered" in err
    assert "no_answer" in err  # the accepted outcomes are listed
    err = cli.refused(
        lead_id, "call", str(lead_id), "--outcome", "connected", "--bant", "budget=lots", *user
    )
    assert "lots" in err
    assert "Budget" in err  # the field by its label
    assert "allocated" in err
    err = cli.refused(
        lead_id, "call", str(lead_id), "--outcome", "connected", "--bant", "money=lots", *user
    )
    assert "money" in err
    err = cli.refused(
        lead_id, "call", str(lead_id), "--outcome", "connected", "--bant", "budget", *user
    )
    assert "budget" in err
    assert "FIELD=VALUE" in err


def test_a_callback_that_is_not_a_date_names_the_option(cli: Cli) -> None:
    misaki = cli.user("misaki.sato")
    lead_id = cli.callable(misaki)
    err = cli.refused(
        lead_id, "call", str(lead_id), "--outcome", "callback_requested",
        "--callback", "tomorrow", "--user", email("misaki.sato"), "--lang", "en",
    )  # fmt: skip
    assert "--callback" in err
    assert "tomorrow" in err


def _ja_translation(source: str) -> str | None:
    """The Japanese text resources/translations/baton_ja.ts gives ``source`` (None if none).

    lrelease compiles every non-empty translation that is not obsolete, finished or not.
    """
    root = ET.parse(TS_JA).getroot()  # noqa: S314 - the project's own translation source
    for context in root.iter("context"):
        if context.findtext("name") != "Errors":
            continue
        for message in context.iter("message"):
            if message.findtext("source") != source:
                continue
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("obsolete", "vanished"):
                return None
            return (translation.text or "").strip() or None
    return None


def test_lang_ja_gives_the_japanese_message_when_translated(cli: Cli) -> None:
    misaki = cli.user("misaki.sato")
    lead_id = cli.callable(misaki)
    past = (datetime.now(UTC) - timedelta(hours=1)).isoformat(timespec="minutes")
    err = cli.refused(
        lead_id, "call", str(lead_id), "--outcome", "callback_requested",
        "--callback", past, "--user", email("misaki.sato"), "--lang", "ja",
    )  # fmt: skip
    english = "The callback time is in the past; choose a time after now."
    japanese = _ja_translation(english)
    assert err.strip() == f"baton: {japanese or english}"

    err = cli.refused(
        lead_id, "call", str(lead_id), "--outcome", "answered",
        "--user", email("misaki.sato"), "--lang", "ja",
    )  # fmt: skip
    template = _ja_translation("Unknown outcome “{value}”; expected one of {expected}.")
    outcomes = ", ".join(o.value for o in Outcome)
    if template is None:
        assert err.strip() == f"baton: Unknown outcome “answered”; expected one of {outcomes}."
    else:
        assert err.strip() == "baton: " + template.replace("{value}", "answered").replace(
            "{expected}", outcomes
        )


def test_calling_needs_a_user_never_the_owner(cli: Cli) -> None:
    lead_id = cli.callable(None)
    err = cli.refused(lead_id, "call", str(lead_id), "--outcome", "no_answer", "--lang", "en")
    assert "--user" in err and "BATON_USER" in err
    # Nor is the owner of an assigned lead taken for the caller: nobody is guessed.
    shota = cli.user("shota.suzuki")
    owned = cli.callable(shota)
    err = cli.refused(owned, "call", str(owned), "--outcome", "busy", "--lang", "en")
    assert "--user" in err and "BATON_USER" in err
    done = cli.run("call", str(owned), "--outcome", "busy", "--user", email("shota.suzuki"))
    assert done.returncode == 0, done.stderr
    assert cli.calls(owned)[-1].user_id == shota
    # An unknown lead is an error too, not a crash.
    err = cli.refused(
        lead_id, "call", "999999", "--outcome", "busy", "--user", email("shota.suzuki")
    )
    assert "999999" in err


# -- recycle ----------------------------------------------------------------------------------
def test_recycle_returns_the_lead_to_nurture(cli: Cli) -> None:
    yumi = cli.user("yumi.takahashi")
    lead_id = cli.callable(yumi)
    before = cli.lead(lead_id)
    done = cli.run(
        "recycle", str(lead_id), "--reason", "timing", "--until", "2099-01-01",
        "--note", "来期の予算編成後に再連絡", "--user", email("yumi.takahashi"),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert str(lead_id) in done.stdout
    after = cli.lead(lead_id)
    assert after["stage"] == "recycled"
    assert (after["recycle_reason"], after["recycle_until"]) == ("timing", date(2099, 1, 1))
    with cli.db.read() as session:
        change = session.scalars(
            select(StageChange)
            .where(StageChange.lead_id == lead_id)
            .order_by(StageChange.id.desc())
            .limit(1)
        ).one()
        entry = session.scalars(
            select(AuditEntry).where(
                AuditEntry.entity_id == lead_id, AuditEntry.action == "recycled"
            )
        ).one()
    assert (change.from_stage, change.to_stage) == (before["stage"], "recycled")
    assert (change.reason, change.note, change.changed_by) == (
        "timing",
        "来期の予算編成後に再連絡",
        yumi,
    )
    assert entry.user_id == yumi


def test_recycle_refuses_a_past_date_and_an_unknown_reason(cli: Cli) -> None:
    yumi = cli.user("yumi.takahashi")
    lead_id = cli.callable(yumi)
    user = ("--user", email("yumi.takahashi"), "--lang", "en")
    err = cli.refused(
        lead_id, "recycle", str(lead_id), "--reason", "timing", "--until", "2020-01-01", *user
    )
    assert "Wed 1 Jan 2020" in err  # the date the rep gave, in the app's one date style
    assert "future" in err
    err = cli.refused(lead_id, "recycle", str(lead_id), "--reason", "budget", *user)
    assert "budget" in err
    assert "no_budget" in err  # the accepted reasons are listed
    err = cli.refused(
        lead_id, "recycle", str(lead_id), "--reason", "timing", "--until", "someday", *user
    )
    assert "--until" in err
    assert "someday" in err
    err = cli.refused(lead_id, "recycle", str(lead_id), "--reason", "other", *user)
    assert "other" in err


# -- due --------------------------------------------------------------------------------------
def test_due_lists_a_callback_once_it_is_due(cli: Cli) -> None:
    emily = cli.user("emily.carter")
    lead_id = cli.callable(emily)
    callback = (datetime.now(UTC) + timedelta(hours=2)).replace(microsecond=0)
    done = cli.run(
        "call", str(lead_id), "--outcome", "callback_requested",
        "--callback", callback.isoformat(), "--user", email("emily.carter"),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert cli.lead(lead_id)["next_callback_at"] == callback

    def due(at: datetime, *args: str) -> list[dict[str, Any]]:
        # The clock is fixed with --now instead of waiting for the callback to fall due.
        listed = cli.run("due", "--json", "--now", at.isoformat(), *args)
        assert listed.returncode == 0, listed.stderr
        data: list[dict[str, Any]] = json.loads(listed.stdout)
        return data

    before, after = callback - timedelta(seconds=1), callback + timedelta(seconds=1)
    assert lead_id not in [d["lead_id"] for d in due(before, "--rep", email("emily.carter"))]
    assert lead_id in [d["lead_id"] for d in due(callback)]  # due at the minute itself

    mine = due(after, "--rep", email("emily.carter"))
    (entry,) = [d for d in mine if d["lead_id"] == lead_id]
    assert datetime.fromisoformat(entry["callback_at"]) == callback
    assert entry["owner_id"] == emily
    assert entry["name"] == cli.lead(lead_id)["name"]
    assert all(d["owner_id"] == emily for d in mine)
    assert lead_id in [d["lead_id"] for d in due(after)]
    assert lead_id not in [d["lead_id"] for d in due(after, "--rep", email("ken.ito"))]


# -- phone ------------------------------------------------------------------------------------
def test_wrong_number_then_a_new_number_from_the_command_line(cli: Cli) -> None:
    yumi = cli.user("yumi.takahashi")
    lead_id = cli.callable(yumi)
    user = ("--user", email("yumi.takahashi"))
    done = cli.run("call", str(lead_id), "--outcome", "wrong_number", *user)
    assert done.returncode == 0, done.stderr
    assert (cli.lead(lead_id)["phone_invalid"], cli.lead(lead_id)["why_now"]) == (
        True,
        "wrong_number",
    )
    err = cli.refused(lead_id, "phone", str(lead_id), "不明", *user, "--lang", "en")
    assert "“不明” is not a phone number" in err
    done = cli.run("phone", str(lead_id), "０３－９８７６－５４３２", *user)
    assert done.returncode == 0, done.stderr
    after = cli.lead(lead_id)
    assert (after["phone"], after["phone_e164"], after["phone_invalid"]) == (
        "０３－９８７６－５４３２",
        "+81398765432",
        False,
    )
