"""The team-mode pictures of scripts/screenshots.py.

* ``sign-in``: the sign-in dialog at start, a first sign-in and one after the server
  refused the password (never tried: the dialog only shows the server and the login).
* ``workload``: the team lead's Team → Workload….
* ``reassign``: Lead → Reassign… for several leads the team lead selected in the queue.
* ``on-the-phone``: the team lead's queue showing who is on the phone with a lead.

The week they show is arranged on the demo data before the team lead's window opens: one
rep away from today for a few days, another away next week, two reps on the phone with a
lead each (claims held, as their call dialogs would hold them).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from screenshot_helpers import save, wait, wait_until
from sqlalchemy import select
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session

from desktop.dialogs.sign_in_dialog import SignInDialog
from desktop.i18n import messages as errors
from desktop.main.settings import Settings
from desktop.main.window import MainWindow
from desktop.operations.worker import DbWorker
from desktop.queue.columns import COL_CLAIM, COL_NAME
from desktop.team.workload_window import WorkloadWindow
from models.core.entities import Lead
from models.core.errors import DatabaseUnreachable
from models.db.database import Database, redact
from models.leads import claims
from models.leads.queue import ANY_OWNER
from models.teams import away
from models.teams.users import user_by_email

#: Every team-mode picture, by its ``--only`` name.
PICTURES = ("sign-in", "workload", "reassign", "on-the-phone")
SIGN_IN_URL = "postgresql+psycopg://misaki.sato%40baton.example@baton-db.example:5432/baton"
TEAM_LEAD = "naoki.tanaka@baton.example"
#: Away from today for a few days: her leads are the ones reassigned.
AWAY = "yumi.takahashi@baton.example"
#: Away next week (the workload's "next away").
AWAY_LATER = "ken.ito@baton.example"
#: Who takes the away rep's leads.
RECEIVER = "shota.suzuki@baton.example"
ON_THE_PHONE = ("shota.suzuki@baton.example", "emily.carter@baton.example")
#: How many of the away rep's leads the team lead selects.
SELECTED = 4
TOKYO = ZoneInfo("Asia/Tokyo")


def _never_called(_url: URL, _password: str) -> Database:
    raise AssertionError("the picture never signs in")


def sign_in(suffix: str) -> None:
    """A first sign-in, then the same dialog after the server refused the password."""
    import keyring  # noqa: PLC0415 - only this picture touches the keychain
    from keyring.backends.null import Keyring  # noqa: PLC0415

    keyring.set_keyring(Keyring())  # type: ignore[no-untyped-call]  # the picture never reads this computer's keychain
    url = make_url(SIGN_IN_URL)
    refusal = DatabaseUnreachable(
        "db.unreachable.auth", url=redact(url), reason="password authentication failed"
    )
    for name, reason in (("sign-in", ""), ("sign-in-refused", errors.message(refusal))):
        dialog = SignInDialog(url, _never_called, reason=reason)
        dialog.show()
        wait(200)
        save(dialog, f"{name}-{suffix}.png")
        dialog.done(0)


def arrange(db: Database) -> None:
    """The week the pictures show: who is away, who is on the phone with which lead."""
    now = datetime.now(UTC)
    today = now.astimezone(TOKYO).date()
    with db.write() as session:
        lead_user = user_by_email(session, TEAM_LEAD)
        for email, starts, days, note in (
            (AWAY, today, 3, "年次休暇"),
            (AWAY_LATER, today + timedelta(days=7), 2, "展示会 出展"),
        ):
            user = user_by_email(session, email)
            away.add_away(
                session, lead_user.id, user.id, starts, starts + timedelta(days=days), note, now
            )
        for minutes, email in enumerate(ON_THE_PHONE, start=3):
            rep = user_by_email(session, email)
            lead_id = _top_leads(session, rep.id, 1)[0]
            claims.claim(session, rep.id, lead_id, now - timedelta(minutes=minutes))


def _top_leads(session: Session, owner_id: int, count: int) -> list[int]:
    """The owner's callable leads highest in the queue."""
    return list(
        session.scalars(
            select(Lead.id)
            .where(Lead.owner_id == owner_id, Lead.stage.in_(("new", "working")))
            .where(Lead.next_meeting_at.is_(None))
            .order_by(Lead.priority.desc(), Lead.id)
            .limit(count)
        )
    )


def team_lead_window(db: Database, settings: Settings) -> MainWindow:
    """The team lead's main window, every owner's leads in the queue."""
    with db.read() as session:
        user = user_by_email(session, TEAM_LEAD)
    window = MainWindow(DbWorker(db), user, settings)
    window.show()
    wait_until(lambda: window.model.rowCount() > 0 and window.worker.idle())
    owner = window.filters.owner
    owner.setCurrentIndex(owner.findData(ANY_OWNER))
    wait_until(lambda: window.model.query.owner == ANY_OWNER and window.worker.idle())
    wait(300)
    return window


def on_the_phone(window: MainWindow, suffix: str) -> None:
    """The queue with the column saying who is on the phone in view next to the names."""
    header = window.table.horizontalHeader()
    header.moveSection(header.visualIndex(COL_CLAIM), header.visualIndex(COL_NAME) + 1)
    wait(300)
    save(window, f"on-the-phone-{suffix}.png")


def workload(window: MainWindow, suffix: str) -> None:
    """Team → Workload…, as the team lead opens it."""
    window.menu_actions.workload.trigger()
    wait_until(lambda: window.findChildren(WorkloadWindow))
    view = window.findChildren(WorkloadWindow)[0]
    wait_until(lambda: view.model.rowCount() > 0 and view.worker_idle())
    wait(300)
    save(view, f"workload-{suffix}.png")
    view.close()


def reassign(window: MainWindow, db: Database, suffix: str) -> None:
    """The away rep's top leads selected in the queue, Lead → Reassign…: another rep
    chosen, the reason typed."""
    with db.read() as session:
        leaving = user_by_email(session, AWAY)
        receiver = user_by_email(session, RECEIVER)
        lead_ids = _top_leads(session, leaving.id, SELECTED)
    owner = window.filters.owner
    owner.setCurrentIndex(owner.findData(leaving.id))
    wait_until(lambda: window.model.query.owner == leaving.id and window.worker.idle())
    rows = [window.model.row_of(lead_id) for lead_id in lead_ids]
    selection = QItemSelection()
    for row in rows:
        if row is not None:
            index = window.model.index(row, 0)
            selection.select(index, index)
    flags = QItemSelectionModel.SelectionFlag
    window.table.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)
    window.menu_actions.reassign.trigger()
    dialog = window.reassigning.dialog
    assert dialog is not None
    wait_until(lambda: dialog.loaded and window.worker.idle())
    dialog.select_rep(receiver.id)
    dialog.reason.setText("高橋さんの休暇中、折り返しの近いリードを鈴木さんへ")
    wait(300)
    save(dialog, f"reassign-{suffix}.png")
    dialog.done(0)


def pictures(db: Database, settings: Settings, only: str | None, suffix: str) -> None:
    """The team lead's pictures (``only``: one of them; None: all of them)."""
    arrange(db)
    window = team_lead_window(db, settings)
    if only in (None, "on-the-phone"):
        on_the_phone(window, suffix)
    if only in (None, "workload"):
        workload(window, suffix)
    if only in (None, "reassign"):
        reassign(window, db, suffix)
    window.close()
    window.worker.stop()
