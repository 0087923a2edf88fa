"""A change by one client visible in another's window (team mode, PostgreSQL).

One desktop (a main window on its own ``Database``, live refresh on) shows everyone's
leads; another client (the team lead's own connection) logs a call on one of the leads
on screen, 100 times, one after the other. Measured from the commit returning to the
window's queue showing the new call count (the feed hears the notification, collects
the burst, re-reads the order and that one row, repaints it): median and worst, each
≤ 1 s at full size. The baseline, measured on the same commits in the same event loop:
a raw psycopg connection LISTENing on the same channel, watched by its own
``QSocketNotifier``: when PostgreSQL delivers the notification at all.

Also: how many notifications a rescoring of every lead sends (one per lead would flood
every desktop; a few per chunk is the design), at most one per ten leads.
"""

from __future__ import annotations

import statistics
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql
from PySide6.QtCore import QSettings, QSocketNotifier
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from desktop.main.settings import Settings
from desktop.main.window import MainWindow
from desktop.operations.worker import DbWorker
from models import demo
from models.db import live
from models.db.database import open_database
from models.leads.calls import CallDraft, log_call
from models.leads.queue import ANY_OWNER
from models.scoring import rescore
from models.teams.users import user_by_email
from tests.benchmarks.conftest import GENERATED_AT, SEED, BenchReport
from tests.conftest import _drop_database, _pg_admin

pytestmark = [pytest.mark.benchmark, pytest.mark.postgres]

CHANGES = 100
LIMIT_MS = 1_000.0


@pytest.fixture(scope="module")
def live_url(pg_server: str, bench_report: BenchReport) -> Iterator[str]:
    """A PostgreSQL database holding the demo data at the session's size."""
    name = f"baton_test_{uuid.uuid4().hex[:12]}"
    _pg_admin(pg_server, sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = make_url(pg_server).set(database=name).render_as_string(hide_password=False)
    try:
        db = open_database(url)
        demo.generate(db, leads=bench_report.leads, seed=SEED, now=GENERATED_AT)
        db.close()
        yield url
    finally:
        _drop_database(pg_server, name)


class RawListener:
    """A bare LISTEN connection: when each notification arrived (perf_counter)."""

    def __init__(self, url: str) -> None:
        u = make_url(url)
        self.conn = psycopg.connect(
            host=u.host or "", port=u.port or 5432, dbname=u.database or "", autocommit=True
        )
        self.conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(live.CHANNEL)))
        self.arrived: list[tuple[float, str]] = []
        self.notifier = QSocketNotifier(self.conn.fileno(), QSocketNotifier.Type.Read)
        self.notifier.activated.connect(self._read)

    def _read(self) -> None:
        pgconn = self.conn.pgconn
        pgconn.consume_input()
        while (notice := pgconn.notifies()) is not None:
            self.arrived.append((time.perf_counter(), notice.extra.decode()))

    def close(self) -> None:
        self.notifier.setEnabled(False)
        self.conn.close()


def test_a_change_reaches_another_window_within_a_second(
    qtbot: QtBot, live_url: str, bench_report: BenchReport, tmp_path: Path
) -> None:
    db = open_database(live_url)
    other = open_database(live_url)
    worker = DbWorker(db)
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    with db.read() as session:
        rep = user_by_email(session, "misaki.sato@baton.example")
    with other.read() as session:
        team_lead = user_by_email(session, "naoki.tanaka@baton.example").id
    window = MainWindow(worker, rep, settings)
    raw = RawListener(live_url)
    try:
        with qtbot.waitSignal(window.model.loaded, timeout=30_000):
            window.show()
        window.filters.owner.setCurrentIndex(window.filters.owner.findData(ANY_OWNER))
        model = window.model
        qtbot.waitUntil(lambda: not model.loading and worker.idle(), timeout=30_000)
        assert window.live is not None
        qtbot.waitUntil(lambda: window.live is not None and window.live.feed.connected)
        leads = [model.lead_id(n) for n in range(min(model.rowCount(), CHANGES))]
        shown: dict[int, float] = {}
        expected: dict[int, int] = {}

        def on_data_changed(*_args: Any) -> None:
            for lead_id, attempts in expected.items():
                row = model.loaded_row(lead_id)
                if lead_id not in shown and row is not None and row.call_attempts == attempts:
                    shown[lead_id] = time.perf_counter()

        model.dataChanged.connect(on_data_changed)
        app_ms: list[float] = []
        raw_ms: list[float] = []
        for n in range(CHANGES):
            lead_id = leads[n % len(leads)]
            assert lead_id is not None
            before = model.loaded_row(lead_id)
            assert before is not None
            shown.pop(lead_id, None)
            expected.clear()
            expected[lead_id] = before.call_attempts + 1
            raw.arrived.clear()
            now = datetime.now(UTC)
            with other.write() as session:
                log_call(session, team_lead, CallDraft(lead_id, "no_answer", now), now)
            committed = time.perf_counter()
            qtbot.waitUntil(lambda lead_id=lead_id: lead_id in shown, timeout=5_000)
            qtbot.waitUntil(lambda: bool(raw.arrived), timeout=5_000)
            app_ms.append((shown[lead_id] - committed) * 1000)
            raw_ms.append((raw.arrived[0][0] - committed) * 1000)
            qtbot.waitUntil(worker.idle, timeout=5_000)
    finally:
        raw.close()
        window.close()
        worker.stop()
        db.close()
        other.close()

    median, worst = statistics.median(app_ms), max(app_ms)
    raw_median, raw_worst = statistics.median(raw_ms), max(raw_ms)
    figure = bench_report.figure(
        "live_refresh",
        "Change by another client shown in the window (median of 100)",
        "ms",
        median,
        baseline=raw_median,
        baseline_label="raw psycopg LISTEN on the same commits",
        details={"worst_ms": worst, "raw_worst_ms": raw_worst, "samples": len(app_ms)},
        note=f"worst {worst:.0f} ms (raw {raw_worst:.1f} ms)",
    )
    figure.limit("median", median, LIMIT_MS, "ms")
    figure.limit("worst", worst, LIMIT_MS, "ms")
    bench_report.add(figure)
    print(
        f"\n[live refresh] window: median {median:.1f} ms, worst {worst:.1f} ms | "
        f"raw LISTEN: median {raw_median:.2f} ms, worst {raw_worst:.2f} ms "
        f"({len(app_ms)} changes, {bench_report.leads} leads)"
    )
    bench_report.enforce(figure)


def test_a_rescoring_of_every_lead_sends_a_few_notifications(
    live_url: str, bench_report: BenchReport
) -> None:
    """Rescoring every lead (chunks of 500, a transaction each) against one notification
    per lead: what the listeners of every desktop receive."""
    db = open_database(live_url)
    u = make_url(live_url)
    listener = psycopg.connect(
        host=u.host or "", port=u.port or 5432, dbname=u.database or "", autocommit=True
    )
    try:
        listener.execute(sql.SQL("LISTEN {}").format(sql.Identifier(live.CHANNEL)))
        started = time.perf_counter()
        report = rescore.rescore_all(db, datetime.now(UTC))
        seconds = time.perf_counter() - started
        received = [n.payload for n in listener.notifies(timeout=2.0)]
    finally:
        listener.close()
        db.close()
    assert report.leads >= bench_report.leads * 0.9
    figure = bench_report.figure(
        "live_rescore_notifications",
        f"Notifications for a rescoring of {report.leads} leads",
        "notifications",
        float(len(received)),
        baseline=float(report.leads),
        baseline_label="one notification per lead",
        details={"rescore_s": round(seconds, 1), "reload_markers": received.count("lead:*")},
        note=f"{received.count('lead:*')} say 'many: reload'",
    )
    figure.limit("per lead", len(received) / report.leads, 0.1, "")
    bench_report.add(figure)
    bench_report.enforce(figure)
