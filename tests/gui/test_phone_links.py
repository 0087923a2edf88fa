"""The lead pane shows a number as typed and links it to its E.164 form.

``０３－１２３４－５６７８`` used to give ``tel:`` with nothing after it (the link kept
only ASCII digits). Text that is no phone number is shown without a link.
"""

from __future__ import annotations

import re

from pytestqt.qtbot import QtBot
from sqlalchemy import update

from desktop.main.window import MainWindow
from models.core.entities import Account, Lead
from models.core.phones import to_e164
from models.db.database import Database
from tests.gui.conftest import wait_idle

FULL_WIDTH = "０３－１２３４－５６７８"


def test_a_full_width_number_dials_its_e164_form(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database
) -> None:
    lead_id = window.lead_pane.current_lead_id()
    assert lead_id is not None
    with sqlite_demo_db.write() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None
        account_id = lead.account_id
        session.execute(
            update(Lead)
            .where(Lead.id == lead_id)
            .values(phone=FULL_WIDTH, phone_e164=to_e164(FULL_WIDTH), do_not_call=False)
        )
        session.execute(
            update(Account).where(Account.id == account_id).values(phone="不明", phone_e164=None)
        )
    window.model.reload()
    wait_idle(qtbot, window)
    window.lead_pane.show_lead(lead_id)
    qtbot.waitUntil(lambda: FULL_WIDTH in window.lead_pane.header.text(), timeout=10_000)
    header = window.lead_pane.header.text()
    assert re.findall(r"href='(tel:[^']*)'", header) == ["tel:+81312345678"]
    assert f">{FULL_WIDTH}</a>" in header  # shown as the user typed it
    assert "不明" in header  # the main line that is no number: shown, not linked
