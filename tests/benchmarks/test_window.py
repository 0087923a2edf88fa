"""Figures 2 and 5: cold start to a painted queue, and memory with the whole queue open.

Each measurement runs ``window_probe.py`` in a fresh process (offscreen Qt, its own
settings and data folders), beside a baseline process that only starts Qt and shows an
empty main window.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from models.core.clock import utcnow
from models.db.database import Database
from models.leads.queue import ANY_OWNER, NO_MEETING, QueueQuery, queue_ids
from models.teams.users import user_by_email

PROBE = Path(__file__).with_name("window_probe.py")
REP_EMAIL = "misaki.sato@baton.example"
COLD_START_LIMIT_S = 2.0
MEMORY_LIMIT_MIB = 400.0
ROUNDS = 3
TIMEOUT_S = 300

pytestmark = pytest.mark.benchmark


def _checkpoint(db: Database) -> None:
    """Fold the WAL into the file, as after the app last closed, before a cold start."""
    with db.engine.connect() as conn:
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))


def probe(home: Path, *args: str) -> dict[str, Any]:
    """Run the probe in a fresh process with its own (empty) settings and data folders."""
    home.mkdir(parents=True)
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BATON_", "PYTEST_"))}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_RUNTIME_DIR=str(runtime),
        PYTHONDONTWRITEBYTECODE="1",
    )
    done = subprocess.run(
        [sys.executable, str(PROBE), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    assert done.returncode == 0, f"probe {args[0]} failed ({done.returncode}):\n{done.stderr}"
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, f"probe {args[0]} printed no result:\n{done.stdout}\n{done.stderr}"
    return dict(json.loads(lines[-1]))


@pytest.fixture(scope="module")
def rep_queue(bench_data: Any) -> tuple[int, list[int]]:
    """The rep's id and the ids of the queue the window opens on (my active leads)."""
    with bench_data.db.read() as session:
        rep = user_by_email(session, REP_EMAIL)
        # The rep's call queue, as the window opens on it (booked meetings wait elsewhere).
        call_queue = QueueQuery(owner=rep.id, meetings=NO_MEETING, meetings_as_of=utcnow())
        return rep.id, queue_ids(session, call_queue)


def test_cold_start_to_painted_queue(
    bench_data: Any,
    bench_report: Any,
    bench_dir: Path,
    rep_queue: tuple[int, list[int]],
) -> None:
    _checkpoint(bench_data.db)
    _rep_id, expected_ids = rep_queue
    app_runs: list[dict[str, Any]] = []
    bare_runs: list[dict[str, Any]] = []
    for n in range(ROUNDS):
        pair = [
            ("app", ("coldstart", bench_data.url, REP_EMAIL)),
            ("bare", ("bare-start",)),
        ]
        for kind, args in pair if n % 2 == 0 else pair[::-1]:
            result = probe(bench_dir / f"coldstart-{kind}-{n}", *args)
            (app_runs if kind == "app" else bare_runs).append(result)
    for run in app_runs:
        # The window shows the rep's queue, and painted its visible rows with data.
        assert run["rows"] == len(expected_ids)
        assert run["top_lead_id"] == (expected_ids[0] if expected_ids else None)
        assert run["visible_rows"] > 0
        assert run["painted_rows"] == run["visible_rows"]
        assert run["viewport_paints"] >= 1
        assert run["distinct_colours"] > 3
    app_s = statistics.median(r["seconds"] for r in app_runs)
    bare_s = statistics.median(r["seconds"] for r in bare_runs)
    figure = bench_report.figure(
        "cold_start",
        "cold start to painted queue (offscreen)",
        "s",
        app_s,
        baseline=bare_s,
        baseline_label="new process: import PySide6, QApplication, show and grab an empty "
        "QMainWindow",
        details={
            "app_runs_s": [r["seconds"] for r in app_runs],
            "bare_runs_s": [r["seconds"] for r in bare_runs],
            "queue_rows": len(expected_ids),
            "visible_rows": app_runs[0]["visible_rows"],
        },
    )
    figure.limit("start", app_s, COLD_START_LIMIT_S, "s")
    bench_report.add(figure)
    bench_report.enforce(figure)


def test_memory_with_whole_queue_open(bench_data: Any, bench_report: Any, bench_dir: Path) -> None:
    _checkpoint(bench_data.db)
    leads = bench_data.leads
    with bench_data.db.read() as session:
        rows = len(queue_ids(session, QueueQuery(stages=(), owner=ANY_OWNER)))
    assert rows >= 0.9 * leads  # all leads but the few that asked not to be called
    app = probe(bench_dir / "memory-app", "memory", bench_data.url, REP_EMAIL, str(rows))
    bare = probe(bench_dir / "memory-bare", "bare-memory")
    # Every lead is in the view, and each place scrolled to was fetched and painted.
    assert app["rows"] == rows
    assert len(app["scrolled"]) >= 5
    assert all(place["painted"] > 0 for place in app["scrolled"])
    assert app["scrolled"][-1]["row"] == rows - 1
    assert app["loaded_rows"] >= len({p["row"] // 100 for p in app["scrolled"]})
    figure = bench_report.figure(
        "memory_rss",
        f"resident memory, whole queue open ({rows} rows)",
        "MiB",
        app["rss_mib"],
        baseline=bare["rss_mib"],
        baseline_label="new process: QApplication with an empty QMainWindow shown",
        details={
            "app_peak_mib": app["hwm_mib"],
            "bare_peak_mib": bare["hwm_mib"],
            "queue_rows": rows,
            "loaded_rows": app["loaded_rows"],
            "scrolled": app["scrolled"],
        },
    )
    figure.limit("VmRSS", app["rss_mib"], MEMORY_LIMIT_MIB, "MiB")
    bench_report.add(figure)
    bench_report.enforce(figure)
