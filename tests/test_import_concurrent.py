"""Two ``baton import leads`` of one file at the same time (two people importing the same
export, or one twice by mistake), in two processes, on both databases: every person
becomes one lead, whichever process read them first; each process reports what it did
and the two reports add up; no process fails.

PostgreSQL lets two transactions both find "no lead with this email" and both create
it; lead imports take their turns batch by batch (models.db.locking.one_import_at_a_time).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from models.db.database import Database
from tests.imports_data import LEAD_HEADER, mapping_file, people, write_csv
from tests.test_import_kill import (
    BATCH,
    _baton,
    _ids,
    _new_leads,
    _row,
    _state,
    assert_no_repeats,
)

ROWS = 600


def test_two_imports_of_one_file_at_once_make_each_lead_once(db: Database, tmp_path: Path) -> None:
    people(db)
    data = write_csv(tmp_path / "same.csv", [LEAD_HEADER, *(_row(n) for n in range(1, ROWS + 1))])
    mapping = mapping_file(tmp_path / "mapping.json")
    args = ("import", "leads", str(data), "--mapping", str(mapping), "--json")
    children = [_baton(db, tmp_path / f"home{n}", *args) for n in range(2)]
    reports = []
    deadline = time.monotonic() + 600
    for child in children:
        out, err = child.communicate(timeout=max(1.0, deadline - time.monotonic()))
        assert child.returncode == 0, err
        reports.append(json.loads(out))
    for report in reports:
        assert report["read"] == ROWS and report["rejected"] == 0
        assert report["read"] == report["landed"] + report["merged"]
    # Each new person made once, by one process or the other (batches interleave).
    assert sum(r["landed"] for r in reports) == _new_leads(ROWS)
    ids, leads, touches, bare = _state(db)
    assert ids == _ids(ROWS)
    assert (leads, touches, bare) == (_new_leads(ROWS), ROWS, set())
    assert_no_repeats(db)
    assert ROWS > 4 * BATCH  # several batches each: the two really interleave
