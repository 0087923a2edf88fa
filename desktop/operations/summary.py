"""The handoff summary from the app: copied to the clipboard or written to a file, and
many of them (or a CSV of a period's handoffs) exported in the background.

One summary is rendered on the database worker (a PDF takes some tens of milliseconds,
never on the GUI thread); an export of many is a :class:`~desktop.operations.worker.Task`
on the thread pool with progress and cancel. Every file is written whole or not at all
(:func:`models.core.files.write_atomically`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject
from sqlalchemy.orm import Session

from desktop.handoff import render
from desktop.operations.runner import Op, Operations
from desktop.operations.worker import Task
from models.core.files import csv_bytes, write_atomically
from models.handoff.batch import ExportResult, export_summaries, handoffs_between
from models.handoff.inbox import lead_handoffs
from models.handoff.summary import HandoffSummary, summary_for_handoff, summary_for_lead

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class Copied:
    """The summary for the clipboard: Markdown as text, the HTML page as rich text."""

    markdown: str
    html: str
    #: True when the lead was not handed off yet (a preview).
    preview: bool


@dataclass(frozen=True)
class Written:
    path: Path
    preview: bool


@dataclass(frozen=True)
class SummaryOf:
    """Whose summary: a handoff's (what field sales got), else a lead's (the handoff's
    latest if it was handed off, else a preview as of now)."""

    lead_id: int | None = None
    handoff_id: int | None = None


def summary(session: Session, which: SummaryOf, now: datetime) -> HandoffSummary:
    if which.handoff_id is not None:
        return summary_for_handoff(session, which.handoff_id)
    assert which.lead_id is not None
    handed = lead_handoffs(session, which.lead_id)
    if handed:
        return summary_for_handoff(session, handed[0].id)
    return summary_for_lead(session, which.lead_id, now)


def copy_summary(ops: Operations, which: SummaryOf, now: datetime, owner: QObject) -> Op[Copied]:
    def job(session: Session) -> Copied:
        found = summary(session, which, now)
        return Copied(render.markdown_text(found), render.html(found), found.handoff_id is None)

    return ops.read(job, owner=owner)


def export_summary(
    ops: Operations, which: SummaryOf, fmt: str, path: Path, now: datetime, owner: QObject
) -> Op[Written]:
    """Render the summary in ``fmt`` and write it to ``path`` (whole or not at all)."""
    write = render.renderer(fmt)

    def job(session: Session) -> Written:
        found = summary(session, which, now)
        write_atomically(path, write(found))
        return Written(path, found.handoff_id is None)

    return ops.read(job, owner=owner)


@dataclass(frozen=True)
class Period:
    """The handoffs made from ``since`` (inclusive) to ``until`` (exclusive), to one
    field rep or to anyone."""

    since: datetime
    until: datetime
    field_rep_id: int | None = None


@dataclass(frozen=True)
class CsvWritten:
    path: Path
    rows: int


def export_csv(ops: Operations, period: Period, path: Path, encoding: str) -> Task:
    """The period's handoffs as a CSV for Excel, in the background (not yet started).
    A character ``encoding`` cannot hold is refused naming its row: nothing is written."""
    db = ops.db

    def work(progress: Progress, cancelled: Cancelled) -> CsvWritten | None:
        from desktop.handoff import table  # noqa: PLC0415 - the export's words only

        progress(0, 1)
        with db.read() as session:
            records = handoffs_between(
                session, period.since, period.until, field_rep_id=period.field_rep_id
            )
        header, rows = table.table(records)
        data = csv_bytes(header, rows, encoding=encoding, row_names=[r.id for r in records])
        if cancelled():
            return None
        write_atomically(path, data)
        progress(1, 1)
        return CsvWritten(path, len(records))

    return Task(work)


def export_folder(ops: Operations, period: Period, folder: Path, fmt: str) -> Task:
    """Each of the period's summaries into ``folder`` in ``fmt``, in the background (not
    yet started); a cancel leaves only whole files."""
    db = ops.db
    renderers = {render.SUFFIXES[fmt]: render.renderer(fmt)}

    def work(progress: Progress, cancelled: Cancelled) -> ExportResult:
        with db.read() as session:
            records = handoffs_between(
                session, period.since, period.until, field_rep_id=period.field_rep_id
            )
            return export_summaries(
                session,
                [r.id for r in records],
                folder,
                renderers,
                progress=progress,
                cancelled=cancelled,
            )

    return Task(work)
