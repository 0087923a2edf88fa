"""``baton handoff`` and ``baton handoffs`` run as a user runs them (a subprocess), on both
databases: which summary was written (a handoff's, or a preview), each format's file, the
CSV Excel opens (BOM, cp932 refusals naming row and column, formulas kept text), the
summaries of a period into a folder, and which parts of Qt each format loads.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from models.db.database import Database
from tests.handoff_data import COMPANY, NOW, HandoffLead, add_handoff, make_lead
from tests.test_cli import baton, headless_env
from tests.test_cli_headless import run_traced


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    return headless_env(home, BATON_NOW=NOW.isoformat(), TZ="Asia/Tokyo")


@pytest.fixture
def leads(db: Database) -> tuple[HandoffLead, HandoffLead, int]:
    """A lead handed off (and its handoff's id), and one not handed off yet."""
    handed = make_lead(db)
    handoff_id = add_handoff(db, handed, note='=HYPERLINK("https://evil.example")')
    return handed, make_lead(db, company="株式会社プレビュー商事"), handoff_id


def _url(db: Database) -> str:
    return db.url.render_as_string(hide_password=False)


def test_handoff_writes_the_latest_handoff_or_says_it_is_a_preview(
    db: Database, leads: tuple[HandoffLead, HandoffLead, int], env: dict[str, str], tmp_path: Path
) -> None:
    handed, fresh, handoff_id = leads
    out = tmp_path / "handed.md"
    done = baton(
        env, "handoff", str(handed.lead_id), "--format", "md", "-o", str(out), "--db", _url(db)
    )
    assert done.returncode == 0, done.stderr
    assert f"Wrote the summary of handoff {handoff_id} of 山田 太郎 ({COMPANY})" in done.stdout
    assert out.read_text(encoding="utf-8").startswith(f"# Handoff summary: {COMPANY}")

    out = tmp_path / "preview.json"
    done = baton(
        env, "handoff", str(fresh.lead_id), "--format", "json", "-o", str(out), "--db", _url(db)
    )
    assert done.returncode == 0, done.stderr
    assert "has not been handed off: wrote a preview" in done.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["handoff_id"] is None and data["company"]["name"] == "株式会社プレビュー商事"


def test_handoff_speaks_japanese_and_writes_to_stdout(
    db: Database, leads: tuple[HandoffLead, HandoffLead, int], env: dict[str, str]
) -> None:
    _handed, fresh, _id = leads
    done = baton(
        env,
        "handoff",
        str(fresh.lead_id),
        "--format",
        "html",
        "-o",
        "-",
        "--lang",
        "ja",
        "--db",
        _url(db),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("<!DOCTYPE html>") and '<html lang="ja">' in done.stdout
    assert "商談化シート" in done.stdout and "プレビュー" in done.stdout
    assert "まだ引き渡していません" in done.stderr  # the report goes beside the file


@pytest.mark.parametrize(
    ("fmt", "gui"), [("html", False), ("md", False), ("json", False), ("pdf", True)]
)
def test_only_the_pdf_loads_qt_gui(
    db: Database,
    leads: tuple[HandoffLead, HandoffLead, int],
    tmp_path: Path,
    fmt: str,
    gui: bool,
) -> None:
    handed, _fresh, _id = leads
    out = tmp_path / f"summary.{fmt}"
    done, loaded = run_traced(
        _url(db),
        tmp_path / "home",
        "handoff",
        str(handed.lead_id),
        "--format",
        fmt,
        "-o",
        str(out),
        "--lang",
        "ja",
    )
    assert done.returncode == 0, done.stderr
    qt = {m for m in loaded if m.startswith("PySide6.Qt")}
    assert ("PySide6.QtGui" in qt) is gui, qt
    assert "PySide6.QtWidgets" not in qt
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") if gui else COMPANY.encode() in data


def _csv_rows(path: Path, encoding: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode(encoding))))


def test_handoffs_csv_opens_in_excel(
    db: Database, leads: tuple[HandoffLead, HandoffLead, int], env: dict[str, str], tmp_path: Path
) -> None:
    handed, _fresh, handoff_id = leads
    out = tmp_path / "handoffs.csv"
    args = ("handoffs", "--since", "2026-11-01", "--until", "2026-11-20", "-o", str(out))
    done = baton(env, *args, "--lang", "ja", "--db", _url(db))
    assert done.returncode == 0, done.stderr
    assert "1 件の引き渡しを" in done.stdout
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # the BOM Excel needs; CRLF
    header, row = _csv_rows(out, "utf-8-sig")
    assert header[:3] == ["引き渡しID", "引き渡し日時", "リードID"]
    assert row[0] == str(handoff_id) and row[2] == str(handed.lead_id)
    assert row[1] == "2026-11-20 12:00"  # local time (Tokyo), a date a spreadsheet reads
    assert COMPANY in row and "渡辺 大輔" in row and "フィールドセールス回答待ち" not in header
    note = row[header.index("申し送り")]
    assert note == '\'=HYPERLINK("https://evil.example")'  # text, never a formula

    # The period and the field rep narrow it.
    for extra, count in (
        (("--until", "2026-11-19"), 0),
        (("--field-rep", "field@baton.test"), 1),
        (("--field-rep", "rep@baton.test"), 0),
    ):
        done = baton(
            env, "handoffs", "--since", "2026-11-01", *extra, "-o", str(out), "--db", _url(db)
        )
        assert done.returncode == 0, done.stderr
        assert len(_csv_rows(out, "utf-8-sig")) == 1 + count, extra


def test_cp932_refuses_what_it_cannot_hold_naming_row_and_column(
    db: Database, leads: tuple[HandoffLead, HandoffLead, int], env: dict[str, str], tmp_path: Path
) -> None:
    handed, _fresh, _id = leads
    add_handoff(db, handed, note="𠮷野家の件 — 至急")
    out = tmp_path / "handoffs.csv"
    args = ("handoffs", "--since", "2026-11-01", "--encoding", "cp932", "-o", str(out))
    done = baton(env, *args, "--db", _url(db))
    assert done.returncode == 2
    assert (
        "Row 2 (handoff 2), Rep's note: the character “𠮷” (U+20BB7) cannot be written in cp932"
        in done.stderr
    )
    assert not out.exists() and not list(tmp_path.glob("*.part"))
    done = baton(env, *args, "--lang", "ja", "--db", _url(db))
    assert "2 行目（引き渡し 2）の「申し送り」" in done.stderr

    # Without that character, cp932 it is ("—" becomes the JIS dash "―").
    with db.write() as session:
        from models.core.entities import Handoff

        for handoff in session.query(Handoff):
            handoff.note = "至急 — 本日中"
    done = baton(env, *args, "--db", _url(db))
    assert done.returncode == 0, done.stderr
    header, *rows = _csv_rows(out, "cp932")
    assert [r[header.index("Rep's note")] for r in rows] == ["至急 ― 本日中"] * 2


def test_handoffs_writes_each_summary_into_a_folder(
    db: Database, leads: tuple[HandoffLead, HandoffLead, int], env: dict[str, str], tmp_path: Path
) -> None:
    _handed, _fresh, handoff_id = leads
    folder = tmp_path / "out" / "summaries"
    args = ("handoffs", "--since", "2026-11-01", "--format", "md", "-o", str(folder))
    done = baton(env, *args, "--db", _url(db))
    assert done.returncode == 0, done.stderr
    assert f"Wrote 1 files (1 handoffs) to {folder}" in done.stdout
    (written,) = folder.iterdir()
    assert written.name == f"{handoff_id:06d}_{COMPANY}_山田_太郎.md"
    assert COMPANY in written.read_text(encoding="utf-8")


def test_bad_input_is_said_and_nothing_is_written(
    db: Database, leads: tuple[HandoffLead, HandoffLead, int], env: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "x.csv"
    cases = [
        (
            ("handoffs", "--since", "2026-11-20", "--until", "2026-11-01"),
            "--until 2026-11-01 is before --since 2026-11-20",
        ),
        (("handoffs", "--since", "20-11-2026"), "--since: “20-11-2026” is not a date"),
        (("handoffs", "--since", "2026-11-01", "--field-rep", "nobody@x.test"), "nobody@x.test"),
        (("handoff", "999999", "--format", "md"), "No lead with id 999999"),
    ]
    for args, said in cases:
        done = baton(env, *args, "-o", str(out), "--db", _url(db))
        assert done.returncode == 2, (args, done.stderr)
        assert said in done.stderr, done.stderr
        assert not out.exists()
    done = baton(
        env,
        "handoffs",
        "--since",
        "2026-11-01",
        "-o",
        str(tmp_path / "no" / "x.csv"),
        "--db",
        _url(db),
    )
    assert done.returncode == 2 and "the folder" in done.stderr and "does not exist" in done.stderr
