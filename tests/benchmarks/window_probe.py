"""Measures one desktop figure in a fresh process and prints it as one JSON line.

Run by ``test_window.py`` as a subprocess (never imported by pytest)::

    python window_probe.py coldstart  DATABASE_URL EMAIL
    python window_probe.py bare-start
    python window_probe.py memory     DATABASE_URL EMAIL EXPECTED_ROWS
    python window_probe.py bare-memory

Times are measured from the start of the process (``/proc/self/stat``), so interpreter
start-up and imports count, as they do for a user launching the app.
"""

from __future__ import annotations

import os
import time

# Read the clocks before anything else is imported.
_BOOT_NOW = time.clock_gettime(time.CLOCK_BOOTTIME)
_PERF_NOW = time.perf_counter()


def _process_start_perf() -> float:
    """The process's start time on the ``perf_counter`` clock (Linux)."""
    with open("/proc/self/stat", encoding="ascii") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    start_ticks = int(fields[19])  # field 22 of proc(5): starttime, in clock ticks after boot
    started_ago = _BOOT_NOW - start_ticks / os.sysconf("SC_CLK_TCK")
    return _PERF_NOW - max(started_ago, 0.0)


T0 = _process_start_perf()

import json  # noqa: E402 - after the clock reads on purpose
import sys  # noqa: E402
from collections.abc import Callable  # noqa: E402
from typing import Any  # noqa: E402

TIMEOUT_MS = 120_000


def _rss_kib() -> dict[str, int]:
    values: dict[str, int] = {}
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            key, _sep, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0])
    return values


def _emit(payload: dict[str, object]) -> None:
    sys.stdout.write(json.dumps(payload) + "\n")
    sys.stdout.flush()


def _wait(condition: Callable[[], bool], what: str) -> None:
    """Run the event loop until ``condition()`` holds (no processEvents spin loop)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(2)
    poll.timeout.connect(lambda: loop.quit() if condition() else None)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    if condition():
        return
    poll.start()
    deadline.start(TIMEOUT_MS)
    loop.exec()
    poll.stop()
    if not condition():
        raise SystemExit(f"timed out waiting for {what}")


class _PaintCounter:
    """Counts paint events of a widget (the queue's viewport)."""

    def __init__(self, widget: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        counter = self

        class Filter(QObject):
            def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    counter.count += 1
                return False

        self.count = 0
        self._filter = Filter()
        widget.installEventFilter(self._filter)


def _open_window(url: str, email: str) -> tuple[Any, Any, Any, Any]:
    from desktop.main.app import application
    from desktop.main.settings import Settings
    from desktop.main.window import MainWindow
    from desktop.operations.worker import DbWorker
    from models.db.database import open_database
    from models.teams.users import user_by_email

    app = application("ja")
    db = open_database(url)
    with db.read() as session:
        user = user_by_email(session, email)
    worker = DbWorker(db)
    window = MainWindow(worker, user, Settings())
    return app, db, worker, window


def _visible_rows(window: Any) -> list[int]:
    table = window.table
    height = table.viewport().height()
    first = table.rowAt(0)
    last = table.rowAt(height - 1)
    if first < 0:
        return []
    if last < 0:
        last = window.model.rowCount() - 1
    return list(range(first, last + 1))


def _painted_rows(window: Any) -> int:
    """How many visible rows show their data (name and company filled in)."""
    from desktop.queue.model import COL_COMPANY, COL_NAME

    model = window.model
    painted = 0
    for row in _visible_rows(window):
        name = model.data(model.index(row, COL_NAME))
        company = model.data(model.index(row, COL_COMPANY))
        if name and company:
            painted += 1
    return painted


def cold_start(url: str, email: str) -> None:
    _app, db, worker, window = _open_window(url, email)
    model = window.model
    counts: list[int] = []
    model.loaded.connect(counts.append)
    paints = _PaintCounter(window.table.viewport())
    window.show()
    _wait(lambda: bool(counts), "the queue's loaded signal")
    # The first block arrives with the ids; wait for any further visible block too.
    _wait(lambda: _painted_rows(window) == len(_visible_rows(window)), "the first block")
    before = paints.count
    pixmap = window.grab()  # paints the window synchronously
    elapsed = time.perf_counter() - T0
    image = pixmap.toImage()
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 23)
    }
    _emit(
        {
            "seconds": elapsed,
            "rows": counts[0],
            "visible_rows": len(_visible_rows(window)),
            "painted_rows": _painted_rows(window),
            "viewport_paints": paints.count - before,
            "distinct_colours": len(colours),
            "grab_size": [pixmap.width(), pixmap.height()],
            "top_lead_id": model.lead_id(0),
        }
    )
    window.close()
    worker.stop()
    db.close()


def bare_start() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1400, 860)
    window.show()
    pixmap = window.grab()
    elapsed = time.perf_counter() - T0
    _emit({"seconds": elapsed, "grab_size": [pixmap.width(), pixmap.height()]})
    window.close()
    del app


def memory(url: str, email: str, expected: int) -> None:
    from models.leads.queue import ANY_OWNER

    _app, db, worker, window = _open_window(url, email)
    model = window.model
    window.show()
    _wait(lambda: not model.loading, "the first load")
    # The user picks "All stages" and "Everyone's leads" in the filter bar.
    counts: list[int] = []
    model.loaded.connect(counts.append)
    filters = window.filters
    filters.stage.setCurrentIndex(filters.stage.findData("all"))
    filters.owner.setCurrentIndex(filters.owner.findData(ANY_OWNER))
    _wait(lambda: bool(counts) and counts[-1] == expected, f"{expected} rows")
    # Scroll through the queue so blocks are fetched and painted at several places.
    table = window.table
    fetched = []
    for fraction in (0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0):
        row = min(int(fraction * (expected - 1)), expected - 1)
        table.scrollTo(model.index(row, 0))
        window.grab()  # paints: data() requests the blocks
        _wait(lambda: _painted_rows(window) == len(_visible_rows(window)), f"rows near {row}")
        window.grab()
        fetched.append({"row": row, "painted": _painted_rows(window)})
    rss = _rss_kib()
    _emit(
        {
            "rss_mib": rss["VmRSS"] / 1024,
            "hwm_mib": rss["VmHWM"] / 1024,
            "rows": model.rowCount(),
            "loaded_rows": len(model._rows),
            "scrolled": fetched,
            "seconds": time.perf_counter() - T0,
        }
    )
    window.close()
    worker.stop()
    db.close()


def bare_memory() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1400, 860)
    window.show()
    window.grab()
    rss = _rss_kib()
    _emit({"rss_mib": rss["VmRSS"] / 1024, "hwm_mib": rss["VmHWM"] / 1024})
    window.close()
    del app


def main(argv: list[str]) -> None:
    mode, *args = argv
    if mode == "coldstart":
        cold_start(args[0], args[1])
    elif mode == "bare-start":
        bare_start()
    elif mode == "memory":
        memory(args[0], args[1], int(args[2]))
    elif mode == "bare-memory":
        bare_memory()
    else:
        raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
