"""Export the handoffs of a period (Handoffs → Export…): a CSV for Excel, or each
summary into a folder, in the background with a progress bar and Cancel.

The period is from one day to another (both included, local days), to every field rep or
one. A CSV is written in UTF-8 with a byte-order mark (what Excel needs for Japanese) or
in Shift_JIS (cp932) for older tools: a character cp932 cannot hold refuses the export,
naming the row, the handoff and the column, and nothing is written. A folder of summaries
gets one file per handoff; a cancel stops before the next file, and every file written is
whole. The work is a :class:`~desktop.operations.worker.Task`, never an event loop.

Signals: ``finished(str)`` when an export ended (what was written, in words).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n.messages import message
from desktop.operations import summary as summary_ops
from desktop.operations import team as team_ops
from desktop.operations.runner import Operations
from desktop.operations.summary import CsvWritten, Period
from desktop.operations.team import FieldRepChoice
from desktop.operations.worker import Task
from desktop.widgets.error_label import error_label
from desktop.widgets.rich_text import fill, plain_label
from models.core.errors import BatonError
from models.handoff.batch import ExportResult


def start_of(day: date) -> datetime:
    """Local midnight at the start of ``day``, as an aware time."""
    return datetime.combine(day, time()).astimezone()


class ExportDialog(QDialog):
    finished_export = Signal(str)

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.setObjectName("handoffExportDialog")
        self.setWindowTitle(self.tr("Export handoffs"))
        #: The running export (None when idle).
        self.task: Task | None = None

        today = QDate.currentDate()
        self.since = self._date("exportSince", QDate(today.year(), today.month(), 1))
        self.until = self._date("exportUntil", today)
        self.field_rep = QComboBox()
        self.field_rep.setObjectName("exportFieldRep")
        self.field_rep.addItem(self.tr("Every field rep"), None)

        self.as_csv = QRadioButton(self.tr("A CSV of the handoffs, for Excel"))
        self.as_csv.setObjectName("exportCsv")
        self.as_csv.setChecked(True)
        self.as_files = QRadioButton(self.tr("Each handoff's summary, into a folder"))
        self.as_files.setObjectName("exportFiles")
        kinds = QButtonGroup(self)
        kinds.addButton(self.as_csv)
        kinds.addButton(self.as_files)
        self.encoding = QComboBox()
        self.encoding.setObjectName("exportEncoding")
        self.encoding.addItem(self.tr("UTF-8 with BOM (Excel)"), "utf-8-sig")
        self.encoding.addItem(self.tr("Shift_JIS (cp932, older tools)"), "cp932")
        self.format = QComboBox()
        self.format.setObjectName("exportFormat")
        for fmt, name in (
            ("pdf", self.tr("PDF")),
            ("html", self.tr("HTML")),
            ("md", self.tr("Markdown")),
            ("json", self.tr("JSON")),
        ):
            self.format.addItem(name, fmt)
        self.as_csv.toggled.connect(self._sync)

        form = QFormLayout()
        period = QHBoxLayout()
        period.addWidget(self.since)
        period.addWidget(plain_label("–"))
        period.addWidget(self.until)
        period.addStretch(1)
        form.addRow(self.tr("Handed off from"), period)
        form.addRow(self.tr("To"), self.field_rep)
        csv_row = QHBoxLayout()
        csv_row.addWidget(self.as_csv)
        csv_row.addWidget(self.encoding)
        csv_row.addStretch(1)
        files_row = QHBoxLayout()
        files_row.addWidget(self.as_files)
        files_row.addWidget(self.format)
        files_row.addStretch(1)
        form.addRow(self.tr("Export"), csv_row)
        form.addRow("", files_row)

        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.hide()
        self.result = plain_label()
        self.result.setObjectName("exportResult")
        self.result.setWordWrap(True)
        self.error = error_label("exportError")
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("exportStart")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.on_export_clicked)
        self.cancel_button = QPushButton(self.tr("Cancel export"))
        self.cancel_button.setObjectName("exportCancel")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(0)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.result)
        layout.addLayout(buttons)
        self._sync()
        team_ops.field_reps(ops, self).success(self._on_field_reps).run()

    def _date(self, name: str, value: QDate) -> QDateEdit:
        edit = QDateEdit(value)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _on_field_reps(self, reps: list[FieldRepChoice]) -> None:
        for rep in reps:
            name = rep.name if rep.active else fill(self.tr("%1 (inactive)"), rep.name)
            self.field_rep.addItem(name, rep.id)

    def _sync(self) -> None:
        self.encoding.setEnabled(self.as_csv.isChecked())
        self.format.setEnabled(self.as_files.isChecked())

    # -- What to export ---------------------------------------------------------------
    def period(self) -> Period:
        first = self.since.date().toPython()
        last = self.until.date().toPython()
        return Period(
            start_of(first), start_of(last + timedelta(days=1)), self.field_rep.currentData()
        )

    def on_export_clicked(self) -> None:
        """Ask where (a CSV file, or a folder), then export there."""
        if self.since.date() > self.until.date():
            self._refuse(self.tr("The period ends before it starts."))
            return
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        if self.as_csv.isChecked():
            suggested = Path(documents) / fill(
                "handoffs_%1_%2.csv",
                self.since.date().toString("yyyyMMdd"),
                self.until.date().toString("yyyyMMdd"),
            )
            path, _chosen = QFileDialog.getSaveFileName(
                self, self.tr("Export handoffs"), str(suggested), self.tr("CSV (*.csv)")
            )
        else:
            path = QFileDialog.getExistingDirectory(
                self, self.tr("Export the summaries into"), documents
            )
        if path:
            self.start(Path(path))

    def start(self, target: Path) -> Task | None:
        """Export into ``target`` (the CSV file, or the folder) in the background."""
        if self.task is not None:
            return None
        self.error.hide()
        self.result.clear()
        period = self.period()
        if self.as_csv.isChecked():
            if not target.suffix:
                target = target.with_suffix(".csv")
            task = summary_ops.export_csv(self._ops, period, target, self.encoding.currentData())
        else:
            fmt = str(self.format.currentData())
            task = summary_ops.export_folder(self._ops, period, target, fmt)
        self.task = task
        task.signals.progress.connect(self.on_task_progress)
        task.signals.finished.connect(self.on_task_finished)
        task.signals.failed.connect(self.on_task_failed)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.export_button.setEnabled(False)
        task.start()
        return task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)

    # -- The task's signals (GUI thread) -----------------------------------------------
    def on_task_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def on_task_finished(self, result: object) -> None:
        self._end()
        if isinstance(result, CsvWritten):
            text = fill(self.tr("Wrote %1 handoffs to %2."), result.rows, str(result.path))
        elif isinstance(result, ExportResult) and result.cancelled:
            text = fill(
                self.tr("Cancelled: %1 of %2 handoffs exported (%3 whole files)."),
                result.done,
                result.total,
                len(result.written),
            )
        elif isinstance(result, ExportResult):
            folder = result.written[0].parent if result.written else ""
            text = fill(
                self.tr("Wrote %1 summaries (%2 handoffs) to %3."),
                len(result.written),
                result.total,
                str(folder),
            )
        else:
            text = self.tr("Cancelled: nothing was written.")
        self.result.setText(text)
        self.finished_export.emit(text)

    def on_task_failed(self, exc: BaseException) -> None:
        self._end()
        if isinstance(exc, BatonError):
            self._refuse(message(exc))  # a refusal: said here, the choices kept
        else:
            self._ops.policy.handle(exc)

    def _refuse(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _end(self) -> None:
        self.task = None
        self.progress.hide()
        self.cancel_button.hide()
        self.export_button.setEnabled(True)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel()  # the files written so far stay whole
        super().closeEvent(event)
