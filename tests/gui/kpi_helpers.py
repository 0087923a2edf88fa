"""For the KPI dashboard's tests: a small world where every number is known by hand
(written with the builders of :mod:`tests.kpi_data`, on SQLite or PostgreSQL), and opening
the dashboard on it as a user does.

November 2026 on the Tokyo clock, Tokyo's leads (rep A's unless said):

====  ===========  ==============  =========================  ==================  =======
lead  MQL          first call      handoff                    returned            SLA met
====  ===========  ==============  =========================  ==================  =======
K1    11/02 10:00  +3 min, 120 s   11/04 by A, accepted       -                   yes
K2    11/03 10:00  +30 min, 300 s  11/13 by A, rejected 11/14  11/14 (rejected)    yes
K3    11/05 10:00  +2 h, 60 s      -                          11/12 no budget     no
K4    11/06 10:00  +10 h, no answer (E calls it 11/07 too)    -                   no
K5    11/07 10:00  -               -                          -                   -
K6    11/08 10:00  +30 h, 180 s    11/13 by B, v2, over the definition            no
====  ===========  ==============  =========================  ==================  =======

Industries: K1, K2 manufacturing; K3, K4 IT; K6 ``<i>業界</i>``. Touches: K1 and K3 the
campaign "Webinar 11月" (content "DX入門ガイド"), K2 the campaign ``<img src=x>`` (content
"料金表"). Rep E is named ``<b>伊藤</b> E``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from desktop.dashboards.choice import CUSTOM, KpiChoice
from desktop.dashboards.dashboard_window import DashboardWindow
from desktop.operations.policy import FailurePolicy
from desktop.operations.runner import Operations
from desktop.operations.worker import DbWorker
from models.core.entities import User
from models.db.database import Database, open_database
from models.teams.users import UserInfo, user_by_email
from tests.kpi_data import Cast, call, cast, handoff, jst, lead, recycle, touch

NOW = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
NOVEMBER = KpiChoice(period=CUSTOM, first=date(2026, 11, 1), last=date(2026, 11, 30))
WEBINAR, HOSTILE = "Webinar 11月", "<img src=x>"
GUIDE, PRICES = "DX入門ガイド", "料金表"
ODD_INDUSTRY, ODD_REP = "<i>業界</i>", "<b>伊藤</b> E"


@dataclass(frozen=True)
class World:
    cast: Cast
    e: int
    leads: dict[str, int]


def world(db: Database) -> World:
    c = cast(db)
    p = c.people
    with db.write() as session:
        rep = User(
            email="e@baton.test", display_name=ODD_REP, role="rep", team_id=p.team, capacity=150
        )
        session.add(rep)
        session.flush()
        e = rep.id
    ids: dict[str, int] = {}

    def made(
        name: str,
        mql: str,
        after: timedelta | None,
        outcome: str | None,
        seconds: int,
        sla: bool | None,
        industry: str | None,
        owner: int = p.a,
    ) -> int:
        at = jst(mql)
        first = at + after if after is not None else None
        reached = first if outcome == "connected" else None
        ids[name] = lead(
            db,
            name,
            team=p.team,
            owner=owner,
            mql=at,
            first_call=first,
            reached=reached,
            sla_met=sla,
            industry=industry,
        )
        if first is not None and outcome is not None:
            call(db, ids[name], owner, first, outcome, seconds=seconds)
        return ids[name]

    made("K1", "2026-11-02 10:00", timedelta(minutes=3), "connected", 120, True, "manufacturing")
    made("K2", "2026-11-03 10:00", timedelta(minutes=30), "connected", 300, True, "manufacturing")
    made("K3", "2026-11-05 10:00", timedelta(hours=2), "connected", 60, False, "it_software")
    made("K4", "2026-11-06 10:00", timedelta(hours=10), "no_answer", 20, False, "it_software")
    made("K5", "2026-11-07 10:00", None, None, 0, None, None)
    made("K6", "2026-11-08 10:00", timedelta(hours=30), "connected", 180, False, ODD_INDUSTRY, p.b)
    call(db, ids["K4"], e, jst("2026-11-07 10:00"), "no_answer", seconds=20)
    handoff(db, ids["K1"], p.a, jst("2026-11-04 10:00"), status="accepted")
    handoff(
        db,
        ids["K2"],
        p.a,
        jst("2026-11-13 10:00"),
        status="rejected",
        code="timing",
        answered=jst("2026-11-14 10:00"),
    )
    handoff(db, ids["K6"], p.b, jst("2026-11-13 11:00"), version=2, override="特例")
    recycle(db, ids["K2"], p.field_rep, jst("2026-11-14 10:00"), "handoff_rejected:timing")
    recycle(db, ids["K3"], p.a, jst("2026-11-12 10:00"), "no_budget")
    touch(db, ids["K1"], jst("2026-11-01 10:00"), WEBINAR, GUIDE)
    touch(db, ids["K2"], jst("2026-11-03 09:00"), HOSTILE, PRICES)
    touch(db, ids["K3"], jst("2026-11-05 09:00"), WEBINAR, GUIDE)
    return World(c, e, ids)


@pytest.fixture
def kpi_db(sqlite_url: str) -> Iterator[Database]:
    """An empty SQLite database (the world is written by each test)."""
    database = open_database(sqlite_url)
    yield database
    database.close()


@pytest.fixture
def kpi_worker(kpi_db: Database) -> Iterator[DbWorker]:
    worker = DbWorker(kpi_db)
    yield worker
    worker.stop()


def user_info(db: Database, email: str) -> UserInfo:
    with db.read() as session:
        return user_by_email(session, email)


def operations(worker: DbWorker) -> Operations:
    return Operations(worker, FailurePolicy())


def open_dashboard(
    qtbot: QtBot,
    ops: Operations,
    user: UserInfo,
    choice: KpiChoice = NOVEMBER,
) -> DashboardWindow:
    """The dashboard on screen with its figures (and its filters' lists) loaded."""
    window = DashboardWindow(ops, user, choice=choice, clock=lambda: NOW)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        window.show()
    qtbot.waitUntil(lambda: window.options is not None, timeout=20_000)
    return window


def show_campaigns(qtbot: QtBot, window: DashboardWindow) -> None:
    """The "Campaigns & content" tab, its report loaded."""
    with qtbot.waitSignal(window.campaigns_loaded, timeout=20_000):
        window.tabs.setCurrentWidget(window.campaigns)


def cells(model: object, row: int) -> list[str]:
    """The texts of a row of a table model."""
    return [
        model.index(row, column).data()  # type: ignore[attr-defined]
        for column in range(model.columnCount())  # type: ignore[attr-defined]
    ]
