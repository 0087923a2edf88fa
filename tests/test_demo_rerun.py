"""A demo that was interrupted can be run again: no code assumes which ids it gets.

PostgreSQL never rolls a sequence back, so after an interrupted (killed, cancelled or
failed) transaction the next ids are not 1, 2, 3... The demo lets the database give every
id and refers to rows only by the ids it was given; its content stays the same for a
seed (ids aside).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from models import demo
from models.core.entities import Account, Call, Lead, Team, User
from models.db.database import Database, open_database
from models.demo import generator
from tests.conftest import NOW

#: Sequence values burnt by a transaction that did not commit.
BURNT = 40


class _Rollback(Exception):
    pass


def _burn_ids(db: Database) -> None:
    """What an interrupted demo leaves behind: ids handed out, rows rolled back."""
    with pytest.raises(_Rollback), db.write() as session:
        team = Team(name="rolled back")
        session.add(team)
        session.flush()
        for n in range(BURNT):
            session.add(User(email=f"gone{n}@x.example", display_name="x", role="rep"))
        session.flush()
        if session.get_bind().dialect.name == "postgresql":
            for table in ("account", "lead", "call", "touch"):
                session.execute(
                    text(
                        "SELECT nextval(pg_get_serial_sequence(:t, 'id')) "
                        "FROM generate_series(1, :n)"
                    ),
                    {"t": table, "n": BURNT},
                )
        raise _Rollback


def _content(db: Database) -> list[tuple[Any, ...]]:
    """What the demo made, in the order it made it, without the ids."""
    with db.read() as session:
        leads = session.execute(
            select(Lead.name, Lead.email, Account.name, User.email, Lead.score, Lead.priority)
            .join(Account, Account.id == Lead.account_id)
            .outerjoin(User, User.id == Lead.owner_id)
            .order_by(Lead.id)
        ).all()
        callers = session.execute(
            select(Lead.email, Call.started_at, User.email)
            .join(Lead, Lead.id == Call.lead_id)
            .join(User, User.id == Call.user_id)
            .order_by(Call.id)
        ).all()
    return [tuple(r) for r in leads] + [tuple(r) for r in callers]


def _reference(tmp_path: Path) -> list[tuple[Any, ...]]:
    reference = open_database(f"sqlite:///{tmp_path / 'reference.sqlite3'}")
    try:
        demo.generate(reference, leads=60, seed=5, now=NOW)
        return _content(reference)
    finally:
        reference.close()


def _ids_work_afterwards(session: Session) -> None:
    """Rows added after the demo get fresh ids (the sequences are past the demo's)."""
    user = User(email="after@x.example", display_name="after", role="rep")
    session.add(user)
    session.flush()
    assert user.id > (session.scalar(select(func.max(User.id)).where(User.id != user.id)) or 0)


def test_a_demo_runs_after_ids_were_burnt(db: Database, tmp_path: Path) -> None:
    _burn_ids(db)
    report = demo.generate(db, leads=60, seed=5, now=NOW)
    assert report.leads == 60
    assert _content(db) == _reference(tmp_path)
    with db.read() as session:
        first_user = session.scalar(select(func.min(User.id)))
        first_lead = session.scalar(select(func.min(Lead.id)))
        # Every call's caller is one of the demo's users (no id was taken for granted).
        callers = set(session.scalars(select(Call.user_id).distinct()))
        users = set(session.scalars(select(User.id)))
    assert callers <= users
    if db.dialect == "postgresql":
        # The ids are the ones the database gave, past the burnt ones.
        assert first_user is not None and first_user > BURNT
        assert first_lead is not None and first_lead > BURNT
    with db.write() as session:
        _ids_work_afterwards(session)


def test_a_cancelled_demo_can_run_again(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(generator, "CHUNK", 20)
    done: list[int] = []
    with pytest.raises(InterruptedError):
        demo.generate(
            db,
            leads=60,
            seed=5,
            now=NOW,
            progress=lambda n, _total: done.append(n),
            cancelled=lambda: len(done) >= 2,
        )
    with db.read() as session:
        assert session.scalar(select(func.count(Lead.id))) == 0
    monkeypatch.undo()  # the content depends on the chunk size: the reference's
    demo.generate(db, leads=60, seed=5, now=NOW)
    assert _content(db) == _reference(tmp_path)
    with db.write() as session:
        _ids_work_afterwards(session)
