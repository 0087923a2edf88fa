"""The KPI dashboard window at scale: 100,000 leads and 1,000,000 calls (at full size), a
90-day period, from asking to a fully painted window, on SQLite and on PostgreSQL (the
world of tests/benchmarks/test_kpi_speed.py, its fixtures reused).

Measured side by side, one of each per round, alternating (the machine is shared):

Each as marketing (every team, no filter) and as the team lead (their team: the filter a
team lead's dashboard always has).

- **open**: Team → KPI dashboard…: the window built and shown, every figure
  read on the app's worker (while the sections are built), the sections filled (numbers,
  charts, tables), the events processed until the window is painted, then the whole
  window grabbed (painted once more, into a picture). Limits: 1 s (the issue's "≤ 1 s to
  paint"), and at most :data:`OVERHEAD_LIMIT_MS` more than the bare query (what the
  window adds: the query is the domain's, measured by test_kpi_speed.py).
- **filter change**: the open window asked for another period (the lists of the filters
  loaded): read, filled, painted, grabbed. Limits: the same.
- baseline: the bare query, :func:`models.reporting.dashboard` for the same filter, in the
  same process.

Only the asking to the painting is timed: closing a window (after its filters' lists,
read on the thread pool once the figures are shown, have arrived) is not.

The import of pyqtgraph (about a second, once per process, when the dashboard first
opens) happens before the rounds; it is measured apart in a fresh process and reported.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.dashboards.choice import CUSTOM, KpiChoice
from desktop.dashboards.dashboard_window import DashboardWindow
from desktop.operations.policy import FailurePolicy
from desktop.operations.runner import Operations
from desktop.operations.worker import DbWorker
from models.db.database import Database
from models.reporting import Dashboard, KpiFilter, dashboard
from models.teams.users import UserInfo, user_by_email
from tests.benchmarks.conftest import GENERATED_AT, BenchReport
from tests.benchmarks.test_kpi_speed import PERIOD, pg_bench, pg_world, sqlite_world, world

pytestmark = [pytest.mark.benchmark, pytest.mark.timeout(3600)]

__all__ = ["pg_bench", "pg_world", "sqlite_world", "world"]  # the KPI benchmark's world

ROUNDS = 5
LIMIT_MS = 1000.0
#: What the window may add to the bare query: building, filling, painting.
OVERHEAD_LIMIT_MS = 300.0
MARKETING = "ai.nakamura@baton.example"
TEAM_LEAD = "naoki.tanaka@baton.example"
CHOICE = KpiChoice(period=CUSTOM, first=PERIOD.first, last=PERIOD.last)
ROOT = Path(__file__).resolve().parents[2]


def _wait(signal: object, timeout_ms: int = 120_000) -> None:
    """Run the event loop until ``signal`` fires (the GUI thread idles meanwhile)."""
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def _painted(window: DashboardWindow) -> None:
    """Every pending event processed (layouts, the paint of the window), then the whole
    window painted into a picture."""
    QApplication.processEvents()
    picture = window.grab()
    assert not picture.isNull() and picture.width() > 1000


@pytest.fixture(params=[MARKETING, TEAM_LEAD], ids=["marketing", "team-lead"])
def viewer(world: Database, request: pytest.FixtureRequest) -> UserInfo:
    with world.read() as session:
        return user_by_email(session, request.param)


@pytest.fixture
def ops(world: Database) -> Iterator[Operations]:
    worker = DbWorker(world)
    yield Operations(worker, FailurePolicy())
    worker.stop()


def _open(ops: Operations, user: UserInfo, shown: list[Dashboard]) -> DashboardWindow:
    window = DashboardWindow(ops, user, choice=CHOICE, clock=lambda: GENERATED_AT)
    window.loaded.connect(shown.append)
    window.show()
    _wait(window.loaded)
    _painted(window)
    return window


def _close(qtbot: QtBot, window: DashboardWindow) -> None:
    """Close once the window holds its filters' lists. Waited for as a state, not as the
    task's signal: that may have been sent already, its delivery still queued (CI once
    waited the whole timeout that way)."""
    if window.options_task is not None:
        _wait_for_options(qtbot, window)
    window.close()
    window.deleteLater()
    QApplication.processEvents()


def _import_seconds() -> float:
    """Importing the dashboard (pyqtgraph with it) in a fresh process with Qt loaded."""
    code = (
        "import time, PySide6.QtWidgets; t = time.perf_counter(); "
        "import desktop.dashboards.dashboard_window; print(time.perf_counter() - t)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip().splitlines()[-1])


def test_the_dashboard_paints_within_a_second(
    qtbot: QtBot,
    world: Database,
    viewer: UserInfo,
    ops: Operations,
    bench_report: BenchReport,
) -> None:
    kpi = KpiFilter(PERIOD)
    shown: list[Dashboard] = []
    window = _open(ops, viewer, shown)  # for the filter changes (imports done, warm)
    _wait_for_options(qtbot, window)
    _close(qtbot, _open(ops, viewer, shown))  # warm: the statement caches, the pages
    days = iter(range(1, 10 * ROUNDS))

    def open_window() -> float:
        started = time.perf_counter()
        opened = _open(ops, viewer, shown)
        seconds = time.perf_counter() - started
        _close(qtbot, opened)  # its lists read meanwhile (not counted): they would compete
        return seconds

    def change_filter() -> float:
        started = time.perf_counter()
        window.choose(first=PERIOD.first + timedelta(days=next(days) % 2))
        _wait(window.loaded)
        _painted(window)
        return time.perf_counter() - started

    def bare_query() -> float:
        started = time.perf_counter()
        with world.read() as session:
            dashboard(session, viewer.id, kpi)
        return time.perf_counter() - started

    candidates = {"open": open_window, "filter": change_filter, "query": bare_query}
    samples: dict[str, list[float]] = {name: [] for name in candidates}
    for n in range(ROUNDS):  # one of each a round, the order alternating
        for name in list(candidates) if n % 2 == 0 else list(candidates)[::-1]:
            samples[name].append(candidates[name]())
    board = window.board
    assert board is not None and board.funnel.steps[0].leads > 0
    assert any(b.filter.period == PERIOD for b in shown)
    assert window.funnel.chart.shown[""] == [s.leads for s in board.funnel.steps]
    assert window.activity.tiles[0].text() == f"{board.activity.total.calls:,}"
    _close(qtbot, window)

    baseline = statistics.median(samples["query"]) * 1000
    details = {"samples_s": samples, "import_s": _import_seconds()}
    figures = []
    who = "team lead" if viewer.role == "team_lead" else "marketing"
    for key, title in (("open", "open to painted"), ("filter", "filter change to painted")):
        measured = statistics.median(samples[key]) * 1000
        figure = bench_report.figure(
            f"kpi_window_{key}_{who.replace(' ', '_')}_{world.dialect}",
            f"KPI dashboard window as {who}, {title}, 90 days ({world.dialect})",
            "ms",
            measured,
            baseline=baseline,
            baseline_label="models.reporting.dashboard() alone, same filter",
            details=details,
            note=f"pyqtgraph import once per process {details['import_s']:.2f} s (not counted)",
        )
        figure.limit("median", measured, LIMIT_MS, "ms")
        figure.limit("median - baseline", measured - baseline, OVERHEAD_LIMIT_MS, "ms")
        figures.append(bench_report.add(figure))
    bench_report.enforce(*figures)


def _wait_for_options(qtbot: QtBot, window: DashboardWindow) -> None:
    assert window.options_task is not None
    qtbot.waitUntil(lambda: window.options is not None, timeout=120_000)
