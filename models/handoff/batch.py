"""Many handoffs at once: the handoffs of a period (or of one field rep) as rows, a CSV of
them for Excel, and the summaries of many handoffs written into a folder.

The CSV's headings and words come from the caller (the desktop speaks the user's
language); this module writes it safely: every cell that a spreadsheet would take for a
formula starts with ``'``, the encoding is checked cell by cell before anything is
written (a refusal names the row and the column), and the file appears whole or not at
all. :func:`export_summaries` runs on a worker thread (the app) or the command line: it
reports progress, stops when asked, and never leaves a half-written file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from models.core.entities import Account, Handoff, Lead, User
from models.core.errors import InvalidInput
from models.core.files import write_atomically
from models.handoff.summary import HandoffSummary, summary_for_handoff


@dataclass(frozen=True)
class HandoffRecord:
    """One handoff as a row of the period's list."""

    id: int
    created_at: datetime
    lead_id: int
    lead_name: str
    company: str
    industry: str | None
    title: str | None
    email: str | None
    phone: str | None
    promoted_by: str | None
    field_rep: str | None
    field_rep_email: str | None
    meeting_at: datetime | None
    definition_version: int | None
    override_reason: str | None
    status: str
    response_due_at: datetime | None
    responded_at: datetime | None
    response_code: str | None
    response_reason: str | None
    returned_to: str | None
    note: str | None


_PROMOTER = aliased(User)
_FIELD_REP = aliased(User)


def handoffs_between(
    session: Session,
    since: datetime,
    until: datetime | None = None,
    *,
    field_rep_id: int | None = None,
) -> list[HandoffRecord]:
    """Handoffs made from ``since`` (inclusive) to ``until`` (exclusive; None: to now),
    to one field rep or to anyone, oldest first."""
    query = (
        select(Handoff, Lead, Account, _PROMOTER.display_name, _FIELD_REP)
        .join(Lead, Lead.id == Handoff.lead_id)
        .join(Account, Account.id == Lead.account_id)
        .outerjoin(_PROMOTER, _PROMOTER.id == Handoff.promoted_by)
        .outerjoin(_FIELD_REP, _FIELD_REP.id == Handoff.field_rep_id)
        .where(Handoff.created_at >= since)
    )
    if until is not None:
        query = query.where(Handoff.created_at < until)
    if field_rep_id is not None:
        query = query.where(Handoff.field_rep_id == field_rep_id)
    rows = session.execute(query.order_by(Handoff.created_at, Handoff.id))
    return [
        HandoffRecord(
            id=handoff.id,
            created_at=handoff.created_at,
            lead_id=lead.id,
            lead_name=lead.name,
            company=account.name,
            industry=account.industry,
            title=lead.title,
            email=lead.email,
            phone=lead.phone,
            promoted_by=promoter,
            field_rep=field_rep.display_name if field_rep else None,
            field_rep_email=field_rep.email if field_rep else None,
            meeting_at=handoff.meeting_at,
            definition_version=handoff.definition_version,
            override_reason=handoff.override_reason,
            status=handoff.status,
            response_due_at=handoff.response_due_at,
            responded_at=handoff.responded_at,
            response_code=handoff.response_code,
            response_reason=handoff.response_reason,
            returned_to=handoff.returned_to,
            note=handoff.note,
        )
        for handoff, lead, account, promoter, field_rep in rows
    ]


@dataclass(frozen=True)
class ExportResult:
    written: tuple[Path, ...]
    #: How many handoffs were asked for, how many were exported before a cancel.
    total: int
    done: int
    cancelled: bool


#: Characters a file name may not hold on Windows, macOS or Linux, and control characters.
_UNSAFE_NAME = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f\s]+')


def file_stem(summary: HandoffSummary, limit: int = 60) -> str:
    """A file name (without suffix) for a summary: handoff id, company, contact."""
    number = (
        f"{summary.handoff_id:06d}" if summary.handoff_id is not None else f"lead{summary.lead_id}"
    )
    words = "_".join(
        _UNSAFE_NAME.sub("_", unicodedata.normalize("NFC", part)).strip("._ ")
        for part in (summary.company.name, summary.contact.name)
    )
    return f"{number}_{words}"[:limit].rstrip("._ ")


def export_summaries(
    session: Session,
    handoff_ids: Iterable[int],
    folder: Path,
    renderers: Mapping[str, Callable[[HandoffSummary], bytes]],
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportResult:
    """Each handoff's summary into ``folder``, one file per suffix of ``renderers``
    (``{".pdf": render_pdf, ".md": ...}``; the desktop supplies them, in the user's
    language). ``progress(done, total)`` after each handoff; ``cancelled()`` is asked
    before each file, and a cancel between writing a file and naming it removes it:
    every file in the folder is whole. Files of the same name are replaced."""
    ids = list(handoff_ids)
    total = len(ids)
    written: list[Path] = []
    if not folder.is_dir():
        raise InvalidInput(
            "export.folder_missing", field="output", path=str(folder), folder=str(folder)
        )
    if progress is not None:
        progress(0, total)
    for done, handoff_id in enumerate(ids):
        summary = summary_for_handoff(session, handoff_id)
        stem = file_stem(summary)
        for suffix, render in renderers.items():
            if cancelled is not None and cancelled():
                return ExportResult(tuple(written), total, done, cancelled=True)
            data = render(summary)
            path = folder / f"{stem}{suffix}"
            if cancelled is not None and cancelled():
                return ExportResult(tuple(written), total, done, cancelled=True)
            write_atomically(path, data)
            written.append(path)
        if progress is not None:
            progress(done + 1, total)
    return ExportResult(tuple(written), total, total, cancelled=False)
