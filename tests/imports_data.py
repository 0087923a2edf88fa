"""What the import engine's tests share: people allowed (or not) to import, a plain lead
and touch format mapped by a user's mapping, export files written as real files in any
encoding and line end, one call to run an import, and a dump of every table.

The lead format (:data:`LEAD_HEADER`) is what a Japanese team's own spreadsheet looks
like; :data:`LEAD_MAPPING` says which column is which field, as the mapping dialog or
``--mapping FILE`` would. Touch files use the generic preset's header (recognised by
itself).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from models.core.base import Base
from models.core.entities import Team, User
from models.core.enums import Role, TouchKind
from models.db.database import Database
from models.definitions import versions
from models.imports.fields import Field, ImportKind
from models.imports.mapping import Mapping as ColumnMapping
from models.imports.run import ImportReport, ImportRequest, run_import

NOW = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
SOURCE = "testtool"

#: The lead file's columns, in order: (the name :func:`lead` knows it by, its header, the
#: field it gives).
COLUMNS: tuple[tuple[str, str, Field], ...] = (
    ("id", "ID", Field.EXTERNAL_ID),
    ("email", "メールアドレス", Field.EMAIL),
    ("last", "姓", Field.LAST_NAME),
    ("first", "名", Field.FIRST_NAME),
    ("last_kana", "セイ", Field.LAST_NAME_KANA),
    ("first_kana", "メイ", Field.FIRST_NAME_KANA),
    ("company", "会社名", Field.COMPANY),
    ("phone", "電話番号", Field.PHONE),
    ("title", "役職", Field.TITLE),
    ("employees", "従業員数", Field.EMPLOYEES),
    ("score", "スコア", Field.MA_SCORE),
    ("created", "作成日", Field.CREATED_AT),
    ("content", "資料名", Field.CONTENT),
    ("at", "コンバージョン日時", Field.TOUCH_AT),
)
LEAD_HEADER: list[str] = [header for _, header, _ in COLUMNS]
HEADER_OF: dict[str, str] = {name: header for name, header, _ in COLUMNS}
LEAD_MAPPING = ColumnMapping(
    ImportKind.LEADS,
    SOURCE,
    {field: header for _, header, field in COLUMNS},
    touch_kind=TouchKind.DOCUMENT_REQUEST,
)
#: The generic touches preset's header (recognised without a mapping: source "generic").
TOUCH_HEADER = ["lead_id", "email", "touch_id", "kind", "occurred_at", "content", "campaign"]
#: The same columns from the tool the lead files come from (its lead ids are known).
TOUCH_MAPPING = ColumnMapping(
    ImportKind.TOUCHES,
    SOURCE,
    dict(
        zip(
            (
                Field.EXTERNAL_ID,
                Field.EMAIL,
                Field.TOUCH_ID,
                Field.TOUCH_KIND,
                Field.TOUCH_AT,
                Field.CONTENT,
                Field.CAMPAIGN,
            ),
            TOUCH_HEADER,
            strict=True,
        )
    ),
)


def lead(**cells: str) -> list[str]:
    """One row of a lead file, cells named as in :data:`COLUMNS`; the rest empty."""
    unknown = set(cells) - set(HEADER_OF)
    assert not unknown, unknown
    return [cells.get(name, "") for name, _, _ in COLUMNS]


def person(n: int, **cells: str) -> list[str]:
    """A plausible lead number ``n`` (its own id, email, phone and company)."""
    base = {
        "id": f"L{n:06d}",
        "email": f"person{n}@example{n % 97}.co.jp",
        "last": "佐藤",
        "first": f"太郎{n}",
        "company": f"株式会社テスト{n % 500}",
        "phone": f"03-{1000 + n // 10000:04d}-{n % 10000:04d}",
        "last_kana": "サトウ",
        "first_kana": "タロウ",
        "title": "部長",
        "employees": "250",
        "score": str(n % 100),
        "created": "2026-10-01 10:00",
        "content": "製品カタログ",
        "at": f"2026-10-{1 + n % 28:02d} 10:00",
    }
    base.update(cells)
    return lead(**base)


def touch(**cells: str) -> list[str]:
    """One row of a touch file (:data:`TOUCH_HEADER`: ``lead_id``, ``email``, ``touch_id``,
    ``kind``, ``occurred_at``, ``content``, ``campaign``)."""
    unknown = set(cells) - set(TOUCH_HEADER)
    assert not unknown, unknown
    return [cells.get(name, "") for name in TOUCH_HEADER]


def csv_text(rows: Iterable[list[str]], *, newline: str = "\r\n", delimiter: str = ",") -> str:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator=newline, delimiter=delimiter).writerows(rows)
    return out.getvalue()


def write_csv(
    path: Path,
    rows: Iterable[list[str]],
    *,
    encoding: str = "utf-8",
    newline: str = "\r\n",
    delimiter: str = ",",
) -> Path:
    """``rows`` as a CSV file in ``encoding`` (``utf-8-sig``: with a byte-order mark,
    ``utf-16``: with its own, as Excel writes them)."""
    path.write_bytes(csv_text(rows, newline=newline, delimiter=delimiter).encode(encoding))
    return path


def mapping_file(path: Path, mapping: ColumnMapping = LEAD_MAPPING) -> Path:
    path.write_text(json.dumps(mapping.to_json(), ensure_ascii=False), encoding="utf-8")
    return path


@dataclass(frozen=True)
class People:
    team: int
    marketing: int
    admin: int
    rep: int
    team_lead: int


def people(db: Database) -> People:
    """One team with a person of each role that matters here, and the default definition
    (made on the first call, found on the next)."""
    with db.read() as session:
        found = {
            user.role: (user.id, user.team_id)
            for user in session.scalars(select(User).where(User.email.like("%@example.jp")))
        }
    if found:
        ids = {role: found[role.value][0] for role in Role if role.value in found}
        return People(
            found[Role.MARKETING.value][1] or 0,
            ids[Role.MARKETING],
            ids[Role.ADMIN],
            ids[Role.REP],
            ids[Role.TEAM_LEAD],
        )
    with db.write() as session:
        versions.ensure_default(session, NOW - timedelta(days=30))
        team = Team(name="インサイドセールス", settings={})
        session.add(team)
        session.flush()
        ids = {}
        for role in (Role.MARKETING, Role.ADMIN, Role.REP, Role.TEAM_LEAD):
            user = User(
                email=f"{role.value}@example.jp",
                display_name=role.value,
                role=role.value,
                team_id=team.id,
            )
            session.add(user)
            session.flush()
            ids[role] = user.id
    return People(team.id, ids[Role.MARKETING], ids[Role.ADMIN], ids[Role.REP], ids[Role.TEAM_LEAD])


def run(
    db: Database,
    user: int,
    path: Path,
    kind: ImportKind = ImportKind.LEADS,
    *,
    mapping: ColumnMapping | None = LEAD_MAPPING,
    at: datetime = NOW,
    **options: Any,
) -> ImportReport:
    """Import ``path`` (a lead file in :data:`LEAD_HEADER` unless told otherwise)."""
    if kind is ImportKind.TOUCHES and mapping is LEAD_MAPPING:
        mapping = None
    batch_size = options.pop("batch_size", None)
    request = ImportRequest(path, kind=kind, mapping=mapping, **options)
    extra = {} if batch_size is None else {"batch_size": batch_size}
    return run_import(db, user, request, lambda: at, **extra)


def accounted(report: ImportReport) -> bool:
    """Every row read is counted once: landed, merged or rejected (lead files); landed,
    unchanged or rejected (touch files)."""
    if report.kind is ImportKind.LEADS:
        return report.rows_read == report.landed + report.merged + report.rejected
    return report.rows_read == report.landed + report.unchanged + report.rejected


def rejection_of(report: ImportReport, row: int) -> Any:
    found = [r for r in report.rejections if r.row == row]
    assert len(found) == 1, (row, report.rejections)
    return found[0]


# -- The database as a whole ----------------------------------------------------------------
def dump(db: Database, *, skip: Iterable[str] = ()) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (ordered by the primary key), ``skip`` aside."""
    left_out = set(skip)
    out: dict[str, list[tuple[Any, ...]]] = {}
    with db.read() as session:
        for table in Base.metadata.sorted_tables:
            if table.name in left_out:
                continue
            order = list(table.primary_key.columns) or list(table.columns)
            rows = session.execute(select(table).order_by(*order)).mappings().all()
            out[table.name] = [tuple(row.items()) for row in rows]
    return out


def differences(
    before: dict[str, list[tuple[Any, ...]]], after: dict[str, list[tuple[Any, ...]]]
) -> list[tuple[str, Any, Any]]:
    """What differs between two dumps: (table, row before, row after), only the columns
    that changed (None: no such row)."""
    out: list[tuple[str, Any, Any]] = []
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name, []), after.get(name, [])
        for index in range(max(len(old), len(new))):
            a = dict(old[index]) if index < len(old) else None
            b = dict(new[index]) if index < len(new) else None
            if a is None or b is None:
                out.append((name, a, b))
            elif a != b:
                keys = [k for k in a if a[k] != b.get(k)]
                out.append((name, {k: a[k] for k in keys}, {k: b[k] for k in keys}))
    return out


def count(db: Database, table: Any, *where: Any) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(table).where(*where)) or 0)
