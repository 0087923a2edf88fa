"""Many handoffs at once (models/handoff/batch.py) on both databases: a period's handoffs,
the CSV's safety, and the background export of summaries (progress, cancel, no file left
half-written)."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest

from models.core.errors import InvalidInput
from models.core.files import csv_bytes, spreadsheet_cell, write_atomically
from models.db.database import Database
from models.handoff.batch import export_summaries, file_stem, handoffs_between
from models.handoff.summary import HandoffSummary, summary_for_handoff
from tests.handoff_data import COMPANY, NOW, add_handoff, make_lead


def _three_handoffs(db: Database) -> list[int]:
    made = make_lead(db)
    return [add_handoff(db, made, note=f"note {n}") for n in range(3)]


def test_the_period_and_the_field_rep_choose_the_handoffs(db: Database) -> None:
    made = make_lead(db)
    ids = [add_handoff(db, made) for _ in range(3)]
    with db.read() as session:
        assert [r.id for r in handoffs_between(session, NOW)] == ids
        assert handoffs_between(session, NOW, NOW) == []  # until is exclusive
        assert handoffs_between(session, NOW + timedelta(seconds=1)) == []
        rows = handoffs_between(session, NOW - timedelta(days=1), NOW + timedelta(days=1))
        field_rep = rows[0].field_rep_email
        assert [r.company for r in rows] == [COMPANY] * 3
        assert rows[0].field_rep == "渡辺 大輔" and field_rep == "field@baton.test"
        assert len(handoffs_between(session, NOW, field_rep_id=made.field_rep_id)) == 3
        assert handoffs_between(session, NOW, field_rep_id=made.rep_id) == []


def test_cells_a_spreadsheet_would_run_stay_text() -> None:
    for formula in ("=1+1", "+81-3-1234", "-2", "@SUM(A1)", "\tx"):
        assert spreadsheet_cell(formula) == "'" + formula
    assert spreadsheet_cell("株式会社") == "株式会社" and spreadsheet_cell(None) == ""
    data = csv_bytes(["a", "b"], [["=cmd", "x,y"]], encoding="utf-8")
    assert data == b'a,b\r\n\'=cmd,"x,y"\r\n'


def test_cp932_names_the_row_the_record_and_the_column() -> None:
    with pytest.raises(InvalidInput) as refused:
        csv_bytes(
            ["ID", "メモ"], [["1", "ok"], ["2", "絵文字👍"]], encoding="cp932", row_names=[7, 8]
        )
    assert refused.value.key == "export.unencodable"
    assert (
        refused.value.params.items()
        >= {
            "row": 2,
            "record": 8,
            "column": "メモ",
            "character": "👍",
            "code_point": "U+1F44D",
            "encoding": "cp932",
        }.items()
    )
    with pytest.raises(InvalidInput) as unknown:
        csv_bytes(["a"], [], encoding="latin-9")
    assert unknown.value.key == "export.encoding_unknown"


def test_a_file_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"  # the SQLite file lives in tmp_path itself
    tmp_path.mkdir()
    target = tmp_path / "a.csv"
    write_atomically(target, b"one")
    write_atomically(target, b"two")
    assert target.read_bytes() == b"two" and os.listdir(tmp_path) == ["a.csv"]
    with pytest.raises(InvalidInput) as missing:
        write_atomically(tmp_path / "no" / "a.csv", b"x")
    assert missing.value.key == "export.folder_missing"


def test_file_names_are_safe_on_every_system(db: Database) -> None:
    made = make_lead(db, company='A/B:C*?"<>|\\ 株式会社　テスト.')
    handoff_id = add_handoff(db, made)
    with db.read() as session:
        stem = file_stem(summary_for_handoff(session, handoff_id))
    assert stem == f"{handoff_id:06d}_A_B_C_株式会社_テスト_山田_太郎"


def _render(summary: HandoffSummary) -> bytes:
    return summary.company.name.encode("utf-8")


def test_the_export_reports_progress_and_writes_every_file(db: Database, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"  # the SQLite file lives in tmp_path itself
    tmp_path.mkdir()
    ids = _three_handoffs(db)
    seen: list[tuple[int, int]] = []
    with db.read() as session:
        result = export_summaries(
            session,
            ids,
            tmp_path,
            {".txt": _render, ".bin": _render},
            progress=lambda done, total: seen.append((done, total)),
        )
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert (result.total, result.done, result.cancelled) == (3, 3, False)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in result.written)
    assert len(result.written) == 6
    assert all(p.read_bytes() == COMPANY.encode() for p in result.written)


def test_a_cancel_leaves_only_whole_files(db: Database, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"  # the SQLite file lives in tmp_path itself
    tmp_path.mkdir()
    ids = _three_handoffs(db)
    asked = 0

    def cancelled() -> bool:
        nonlocal asked
        asked += 1
        return asked > 3  # the second file's render is under way when the cancel comes

    with db.read() as session:
        result = export_summaries(session, ids, tmp_path, {".txt": _render}, cancelled=cancelled)
    assert result.cancelled and result.done == 1 and len(result.written) == 1
    assert [p.name for p in tmp_path.iterdir()] == [result.written[0].name]
    assert result.written[0].read_bytes() == COMPANY.encode()


def test_a_failing_render_leaves_no_part_file(db: Database, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"  # the SQLite file lives in tmp_path itself
    tmp_path.mkdir()
    ids = _three_handoffs(db)

    def broken(summary: HandoffSummary) -> bytes:
        raise RuntimeError("renderer failed")

    with db.read() as session, pytest.raises(RuntimeError):
        export_summaries(session, ids, tmp_path, {".txt": broken})
    assert list(tmp_path.iterdir()) == []
