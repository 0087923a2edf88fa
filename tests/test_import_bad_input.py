"""Bad input, on both databases: what cannot be imported at all is refused before anything
is written (not even a record of the run), naming the file and what was expected; a bad
row is rejected with its row, line, column and a specific sentence, and the good rows
of the same file land whole. Both databases refuse the same rows: what PostgreSQL would
refuse (a NUL, text longer than its column, a number beyond ``integer``, a year it cannot
hold in UTC) is refused on SQLite too, with the same message.
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from models.core.entities import Account, Lead, Touch
from models.core.errors import InvalidInput
from models.core.import_records import ImportRun
from models.core.messages import english
from models.core.text_rules import column_limit
from models.db.database import Database
from models.imports.fields import ImportKind
from models.imports.mapping import read_mapping_file
from models.imports.rejected_csv import lines
from models.imports.rows import _COLUMNS
from tests.imports_data import (
    COLUMNS,
    HEADER_OF,
    LEAD_HEADER,
    LEAD_MAPPING,
    TOUCH_HEADER,
    accounted,
    count,
    dump,
    lead,
    mapping_file,
    people,
    person,
    rejection_of,
    run,
    write_csv,
)


def refused(db: Database, path: Path, **options: object) -> InvalidInput:
    """The refusal of the whole file, checked to have written nothing at all."""
    marketing = people(db).marketing
    before = dump(db)
    with pytest.raises(InvalidInput) as error:
        run(db, marketing, path, **options)  # type: ignore[arg-type]
    assert dump(db) == before
    assert error.value.params.get("file") in (path.name, None)
    return error.value


# -- The whole file ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "content",
    [b"", b"\xef\xbb\xbf", b"\r\n\r\n  \n", "ID,メールアドレス\r\n".encode("cp932")[:0]],
    ids=["empty", "bom_only", "blank_lines", "zero_bytes"],
)
def test_an_empty_file_is_refused_as_empty(db: Database, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    error = refused(db, path)
    assert error.key == "import.file_empty"
    assert str(error) == ("empty.csv holds no rows to import (it is empty or has only a header).")


@pytest.mark.parametrize("kind", list(ImportKind))
def test_a_header_only_file_is_refused_as_empty(
    db: Database, tmp_path: Path, kind: ImportKind
) -> None:
    header = LEAD_HEADER if kind is ImportKind.LEADS else TOUCH_HEADER
    path = write_csv(tmp_path / "header.csv", [header, [""] * len(header)])
    assert refused(db, path, kind=kind).key == "import.file_empty"


@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        b"%PDF-1.7\n" + os.urandom(512),
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512),  # an old .xls
        b"SQLite format 3\x00" + bytes(512),
        random.Random(11).randbytes(20_000),
    ],
    ids=["png", "pdf", "xls", "sqlite", "random"],
)
def test_a_binary_file_is_refused_as_binary(db: Database, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "leads.csv"
    path.write_bytes(content)
    error = refused(db, path)
    assert error.key == "import.file_binary"
    assert str(error).startswith("leads.csv is not a CSV or XLSX export (it holds binary data)")


def test_a_zip_that_is_no_workbook_is_refused(db: Database, tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "leads.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    assert refused(db, path).key == "import.file_binary"


def test_a_file_no_encoding_makes_sense_of_is_refused_as_garbled(
    db: Database, tmp_path: Path
) -> None:
    # Bytes above 0x80 only, no control bytes: not UTF-8, not CP932, noise to the detector.
    noise = random.Random(5).choices(range(0x80, 0x100), k=4000)
    path = tmp_path / "garbled.csv"
    path.write_bytes(b"ID,Email\r\n" + bytes(noise))
    error = refused(db, path)
    assert error.key == "import.file_garbled"
    assert "garbled.csv does not read as UTF-8 or Shift_JIS (CP932)" in str(error)


# -- The mapping -----------------------------------------------------------------------------
def test_a_mapping_naming_a_missing_column_is_refused_naming_it(
    db: Database, tmp_path: Path
) -> None:
    header = [h for h in LEAD_HEADER if h != "会社名"]
    path = write_csv(tmp_path / "no_company.csv", [header, person(1)[: len(header)]])
    error = refused(db, path)
    assert error.key == "import.mapping_column_missing"
    assert error.params["column"] == "会社名"
    assert error.params["what"] == "company"
    assert str(error) == (
        f"no_company.csv has no column “会社名” (mapped to company); its columns: "
        f"{', '.join(header)}."
    )


@pytest.mark.parametrize(
    ("text", "key", "says"),
    [
        ("{not json", "import.mapping_unreadable", "Cannot read the mapping file map.json"),
        ("[1, 2]", "import.mapping_malformed", "The mapping map.json is not a mapping"),
        ('{"columns": "ID"}', "import.mapping_malformed", "expected an object with “columns”"),
        (
            '{"columns": {"shoe_size": "ID"}}',
            "import.mapping_value",
            "The mapping map.json, “columns”: shoe_size is not allowed; expected one of ",
        ),
        (
            '{"columns": {"email": 3}}',
            "import.mapping_value",
            "The mapping map.json, “email”: 3 is not allowed; expected one of a column header.",
        ),
        (
            '{"kind": "people", "columns": {}}',
            "import.mapping_value",
            "“kind”: people is not allowed; expected one of leads, touches.",
        ),
        (
            '{"columns": {"email": "E"}, "touch_kind": "fax"}',
            "import.mapping_value",
            "“touch_kind”: fax is not allowed",
        ),
    ],
    ids=["not_json", "a_list", "columns_text", "unknown_field", "header_number", "kind", "touch"],
)
def test_a_malformed_mapping_file_is_refused_saying_what_is_wrong(
    tmp_path: Path, text: str, key: str, says: str
) -> None:
    path = tmp_path / "map.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInput) as error:
        read_mapping_file(path)
    assert error.value.key == key
    assert says in str(error.value)


def test_a_mapping_without_a_required_field_is_refused_before_anything_is_written(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "map.json"
    path.write_text(
        json.dumps({"columns": {"email": "メールアドレス", "last_name": "姓"}}), encoding="utf-8"
    )
    data = write_csv(tmp_path / "leads.csv", [LEAD_HEADER, person(1)])
    error = refused(db, data, mapping=read_mapping_file(path))
    assert error.key == "import.mapping_incomplete"
    assert str(error) == (
        "The mapping for leads.csv does not say which column gives company: nothing was imported."
    )


def test_a_mapping_file_round_trips(tmp_path: Path) -> None:
    assert read_mapping_file(mapping_file(tmp_path / "m.json")).columns == LEAD_MAPPING.columns


# -- Workbooks -----------------------------------------------------------------------------
def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = Workbook()
    first = True
    for name, rows in sheets.items():
        sheet = book.active if first else book.create_sheet()
        assert sheet is not None
        sheet.title = name
        first = False
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_a_workbook_with_several_sheets_asks_which_and_sheet_chooses_one(
    db: Database, tmp_path: Path
) -> None:
    path = _workbook(
        tmp_path / "export.xlsx",
        {
            "リード": [LEAD_HEADER, person(1), person(2)],
            "集計": [["月", "件数"], ["10月", 2]],
            "空": [],
        },
    )
    error = refused(db, path)
    assert error.key == "import.xlsx_sheets"
    assert str(error) == (
        "export.xlsx has several sheets with data (リード, 集計): choose the sheet to import."
    )
    missing = refused(db, path, sheet="Sheet9")
    assert missing.key == "import.xlsx_sheet_missing"
    assert str(missing) == "export.xlsx has no sheet “Sheet9”; its sheets: リード, 集計, 空."
    report = run(db, people(db).marketing, path, sheet="リード")
    assert (report.sheet, report.encoding, report.landed) == ("リード", None, 2)


def test_a_workbook_with_one_filled_sheet_needs_no_choice(db: Database, tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "one.xlsx",
        {"Sheet1": [], "リード": [LEAD_HEADER, person(1, employees="1,200", score="12.0")]},
    )
    report = run(db, people(db).marketing, path)
    assert (report.sheet, report.landed) == ("リード", 1)
    with db.read() as session:
        assert session.scalar(select(Account.employees)) == 1200
        assert session.scalar(select(Lead.ma_score)) == 12


# -- Rows ------------------------------------------------------------------------------------
def test_bad_rows_are_rejected_with_a_specific_message_and_the_good_ones_land(
    db: Database, tmp_path: Path
) -> None:
    rows = [
        LEAD_HEADER,
        person(1),
        person(2, at="2026-02-30 10:00"),
        person(3, score="高い"),
        person(4, email="taro@@example.jp"),
        person(5)[:5],
        [*person(6), "余分"],
        person(7, created="昨日"),
        person(8, employees="たくさん"),
        person(9, email="", phone="", id=""),
        person(10, company=""),
        person(11, last="", first=""),
        person(12, at="2026-04-31"),
        person(13),
    ]
    path = write_csv(tmp_path / "mixed.csv", rows)
    report = run(db, people(db).marketing, path)
    assert (report.rows_read, report.landed, report.rejected) == (13, 2, 11)
    assert accounted(report)
    assert lines(report.rejections, english) == [
        "Row 3, column “コンバージョン日時”: touch_at “2026-02-30 10:00” is a day that does "
        "not exist.",
        "Row 4, column “スコア”: ma_score “高い” is not a whole number.",
        "Row 5, column “メールアドレス”: email “taro@@example.jp” is not an email address.",
        "Row 6: only 5 fields, but the header has 14: the row is cut short.",
        "Row 7: 15 fields, but the header has 14.",
        "Row 8, column “作成日”: created_at “昨日” is not a date (expected e.g. 2026-04-01 10:30).",
        "Row 9, column “従業員数”: employees “たくさん” is not a number of employees.",
        "Row 10, column “メールアドレス”: no email, phone number or id: Baton could not tell "
        "who this is, nor find them again.",
        "Row 11, column “会社名”: company is empty; this row needs it.",
        "Row 12, column “姓”: last_name is empty; this row needs it.",
        "Row 13, column “コンバージョン日時”: touch_at “2026-04-31” is a day that does not exist.",
    ]
    # Nothing of a rejected row was written: its company, lead, touch or id.
    with db.read() as session:
        assert set(session.scalars(select(Lead.email))) == {
            "person1@example1.co.jp",
            "person13@example13.co.jp",
        }
        assert set(session.scalars(select(Account.name))) == {"株式会社テスト1", "株式会社テスト13"}
        assert count(db, Touch) == 2


def test_a_short_row_whose_missing_cells_are_unmapped_lands(db: Database, tmp_path: Path) -> None:
    """Excel drops empty cells at the end of a row: only a row cut before a mapped column
    is refused."""
    header = [*LEAD_HEADER, "メモ"]
    path = write_csv(tmp_path / "short.csv", [header, [*person(1), "メモ1"], person(2)])
    report = run(db, people(db).marketing, path)
    assert (report.landed, report.rejected) == (2, 0)


@pytest.mark.parametrize("character", ["\x00", "\x07", "\x1b", "\x7f", "\x85"])
def test_a_control_character_in_any_field_rejects_that_row_alone(
    db: Database, tmp_path: Path, character: str
) -> None:
    rows = [LEAD_HEADER, person(0)]
    for n, (name, _header, _field) in enumerate(COLUMNS, start=1):
        good = dict(zip((c for c, _, _ in COLUMNS), person(n), strict=True))
        value = good[name]
        good[name] = value[:1] + character + value[1:]
        rows.append(lead(**good))
    rows.append(person(99))
    report = run(db, people(db).marketing, write_csv(tmp_path / "controls.csv", rows))
    assert report.landed == 2
    assert [(r.row, r.column, r.key) for r in report.rejections] == [
        (n + 2, header, "import.row.bad_character")
        for n, (_name, header, _field) in enumerate(COLUMNS, start=1)
    ]
    code = f"U+{ord(character):04X}"
    assert all(r.params["character"] == code for r in report.rejections)
    assert lines(report.rejections[:1], english) == [
        f"Row 3, column “ID”: external_id holds the control character {code}."
    ]
    with db.read() as session:
        assert set(session.scalars(select(Lead.name))) == {"佐藤 太郎0", "佐藤 太郎99"}


def test_markup_is_stored_as_the_text_it_is(db: Database, tmp_path: Path) -> None:
    rows = [
        LEAD_HEADER,
        person(1, last="<b>x</b>", first="<script>alert(1)</script>", title="<img src=x>"),
        person(2, company="<img src=/dev/zero onerror=alert(1)>", content="<a href=x>資料</a>"),
    ]
    report = run(db, people(db).marketing, write_csv(tmp_path / "markup.csv", rows))
    assert report.landed == 2
    with db.read() as session:
        first = session.scalars(select(Lead).order_by(Lead.id)).first()
        assert first is not None
        assert (first.name, first.title) == ("<script>alert(1)</script> <b>x</b>", "<img src=x>")
        assert "<img src=/dev/zero onerror=alert(1)>" in set(session.scalars(select(Account.name)))
        assert "<a href=x>資料</a>" in set(session.scalars(select(Touch.content_title)))


# -- Limits: both databases refuse the same rows -------------------------------------------
def _limit(name: str) -> int:
    field = next(f for n, _, f in COLUMNS if n == name)
    limit = column_limit(_COLUMNS[field])
    assert limit is not None
    return limit


#: Columns with a length limit, and a value of their kind (repeated to any length).
TEXT_LIMITS = {
    "id": "X",
    "last": "長",
    "first": "名",
    "last_kana": "ナ",
    "first_kana": "メ",
    "company": "社",
    "title": "役",
    "content": "資",
}


def test_over_long_values_are_rejected_on_both_databases_alike(
    db: Database, tmp_path: Path
) -> None:
    rows = [LEAD_HEADER]
    expected: list[tuple[int, str, int]] = []
    n = 0
    for name, letter in TEXT_LIMITS.items():
        limit = _limit(name)
        # The other half of a name empty: this half alone is at (or over) the limit.
        other = {"last": "first", "first": "last", "last_kana": "first_kana"}
        other["first_kana"] = "last_kana"
        for length, fits in ((limit, True), (limit + 1, False)):
            n += 1
            cells = {name: letter * length}
            if name in other:
                cells[other[name]] = ""
            rows.append(person(n, **cells))
            if not fits:
                expected.append((n + 1, HEADER_OF[name], limit))
    # Each half of a name fits; together they do not (the lead's name holds 200).
    n += 1
    rows.append(person(n, last="姓" * 150, first="名" * 100))
    n += 1
    rows.append(person(n, last_kana="セ" * 150, first_kana="メ" * 100))
    n += 1
    rows.append(person(n, phone="0" * (_limit("phone") + 1)))
    n += 1
    rows.append(person(n, email="a" * 310 + "@example.jp"))
    n += 1
    rows.append(person(n, employees="3000000000"))
    n += 1
    rows.append(person(n, score="-3000000000"))
    n += 1
    rows.append(person(n, at="0001-01-01 00:00"))
    n += 1
    rows.append(person(n, at="9999-12-31T23:00-09:00"))
    report = run(db, people(db).marketing, write_csv(tmp_path / "long.csv", rows))
    limits = [(r.row, r.column, r.params["max"]) for r in report.rejections if "max" in r.params]
    assert limits[: len(expected)] == expected
    tail = [(r.row, r.column, r.key) for r in report.rejections[len(expected) :]]
    first = len(TEXT_LIMITS) * 2 + 2
    assert tail == [
        (first, "姓", "import.row.too_long"),
        (first + 1, "セイ", "import.row.too_long"),
        (first + 2, "電話番号", "import.row.too_long"),
        (first + 3, "メールアドレス", "import.value.email"),
        (first + 4, "従業員数", "import.value.employees"),
        (first + 5, "スコア", "import.value.integer"),
        (first + 6, "コンバージョン日時", "import.value.date_range"),
        (first + 7, "コンバージョン日時", "import.value.date_range"),
    ]
    joined = rejection_of(report, first)
    assert english(joined.key, joined.params).endswith("is 251 characters long; at most 200 fit.")
    dates = rejection_of(report, first + 6)
    assert english(dates.key, dates.params) == (
        "touch_at “0001-01-01 00:00” is not a date Baton keeps (expected a year from 1900 to 2100)."
    )
    assert report.landed == len(TEXT_LIMITS)
    assert accounted(report)
    assert count(db, Lead) == len(TEXT_LIMITS)


def test_rejected_rows_never_stop_an_import_and_the_run_records_them(
    db: Database, tmp_path: Path
) -> None:
    """Rejected rows never stop an import: every batch of a file with bad rows commits."""
    rows = [LEAD_HEADER] + [
        person(n, email="bad" if n % 3 == 0 else f"p{n}@example.jp") for n in range(1, 31)
    ]
    report = run(db, people(db).marketing, write_csv(tmp_path / "batches.csv", rows), batch_size=4)
    assert (report.landed, report.rejected) == (20, 10)
    with db.read() as session:
        run_row = session.scalars(select(ImportRun)).one()
        assert (run_row.status, run_row.rows_read, run_row.landed, run_row.rejected) == (
            "done",
            30,
            20,
            10,
        )
        assert run_row.counts["rejected_by_reason"] == {"import.value.email": 10}
        assert run_row.finished_at is not None
