"""``baton import`` killed (kill -9) half-way through a file of thousands of rows, on both
databases: whole batches stay (a batch's leads with their touches and ids, all or none),
nothing of the batch it was writing; run again, it completes without duplicates and the
counts add up.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from models.core.entities import Lead, Touch
from models.core.import_records import ImportRun, LeadSourceKey
from models.db.database import Database
from tests.imports_data import LEAD_HEADER, mapping_file, people, person, write_csv
from tests.test_cli import headless_env

REPO = Path(__file__).resolve().parent.parent
ROWS = 4_000
BATCH = 25


def _row(n: int) -> list[str]:
    """Row ``n`` (1-based): a new person, but every tenth row is the person five rows
    up again, under a second id of the tool and with another conversion."""
    if n % 10 == 0:
        return person(n - 5, id=f"D{n:06d}", content="再訪", at="2026-11-01 09:00")
    return person(n)


def _ids(rows: int) -> set[str]:
    return {_row(n)[0] for n in range(1, rows + 1)}


def _new_leads(rows: int) -> int:
    return sum(1 for n in range(1, rows + 1) if n % 10)


def _baton(db: Database, home: Path, *args: str) -> subprocess.Popen[str]:
    url = db.url.render_as_string(hide_password=False)
    return subprocess.Popen(
        [sys.executable, "-m", "desktop", *args, "--db", url, "--user", "marketing@example.jp"],
        cwd=REPO,
        env=headless_env(home, BATON_IMPORT_BATCH=str(BATCH)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def _keys(db: Database) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(LeadSourceKey)) or 0)


def _state(db: Database) -> tuple[set[str], int, int, set[int]]:
    """(the tool's ids stored, leads, touches, leads without their conversion)."""
    with db.read() as session:
        ids = set(session.scalars(select(LeadSourceKey.external_id)))
        leads = int(session.scalar(select(func.count()).select_from(Lead)) or 0)
        touches = int(session.scalar(select(func.count()).select_from(Touch)) or 0)
        bare = set(session.scalars(select(Lead.id).where(~Lead.id.in_(select(Touch.lead_id)))))
    return ids, leads, touches, bare


def assert_no_repeats(db: Database) -> None:
    """No email is on two leads, no touch (source, id) recorded twice."""
    with db.read() as session:
        emails = session.execute(
            select(Lead.email, func.count()).group_by(Lead.email).having(func.count() > 1)
        ).all()
        touches = session.execute(
            select(Touch.external_id, func.count())
            .group_by(Touch.source_system, Touch.external_id)
            .having(func.count() > 1)
        ).all()
    assert emails == [] and touches == []


def test_an_import_killed_mid_way_leaves_whole_batches_and_completes_when_run_again(
    db: Database, tmp_path: Path
) -> None:
    people(db)
    data = write_csv(tmp_path / "big.csv", [LEAD_HEADER, *(_row(n) for n in range(1, ROWS + 1))])
    mapping = mapping_file(tmp_path / "mapping.json")
    home = tmp_path / "home"
    args = ("import", "leads", str(data), "--mapping", str(mapping), "--json")
    child = _baton(db, home, *args)
    try:
        deadline = time.monotonic() + 120
        while _keys(db) < 2 * BATCH:
            assert child.poll() is None, child.communicate()
            assert time.monotonic() < deadline, "no batch committed in two minutes"
            time.sleep(0.01)
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
        child.communicate()

    ids, leads, touches, bare = _state(db)
    batches, partial = divmod(len(ids), BATCH)
    assert partial == 0 and 2 <= batches < ROWS // BATCH, len(ids)
    rows = batches * BATCH
    assert ids == _ids(rows)  # the first batches, whole, and nothing after them
    assert (leads, touches, bare) == (_new_leads(rows), rows, set())
    with db.read() as session:
        (killed,) = session.scalars(select(ImportRun)).all()
        assert killed.status == "running" and killed.finished_at is None

    again = _baton(db, home, *args)
    out, err = again.communicate(timeout=600)
    assert again.returncode == 0, err
    report = json.loads(out)
    assert report["read"] == ROWS
    assert report["rejected"] == 0
    assert report["landed"] + leads == _new_leads(ROWS)
    assert report["read"] == report["landed"] + report["merged"] + report["rejected"]
    assert report["unchanged"] == rows  # the batches the killed run committed
    ids, leads, touches, bare = _state(db)
    assert ids == _ids(ROWS)
    assert (leads, touches, bare) == (_new_leads(ROWS), ROWS, set())
    assert_no_repeats(db)
    with db.read() as session:
        statuses = sorted(session.scalars(select(ImportRun.status)))
    assert statuses == ["done", "running"]
