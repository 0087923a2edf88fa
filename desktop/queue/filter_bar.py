"""The queue's filters: stage, grade, industry, owner and free text (all applied in SQL).

Whatever the filters, a rep or a team lead sees their own team's leads (and the ones not
routed to a team yet); administrators and marketing every team's (``queue.team_scope``).

"Callbacks due" lists the callbacks due by the time the filter is applied; the minute
tick (desktop.main.follow_up_timers) moves that cut-off forward while it is on.

Signals: ``changed()`` when the user changes a filter (free text is debounced).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from desktop.i18n import labels
from desktop.operations import queue as queue_ops
from desktop.operations.runner import Operations
from models.core import clock
from models.core.changes import Changes
from models.core.enums import ACTIVE_STAGES, Stage
from models.leads.queue import (
    ANY_MEETING,
    ANY_OWNER,
    ANY_QUALIFICATION,
    MEETING_BOOKED,
    NO_MEETING,
    NO_OWNER,
    ONE_AWAY,
    QUALIFIED,
    FilterOptions,
    QueueQuery,
    team_scope,
)
from models.teams.users import UserInfo

SEARCH_DEBOUNCE_MS = 250
_ACTIVE = "active"
_HANDOFF = "handoff"
#: Active leads judged by the handoff definition in effect (as of when the filter applies).
_QUALIFIED = "qualified"
_ONE_AWAY = "one_away"
_ALL = "all"


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, ops: Operations, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._me = user.id
        self._team = team_scope(user.role, user.team_id)

        self.stage = QComboBox()
        self.stage.setObjectName("stageFilter")
        self.stage.addItem(self.tr("Active (new + working)"), _ACTIVE)
        self.stage.addItem(self.tr("Ready to hand off (meeting booked)"), _HANDOFF)
        self.stage.addItem(self.tr("Meets the handoff definition"), _QUALIFIED)
        self.stage.addItem(self.tr("One criterion away"), _ONE_AWAY)
        for stage in Stage:
            self.stage.addItem(labels.stage(stage.value), stage.value)
        self.stage.addItem(self.tr("All stages"), _ALL)

        self.grade = QComboBox()
        self.grade.setObjectName("gradeFilter")
        self.grade.addItem(self.tr("All grades"), "")
        self.grade.addItem(self.tr("A and B"), "AB")
        for grade in "ABCD":
            self.grade.addItem(self.tr("Grade %1").replace("%1", grade), grade)

        self.industry = QComboBox()
        self.industry.setObjectName("industryFilter")
        self.industry.addItem(self.tr("All industries"), "")

        self.owner = QComboBox()
        self.owner.setObjectName("ownerFilter")
        self.owner.addItem(self.tr("My leads"), "me")
        self.owner.addItem(self.tr("Everyone's leads"), ANY_OWNER)
        self.owner.addItem(self.tr("Unassigned"), NO_OWNER)

        self.due_only = QCheckBox(self.tr("Callbacks due"))
        self.due_only.setObjectName("dueFilter")
        self.due_only.toggled.connect(self.changed)

        self.search = QLineEdit()
        self.search.setObjectName("searchFilter")
        self.search.setPlaceholderText(self.tr("Search name, company, email, kana…"))
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.changed)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._apply_now)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        for caption, widget in (
            (self.tr("Stage"), self.stage),
            (self.tr("Grade"), self.grade),
            (self.tr("Industry"), self.industry),
            (self.tr("Owner"), self.owner),
        ):
            label = QLabel(caption)
            label.setBuddy(widget)
            layout.addWidget(label)
            layout.addWidget(widget)
        layout.addWidget(self.due_only)
        layout.addWidget(self.search, 1)
        for combo in (self.stage, self.grade, self.industry, self.owner):
            combo.currentIndexChanged.connect(self.changed)
        ops.changed.connect(self.on_changes)
        self.load_options()

    def load_options(self) -> None:
        """Fill the industry and owner lists from the database."""
        queue_ops.filter_options(self._ops, self).success(self.set_options).run()

    def on_changes(self, changes: Changes) -> None:
        if changes.users:
            self.load_options()

    def _apply_now(self) -> None:
        self._debounce.stop()
        self.changed.emit()

    def set_options(self, options: FilterOptions) -> None:
        """Fill the industry and owner lists from the database (keeps the selection)."""
        for combo, items in (
            (self.industry, labels.industries_by_label(options.industries)),
            (self.owner, [(u.name, u.id) for u in options.owners]),
        ):
            keep = combo.currentData()
            combo.blockSignals(True)
            fixed = 1 if combo is self.industry else 3
            while combo.count() > fixed:
                combo.removeItem(fixed)
            for text, data in items:
                combo.addItem(text, data)
            found = combo.findData(keep)
            combo.setCurrentIndex(found if found >= 0 else 0)
            combo.blockSignals(False)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def show_due(self) -> None:
        """List the callbacks due now (the filter follows the clock from here)."""
        if self.due_only.isChecked():
            self.changed.emit()  # as of now
        else:
            self.due_only.setChecked(True)

    def query(self, base: QueueQuery) -> QueueQuery:
        """The queue query for the current filters, keeping ``base``'s sort order."""
        stage = self.stage.currentData()
        stages: tuple[str, ...]
        meetings = ANY_MEETING
        qualification = {_QUALIFIED: QUALIFIED, _ONE_AWAY: ONE_AWAY}.get(stage, ANY_QUALIFICATION)
        if qualification != ANY_QUALIFICATION:
            stages = tuple(s.value for s in ACTIVE_STAGES)
        elif stage in (_ACTIVE, _HANDOFF):
            # The call queue leaves out leads with a booked meeting: they wait for the
            # handoff (until promoted, cancelled, or the meeting passes unheld).
            stages = tuple(s.value for s in ACTIVE_STAGES)
            meetings = NO_MEETING if stage == _ACTIVE else MEETING_BOOKED
        elif stage == _ALL:
            stages = ()
        else:
            stages = (stage,)
        grade = self.grade.currentData() or ""
        owner = self.owner.currentData()
        if owner == "me":
            owner = self._me
        industry = self.industry.currentData()
        return replace(
            base,
            stages=stages,
            grades=tuple(grade),
            industries=(industry,) if industry else (),
            owner=owner,
            team=self._team,
            text=self.search.text(),
            callbacks_due_by=clock.utcnow() if self.due_only.isChecked() else None,
            meetings=meetings,
            meetings_as_of=clock.utcnow(),
            qualification=qualification,
            qualification_as_of=clock.utcnow(),
        )
