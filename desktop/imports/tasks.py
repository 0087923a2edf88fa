"""The import's long work off the GUI thread, as :class:`~desktop.operations.worker.Task`
runs on the thread pool: opening a file (decoding a large export takes a moment) and the
import itself (batches, progress, cancel).

Each function returns the task not yet started: connect to its signals, then ``start()``.
When an import ends (done, cancelled or failed half-way: whole batches landed) the views
hear which leads changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop.operations.runner import Operations
from desktop.operations.worker import Task
from models.core.changes import Changes
from models.db.database import Database
from models.imports.fields import ImportKind
from models.imports.preview import Inspection, inspect, lead_labels
from models.imports.run import ImportReport, ImportRequest, run_import

INITIATOR = "import"
#: More leads changed than this: the queue reloads (cheaper than re-reading each row).
REFRESH_ROWS_AT_MOST = 200


@dataclass(frozen=True)
class ImportOutcome:
    report: ImportReport
    #: The leads rows merged into (or were kept apart from), by id: "name (company)".
    names: dict[int, str]


def opening(db: Database, path: Path, kind: ImportKind, sheet: str | None) -> Task:
    """Open ``path`` and find its mapping: ``finished(Inspection)``."""

    def run(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> Inspection:
        with db.read() as session:
            return inspect(session, path, kind, sheet=sheet)

    return Task(run)


def importing(
    ops: Operations,
    user_id: int,
    request: ImportRequest,
    *,
    batch_size: int | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> Task:
    """Run the import: ``progress(done, total)``, then ``finished(ImportOutcome)`` or
    ``failed(exception)``."""
    db = ops.db

    def run(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> ImportOutcome:
        # Without a size the import chooses its own (per kind of file).
        size = {"batch_size": batch_size} if batch_size else {}
        report = run_import(
            db, user_id, request, now, progress=progress, cancelled=cancelled, **size
        )
        ids = {m.lead_id for m in report.merges} | {lead for _row, lead in report.kept_apart}
        with db.read() as session:
            names = lead_labels(session, ids)
        return ImportOutcome(report, names)

    task = Task(run)
    task.signals.finished.connect(lambda outcome: ops.broadcast(changes(outcome.report)))
    # Batches before a failure landed: the queue reads its order again.
    task.signals.failed.connect(
        lambda _exc: ops.broadcast(Changes(queue=True, initiator=INITIATOR))
    )
    return task


def changes(report: ImportReport) -> Changes:
    """What the import changed: the affected leads' rows only, unless there are many."""
    found = report.changes()
    if len(found.lead_ids) > REFRESH_ROWS_AT_MOST:
        return Changes(lead_ids=found.lead_ids, queue=True, initiator=INITIATOR)
    return Changes(lead_ids=found.lead_ids, initiator=INITIATOR)
