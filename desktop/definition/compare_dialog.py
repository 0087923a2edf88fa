"""Compare with…: the diff between the selected version and another one, in words (one
line per change: 「追加: …」, "Half-life of engagement: 30 → 45"). Plain text throughout:
names are user text.

GUI thread. Signals: ``shown(list[str])`` each time a diff is shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import definition_diff
from desktop.operations import definition as definition_ops
from desktop.operations.runner import Operations
from desktop.widgets.rich_text import fill
from models.definitions.diff import DefinitionDiff
from models.definitions.records import VersionInfo


class CompareDialog(QDialog):
    shown = Signal(object)

    def __init__(
        self,
        ops: Operations,
        version: int,
        infos: list[VersionInfo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle(fill(self.tr("Compare version %1 with…"), version))
        self._ops = ops
        self._version = version
        self.lines: list[str] = []
        self.other = QComboBox()
        self.other.setObjectName("compareWith")
        for info in infos:
            if info.version != version:
                self.other.addItem(
                    fill(self.tr("Version %1: %2"), info.version, info.name), info.version
                )
        self.text = QPlainTextEdit()
        self.text.setObjectName("diffText")
        self.text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Compare with")))
        row.addWidget(self.other, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)
        self.other.currentIndexChanged.connect(self._on_other_changed)
        # An earlier version first: the diff reads from the older to the newer.
        earlier = [n for n in range(self.other.count()) if int(self.other.itemData(n)) < version]
        self.other.setCurrentIndex(earlier[-1] if earlier else 0)
        self._on_other_changed()

    def _on_other_changed(self, *_args: object) -> None:
        other = self.other.currentData()
        if other is None:
            self.text.setPlainText(self.tr("There is no other version to compare with."))
            return
        old, new = sorted((int(other), self._version))
        definition_ops.compare(self._ops, old, new, self).success(self._on_compared).run()

    def _on_compared(self, found: DefinitionDiff) -> None:
        self.lines = definition_diff.lines(found)
        self.text.setPlainText("\n".join(self.lines))
        self.shown.emit(self.lines)


def open_compare(
    ops: Operations, version: int, infos: list[VersionInfo], parent: QWidget
) -> CompareDialog:
    dialog = CompareDialog(ops, version, infos, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
