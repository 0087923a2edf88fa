"""One import of one file, start to finish: open, map, read rows, write in batches.

Each batch is one write transaction (all its rows or none of them); a batch commits
before the next is read, so an import stopped half-way (cancelled, killed, the server
gone) leaves whole batches, and running it again completes it: every row already landed
matches itself (the tool's ids, the emails, the touches' ids) and changes nothing.
Scores and priorities are refreshed for the batch's leads only, in the batch's
transaction. Runs on a worker thread; ``progress(done, total)`` is called between
batches and ``cancelled()`` asked before each.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.core.changes import Changes
from models.core.entities import Team
from models.core.import_records import ImportRun
from models.db.database import Database
from models.db.locking import one_import_at_a_time
from models.imports.fields import Field, ImportKind
from models.imports.lead_writer import Merge, write_leads
from models.imports.mapping import Mapping, Resolved, choose, remember
from models.imports.rows import LeadRecord, Rejection, TouchRecord, read_lead
from models.imports.tables import SourceRow, open_table
from models.imports.touch_reader import FastTouchReader
from models.imports.touch_writer import insert_new_touches, leads_of_touches
from models.scoring.deferred import rescore_in_chunks, schedule_now
from models.scoring.rescore import rescore_leads
from models.teams import permissions
from models.teams.permissions import Action
from models.teams.settings import TeamSettings

#: Rows per transaction: big enough to amortise each batch's look-ups, small enough that
#: other writers wait at most a moment (and a cancel is honoured soon).
BATCH = 5_000
#: Touch files: a touch row is cheap, and the (lead, time) index is written in order a
#: batch at a time: bigger batches (each commit writes the index pages it dirtied: 50,000
#: rows dirty barely more than 20,000 did, measured 15 % faster overall); a writer waits
#: two seconds at most (within the busy timeout).
TOUCH_BATCH = 50_000
_WHOLE_FILE = 1 << 40
_R = TypeVar("_R", LeadRecord, TouchRecord)


@dataclass
class ImportReport:
    file: str
    kind: ImportKind
    source: str
    preset: str | None
    encoding: str | None
    sheet: str | None
    #: Data rows read (the header and any preamble not counted).
    rows_read: int = 0
    #: Leads created (lead files) or touches recorded (touch files).
    landed: int = 0
    #: Rows that were a lead already in Baton or earlier in the file.
    merged: int = 0
    #: Rows that changed nothing (everything they say is recorded already).
    unchanged: int = 0
    touches_added: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)
    kept_apart: list[tuple[int, int]] = field(default_factory=list)
    #: Columns the tool computes that were deliberately not imported.
    computed: tuple[str, ...] = ()
    cancelled: bool = False
    dry_run: bool = False
    run_id: int | None = None
    lead_ids: set[int] = field(default_factory=set)
    #: Lead files: the leads this import made, and the row each came from.
    made: dict[int, int] = field(default_factory=dict)

    @property
    def rejected(self) -> int:
        return len(self.rejections)

    def rejected_by_reason(self) -> Counter[str]:
        return Counter(r.key for r in self.rejections)

    def changes(self) -> Changes:
        return Changes(lead_ids=frozenset(self.lead_ids), queue=bool(self.lead_ids))


@dataclass(frozen=True)
class ImportRequest:
    path: Path
    kind: ImportKind | None = None
    preset: str | None = None
    mapping: Mapping | None = None
    sheet: str | None = None
    dry_run: bool = False
    #: Keep the mapping for the next file from the same source (a user's mapping).
    remember: bool = False


def _batches(
    rows: Iterator[SourceRow], after: int, size: int
) -> Iterator[tuple[list[SourceRow], bool]]:
    """The data rows (those after row ``after``) in batches of ``size``, each with
    whether it is the last one."""
    batch: list[SourceRow] = []
    for row in rows:
        if row.number <= after:
            continue
        if len(batch) == size:
            yield batch, False
            batch = []
        batch.append(row)
    if batch:
        yield batch, True


def require_may_import(session: Session, user_id: int) -> None:
    """Refuse (PermissionDenied) a user whose role may not import (marketing and
    administrators may)."""
    permissions.require(permissions.actor(session, user_id), Action.IMPORT)


def run_import(
    db: Database,
    user_id: int,
    request: ImportRequest,
    now: Callable[[], datetime],
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    batch_size: int | None = None,
) -> ImportReport:
    """Import ``request.path``; see the module docstring. Refusals of the whole file
    (unreadable, no mapping, not allowed) raise before anything is written."""
    data_hash = _sha256(request.path)
    with db.read() as session:
        require_may_import(session, user_id)
        table = open_table(request.path, sheet=request.sheet)
        resolved = choose(
            session, table, request.kind, preset_key=request.preset, mapping=request.mapping
        )
        zone = ZoneInfo(team_zone(session))
    mapping = resolved.mapping
    report = ImportReport(
        table.file,
        mapping.kind,
        mapping.source,
        mapping.preset.key if mapping.preset else None,
        table.encoding,
        table.sheet,
        computed=mapping.computed,
        dry_run=request.dry_run,
    )
    total = table.estimated_rows
    if not request.dry_run:
        with db.write() as session:
            one_import_at_a_time(session)  # the mapping remembered once
            run = ImportRun(
                kind=mapping.kind.value,
                file_name=table.file[:300],
                file_sha256=data_hash,
                encoding=table.encoding,
                source=mapping.source,
                user_id=user_id,
                started_at=now(),
                status="running",
            )
            session.add(run)
            if request.remember:
                remember(session, user_id, mapping, now())
            session.flush()
            report.run_id = run.id
    status = "done"
    touch_reader = FastTouchReader(resolved, zone)
    size = batch_size or (BATCH if mapping.kind is ImportKind.LEADS else TOUCH_BATCH)
    if request.dry_run:
        # One transaction, rolled back: every row sees the rows before it, as in the
        # real import, and nothing is kept.
        size = _WHOLE_FILE
    try:
        rescored = False
        for number, (batch, last) in enumerate(_batches(table.rows, resolved.header_number, size)):
            if cancelled is not None and cancelled():
                report.cancelled = True
                status = "cancelled"
                break
            # A file in one batch rescores its leads in that batch's transaction.
            rescored = number == 0 and last
            _one_batch(db, user_id, resolved, batch, zone, now(), report, touch_reader, rescored)
            if progress is not None:
                progress(min(report.rows_read, total), total)
        # The leads that changed, rescored once each (not once per batch that touched
        # them); until then they are due, and the minute tick would see to them.
        if report.lead_ids and not report.dry_run and not rescored:
            rescore_in_chunks(db, report.lead_ids, now())
    except BaseException:
        status = "failed"
        raise
    finally:
        report.rejections.sort(key=lambda r: r.row)
        if report.run_id is not None:
            _finish(db, report, status, now())
    return report


def _one_batch(
    db: Database,
    user_id: int,
    resolved: Resolved,
    batch: list[SourceRow],
    zone: ZoneInfo,
    now: datetime,
    report: ImportReport,
    touch_reader: FastTouchReader,
    rescore_now: bool,
) -> None:
    """One batch in one write transaction. Its leads are rescored in it
    (``rescore_now``: the whole file), or made due for the rescore after the last batch."""
    settle = rescore_leads if rescore_now else schedule_now
    mapping = resolved.mapping
    report.rows_read += len(batch)
    if mapping.kind is ImportKind.LEADS:
        leads = read_batch(batch, resolved, zone, read_lead, report)
        with db.write() as session:
            one_import_at_a_time(session)
            result = write_leads(session, user_id, mapping.source, leads, now, report.made)
            if result.affected:
                # Once per lead and import (a lead in every batch is marked once).
                settle(session, result.affected - report.lead_ids, now)
            if report.dry_run:
                session.rollback()
        report.landed += len(result.created)
        report.made.update((lead_id, row) for row, lead_id in result.created)
        report.merged += len(result.merges)
        report.merges += result.merges
        report.kept_apart += result.kept_apart
        report.touches_added += result.touches_added
        report.lead_ids |= result.affected
        report.unchanged += result.unchanged
        return
    touches = read_batch(batch, resolved, zone, touch_reader, report)
    columns = {
        "email": mapping.columns.get(Field.EMAIL),
        "external_id": mapping.columns.get(Field.EXTERNAL_ID),
    }
    with db.write() as session:
        rows, unknown = leads_of_touches(
            session, mapping.source, touches, columns, touch_reader.leads
        )
        added, touched = insert_new_touches(session, mapping.source, rows, now)
        if touched:
            settle(session, touched - report.lead_ids, now)
        if report.dry_run:
            session.rollback()
    report.rejections += unknown
    report.landed += added
    report.touches_added += added
    report.unchanged += len(rows) - added
    report.lead_ids |= touched


def read_batch(
    batch: list[SourceRow],
    resolved: Resolved,
    zone: ZoneInfo,
    reader: Callable[[SourceRow, Resolved, ZoneInfo], _R | Rejection],
    report: ImportReport,
) -> list[_R]:
    records: list[_R] = []
    width = len(resolved.header)
    needed = max(resolved.positions.values(), default=0)
    for row in batch:
        count = len(row.cells)
        key = None
        if count > width and any(c.strip() for c in row.cells[width:]):
            key = "import.row.too_many_fields"
        elif count < width and needed >= count:
            key = "import.row.too_few_fields"
        if key is not None:
            params = {"count": count, "expected": width}
            report.rejections.append(Rejection(row.number, row.line, None, None, key, params))
            continue
        record = reader(row, resolved, zone)
        if isinstance(record, Rejection):
            report.rejections.append(record)
        else:
            records.append(record)
    return records


def team_zone(session: Session) -> str:
    """The time zone a time written without one is read in: the first team's."""
    settings = session.scalar(select(Team.settings).order_by(Team.id).limit(1))
    return TeamSettings.from_dict(settings).timezone


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _finish(db: Database, report: ImportReport, status: str, at: datetime) -> None:
    with db.write() as session:
        run = session.get(ImportRun, report.run_id)
        if run is None:
            return
        run.status = status
        run.finished_at = at
        run.rows_read = report.rows_read
        run.landed = report.landed
        run.merged = report.merged
        run.rejected = report.rejected
        run.counts = {
            "touches_added": report.touches_added,
            "unchanged": report.unchanged,
            "rejected_by_reason": dict(report.rejected_by_reason()),
        }
