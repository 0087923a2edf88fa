"""``baton import leads|touches FILE``: a marketing tool's export into Baton, with the
counts (read, landed, merged, unchanged, rejected by reason) and the encoding used."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from desktop.cli.context import EXIT_OK, database, now, speak
from desktop.cli.output import print_json, say
from desktop.i18n.messages import say as _say
from desktop.i18n.translate import QT_TRANSLATE_NOOP
from models.core.files import check_writable
from models.imports.fields import ImportKind
from models.imports.mapping import read_mapping_file
from models.imports.rejected_csv import by_reason, line, lines, write_rejections
from models.imports.run import BATCH, ImportReport, ImportRequest, run_import

READ = QT_TRANSLATE_NOOP("Cli", "%1: %2 rows read (%3, encoding %4)")
READ_SHEET = QT_TRANSLATE_NOOP("Cli", "%1: %2 rows read (%3, sheet %4)")
DRY = QT_TRANSLATE_NOOP("Cli", "Dry run: nothing was stored.")
LANDED_LEADS = QT_TRANSLATE_NOOP("Cli", "New leads: %1")
LANDED_TOUCHES = QT_TRANSLATE_NOOP("Cli", "New engagements: %1")
MERGED = QT_TRANSLATE_NOOP("Cli", "Merged into leads Baton had (or earlier rows): %1")
UNCHANGED = QT_TRANSLATE_NOOP("Cli", "Unchanged (already imported): %1")
TOUCHES = QT_TRANSLATE_NOOP("Cli", "Engagements recorded: %1")
REJECTED = QT_TRANSLATE_NOOP("Cli", "Rejected: %1")
REJECTED_REASON = QT_TRANSLATE_NOOP("Cli", "  %1 × like %2")
COMPUTED = QT_TRANSLATE_NOOP("Cli", "Columns the tool computes, not imported: %1")
KEPT_APART = QT_TRANSLATE_NOOP("Cli", "Not merged (a number other people share): %1")
CSV_HEADERS = (
    QT_TRANSLATE_NOOP("Cli", "Row"),
    QT_TRANSLATE_NOOP("Cli", "Line"),
    QT_TRANSLATE_NOOP("Cli", "Column"),
    QT_TRANSLATE_NOOP("Cli", "Value"),
    QT_TRANSLATE_NOOP("Cli", "Reason"),
)
#: At most this many rejected rows are printed (all of them go to --rejected FILE).
_SHOWN = 50


def import_file(args: argparse.Namespace) -> int:
    from desktop.cli.actor import acting_user

    mapping = read_mapping_file(Path(args.mapping)) if args.mapping else None
    request = ImportRequest(
        Path(args.file),
        kind=ImportKind(args.import_kind),
        preset=args.preset,
        mapping=mapping,
        sheet=args.sheet,
        dry_run=args.dry_run,
        remember=mapping is not None and not args.dry_run,
    )
    if args.rejected:
        check_writable(Path(args.rejected))  # refused before the import, not after it
    # A dry run writes each batch and rolls it back (what would happen, exactly): it
    # needs a writable database as much as an import does.
    with database(args, write=True) as db:
        with db.read() as session:
            user_id = acting_user(session, args)
        report = run_import(db, user_id, request, lambda: now(args), batch_size=_batch_size())
    speak(args.lang)
    if args.json:
        print_json(_as_json(report))
    else:
        _print(report)
    if args.rejected:  # after the counts: the import has landed, whatever happens here
        write_rejections(
            Path(args.rejected), report.rejections, _say, [say(h) for h in CSV_HEADERS]
        )
    return EXIT_OK


def _batch_size() -> int:
    """Rows per transaction: $BATON_IMPORT_BATCH (tests kill an import between small
    batches), else the engine's."""
    text = os.environ.get("BATON_IMPORT_BATCH", "")
    return int(text) if text.isdigit() and int(text) > 0 else BATCH


def _as_json(report: ImportReport) -> dict[str, Any]:
    return {
        "file": report.file,
        "kind": report.kind.value,
        "source": report.source,
        "preset": report.preset,
        "encoding": report.encoding,
        "sheet": report.sheet,
        "dry_run": report.dry_run,
        "read": report.rows_read,
        "landed": report.landed,
        "merged": report.merged,
        "unchanged": report.unchanged,
        "touches_added": report.touches_added,
        "rejected": report.rejected,
        "rejected_by_reason": dict(report.rejected_by_reason()),
        "computed_columns_ignored": list(report.computed),
        "merges": [
            {
                "row": m.row,
                "lead_id": m.lead_id,
                "rule": m.rule.value,
                "same_as_row": m.same_as_row,
                "filled": list(m.filled),
                "requalified": m.requalified,
            }
            for m in report.merges
        ],
        "kept_apart": [{"row": row, "lead_id": lead} for row, lead in report.kept_apart],
        "rejections": [
            {
                "row": r.row,
                "line": r.line,
                "column": r.column,
                "value": r.value,
                "reason": r.key,
                "message": _say(r.key, r.params),
            }
            for r in report.rejections
        ],
    }


def _print(report: ImportReport) -> None:
    if report.sheet:
        print(say(READ_SHEET, report.file, report.rows_read, report.source, report.sheet))
    else:
        print(say(READ, report.file, report.rows_read, report.source, report.encoding))
    if report.dry_run:
        print(say(DRY))
    landed = LANDED_LEADS if report.kind is ImportKind.LEADS else LANDED_TOUCHES
    print(say(landed, report.landed))
    if report.kind is ImportKind.LEADS:
        print(say(MERGED, report.merged))
        print(say(TOUCHES, report.touches_added))
        if report.kept_apart:
            print(say(KEPT_APART, len(report.kept_apart)))
    print(say(UNCHANGED, report.unchanged))
    print(say(REJECTED, report.rejected))
    for count, example in by_reason(report.rejections):
        print(say(REJECTED_REASON, count, line(example, _say)))
    if report.computed:
        print(say(COMPUTED, ", ".join(report.computed)))
    for text in lines(report.rejections[:_SHOWN], _say):
        print(text)
