"""Who may import, on both databases: marketing and administrators; a rep, a team lead or a
deactivated user is refused before anything is written (not even the record of the run),
dry run or not."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.core.entities import User
from models.core.errors import NotFound, PermissionDenied
from models.db.database import Database
from models.imports.fields import ImportKind
from tests.imports_data import (
    LEAD_HEADER,
    TOUCH_HEADER,
    dump,
    people,
    person,
    run,
    touch,
    write_csv,
)


def _files(tmp_path: Path) -> tuple[Path, Path]:
    leads = write_csv(tmp_path / "leads.csv", [LEAD_HEADER, person(1), person(2)])
    touches = write_csv(
        tmp_path / "touches.csv",
        [
            TOUCH_HEADER,
            touch(email="person1@example1.co.jp", kind="資料請求", occurred_at="2026-11-01"),
        ],
    )
    return leads, touches


@pytest.mark.parametrize("role", ["rep", "team_lead"])
def test_a_rep_or_team_lead_importing_is_refused_and_nothing_is_written(
    db: Database, tmp_path: Path, role: str
) -> None:
    staff = people(db)
    user = staff.rep if role == "rep" else staff.team_lead
    leads, touches = _files(tmp_path)
    before = dump(db)
    for path, kind in ((leads, ImportKind.LEADS), (touches, ImportKind.TOUCHES)):
        for dry_run in (False, True):
            with pytest.raises(PermissionDenied) as refused:
                run(db, user, path, kind, dry_run=dry_run)
            assert refused.value.key == "user.action_not_allowed"
            assert refused.value.params["permission"] == "import"
            assert refused.value.params["role"] == role
    assert dump(db) == before


def test_a_deactivated_marketer_is_refused(db: Database, tmp_path: Path) -> None:
    staff = people(db)
    with db.write() as session:
        marketer = session.get(User, staff.marketing)
        assert marketer is not None
        marketer.active = False
    leads, _ = _files(tmp_path)
    before = dump(db)
    with pytest.raises(NotFound) as refused:
        run(db, staff.marketing, leads)
    assert refused.value.key == "user.not_active"
    assert dump(db) == before


@pytest.mark.parametrize("role", ["marketing", "admin"])
def test_marketing_and_administrators_may_import(db: Database, tmp_path: Path, role: str) -> None:
    staff = people(db)
    user = staff.marketing if role == "marketing" else staff.admin
    leads, touches = _files(tmp_path)
    assert run(db, user, leads).landed == 2
    assert run(db, user, touches, ImportKind.TOUCHES).landed == 1
