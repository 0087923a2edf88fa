"""Figure: ``baton queue --limit 50 --json`` as a whole process vs raw python + sqlite3.

Both are new processes timed from outside, start-up included, one of each per round in
alternating order; the figures are medians. The baseline reads the same 50 rows with the
standard library alone and prints them as JSON: what any command that answers with
Python and SQLite must pay (the interpreter's start, the query, the printing). What the
app adds on top is its imports (SQLAlchemy, the models, QtCore for translated labels),
opening the database (checks that write nothing) and building the rows.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from models.core.enums import ACTIVE_STAGES
from tests.benchmarks.test_queue_fetch import interleaved
from tests.test_cli import headless_env

TOP = 50
WHOLE_PROCESS_LIMIT_S = 0.35
ROUNDS = 9
BUDGET_SECONDS = 20.0
TIMEOUT_S = 120

pytestmark = pytest.mark.benchmark

#: The baseline: the same top 50 rows (same filter and order as the app's queue, same
#: columns), printed as JSON, with nothing but the standard library.
RAW = """
import json, sqlite3, sys
from datetime import datetime, timedelta, timezone

path, limit, stages = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(",")
# The call queue leaves out the leads waiting with a booked meeting (until a day after it).
since = (datetime.now(timezone.utc) - timedelta(days=1)).strftime("%Y-%m-%d %H:%M:%S.%f")
conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
cursor = conn.execute(
    "SELECT lead.id, lead.priority, lead.name, lead.name_kana, account.name AS company,"
    " account.industry, lead.score, lead.grade, lead.last_touch_at, lead.why_now,"
    " lead.stage, lead.owner_id, owner.display_name AS owner_name, lead.mql_at, lead.email,"
    " lead.phone, lead.call_attempts, lead.next_callback_at, lead.do_not_call,"
    " lead.sla_due_at, lead.sla_met, lead.first_call_at"
    " FROM lead JOIN account ON account.id = lead.account_id"
    " LEFT OUTER JOIN user_account AS owner ON owner.id = lead.owner_id"
    " WHERE lead.do_not_call = 0 AND lead.stage IN (%s)"
    " AND (lead.next_meeting_at IS NULL OR lead.next_meeting_at < ?)"
    " ORDER BY lead.priority DESC NULLS LAST, lead.id DESC LIMIT ?"
    % ",".join("?" * len(stages)),
    (*stages, since, limit),
)
names = [d[0] for d in cursor.description]
json.dump([dict(zip(names, row)) for row in cursor], sys.stdout, ensure_ascii=False, indent=2)
sys.stdout.write("\\n")
"""


def _baton() -> list[str]:
    """The installed ``baton`` command (the console script), else ``python -m desktop``."""
    script = Path(sys.executable).with_name("baton")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "desktop"]


def _env(home: Path) -> dict[str, str]:
    # Bytecode is cached as in any installed copy (PYTHONDONTWRITEBYTECODE is dropped).
    env = headless_env(home)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _runner(command: list[str], env: dict[str, str], out: list[str]) -> Callable[[], None]:
    def run() -> None:
        done = subprocess.run(
            command,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=TIMEOUT_S,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        out[:] = [done.stdout]

    return run


def test_cli_queue_whole_process(bench_data: Any, bench_report: Any, bench_dir: Path) -> None:
    with bench_data.db.engine.connect() as conn:  # fold the WAL in, as after a writer closed
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    path = str(bench_data.path)
    env = _env(bench_dir / "cli-speed")
    outputs: dict[str, list[str]] = {"app": [], "app_ja": [], "raw": []}
    stages = ",".join(s.value for s in ACTIVE_STAGES)
    queue = [*_baton(), "queue", "--limit", str(TOP), "--json", "--db", path]
    samples = interleaved(
        {
            "app": _runner(queue, env, outputs["app"]),
            "app_ja": _runner([*queue, "--lang", "ja"], env, outputs["app_ja"]),
            "raw": _runner(
                [sys.executable, "-c", RAW, path, str(TOP), stages], env, outputs["raw"]
            ),
        },
        max_rounds=100,
        min_rounds=ROUNDS,
        budget=BUDGET_SECONDS,
    )
    app, app_ja, raw = (json.loads(outputs[k][0]) for k in ("app", "app_ja", "raw"))
    # The same 50 rows, in the same order; labels in the user's language.
    assert len(app) == min(TOP, len(raw)) and len(app) > 0
    assert [r["id"] for r in app] == [r["id"] for r in raw] == [r["id"] for r in app_ja]
    assert [r["why_now"] for r in app] == [r["why_now"] for r in raw]
    assert all(r["why_now_text"] for r in app)
    assert [r["why_now_text"] for r in app_ja] != [r["why_now_text"] for r in app]

    app_s, ja_s, raw_s = (statistics.median(samples[k]) / 1000 for k in ("app", "app_ja", "raw"))
    figure = bench_report.figure(
        "cli_queue_process",
        f"baton queue --limit {TOP} --json, whole process",
        "s",
        app_s,
        baseline=raw_s,
        baseline_label=f"new process: python + sqlite3 read the same {TOP} rows, print JSON",
        details={
            "rounds": len(samples["app"]),
            "app_runs_s": [round(s / 1000, 4) for s in samples["app"]],
            "raw_runs_s": [round(s / 1000, 4) for s in samples["raw"]],
            "lang_ja_median_s": round(ja_s, 4),
        },
        note=f"--lang ja {ja_s:.2f} s",
    )
    figure.limit("median", app_s, WHOLE_PROCESS_LIMIT_S, "s")
    bench_report.add(figure)
    bench_report.enforce(figure)
