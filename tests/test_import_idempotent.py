"""Importing the same files again changes nothing, on both databases: every row of every
table (leads with their versions and scores, companies, touches, ids, stage changes,
audit entries) is as it was, a day later; only the record of the run is new, and its
report says every row was there already.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from models.core.import_records import ImportRun
from models.db.database import Database
from models.imports.fields import ImportKind
from tests.imports_data import (
    LEAD_HEADER,
    NOW,
    TOUCH_HEADER,
    TOUCH_MAPPING,
    accounted,
    differences,
    dump,
    lead,
    people,
    person,
    run,
    touch,
    write_csv,
)

SAMPLES = Path(__file__).resolve().parent / "data" / "imports"
LEAD_SAMPLES = (
    "hubspot_contacts.csv",
    "hubspot_contacts_ja.csv",
    "marketo_leads.csv",
    "marketo_leads.xlsx",
    "pardot_prospects.csv",
    "satori_customers.csv",
    "bownow_leads.csv",
)
TOUCH_SAMPLES = ("generic_touches.csv", "hubspot_activities.csv", "marketo_activities.csv")
LATER = NOW + timedelta(days=1)


def _rows() -> list[list[str]]:
    """A file with every kind of row: new, repeated (by id, email, phone + name +
    company), at a shared number, rejected, with and without a conversion, scores that
    change between repeats."""
    return [
        LEAD_HEADER,
        *(person(n) for n in range(1, 41)),
        person(41, id="L000001", score="99"),
        person(42, id="", email="PERSON2@example2.co.jp", title="課長"),
        person(43, id="X43", email="person3@example3.co.jp"),
        person(44, id="", email="", first="太郎4", company="(株)テスト4", phone="03-1000-0004"),
        person(45, id="", email="", first="別人", company="株式会社テスト5", phone="03-1000-0005"),
        person(46, at="2026-02-30"),
        person(47, email="broken"),
        person(48, at="", content=""),
        lead(id="L9", email="no.touch@example.jp", last="最小", company="最小社"),
    ]


def test_the_same_files_twice_change_nothing(db: Database, tmp_path: Path) -> None:
    marketing = people(db).marketing
    leads = write_csv(tmp_path / "leads.csv", _rows())
    touches = write_csv(
        tmp_path / "touches.csv",
        [
            TOUCH_HEADER,
            touch(email="person1@example1.co.jp", kind="メール開封", occurred_at="2026-11-01"),
            touch(lead_id="L000002", kind="資料請求", occurred_at="2026-11-02 10:00"),
            touch(lead_id="L000002", kind="資料請求", occurred_at="2026-11-02 10:00"),
            touch(
                email="x43@example.jp",
                lead_id="X43",
                kind="ウェビナー参加",
                occurred_at="2026-11-03",
            ),
            touch(
                touch_id="T-1",
                email="person4@example4.co.jp",
                kind="inquiry",
                occurred_at="2026-11-04",
            ),
            touch(email="nobody@example.jp", kind="inquiry", occurred_at="2026-11-04"),
        ],
    )
    first = run(db, marketing, leads)
    first_touches = run(db, marketing, touches, ImportKind.TOUCHES, mapping=TOUCH_MAPPING)
    assert first.landed == 43 and first.rejected == 2
    assert first_touches.landed == 4 and first_touches.rejected == 1
    before = dump(db, skip={"import_run"})
    again = run(db, marketing, leads, at=LATER)
    again_touches = run(db, marketing, touches, ImportKind.TOUCHES, mapping=TOUCH_MAPPING, at=LATER)
    assert differences(before, dump(db, skip={"import_run"})) == []
    assert (again.landed, again.touches_added, again.rejected) == (0, 0, 2)
    assert again.merged == again.unchanged == first.landed + first.merged
    assert (again_touches.landed, again_touches.unchanged) == (0, 5)
    assert all(accounted(r) for r in (first, first_touches, again, again_touches))
    with db.read() as session:
        runs = session.scalars(select(ImportRun).order_by(ImportRun.id)).all()
    assert [(r.kind, r.status, r.landed) for r in runs] == [
        ("leads", "done", 43),
        ("touches", "done", 4),
        ("leads", "done", 0),
        ("touches", "done", 0),
    ]
    assert runs[0].file_sha256 == runs[2].file_sha256


def test_every_sample_export_twice_in_a_row_changes_nothing(db: Database) -> None:
    """Each tool's export imported again (after the others'): nothing changes. (Imports
    of two tools that score a lead differently set the lead's marketing score in turn.)"""
    marketing = people(db).marketing
    files = [(name, ImportKind.LEADS) for name in LEAD_SAMPLES]
    files += [(name, ImportKind.TOUCHES) for name in TOUCH_SAMPLES]
    for name, kind in files:
        path = SAMPLES / name
        first = run(db, marketing, path, kind, mapping=None)
        before = dump(db, skip={"import_run"})
        second = run(db, marketing, path, kind, mapping=None, at=LATER)
        assert differences(before, dump(db, skip={"import_run"})) == [], name
        assert accounted(first) and accounted(second)
        assert second.landed == second.touches_added == 0, name
        assert second.rejected == first.rejected, name
        if kind is ImportKind.LEADS:
            assert second.unchanged == second.merged == first.landed + first.merged, name
        else:
            assert second.unchanged == first.landed + first.unchanged, name
