"""The mapping of an import as a form: for each field a lead (or an engagement) has, which
column of the file gives it; the source the rows come from; the kind of engagement a lead
file records when no column says it.

Every column header is user text: combo boxes show it as plain text. Fields the import
needs are in bold; what is still missing is said under the form.

GUI thread. Signals: ``changed()`` whenever the mapping changes (the user, or a mapping
shown by :meth:`show_mapping`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import labels
from desktop.widgets.error_label import error_label
from desktop.widgets.rich_text import fill
from models.core.enums import TouchKind
from models.imports.fields import FIELDS_OF, Field, ImportKind, Preset, header_key
from models.imports.mapping import Mapping, required_missing

#: Fields per row of the form's grid (label + combo pairs side by side).
GRID_COLUMNS = 3
#: How long a source name is kept (``models.imports.mapping.from_json``).
SOURCE_MAX = 60


def required_groups(kind: ImportKind) -> list[tuple[Field, ...]]:
    """What a mapping of ``kind`` must name: each group needs one of its fields."""
    empty = Mapping(kind, "", {})
    return [tuple(Field(code) for code in group.split("|")) for group in required_missing(empty)]


def missing_text(groups: list[str]) -> str:
    """Groups of :func:`required_missing` in words: "Email address or Phone number; …"."""
    words = QCoreApplication.translate("MappingForm", " or ")
    return "; ".join(
        words.join(labels.input_field(code) for code in group.split("|")) for group in groups
    )


class MappingForm(QWidget):
    changed = Signal()

    def __init__(self, kind: ImportKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        #: The user changed something (the mapping is theirs: remembered for the source).
        self.edited = False
        self._filling = False
        self._preset: Preset | None = None
        self._computed: tuple[str, ...] = ()
        self._remembered: dict[str, Mapping] = {}
        #: The file's columns that can be mapped (the header's non-blank cells).
        self.columns: list[str] = []

        self.source = QComboBox()
        self.source.setObjectName("importSource")
        self.source.setEditable(True)
        self.source.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.source.setMinimumContentsLength(16)
        line = self.source.lineEdit()
        line.setMaxLength(SOURCE_MAX)
        line.setPlaceholderText(self.tr("the marketing tool, e.g. acme-ma"))
        self.source.setToolTip(
            self.tr(
                "Where the rows come from: ids are kept per source, and the mapping is "
                "remembered for the next file from it."
            )
        )
        line.textEdited.connect(self.on_source_edited)
        self.source.textActivated.connect(self.on_source_activated)

        self.touch_kind = QComboBox()
        self.touch_kind.setObjectName("importTouchKind")
        self.touch_kind.addItem(self._no_kind_text(), None)
        for kind_code in TouchKind:
            self.touch_kind.addItem(labels.touch_kind(kind_code.value), kind_code.value)
        self.touch_kind.currentIndexChanged.connect(self.on_combo_changed)

        top = QHBoxLayout()
        top.addWidget(QLabel(fill(self.tr("%1:"), labels.input_field("source_system"))))
        top.addWidget(self.source, 1)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("Engagement kind when no column says it:")))
        top.addWidget(self.touch_kind, 1)

        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(10)
        self.combos: dict[Field, QComboBox] = {}
        self.field_labels: dict[Field, QLabel] = {}
        required = {f for group in required_groups(kind) for f in group}
        fields = [f for f in Field if f in FIELDS_OF[kind]]
        rows = (len(fields) + GRID_COLUMNS - 1) // GRID_COLUMNS
        for index, target in enumerate(fields):
            label = QLabel(labels.input_field(target.value))
            if target in required:
                label.setStyleSheet("font-weight: 600")
                label.setToolTip(self.tr("The import needs this field (or one of its group)."))
            combo = QComboBox()
            combo.setObjectName(f"importColumn_{target.value}")
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
            combo.currentIndexChanged.connect(self.on_combo_changed)
            label.setBuddy(combo)
            row, column = index % rows, index // rows
            self.grid.addWidget(label, row, 2 * column)
            self.grid.addWidget(combo, row, 2 * column + 1)
            self.combos[target] = combo
            self.field_labels[target] = label
        for column in range(GRID_COLUMNS):
            self.grid.setColumnStretch(2 * column + 1, 1)

        self.missing = error_label("importMissing")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(self.grid)
        layout.addWidget(self.missing)
        layout.addStretch(1)

    def _no_kind_text(self) -> str:
        if self.kind is ImportKind.LEADS:
            return self.tr("— none: no engagement recorded —")
        return self.tr("— a column says it —")

    # -- Filling ----------------------------------------------------------------------
    def offer(self, header: list[str], remembered: dict[str, Mapping]) -> None:
        """The file's columns in every combo box (blank headers cannot be mapped), and the
        sources whose mappings users kept."""
        self._filling = True
        self._remembered = dict(remembered)
        self.source.clear()
        self.source.addItems(list(remembered))
        self.source.setEditText("")
        self.columns = [h for h in header if h.strip()]
        for combo in self.combos.values():
            combo.clear()
            combo.addItem(self.tr("— not imported —"), None)
            for column in self.columns:
                combo.addItem(column, column)
        self._filling = False
        self.edited = False
        self._update_missing()

    def show_mapping(self, mapping: Mapping | None, *, edited: bool = False) -> None:
        """Set the form to ``mapping`` (None: nothing mapped, the source empty)."""
        self._filling = True
        self._preset = mapping.preset if mapping is not None else None
        self._computed = mapping.computed if mapping is not None else ()
        self.source.setEditText(mapping.source if mapping is not None else "")
        columns = mapping.columns if mapping is not None else {}
        for target, combo in self.combos.items():
            combo.setCurrentIndex(_index_of(combo, columns.get(target)))
        kind = mapping.touch_kind.value if mapping is not None and mapping.touch_kind else None
        self.touch_kind.setCurrentIndex(max(0, self.touch_kind.findData(kind)))
        self._filling = False
        self.edited = edited
        self._update_missing()
        self.changed.emit()

    # -- Reading ----------------------------------------------------------------------
    def mapping(self) -> Mapping:
        """The mapping the form shows (the file's preset kept: its activity names)."""
        columns = {
            target: str(combo.currentData())
            for target, combo in self.combos.items()
            if combo.currentData() is not None
        }
        taken = {header_key(h) for h in columns.values()}
        kind = self.touch_kind.currentData()
        return Mapping(
            self.kind,
            self.source_name(),
            columns,
            preset=self._preset,
            touch_kind=TouchKind(kind) if kind else None,
            computed=tuple(c for c in self._computed if header_key(c) not in taken),
        )

    def source_name(self) -> str:
        return self.source.currentText().strip()[:SOURCE_MAX]

    def missing_groups(self) -> list[str]:
        """What the import still needs (field codes, "a|b": one of them); the source too."""
        missing = required_missing(self.mapping())
        return missing if self.source_name() else ["source_system", *missing]

    def complete(self) -> bool:
        return not self.missing_groups()

    # -- Slots ------------------------------------------------------------------------
    def on_combo_changed(self, _index: int) -> None:
        if self._filling:
            return
        self.edited = True
        self._update_missing()
        self.changed.emit()

    def on_source_edited(self, _text: str) -> None:
        self.edited = True
        self._update_missing()
        self.changed.emit()

    def on_source_activated(self, source: str) -> None:
        """A source picked from the list: its remembered mapping, where this file has
        the columns it names."""
        kept = self._remembered.get(source)
        if kept is None:
            self.on_source_edited(source)
            return
        offered = {header_key(c): c for c in self.columns}
        columns = {
            target: offered[header_key(h)]
            for target, h in kept.columns.items()
            if header_key(h) in offered and target in self.combos
        }
        self.show_mapping(
            Mapping(
                self.kind,
                source,
                columns,
                preset=self._preset,
                touch_kind=kept.touch_kind,
                computed=self._computed,
            ),
            edited=True,
        )

    def _update_missing(self) -> None:
        groups = self.missing_groups()
        self.missing.setVisible(bool(groups))
        if groups:
            self.missing.setText(fill(self.tr("Still needed: %1"), missing_text(groups)))


def _index_of(combo: QComboBox, header: str | None) -> int:
    """The combo's entry for ``header`` (compared as the import compares headers)."""
    if header is None:
        return 0
    key = header_key(header)
    for index in range(1, combo.count()):
        if header_key(combo.itemText(index)) == key:
            return index
    return 0
