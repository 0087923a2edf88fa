"""A few leads changed elsewhere: the queue moves rows in place instead of reloading.

Leads leave the queue, arrive in it and change places; the model ends with exactly the
order SQL gives, re-reads only the changed leads' rows, keeps the rep on the lead they
were on, and passes Qt's model tester all along (removals, insertions, one layout change).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from desktop.main.window import MainWindow
from desktop.queue.model import COL_CLAIM, COL_NAME
from models.core.changes import Changes
from models.core.entities import Lead
from models.db.database import Database
from models.leads import claims, queue
from models.teams.users import user_by_email
from tests.gui.conftest import record_row_reads, wait_idle


def test_changed_leads_move_in_place(
    qtbot: QtBot,
    qtmodeltester: Any,
    window: MainWindow,
    sqlite_demo_db: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = window.model
    qtmodeltester.check(model)  # and it keeps watching every signal from here on
    current = window.table.current_lead_id()
    assert current is not None and model.rowCount() > 10
    ids = [model.lead_id(n) for n in range(model.rowCount())]
    top, low, leaving = ids[1], ids[-1], ids[4]
    with sqlite_demo_db.read() as session:
        arriving = session.scalar(
            select(Lead.id)
            .where(Lead.id.not_in(ids), Lead.owner_id == window.user.id)
            .where(Lead.do_not_call.is_(False))
            .order_by(Lead.id)
        )
    assert arriving is not None
    with sqlite_demo_db.write() as session:
        session.execute(update(Lead).where(Lead.id == low).values(priority=10_000.0))
        session.execute(update(Lead).where(Lead.id == top).values(priority=-1.0))
        session.execute(update(Lead).where(Lead.id == leaving).values(do_not_call=True))
        session.execute(
            update(Lead).where(Lead.id == arriving).values(stage="working", priority=55.5)
        )
    read = record_row_reads(monkeypatch)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))

    changed = frozenset({top, low, leaving, arriving})
    window.ops.broadcast(Changes(lead_ids=changed))  # as the live feed hands it on
    qtbot.waitUntil(lambda: model.row_of(low) == 0, timeout=5_000)
    wait_idle(qtbot, window)

    with sqlite_demo_db.read() as session:
        expected = queue.queue_ids(session, model.query)
    assert [model.lead_id(n) for n in range(model.rowCount())] == expected
    assert leaving not in expected and arriving in expected
    assert resets == []
    assert len(read) == 1 and set(read[0]) == changed - {leaving}  # only those rows
    assert window.table.current_lead_id() == current  # the rep stays on their lead
    arrived = model.index(model.row_of(arriving) or 0, COL_NAME)
    assert model.data(arrived)  # its row came with the change, not a block later
    assert model.data(model.index(0, COL_CLAIM)) == ""


def test_next_lead_passes_over_a_lead_someone_is_on_the_phone_with(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database
) -> None:
    model = window.model
    first, second = model.top[:2]
    with sqlite_demo_db.write() as session:
        naoki = user_by_email(session, "naoki.tanaka@baton.example").id
        claims.claim(session, naoki, first, datetime.now(UTC))
    model.reload()
    wait_idle(qtbot, window)
    assert model.top[0] == second and first not in model.top
    assert model.claimant(first) is not None
    assert model.data(model.index(model.row_of(first) or 0, COL_CLAIM)) == "☎ 田中 直樹"
    window.table.next_lead()
    assert window.table.current_lead_id() == second
