"""The handoff definition (引き渡し基準) window: every version, the selected one in words,
and for team leads, marketing and administrators the draft's form, its lifecycle and the
what-if of the edits as they are made.

Everyone reads here (a rep sees the version in effect in words); the buttons a user may
not use are disabled with the domain's refusal as their tooltip, and the domain checks
every step again. A refused save keeps the form as typed: a stale one (the draft saved
elsewhere meanwhile) says who, shows the current draft in words and saves over it next.

GUI thread. Signals: ``shown(VersionDetail)`` each time a version is shown;
``done(str)`` after each step that succeeded, with what is said about it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.cli import definition as cli
from desktop.cli.output import say
from desktop.definition import rights
from desktop.definition.compare_dialog import CompareDialog, open_compare
from desktop.definition.draft_editor import DraftEditor
from desktop.definition.lifecycle_bar import LifecycleBar
from desktop.definition.unsaved import keep_edits
from desktop.definition.versions_model import COL_NAME, VersionRole, VersionsModel
from desktop.definition.whatif_panel import WhatIfPanel
from desktop.i18n import criteria as words
from desktop.i18n import formats, messages
from desktop.operations import definition as definition_ops
from desktop.operations import rescore as rescore_ops
from desktop.operations.definition import Versions
from desktop.operations.runner import Op, Operations
from desktop.widgets.error_label import error_label
from desktop.widgets.rich_text import fill, plain_label, tooltip
from models.core.changes import Changes
from models.core.clock import utcnow
from models.core.errors import ConcurrentChange
from models.definitions.lifecycle import LifecycleResult
from models.definitions.records import VersionDetail
from models.teams import permissions
from models.teams.permissions import Action
from models.teams.users import UserInfo

_FILES = "TOML (*.toml)"


class DefinitionsWindow(QWidget):
    shown = Signal(object)
    done = Signal(str)

    def __init__(
        self,
        ops: Operations,
        user: UserInfo,
        parent: QWidget | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("definitionsWindow")
        self.setWindowTitle(self.tr("Handoff definition — Baton"))
        self._ops = ops
        self._user = user
        self._clock = clock
        # The version shown, as last read (its revision is what a save is checked against).
        self.detail: VersionDetail | None = None
        # The form holds edits not saved yet.
        self.dirty = False
        self._selecting = False

        self.model = VersionsModel(self)
        self.table = QTableView()
        self.table.setObjectName("definitionVersions")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        rows = self.table.verticalHeader().defaultSectionSize()
        self.table.setMaximumHeight(
            rows * 5 + self.table.horizontalHeader().sizeHint().height() + 4
        )

        self.new_button = self._button("newDraft", self.tr("New draft"))
        self.compare_button = self._button("compareWith", self.tr("Compare with…"))
        self.export_button = self._button("exportToml", self.tr("Export TOML…"))
        self.import_button = self._button("importToml", self.tr("Import TOML…"))
        side = QVBoxLayout()
        for button in (
            self.new_button,
            self.compare_button,
            self.export_button,
            self.import_button,
        ):
            side.addWidget(button)
        side.addStretch(1)
        refusal = rights.can_draft(user)
        for button in (self.new_button, self.import_button):
            button.setToolTip(tooltip(refusal) or "")

        self.read_only = QLabel(
            self.tr(
                "You read the agreed definition here; team leads, marketing and "
                "administrators draft and approve new versions."
            )
        )
        self.read_only.setObjectName("readOnlyNote")
        self.read_only.setWordWrap(True)
        self.read_only.setVisible(not permissions.allowed(user.role, Action.EDIT_DEFINITION_DRAFT))
        self.editor = DraftEditor()
        self.whatif = WhatIfPanel(ops, clock)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.editor)
        self.splitter.addWidget(self.whatif)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([900, 340])
        self.notice = plain_label()
        self.notice.setObjectName("definitionNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.error = error_label("definitionError")
        self.bar = LifecycleBar(user)

        top = QHBoxLayout()
        top.addWidget(self.table, 1)
        top.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(self.read_only)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.notice)
        layout.addWidget(self.bar)

        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self.editor.edited.connect(self._on_editor_edited)
        self.new_button.clicked.connect(self.new_draft)
        self.compare_button.clicked.connect(self.compare)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.bar.save_requested.connect(self.save)
        self.bar.propose_requested.connect(self.propose)
        self.bar.withdraw_requested.connect(self.withdraw)
        self.bar.approve_requested.connect(self.approve)
        ops.changed.connect(self._on_ops_changed)
        self._enable()
        self.reload()

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        return button

    # -- Loading ------------------------------------------------------------------------
    def reload(self, version: int | None = None) -> None:
        """Every version again, showing ``version`` (None: the one shown, else in effect)."""
        wanted = version if version is not None else (self.detail.version if self.detail else None)
        definition_ops.versions(self._ops, wanted, self).success(self._on_versions_loaded).run()

    def _on_versions_loaded(self, found: Versions) -> None:
        self._selecting = True
        self.model.set_rows(found.infos)
        if found.detail is not None:
            row = self.model.row_of(found.detail.version)
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self._selecting = False
        if found.detail is not None:
            self._show(found.detail)

    def _on_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._selecting or not current.isValid():
            return
        version = int(current.data(VersionRole))
        if self.detail is not None and version == self.detail.version:
            return

        def show() -> None:
            if self.dirty:  # saved first: the list again, this version selected and shown
                self.reload(version)
            else:
                definition_ops.detail(self._ops, version, self).success(self._show).run()

        if not self._keep_edits(show) and previous.isValid():
            self._selecting = True  # stay on the draft being edited
            self.table.selectRow(previous.row())
            self._selecting = False

    def _keep_edits(self, then: Callable[[], None]) -> bool:
        """``then`` once unsaved edits are saved or dropped (False: the user stays)."""
        version = self.detail.version if self.detail is not None else None

        def save(after: Callable[[], None]) -> None:
            self.save(lambda _result: after())

        return keep_edits(self, self.dirty, version, save, then)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing with unsaved edits asks first; "save" closes once the save landed."""
        if not self.dirty:
            event.accept()
            return
        event.ignore()

        def close_now() -> None:
            self.dirty = False
            QTimer.singleShot(0, self.close)  # not from inside this close event

        self._keep_edits(close_now)

    def _show(self, detail: VersionDetail) -> None:
        self.detail = detail
        self.dirty = False
        editable = rights.can_edit(self._user, detail) is None
        self.editor.show_version(detail, editable)
        self.whatif.setVisible(detail.status == "draft")
        if detail.status == "draft":
            self.whatif.set_criteria(detail.criteria_data, detail.version)
        self._enable()
        self.shown.emit(detail)

    def _enable(self, busy: bool = False) -> None:
        self.bar.show_version(self.detail, busy)
        may_draft = rights.can_draft(self._user) is None
        self.new_button.setEnabled(may_draft and not busy and self.detail is not None)
        self.import_button.setEnabled(may_draft and not busy)
        self.compare_button.setEnabled(self.detail is not None and self.model.rowCount() > 1)
        self.export_button.setEnabled(self.detail is not None)

    # -- Editing ------------------------------------------------------------------------
    def _on_editor_edited(self) -> None:
        self.dirty = True
        if self.detail is not None and self.detail.status == "draft":
            self.whatif.set_criteria(self.editor.criteria_data(), self.detail.version)

    def _said(self, text: str) -> None:
        self.error.hide()
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self.done.emit(text)

    def _on_refused(self, _text: str, exc: BaseException) -> None:
        self._enable()
        self.notice.hide()
        self.error.setText(messages.message(exc))
        self.error.show()

    def _on_failed(self, _failure: object) -> None:
        self._enable()

    def _run(self, op: Op[LifecycleResult], on_success: Callable[[LifecycleResult], None]) -> None:
        """Run a lifecycle step: its result shown, a refusal said above the buttons."""
        self._enable(busy=True)
        op.success(on_success).refused(self._on_refused).failed(self._on_failed).run()

    def save(self, then: Callable[[LifecycleResult], None] | None = None) -> None:
        if self.detail is None:
            return
        detail = self.detail
        op = definition_ops.save_draft(
            self._ops,
            self._user.id,
            detail.version,
            self.editor.draft(),
            detail.revision,
            self._clock(),
            self,
        )

        def saved(result: LifecycleResult) -> None:
            self._after(result, fill(self.tr("Version %1 saved."), result.version.version))
            if then is not None:
                then(result)

        self._enable(busy=True)
        op.success(saved).refused(self._on_save_refused).failed(self._on_failed).run()

    def _on_save_refused(self, text: str, exc: BaseException) -> None:
        self._on_refused(text, exc)
        if isinstance(exc, ConcurrentChange) and self.detail is not None:
            definition_ops.detail(self._ops, self.detail.version, self).success(
                self._on_current_draft
            ).run()

    def _on_current_draft(self, current: VersionDetail) -> None:
        """The draft as saved elsewhere: in words, and the revision the next save is
        checked against; the form keeps what the user typed."""
        self.detail = current
        self.editor.show_words(current)
        self._enable()

    def _after(self, result: LifecycleResult, text: str) -> None:
        self._said(text)
        self.reload(result.version.version)

    def propose(self) -> None:
        if self.detail is None:
            return
        version = self.detail.version

        def proposed(result: LifecycleResult) -> None:
            self._after(result, say(cli.PROPOSED, version))

        def now_propose(_saved: LifecycleResult | None = None) -> None:
            op = definition_ops.propose(self._ops, self._user.id, version, self._clock(), self)
            self._run(op, proposed)

        if self.dirty:
            self.save(then=now_propose)
        else:
            now_propose()

    def withdraw(self) -> None:
        if self.detail is None:
            return
        version = self.detail.version
        op = definition_ops.withdraw(self._ops, self._user.id, version, self._clock(), self)
        self._run(op, lambda result: self._after(result, say(cli.WITHDRAWN, version)))

    def approve(self, effective_from: datetime | None) -> None:
        if self.detail is None:
            return
        now = self._clock()
        op = definition_ops.approve(
            self._ops, self._user.id, self.detail.version, effective_from, now, self
        )
        self._run(op, self._on_approved)

    def _on_approved(self, result: LifecycleResult) -> None:
        version = result.version
        if version.status != "approved":
            approval = version.approvals[-1]
            other = next(s for s in cli.SIDES if s != approval.side)
            text = say(
                cli.APPROVED_ONE,
                version.version,
                say(cli.SIDES[approval.side]),
                approval.user_name,
                say(cli.SIDES[other]),
            )
        elif result.activated == version.version:
            text = say(cli.APPROVED_NOW, version.version)
        else:
            text = say(
                cli.APPROVED_LATER, version.version, formats.datetime_text(version.effective_from)
            )
        if result.rescore_needed:
            rescore_ops.rescore_all(self._ops, self._clock()).start()
        self._after(result, text)

    def new_draft(self) -> None:
        self._keep_edits(self._new_draft)

    def _new_draft(self) -> None:
        based_on = self.detail.version if self.detail is not None else None
        op = definition_ops.new_draft(self._ops, self._user.id, based_on, self._clock(), self)

        def drafted(result: LifecycleResult) -> None:
            version = result.version
            self._after(result, say(cli.DRAFTED, version.version, version.based_on_version))
            self.editor.tabs.setCurrentWidget(self.editor.criteria)

        self._run(op, drafted)

    # -- Files and the diff -------------------------------------------------------------
    def import_from(self, path: Path) -> None:
        self._keep_edits(lambda: self._import_from(path))

    def _import_from(self, path: Path) -> None:
        op = definition_ops.import_file(self._ops, self._user.id, path, self._clock(), self)
        self._run(
            op,
            lambda result: self._after(
                result, say(cli.IMPORTED, path.name, result.version.version)
            ),
        )

    def export_to(self, path: Path) -> None:
        if self.detail is None:
            return
        version = self.detail.version
        definition_ops.export_file(
            self._ops, version, path, words.sentence, self._clock(), self
        ).success(lambda written: self._said(say(cli.EXPORTED, version, written))).refused(
            self._on_refused
        ).run()

    def _on_import_clicked(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("Import TOML"), "", _FILES)
        if name:
            self.import_from(Path(name))

    def _on_export_clicked(self) -> None:
        if self.detail is None:
            return
        suggested = f"definition-v{self.detail.version}.toml"
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Export TOML"), suggested, _FILES)
        if name:
            self.export_to(Path(name))

    def compare(self) -> CompareDialog | None:
        if self.detail is None:
            return None
        return open_compare(self._ops, self.detail.version, self.model.rows, self)

    # -- Elsewhere ----------------------------------------------------------------------
    def _on_ops_changed(self, changes: Changes) -> None:
        """Another window or an approval elsewhere changed a version: the list again (the
        form keeps unsaved edits; the shown version is re-read only if there are none)."""
        if changes.definition and changes.initiator != definition_ops.INITIATOR:
            if self.dirty:
                definition_ops.versions(self._ops, None, self).success(self._relist).run()
            else:
                self.reload()

    def _relist(self, found: Versions) -> None:
        """The list again, the version being edited still selected (its form untouched)."""
        self._selecting = True
        self.model.set_rows(found.infos)
        if self.detail is not None:
            self.table.selectRow(self.model.row_of(self.detail.version))
        self._selecting = False
