"""What a Japanese user reads when the domain refuses: real errors from real use cases.

Only QtCore here: the Japanese translator is installed on the test session's application
(pytest-qt's ``qapp``; a second, bare QCoreApplication would break the widget tests).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from desktop.i18n import languages
from desktop.i18n.messages import message
from models.core.entities import Account, Lead, User
from models.core.errors import BatonError
from models.core.messages import DETAIL, MESSAGES, placeholders
from models.db.database import Database, open_database
from models.leads.actions import RecycleInput, recycle
from models.leads.calls import BantAnswer, CallDraft, log_call

#: Names that stay in Latin letters in Japanese text: the product and its databases.
PROPER_NAMES = ("Baton", "SQLite", "PostgreSQL")


@pytest.fixture
def japanese(qapp: QCoreApplication) -> Iterator[None]:
    locale = QLocale()
    translators = languages.install(qapp, "ja")
    assert translators, "the Japanese translation did not load"
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


def assert_japanese(exc: BatonError) -> str:
    """``exc`` in Japanese: no Latin letters but the parameter values and proper names,
    no SQL, no driver text, no repr. Returns the message."""
    text = message(exc)
    assert text, exc.key
    assert text != str(exc), f"{exc.key} is shown in English"
    assert f"{type(exc).__name__}(" not in text
    assert repr(exc) not in text
    assert not re.search(r"\b(SELECT|INSERT|UPDATE|DELETE|FROM)\b|\[SQL", text), text
    detail = exc.params.get(DETAIL)
    if detail:
        assert str(detail) not in text
    rest = text
    values = sorted((str(exc.params[n]) for n in placeholders(MESSAGES[exc.key])), key=len)
    for value in reversed(values):  # the longest first: "mysql://x/y" before "mysql"
        rest = rest.replace(value, "")
    for proper in PROPER_NAMES:
        rest = rest.replace(proper, "")
    assert not re.search(r"[A-Za-z]", rest), f"Latin letters outside the values: {text!r}"
    return text


def _refusal(db: Database, action: Callable[[Session], object]) -> BatonError:
    with pytest.raises(BatonError) as info, db.write() as session:
        action(session)
    return info.value


def _lead(db: Database, *where: ColumnElement[bool]) -> tuple[int, str, str, int | None]:
    with db.read() as session:
        row = session.execute(
            select(Lead.id, Lead.name, Account.name, Lead.owner_id)
            .join(Account, Account.id == Lead.account_id)
            .where(*where)
            .order_by(Lead.id)
            .limit(1)
        ).one()
    return row[0], row[1], row[2], row[3]


def _team_lead(db: Database) -> int:
    with db.read() as session:
        user_id = session.scalar(select(User.id).where(User.role == "team_lead").limit(1))
    assert user_id is not None
    return user_id


def test_refusals_about_a_lead_name_it_in_japanese(
    japanese: None, sqlite_demo_db: Database
) -> None:
    db, now = sqlite_demo_db, datetime.now(UTC)
    supervisor = _team_lead(db)

    lead_id, name, company, _owner = _lead(
        db, Lead.do_not_call.is_(True), Lead.stage.in_(("new", "working"))
    )
    exc = _refusal(db, lambda s: log_call(s, supervisor, CallDraft(lead_id, "connected", now), now))
    text = assert_japanese(exc)
    assert text == f"{name} ({company}) は架電禁止のため、架電を記録できません。"
    assert str(lead_id) not in text

    lead_id, name, company, _owner = _lead(db, Lead.stage == "promoted")
    exc = _refusal(db, lambda s: log_call(s, supervisor, CallDraft(lead_id, "connected", now), now))
    text = assert_japanese(exc)
    assert f"{name} ({company})" in text
    assert "「引き渡し済み」" in text  # the stage by its label, not "promoted"

    lead_id, name, company, _owner = _lead(
        db, Lead.do_not_call.is_(False), Lead.stage.in_(("new", "working"))
    )
    data = RecycleInput(lead_id, "timing", date(2020, 1, 1))
    exc = _refusal(db, lambda s: recycle(s, supervisor, data, now))
    assert exc.key == "lead.until_not_future"
    assert "2020/01/01(水)" in assert_japanese(exc)  # the app's one date style


def test_input_refusals_in_japanese(japanese: None, sqlite_demo_db: Database) -> None:
    db, now = sqlite_demo_db, datetime.now(UTC)
    supervisor = _team_lead(db)
    lead_id, *_rest = _lead(db, Lead.do_not_call.is_(False), Lead.stage.in_(("new", "working")))

    draft = CallDraft(lead_id, "connected", now, bant={"budget": BantAnswer("lots")})
    exc = _refusal(db, lambda s: log_call(s, supervisor, draft, now))
    text = assert_japanese(exc)
    assert text.startswith("予算: 「lots」")  # the BANT field by its label
    assert "budget" not in text

    draft = CallDraft(lead_id, "callback_requested", now, next_step="callback", callback_at=now)
    exc = _refusal(db, lambda s: log_call(s, supervisor, draft, now))
    assert (
        assert_japanese(exc)
        == "折り返し日時が過去になっています。現在より後の日時を選んでください。"
    )

    exc = _refusal(db, lambda s: log_call(s, supervisor, CallDraft(999_999, "busy", now), now))
    assert "999999" in assert_japanese(exc)


def test_database_refusals_in_japanese(japanese: None, tmp_path: Path) -> None:
    for url in ("mysql://x/y", "postgresql://alice@127.0.0.1:1/nothing"):
        with pytest.raises(BatonError) as info:
            open_database(url)
        assert_japanese(info.value)
    refused = info.value
    assert refused.key == "db.unreachable.refused"
    assert refused.params[DETAIL]  # the driver's words: in the log, not in the message

    noise = tmp_path / "顧客リスト.db"
    noise.write_bytes(random.Random(5).randbytes(8192))
    damaged = tmp_path / "damaged.db"
    open_database(str(damaged)).close()
    data = bytearray(damaged.read_bytes())
    data[100:4096] = random.Random(3).randbytes(3996)
    damaged.write_bytes(bytes(data))
    for path, key in ((noise, "db.corrupt.not_sqlite"), (damaged, "db.corrupt.damaged")):
        with pytest.raises(BatonError) as info:
            open_database(str(path))
        assert info.value.key == key
        assert str(path) in assert_japanese(info.value)


def test_an_unexpected_error_shows_no_exception_text(japanese: None) -> None:
    exc = ValueError("(sqlite3.IntegrityError) [SQL: INSERT INTO lead (name) VALUES (?)]")
    text = message(exc)
    assert text == "予期しないエラーが発生しました。"
    assert not re.search(r"[A-Za-z]", text)
