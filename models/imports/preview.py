"""What an import will do, before it runs: the file opened, the mapping Baton would use,
and the first data rows read as they will land (or be rejected), for the import dialog;
and, once it ran, how its report names the leads rows merged into.

Reading only: nothing here writes. :func:`inspect` reads the file and the remembered
mappings (a worker thread: decoding a large file takes a moment); :func:`preview` reads
the rows of the file's head that :func:`inspect` already holds (cheap: any thread).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.core.entities import Account, Lead
from models.core.errors import InvalidInput
from models.imports.fields import ImportKind, header_key
from models.imports.mapping import Mapping, Resolved, choose, remembered_sources, resolve
from models.imports.rows import LeadRecord, Rejection, TouchRecord, read_lead, read_touch

# One reading of a batch's rows (field counts, then the row), shared with the import.
from models.imports.run import ImportReport, read_batch, team_zone
from models.imports.tables import Table, open_table

#: Data rows a preview shows at most (the table's head holds the first 20 rows).
PREVIEW_ROWS = 20

Landing = LeadRecord | TouchRecord | Rejection


@dataclass(frozen=True)
class Inspection:
    """An export opened for the import dialog."""

    table: Table
    kind: ImportKind
    #: The mapping Baton would use (a preset recognised, or one remembered for a source
    #: whose columns are all there); None when nothing fits: the user maps the columns.
    resolved: Resolved | None
    #: The row of the table's head that is the header (the columns offered for mapping).
    header_index: int
    #: The time zone a time written without one is read in.
    zone: str
    #: The mappings users kept, by source (this kind of file), newest first.
    remembered: dict[str, Mapping]

    @property
    def header(self) -> list[str]:
        return list(self.table.head[self.header_index].cells) if self.table.head else []


def inspect(
    session: Session, path: Path, kind: ImportKind, *, sheet: str | None = None
) -> Inspection:
    """Open ``path`` and find its mapping. Refuses what the import would refuse of the
    whole file (unreadable, empty, a workbook with several sheets and none chosen)."""
    table = open_table(path, sheet=sheet)
    kept = {m.source: m for m in remembered_sources(session, kind)}
    try:
        resolved: Resolved | None = choose(session, table, kind)
    except InvalidInput as error:
        if error.key != "import.no_mapping":
            raise
        resolved = None
    if resolved is not None:
        resolved = _as_kept(table, resolved, kept)
    index = resolved.header_index if resolved is not None else guess_header(table)
    return Inspection(table, kind, resolved, index, team_zone(session), kept)


def _as_kept(table: Table, resolved: Resolved, kept: dict[str, Mapping]) -> Resolved:
    """A preset recognised whose source has a mapping a user edited: the user's mapping
    (with the preset's activity names and computed columns), when its columns are there."""
    preset = resolved.mapping.preset
    mine = kept.get(resolved.mapping.source)
    if preset is None or mine is None:
        return resolved
    taken = {header_key(h) for h in mine.columns.values()}
    edited = Mapping(
        resolved.mapping.kind,
        mine.source,
        dict(mine.columns),
        preset=preset,
        touch_kind=mine.touch_kind,
        computed=tuple(c for c in resolved.mapping.computed if header_key(c) not in taken),
    )
    try:
        return resolve(table, edited)
    except InvalidInput:
        return resolved


def guess_header(table: Table) -> int:
    """The header of a file no mapping fits: the first of the widest rows (a preamble
    describing a search is narrower than the table under it)."""
    widths = [sum(1 for c in row.cells if c.strip()) for row in table.head]
    return widths.index(max(widths)) if widths else 0


def preview(
    table: Table, resolved: Resolved, zone: str, limit: int = PREVIEW_ROWS
) -> list[Landing]:
    """The first ``limit`` data rows after the header, each read as the import reads it:
    a record, or a rejection saying the row, the column and why; in file order."""
    rows = [r for r in table.head if r.number > resolved.header_number][:limit]
    mapping = resolved.mapping
    scratch = ImportReport(table.file, mapping.kind, mapping.source, None, None, None)
    records: Sequence[Landing]
    if mapping.kind is ImportKind.LEADS:
        records = read_batch(rows, resolved, ZoneInfo(zone), read_lead, scratch)
    else:
        records = read_batch(rows, resolved, ZoneInfo(zone), read_touch, scratch)
    return sorted([*records, *scratch.rejections], key=lambda r: r.row)


def sheet_choices(path: Path, error: InvalidInput) -> list[str]:
    """The sheets to offer when a workbook has several with data (``import.xlsx_sheets``):
    those the refusal names, in the workbook's order."""
    import openpyxl  # noqa: PLC0415 - loaded for workbooks only (~150 ms)

    book = openpyxl.load_workbook(path, read_only=True)
    try:
        names = [str(n) for n in book.sheetnames]
    finally:
        book.close()
    named = str(error.params.get("expected", ""))
    return [n for n in names if n in named] or names


def lead_labels(session: Session, lead_ids: set[int]) -> dict[int, str]:
    """How the import's report names the leads rows merged into: "name (company)"."""
    labels: dict[int, str] = {}
    ordered = sorted(lead_ids)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        rows = session.execute(
            select(Lead.id, Lead.name, Account.name)
            .join(Account, Account.id == Lead.account_id)
            .where(Lead.id.in_(chunk))
        )
        labels.update({int(i): f"{name} ({company})" for i, name, company in rows})
    return labels
