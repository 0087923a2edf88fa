"""Fuzzed exports, on both databases: rows of any length holding anything a file can hold
(NUL and other controls, full-width text, emoji, very long cells, empty cells, commas,
quotes and line breaks inside cells) mixed with plausible rows. No import crashes: the
file as a whole is refused (and nothing written), or every data row is accounted for
exactly once: landed, merged or rejected with its row number (lead files); landed,
unchanged or rejected (touch files).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from uuid import uuid4

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from models.core.entities import Lead
from models.core.errors import InvalidInput
from models.core.import_records import ImportRun
from models.db.database import Database
from models.imports.fields import ImportKind
from models.imports.run import ImportReport
from tests.imports_data import (
    LEAD_HEADER,
    TOUCH_HEADER,
    TOUCH_MAPPING,
    accounted,
    count,
    csv_text,
    people,
    person,
    run,
    touch,
    write_csv,
)

#: What a cell may be made of: the awkward characters often, any other (not a surrogate:
#: no file holds one) sometimes.
AWKWARD = (
    ",", '"', "\n", "\r\n", "\r", "\t", ";", "\x00", "\x01", "\x1b", "\x7f", "\x85", " ",
    "\u3000", "＠", "@", "Ａ", "１", "ｶﾞ", "株式会社", "㈱", "🙂", "👨‍👩‍👧", "é", "\ufeff",
    "\u200b", "\ue000", "<b>", "2026-02-30", "０３－１２３４－５６７８",
)  # fmt: skip
CELL = st.one_of(
    st.just(""),
    st.lists(st.sampled_from(AWKWARD), max_size=6).map("".join),
    st.text(st.characters(codec="utf-8"), max_size=40),
    st.integers(min_value=0, max_value=2_000).map(lambda n: "長" * n),
)
WIDTH = len(LEAD_HEADER)
#: The file's bytes as Excel and the tools write them (CP932 cannot hold emoji: UTF only).
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16"])
FUZZ = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@st.composite
def lead_rows(draw: st.DrawFn) -> list[str]:
    """A plausible lead with some cells replaced, or cells of anything, of any number."""
    if draw(st.integers(min_value=0, max_value=3)):  # plausible rows 3 times in 4
        row = person(draw(st.integers(min_value=1, max_value=60)))
        for index in draw(st.lists(st.integers(min_value=0, max_value=WIDTH - 1), max_size=4)):
            row[index] = draw(CELL)
        extra = draw(st.sampled_from((0, 0, 0, 0, 0, -1, -3, 1, 2)))  # mostly whole
        return row[: WIDTH + extra] if extra < 0 else row + [draw(CELL) for _ in range(extra)]
    return draw(st.lists(CELL, max_size=WIDTH + 3))


@st.composite
def touch_rows(draw: st.DrawFn) -> list[str]:
    if draw(st.integers(min_value=0, max_value=3)):  # plausible rows 3 times in 4
        n = draw(st.integers(min_value=1, max_value=60))
        row = touch(
            lead_id=draw(st.sampled_from([f"L{n:06d}", "", "L999999"])),
            email=draw(st.sampled_from([f"person{n}@example{n % 97}.co.jp", "", "x@example.jp"])),
            kind=draw(st.sampled_from(["資料請求", "メール開封", "Webアクセス", "inquiry", "謎"])),
            occurred_at=draw(st.sampled_from(["2026-11-01 10:00", "2026/11/02", "2026-13-01"])),
            content=draw(CELL),
        )
        for index in draw(st.lists(st.integers(min_value=0, max_value=6), max_size=3)):
            row[index] = draw(CELL)
        return row
    return draw(st.lists(CELL, max_size=len(TOUCH_HEADER) + 3))


def _data_rows(header: list[str], rows: list[list[str]]) -> set[int]:
    """The rows a spreadsheet would number, the header (row 1) and blank rows aside."""
    records = csv.reader(io.StringIO(csv_text([header, *rows]), newline=""))
    return {
        number
        for number, cells in enumerate(records, start=1)
        if number > 1 and any(cell.strip() for cell in cells)
    }


def _import(
    db: Database, path: Path, kind: ImportKind, data_rows: set[int], **options: object
) -> ImportReport | None:
    """The report, or None when the file as a whole was refused (and nothing written)."""
    with db.read() as session:
        runs = session.scalar(select(func.count()).select_from(ImportRun))
    try:
        report = run(db, people(db).marketing, path, kind, **options)  # type: ignore[arg-type]
    except InvalidInput as refused:
        event(f"refused: {refused.key}")
        with db.read() as session:
            assert session.scalar(select(func.count()).select_from(ImportRun)) == runs
        assert refused.params.get("file") == path.name
        return None
    event(f"landed: {min(report.landed, 1)}, rejected: {min(report.rejected, 1)}")
    for key in report.rejected_by_reason():
        event(key)
    assert accounted(report)
    assert report.rows_read == len(data_rows)
    rejected = [r.row for r in report.rejections]
    assert len(set(rejected)) == len(rejected)
    assert set(rejected) <= data_rows
    assert all(r.key.startswith("import.") for r in report.rejections)
    return report


@FUZZ
@given(rows=st.lists(lead_rows(), min_size=1, max_size=12), encoding=ENCODINGS)
def test_fuzzed_lead_files_never_crash_and_every_row_is_accounted_for(
    db: Database, tmp_path: Path, rows: list[list[str]], encoding: str
) -> None:
    path = write_csv(tmp_path / f"{uuid4().hex}.csv", [LEAD_HEADER, *rows], encoding=encoding)
    data_rows = _data_rows(LEAD_HEADER, rows)
    report = _import(db, path, ImportKind.LEADS, data_rows)
    if report is None:
        return
    made = set(report.made.values())
    merged = {m.row for m in report.merges}
    rejected = {r.row for r in report.rejections}
    assert made | merged | rejected == data_rows
    assert len(made) + len(merged) + len(rejected) == len(data_rows)


@FUZZ
@given(rows=st.lists(touch_rows(), min_size=1, max_size=12), encoding=ENCODINGS)
def test_fuzzed_touch_files_never_crash_and_every_row_is_accounted_for(
    db: Database, tmp_path: Path, rows: list[list[str]], encoding: str
) -> None:
    if count(db, Lead) == 0:  # the leads the touches belong to (the first example)
        seed = write_csv(tmp_path / "seed.csv", [LEAD_HEADER, *(person(n) for n in range(1, 61))])
        run(db, people(db).marketing, seed)
    path = write_csv(tmp_path / f"{uuid4().hex}.csv", [TOUCH_HEADER, *rows], encoding=encoding)
    _import(db, path, ImportKind.TOUCHES, _data_rows(TOUCH_HEADER, rows), mapping=TOUCH_MAPPING)
