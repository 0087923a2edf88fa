"""What-if while editing a draft: how many working leads qualify under the criteria as
edited (not saved yet) against the version in effect, which newly qualify or drop out,
and over the past handoffs the share that would have qualified with field sales'
acceptance rate in each group.

Computed on the worker (models.definitions.whatif.what_if_criteria) 400 ms after the last
edit, one computation at a time (edits made meanwhile are computed next), so typing never
waits for it. An unfinished criterion (no value ticked) is said instead of the figures.

GUI thread. Signals: ``computed(WhatIf)`` each time the figures are shown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from desktop.i18n import messages
from desktop.operations import definition as definition_ops
from desktop.operations.runner import Op, Operations
from desktop.widgets.rich_text import fill, plain_label
from models.core.clock import utcnow
from models.db.failures import Failure
from models.definitions.whatif import LeadName, Outcome, WhatIf

DEBOUNCE_MS = 400


class WhatIfPanel(QGroupBox):
    computed = Signal(object)

    def __init__(
        self, ops: Operations, clock: Callable[[], datetime] = utcnow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("whatIfPanel")
        self.setTitle(self.tr("What if this draft were in effect"))
        self.setMinimumWidth(300)
        self._ops = ops
        self._clock = clock
        self._criteria: dict[str, Any] | None = None
        self._version: int | None = None
        self._running: Op[WhatIf] | None = None
        self._again = False
        # The figures shown (None: none yet, or the criteria cannot be read).
        self.result: WhatIf | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self._on_timer_timeout)

        self.state = QLabel(self.tr("Edit the draft: the figures follow."))
        self.state.setObjectName("whatIfState")
        self.state.setWordWrap(True)
        self.working = plain_label()
        self.working.setObjectName("workingLeads")
        self.qualify = plain_label()
        self.qualify.setObjectName("qualifyCounts")
        self.newly = plain_label()
        self.newly.setObjectName("newlyQualify")
        self.dropped = plain_label()
        self.dropped.setObjectName("dropOut")
        self.past = plain_label()
        self.past.setObjectName("pastHandoffs")
        self.rates = plain_label()
        self.rates.setObjectName("acceptanceRates")
        self.error = plain_label()
        self.error.setObjectName("whatIfError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        figures = QVBoxLayout()
        for title, label in (
            (self.tr("Working leads"), self.working),
            (self.tr("Qualify"), self.qualify),
            (self.tr("Newly qualify"), self.newly),
            (self.tr("Drop out"), self.dropped),
            (self.tr("Past handoffs"), self.past),
            (self.tr("Field sales accepted"), self.rates),
        ):
            caption = QLabel(title)
            caption.setStyleSheet("font-weight: 600")
            label.setWordWrap(True)
            label.setIndent(12)
            figures.addWidget(caption)
            figures.addWidget(label)
            figures.addSpacing(4)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(figures)
        layout.addWidget(self.error)
        layout.addStretch(1)

    # -- Asking -------------------------------------------------------------------------
    def set_criteria(self, criteria: Mapping[str, Any], draft_version: int | None) -> None:
        """The criteria changed: compute their what-if once the user pauses."""
        self._criteria = dict(criteria)
        self._version = draft_version
        self.state.setText(self.tr("Computing…"))
        self.timer.start()

    def compute_now(self) -> None:
        self.timer.stop()
        self._on_timer_timeout()

    def busy(self) -> bool:
        return self.timer.isActive() or self._running is not None

    def _on_timer_timeout(self) -> None:
        if self._criteria is None:
            return
        if self._running is not None:
            self._again = True
            return
        self._running = (
            definition_ops.what_if(self._ops, self._criteria, self._version, self._clock(), self)
            .success(self._on_computed)
            .refused(self._on_refused)
            .failed(self._on_failed)
            .run()
        )

    def _finish(self) -> bool:
        """The computation ended; True if another edit came meanwhile (computed next)."""
        self._running = None
        if self._again:
            self._again = False
            self._on_timer_timeout()
            return True
        return False

    # -- Showing ------------------------------------------------------------------------
    def _on_computed(self, found: WhatIf) -> None:
        if self._finish():
            return
        self.result = found
        self.error.hide()
        self.state.setText(fill(self.tr("Against version %1, in effect."), found.effective_version))
        self.working.setText(str(found.working_leads))
        self.qualify.setText(
            fill(
                self.tr("%1 under this draft, %2 under version %3"),
                found.qualify_draft,
                found.qualify_effective,
                found.effective_version,
            )
        )
        self.newly.setText(self._listed(len(found.newly_qualify), found.newly_named))
        self.dropped.setText(self._listed(len(found.drop_out), found.drop_named))
        past = found.past
        if not past.total:
            self.past.setText(self.tr("None yet"))
            self.rates.setText("")
        else:
            self.past.setText(
                fill(
                    self.tr("%1 of %2 would have qualified (%3)"),
                    past.would_qualify.handoffs,
                    past.total,
                    self._percent(past.share),
                )
            )
            self.rates.setText(
                fill(
                    self.tr("%1 of those that would qualify, %2 of the others"),
                    self._rate(past.would_qualify),
                    self._rate(past.would_not),
                )
            )
        self.computed.emit(found)

    def _listed(self, count: int, named: tuple[LeadName, ...]) -> str:
        if not count:
            return self.tr("none")
        names = self.tr(", ").join(fill(self.tr("%1 (%2)"), n.name, n.company) for n in named)
        more = count - len(named)
        text = fill(self.tr("%1: %2"), count, names)
        return text + (fill(self.tr(" and %1 more"), more) if more > 0 else "")

    def _percent(self, share: float | None) -> str:
        return (
            self.tr("none answered") if share is None else fill(self.tr("%1%"), round(share * 100))
        )

    def _rate(self, outcome: Outcome) -> str:
        return self._percent(outcome.acceptance_rate)

    def _on_refused(self, _text: str, exc: BaseException) -> None:
        # ``failed`` follows and ends the computation.
        self.result = None
        self.state.setText(self.tr("The draft cannot be read yet:"))
        self.error.setText(messages.message(exc))
        self.error.show()

    def _on_failed(self, _failure: Failure) -> None:
        self._finish()
