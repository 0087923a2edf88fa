"""An import while a rep has the lead open: marketing's score moving does not make the
rep's form stale; a blank the import fills does (the rep sees what changed)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from models.core.entities import Lead
from models.db.database import Database
from tests.imports_data import LEAD_HEADER, people, person, run, write_csv


def _lead(db: Database) -> tuple[int, int, int | None, str | None]:
    with db.read() as session:
        lead = session.scalars(select(Lead)).one()
        return lead.id, lead.version, lead.ma_score, lead.department


def test_a_new_marketing_score_leaves_the_version_alone(db: Database, tmp_path: Path) -> None:
    who = people(db)
    run(db, who.marketing, write_csv(tmp_path / "a.csv", [LEAD_HEADER, person(1, score="10")]))
    lead_id, version, score, _ = _lead(db)
    assert score == 10
    later = write_csv(tmp_path / "b.csv", [LEAD_HEADER, person(1, score="85")])
    report = run(db, who.marketing, later)
    assert report.merged == 1
    assert _lead(db)[1:3] == (version, 85)
    # The same file again: nothing at all changes.
    again = run(db, who.marketing, later)
    assert again.unchanged == 1
    assert _lead(db)[0:3] == (lead_id, version, 85)


def test_a_filled_blank_makes_an_open_form_stale(db: Database, tmp_path: Path) -> None:
    who = people(db)
    run(db, who.marketing, write_csv(tmp_path / "a.csv", [LEAD_HEADER, person(2, title="")]))
    _, version, _, _ = _lead(db)
    report = run(db, who.marketing, write_csv(tmp_path / "b.csv", [LEAD_HEADER, person(2)]))
    assert report.merges[0].filled == ("title",)
    assert _lead(db)[1] == version + 1
