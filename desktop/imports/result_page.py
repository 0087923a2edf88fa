"""The import dialog's last page: what the import did (rows read, new leads or engagements,
merged, unchanged, rejected by reason, computed columns left out, rows kept apart), the
merges with why, and the rejected rows, exportable as CSV.

File names, headers, values and lead names are user text: labels are plain text.

GUI thread. Signals: ``export_requested()``, ``another_requested()``.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n.messages import say
from desktop.imports.result_models import MergesModel, RejectionsModel, merge_lines
from desktop.imports.table_view import fit_columns, read_only_table
from desktop.widgets.rich_text import fill, plain_label
from models.imports.fields import ImportKind
from models.imports.rejected_csv import by_reason, line
from models.imports.run import ImportReport


class ResultPage(QWidget):
    export_requested = Signal()
    another_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: ImportReport | None = None
        self.heading = plain_label()
        self.heading.setObjectName("importResultHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 12pt; font-weight: 600")
        self.counts = QFormLayout()
        self.count_labels: dict[str, QLabel] = {}

        self.merges = MergesModel(self)
        self.rejections = RejectionsModel(self)
        self.merges_table = read_only_table(self.merges, "importMerges")
        self.rejections_table = read_only_table(self.rejections, "importRejections")
        self.tabs = QTabWidget()
        self.tabs.addTab(self.merges_table, "")
        self.tabs.addTab(self.rejections_table, "")

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            self.tr("Export rejected rows…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.setObjectName("importExportRejected")
        self.export_button.clicked.connect(self.export_requested)
        self.another_button = self.buttons.addButton(
            self.tr("Import another file…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.another_button.setObjectName("importAnother")
        self.another_button.clicked.connect(self.another_requested)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.saved = plain_label()
        self.saved.setObjectName("importSaved")
        self.saved.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.counts)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.saved)
        layout.addWidget(self.buttons)

    def show_report(self, report: ImportReport, names: Mapping[int, str]) -> None:
        self.report = report
        self.saved.setText("")
        self.heading.setText(self.heading_text(report))
        while self.counts.rowCount():
            self.counts.removeRow(0)
        self.count_labels = {}
        for key, title, value in self.count_rows(report):
            label = plain_label(value)
            label.setObjectName(f"importCount_{key}")
            label.setWordWrap(True)
            self.counts.addRow(title, label)
            self.count_labels[key] = label
        self.merges.show_lines(merge_lines(report.merges, report.kept_apart, names))
        self.rejections.show_rejections(report.rejections)
        fit_columns(self.merges_table)
        fit_columns(self.rejections_table)
        merged = (
            self.tr("Merged or kept apart (%1)") if report.kept_apart else self.tr("Merged (%1)")
        )
        self.tabs.setTabText(0, fill(merged, self.merges.rowCount()))
        self.tabs.setTabText(1, fill(self.tr("Rejected (%1)"), report.rejected))
        self.tabs.setTabVisible(0, report.kind is ImportKind.LEADS)
        self.tabs.setCurrentIndex(1 if report.rejected or report.kind is ImportKind.TOUCHES else 0)
        self.export_button.setEnabled(report.rejected > 0)
        self.another_button.setFocus()

    def heading_text(self, report: ImportReport) -> str:
        if report.cancelled:
            return fill(
                self.tr(
                    "%1: cancelled. The rows read before it landed (whole batches); "
                    "import the file again to finish: rows already imported change nothing."
                ),
                report.file,
            )
        return fill(self.tr("%1: imported."), report.file)

    def count_rows(self, report: ImportReport) -> list[tuple[str, str, str]]:
        """(key, title, value) of each figure shown."""
        leads = report.kind is ImportKind.LEADS
        rows = [
            ("read", self.tr("Rows read:"), f"{report.rows_read:,}"),
            (
                "landed",
                self.tr("New leads:") if leads else self.tr("New engagements:"),
                f"{report.landed:,}",
            ),
        ]
        if leads:
            rows += [
                ("merged", self.tr("Merged into leads Baton had:"), f"{report.merged:,}"),
                ("touches", self.tr("Engagements recorded:"), f"{report.touches_added:,}"),
            ]
        rows += [
            ("unchanged", self.tr("Unchanged (already imported):"), f"{report.unchanged:,}"),
            ("rejected", self.tr("Rejected:"), self.rejected_text(report)),
        ]
        if report.kept_apart:
            rows.append(
                (
                    "kept_apart",
                    self.tr("Not merged (a number other people share):"),
                    f"{len(report.kept_apart):,}",
                )
            )
        if report.computed:
            rows.append(
                (
                    "computed",
                    self.tr("Columns the tool computes, not imported:"),
                    ", ".join(report.computed),
                )
            )
        return rows

    def rejected_text(self, report: ImportReport) -> str:
        """The count, then one line per reason and column, with the first row as the
        example: "3 × like row 5, column “Email”: Email address “x” is not …"."""
        lines = [f"{report.rejected:,}"]
        for count, example in by_reason(report.rejections):
            lines.append(fill(self.tr("%1 × like %2"), count, line(example, say)))
        return "\n".join(lines)

    def show_saved(self, text: str) -> None:
        self.saved.setText(text)
