"""A new definition version in effect, and every lead rescored when its scoring changed.

:func:`models.definitions.lifecycle.activate_due` (also run inside an approval) only flips
which version is in effect, in one short transaction. The rescore that a changed scoring
needs runs afterwards, in :func:`models.scoring.rescore.rescore_all`'s chunks, one write
transaction each, locking leads in id order (models.db.locking): never one transaction
holding every lead's lock while reps log calls. Runs on a worker thread (progress,
cancel); the app's tick calls :func:`activate_and_rescore` for versions that become
effective at a later date.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from models.core.changes import Changes
from models.db.database import Database
from models.definitions.approval import activate_due
from models.definitions.steps import Activation
from models.scoring.rescore import RescoreReport, rescore_all


@dataclass(frozen=True)
class SwitchReport:
    activation: Activation
    #: The rescore that followed (None: the scoring did not change, nothing to redo).
    rescore: RescoreReport | None

    @property
    def changes(self) -> Changes:
        if self.rescore is None:
            return self.activation.changes
        return self.activation.changes | Changes(queue=True, definition=True)


def rescore_if_needed(
    db: Database,
    rescore_needed: bool,
    now: datetime,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> RescoreReport | None:
    """After a committed activation (``rescore_needed`` from its result): every lead
    rescored with the scoring now in effect."""
    if not rescore_needed:
        return None
    return rescore_all(db, now, progress=progress, cancelled=cancelled)


def activate_and_rescore(
    db: Database,
    now: datetime,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SwitchReport:
    """Activate the version due by ``now`` (if another one is), then rescore if needed."""
    with db.write() as session:
        activation = activate_due(session, now)
    report = rescore_if_needed(
        db, activation.rescore_needed, now, progress=progress, cancelled=cancelled
    )
    return SwitchReport(activation, report)
