"""The import dialog's first page: the file, what Baton recognised in it, the mapping
(shown when nothing was recognised or the user asks to change it) and a preview of the
first rows as they will land.

The file name, its headers and its values are user text: labels here are plain text.

GUI thread. Signals: ``import_requested()`` (the Import button), ``sheet_chosen(str)``,
``choose_file_requested()``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n.messages import message
from desktop.imports.mapping_form import MappingForm
from desktop.imports.preview_model import COL_REASON, PreviewModel
from desktop.imports.table_view import fit_columns, read_only_table
from desktop.widgets.error_label import error_label
from desktop.widgets.rich_text import fill, plain_label
from models.core.errors import InvalidInput
from models.imports.fields import ImportKind
from models.imports.mapping import resolve
from models.imports.preview import Inspection, preview


class MappingPage(QWidget):
    import_requested = Signal()
    sheet_chosen = Signal(str)
    choose_file_requested = Signal()

    def __init__(self, kind: ImportKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.inspection: Inspection | None = None

        self.file_label = plain_label()
        self.file_label.setObjectName("importFile")
        self.file_label.setStyleSheet("font-size: 12pt; font-weight: 600")
        self.choose_button = QPushButton(self.tr("Choose another file…"))
        self.choose_button.clicked.connect(self.choose_file_requested)
        heading = QHBoxLayout()
        heading.addWidget(self.file_label, 1)
        heading.addWidget(self.choose_button)

        self.recognised = plain_label()
        self.recognised.setObjectName("importRecognised")
        self.recognised.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("Change the mapping…"))
        self.edit_button.setObjectName("importEditMapping")
        self.edit_button.clicked.connect(self.on_edit_clicked)
        recognised = QHBoxLayout()
        recognised.addWidget(self.recognised, 1)
        recognised.addWidget(self.edit_button)

        self.sheets = QComboBox()
        self.sheets.setObjectName("importSheets")
        self.sheet_button = QPushButton(self.tr("Open this sheet"))
        self.sheet_button.setObjectName("importOpenSheet")
        self.sheet_button.clicked.connect(lambda: self.sheet_chosen.emit(self.sheets.currentText()))
        self.sheet_row = QWidget()
        sheet_layout = QHBoxLayout(self.sheet_row)
        sheet_layout.setContentsMargins(0, 0, 0, 0)
        sheet_layout.addWidget(plain_label(self.tr("Sheet:")))
        sheet_layout.addWidget(self.sheets, 1)
        sheet_layout.addWidget(self.sheet_button)
        self.sheet_row.hide()

        self.form = MappingForm(kind)
        self.form.changed.connect(self.refresh_preview)
        self.form_area = QScrollArea()
        self.form_area.setObjectName("importMappingArea")
        self.form_area.setWidgetResizable(True)
        self.form_area.setWidget(self.form)
        self.form_area.hide()

        self.preview_title = plain_label()
        self.preview_title.setObjectName("importPreviewTitle")
        self.model = PreviewModel(kind, self)
        self.table = read_only_table(self.model, "importPreview")
        preview_box = QWidget()
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(self.preview_title)
        preview_layout.addWidget(self.table, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.form_area)
        self.splitter.addWidget(preview_box)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(1, 1)

        self.error = error_label("importError")
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importStart")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.import_requested)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)

        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addLayout(recognised)
        layout.addWidget(self.sheet_row)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    # -- States -----------------------------------------------------------------------
    def show_opening(self, file: str) -> None:
        """The file is being read (a worker decodes it)."""
        self.inspection = None
        self.file_label.setText(file)
        self.recognised.setText(self.tr("Reading the file…"))
        self.edit_button.hide()
        self.sheet_row.hide()
        self.form_area.hide()
        self.error.hide()
        self.model.show_rows([])
        self.preview_title.setText("")
        self.import_button.setEnabled(False)

    def show_sheets(self, file: str, sheets: list[str]) -> None:
        """A workbook with several sheets with data: the user picks one."""
        self.file_label.setText(file)
        self.recognised.setText(self.tr("This workbook has several sheets with data."))
        self.sheets.clear()
        self.sheets.addItems(sheets)
        self.sheet_row.show()
        self.sheets.setFocus()

    def show_refusal(self, text: str) -> None:
        """The file (or the import) was refused: why, under the page."""
        self.error.setText(text)
        self.error.show()
        if self.inspection is None:
            self.recognised.setText("")
        self.import_button.setEnabled(self.inspection is not None and self.form.complete())

    def show_inspection(self, inspection: Inspection) -> None:
        self.inspection = inspection
        table = inspection.table
        self.file_label.setText(table.file)
        self.sheet_row.hide()
        self.error.hide()
        self.form.offer(inspection.header, inspection.remembered)
        resolved = inspection.resolved
        self.form.show_mapping(resolved.mapping if resolved is not None else None)
        self.recognised.setText(self.recognised_text(inspection))
        self.edit_button.setVisible(resolved is not None)
        self.form_area.setVisible(resolved is None)
        if resolved is None:
            self._split()
            self.form.source.setFocus()
        else:
            self.import_button.setFocus()

    def recognised_text(self, inspection: Inspection) -> str:
        """ "HubSpot export, encoding UTF-8 (BOM)", or that the columns need mapping."""
        table = inspection.table
        where = (
            fill(self.tr("sheet %1"), table.sheet)
            if table.sheet
            else fill(self.tr("encoding %1"), table.encoding or "")
        )
        resolved = inspection.resolved
        if resolved is None:
            return fill(
                self.tr(
                    "Baton does not recognise these columns (%1): say below which column is which."
                ),
                where,
            )
        mapping = resolved.mapping
        if mapping.preset is None:
            return fill(self.tr("The mapping kept for “%1”, %2"), mapping.source, where)
        return fill(self.tr("%1 export, %2"), mapping.preset.label, where)

    def _split(self) -> None:
        """The mapping as tall as it needs (at most 60 %), the preview below it."""
        total = max(self.splitter.height(), 400)
        form = min(self.form.sizeHint().height() + 8, total * 6 // 10)
        self.splitter.setSizes([form, total - form])

    # -- Slots ------------------------------------------------------------------------
    def on_edit_clicked(self) -> None:
        self.form_area.show()
        self.edit_button.hide()
        self._split()
        next(iter(self.form.combos.values())).setFocus()

    def refresh_preview(self) -> None:
        """The first rows read again with the mapping as it is now (the file's head is
        in memory: a few milliseconds)."""
        inspection = self.inspection
        if inspection is None:
            return
        mapping = self.form.mapping()
        missing = self.form.missing_groups()
        self.import_button.setEnabled(not missing)
        if missing:
            self.model.show_rows([])
            self.preview_title.setText(
                self.tr("The preview shows once the fields needed are mapped.")
            )
            return
        try:
            resolved = resolve(inspection.table, mapping)
        except InvalidInput as error:
            self.model.show_rows([])
            self.preview_title.setText(message(error))
            self.import_button.setEnabled(False)
            return
        rows = preview(inspection.table, resolved, inspection.zone)
        self.model.show_rows(rows)
        self.table.clearSpans()
        for row in self.model.rejected_rows():
            self.table.setSpan(row, COL_REASON, 1, self.model.columnCount() - COL_REASON)
        fit_columns(self.table)
        rejected = len(self.model.rejected_rows())
        self.preview_title.setText(
            fill(
                self.tr("Preview of the first %1 rows as they will land (%2 rejected, in red):"),
                len(rows),
                rejected,
            )
        )
