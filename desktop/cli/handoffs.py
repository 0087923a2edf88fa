"""Handoff summaries from the command line: ``baton handoff`` (one lead's summary) and
``baton handoffs`` (a period's handoffs as a CSV, or their summaries into a folder).

Both only read. Only a PDF needs Qt's GUI module (an offscreen QGuiApplication, made
before the translation is installed); every other format loads QtCore at most, and none
in English.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, time
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.cli.context import EXIT_OK, database, now, speak
from desktop.cli.output import say, tell, write_output
from desktop.i18n.translate import QT_TRANSLATE_NOOP
from models.core.entities import Handoff, Lead
from models.core.errors import InvalidInput, NotFound
from models.core.files import csv_bytes
from models.core.messages import lead_label
from models.handoff.batch import export_summaries, handoffs_between
from models.handoff.summary import summary_for_handoff, summary_for_lead
from models.teams.users import user_by_email

HANDOFF_WRITTEN = QT_TRANSLATE_NOOP(
    "Cli", "Wrote the summary of handoff %1 of %2 (handed off %3) to %4."
)
PREVIEW_WRITTEN = QT_TRANSLATE_NOOP(
    "Cli", "%1 has not been handed off: wrote a preview of its summary to %2."
)
CSV_WRITTEN = QT_TRANSLATE_NOOP("Cli", "Wrote %1 handoffs to %2.")
SUMMARIES_WRITTEN = QT_TRANSLATE_NOOP("Cli", "Wrote %1 files (%2 handoffs) to %3.")


def _gui_for_pdf(fmt: str) -> None:
    """A PDF is laid out by QtGui: its application exists before the translation's."""
    if fmt == "pdf":
        from desktop.handoff import pdf  # QtGui, for PDFs only (see pyproject's no_gui)

        pdf.ensure_app()


def handoff(args: argparse.Namespace) -> int:
    at = now(args)
    with database(args) as db, db.read() as session:
        lead = session.get(Lead, args.lead)
        if lead is None:
            raise NotFound("lead.not_found", lead_id=args.lead)
        label = lead_label(lead)
        latest = session.scalar(
            select(Handoff.id)
            .where(Handoff.lead_id == args.lead)
            .order_by(Handoff.created_at.desc(), Handoff.id.desc())
            .limit(1)
        )
        if latest is not None:
            summary = summary_for_handoff(session, latest)
        else:
            summary = summary_for_lead(session, args.lead, at)
    _gui_for_pdf(args.format)
    speak(args.lang)
    from desktop.handoff import render
    from desktop.i18n import formats

    where = write_output(args.output, render.render(summary, args.format))
    if summary.handoff_id is None:
        tell(args.output, say(PREVIEW_WRITTEN, label, where))
    else:
        handed = formats.datetime_text(summary.promoted_at)
        tell(args.output, say(HANDOFF_WRITTEN, summary.handoff_id, label, handed, where))
    return EXIT_OK


def iso_day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(
            "input.not_a_date", field=option, option=option, value=text, example="2026-11-01"
        ) from None


def _start_of(day: date) -> datetime:
    """Local midnight at the start of ``day``, as an aware time."""
    return datetime.combine(day, time()).astimezone()


def handoffs(args: argparse.Namespace) -> int:
    since = iso_day(args.since, "--since")
    until = iso_day(args.until, "--until")
    assert since is not None  # required by the parser
    if until is not None and until < since:
        raise InvalidInput(
            "cli.handoffs.period", field="--until", first=args.since, last=args.until
        )
    end = _start_of(date.fromordinal(until.toordinal() + 1)) if until else None
    _gui_for_pdf(args.format)
    with database(args) as db, db.read() as session:
        field_rep = user_by_email(session, args.field_rep).id if args.field_rep else None
        records = handoffs_between(session, _start_of(since), end, field_rep_id=field_rep)
        if args.format != "csv":
            speak(args.lang)
            return _summaries(args, session, [r.id for r in records])
    speak(args.lang)
    from desktop.handoff import table

    header, rows = table.table(records)
    data = csv_bytes(header, rows, encoding=args.encoding, row_names=[r.id for r in records])
    where = write_output(args.output, data)
    tell(args.output, say(CSV_WRITTEN, len(records), where))
    return EXIT_OK


def _summaries(args: argparse.Namespace, session: Session, ids: list[int]) -> int:
    """Each handoff's summary into the folder ``args.output`` (made if missing)."""
    from desktop.handoff import render

    folder = Path(args.output)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InvalidInput(
            "export.cannot_write", field="output", path=str(folder), reason=str(error)
        ) from None
    interactive = sys.stderr.isatty()
    result = export_summaries(
        session,
        ids,
        folder,
        {render.SUFFIXES[args.format]: render.renderer(args.format)},
        progress=_progress if interactive else None,
    )
    if interactive:
        print(file=sys.stderr)
    print(say(SUMMARIES_WRITTEN, len(result.written), result.done, folder))
    return EXIT_OK


def _progress(done: int, total: int) -> None:
    print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)
