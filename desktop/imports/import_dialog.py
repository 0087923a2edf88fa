"""File → Import leads… / Import engagements…: a marketing tool's export into Baton.

The dialog's pages: the file with what Baton recognised, the mapping (when nothing was
recognised, or the user changes it) and a preview of the first rows as they will land;
the import's progress with Cancel; the result (counts, merges, rejected rows, exportable
as CSV). A workbook with several sheets asks which one first.

Opening the file and the import run on the thread pool (:mod:`desktop.imports.tasks`):
the GUI thread never waits. Failures go to the one failure policy; a refusal of the
file is said on the page. Closing the dialog during an import cancels it (after the
current batch) and closes once it stopped.

GUI thread. Signals: ``opened(Inspection)`` once a file is read, ``imported(ImportOutcome)``
when an import ends (done or cancelled), ``exported(str)`` after the rejected rows were
written (the sentence shown).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n.messages import say
from desktop.imports import tasks
from desktop.imports.mapping_page import MappingPage
from desktop.imports.result_models import REJECTION_HEADERS, headers
from desktop.imports.result_page import ResultPage
from desktop.operations.runner import Operations
from desktop.operations.worker import Task
from desktop.widgets.rich_text import fill, plain_label
from models.core.errors import InvalidInput
from models.imports.fields import ImportKind
from models.imports.preview import Inspection, sheet_choices
from models.imports.rejected_csv import write_rejections
from models.imports.run import ImportRequest
from models.teams.users import UserInfo


class ImportDialog(QDialog):
    opened = Signal(object)
    imported = Signal(object)
    exported = Signal(str)

    def __init__(
        self, ops: Operations, user: UserInfo, kind: ImportKind, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self._user = user
        self.kind = kind
        #: Rows per transaction (None: the import's own; tests make it small to cancel
        #: half-way).
        self.batch_size: int | None = None
        self.path: Path | None = None
        self.task: Task | None = None
        self._opening: Task | None = None
        self._export: Task | None = None
        self._exported_text = ""
        self._close_when_stopped = False
        self.setObjectName("importDialog")
        self.setWindowTitle(
            self.tr("Import leads — Baton")
            if kind is ImportKind.LEADS
            else self.tr("Import engagements — Baton")
        )

        self.mapping_page = MappingPage(kind)
        self.mapping_page.import_requested.connect(self.on_import_requested)
        self.mapping_page.sheet_chosen.connect(self.on_sheet_chosen)
        self.mapping_page.choose_file_requested.connect(self.choose_file)
        self.mapping_page.close_button.clicked.connect(self.reject)

        self.progress_page = QWidget()
        self.progress_heading = plain_label()
        self.progress_heading.setObjectName("importProgressHeading")
        self.progress_heading.setStyleSheet("font-size: 12pt; font-weight: 600")
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress_text = plain_label()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.clicked.connect(self.on_cancel_clicked)
        progress_layout = QVBoxLayout(self.progress_page)
        progress_layout.addStretch(1)
        progress_layout.addWidget(self.progress_heading)
        progress_layout.addWidget(self.progress)
        progress_layout.addWidget(self.progress_text)
        progress_layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)
        progress_layout.addStretch(2)

        self.result_page = ResultPage()
        self.result_page.export_requested.connect(self.on_export_requested)
        self.result_page.another_requested.connect(self.choose_file)
        self.result_page.close_button.clicked.connect(self.reject)

        self.stack = QStackedWidget()
        for page in (self.mapping_page, self.progress_page, self.result_page):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

    # -- Choosing and opening the file ------------------------------------------------------
    def running(self) -> bool:
        return self.task is not None

    def choose_file(self) -> None:
        """Ask for the export to import (CSV, XLSX or Excel's "Unicode text")."""
        path = ask_file(self, self.path.parent if self.path else None)
        if path is not None:
            self.open_file(path)

    def open_file(self, path: Path, sheet: str | None = None) -> None:
        """Read ``path`` on the thread pool; the page shows it once read."""
        self.path = path
        self.stack.setCurrentWidget(self.mapping_page)
        self.mapping_page.show_opening(path.name)
        task = tasks.opening(self._ops.db, path, self.kind, sheet)
        task.signals.finished.connect(self.on_opened)
        task.signals.failed.connect(self.on_open_failed)
        self._opening = task
        task.start()

    def _current_opening(self) -> bool:
        """The signal comes from the file being opened (not one chosen before it)."""
        task = self._opening
        if task is None or self.sender() is not task.signals:
            return False
        self._opening = None
        return True

    def on_opened(self, inspection: Inspection) -> None:
        if not self._current_opening():
            return
        self.mapping_page.show_inspection(inspection)
        self.opened.emit(inspection)

    def on_open_failed(self, exc: BaseException) -> None:
        if not self._current_opening():
            return
        self._ops.policy.handle(exc, refused=self._on_open_refused)

    def _on_open_refused(self, text: str, exc: BaseException) -> None:
        if isinstance(exc, InvalidInput) and exc.key == "import.xlsx_sheets" and self.path:
            self.mapping_page.show_sheets(self.path.name, sheet_choices(self.path, exc))
            return
        self.mapping_page.show_refusal(text)

    def on_sheet_chosen(self, sheet: str) -> None:
        if self.path is not None and sheet:
            self.open_file(self.path, sheet)

    # -- Importing ------------------------------------------------------------------------
    def on_import_requested(self) -> None:
        inspection = self.mapping_page.inspection
        form = self.mapping_page.form
        if self.running() or inspection is None or self.path is None or not form.complete():
            return
        request = ImportRequest(
            self.path,
            kind=self.kind,
            mapping=form.mapping(),
            sheet=inspection.table.sheet,
            remember=form.edited,
        )
        task = tasks.importing(self._ops, self._user.id, request, batch_size=self.batch_size)
        task.signals.progress.connect(self.on_progress)
        task.signals.finished.connect(self.on_import_finished)
        task.signals.failed.connect(self.on_import_failed)
        # The window closing under the dialog stops the import after the current batch.
        self.destroyed.connect(task.cancel)
        self.task = task
        self.progress_heading.setText(fill(self.tr("Importing %1…"), inspection.table.file))
        self.progress.setRange(0, 0)  # busy until the first batch says how far
        self.progress_text.setText(self.tr("Reading the first rows…"))
        self.cancel_button.setEnabled(True)
        self.stack.setCurrentWidget(self.progress_page)
        self.cancel_button.setFocus()
        task.start()

    def on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, done, 1))
        self.progress.setValue(done)
        if self.cancel_button.isEnabled():
            self.progress_text.setText(
                fill(self.tr("%1 of about %2 rows"), f"{done:,}", f"{total:,}")
            )

    def on_cancel_clicked(self) -> None:
        """Stop after the current batch (it commits whole): what landed stays."""
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_text.setText(self.tr("Stopping after the current batch…"))

    def on_import_finished(self, outcome: tasks.ImportOutcome) -> None:
        self.task = None
        self.result_page.show_report(outcome.report, outcome.names)
        self.stack.setCurrentWidget(self.result_page)
        self.imported.emit(outcome)
        if self._close_when_stopped:
            self.reject()

    def on_import_failed(self, exc: BaseException) -> None:
        self.task = None
        self.stack.setCurrentWidget(self.mapping_page)
        self.mapping_page.show_refusal(
            self.tr(
                "The import stopped before the end; the batches before it landed. "
                "Import the file again to finish."
            )
        )
        self._ops.policy.handle(exc, refused=lambda text, _e: self.mapping_page.show_refusal(text))
        if self._close_when_stopped:
            self.reject()

    # -- The result ------------------------------------------------------------------------
    def on_export_requested(self) -> None:
        report = self.result_page.report
        if report is None or not report.rejections:
            return
        folder = self.path.parent if self.path else Path.home()
        suggested = folder / f"{Path(report.file).stem}-rejected.csv"
        name, _chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export rejected rows"), str(suggested), self.tr("CSV (*.csv)")
        )
        if not name:
            return
        target = Path(name) if Path(name).suffix else Path(name).with_suffix(".csv")
        rejections = list(report.rejections)
        titles = headers(REJECTION_HEADERS)
        task = Task(lambda _p, _c: write_rejections(target, rejections, say, titles))
        self._exported_text = fill(
            self.tr("Wrote %1 rejected rows to %2."), len(rejections), target
        )
        task.signals.finished.connect(self.on_exported)
        task.signals.failed.connect(self.on_export_failed)
        self._export = task
        task.start()

    def on_exported(self, _result: object) -> None:
        self.result_page.show_saved(self._exported_text)
        self.exported.emit(self._exported_text)

    def on_export_failed(self, exc: BaseException) -> None:
        self._ops.policy.handle(exc, refused=lambda text, _e: self.result_page.show_saved(text))

    # -- Closing ---------------------------------------------------------------------------
    def reject(self) -> None:
        """Close; during an import, cancel it first and close once it stopped."""
        if self.task is not None:
            self._close_when_stopped = True
            self.on_cancel_clicked()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.task is not None:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)


def ask_file(parent: QWidget, folder: Path | None) -> Path | None:
    """The export to import, asked with the system's file dialog (None: cancelled)."""
    name, _chosen = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("ImportDialog", "Choose the export to import"),
        str(folder or ""),
        ";;".join(
            (
                QCoreApplication.translate("ImportDialog", "Exports (*.csv *.xlsx *.txt)"),
                QCoreApplication.translate("ImportDialog", "All files (*)"),
            )
        ),
    )
    return Path(name) if name else None
