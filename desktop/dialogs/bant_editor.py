"""The qualification answers (BANT) in the call dialog: a value and its evidence per field,
prefilled with the latest known answers so only what moved is recorded."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QLineEdit, QWidget

from desktop.i18n import labels
from models.core.enums import BantField
from models.leads import bant
from models.leads.calls import BantAnswer


class BantEditor(QGroupBox):
    def __init__(self, current: dict[str, tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Qualification (BANT)"), parent)
        grid = QGridLayout(self)
        self.values: dict[str, QComboBox] = {}
        self.evidence: dict[str, QLineEdit] = {}
        for row, field in enumerate(BantField):
            combo = QComboBox()
            combo.setObjectName(f"bant_{field.value}")
            for value in bant.VALUES[field]:
                combo.addItem(labels.bant_value(field.value, value), value)
            evidence = QLineEdit()
            evidence.setObjectName(f"evidence_{field.value}")
            evidence.setPlaceholderText(self.tr("Evidence, in their words"))
            value, said = current.get(field.value, (bant.UNKNOWN, ""))
            combo.setCurrentIndex(max(combo.findData(value), 0))
            evidence.setText(said)
            grid.addWidget(QLabel(labels.bant_field(field.value)), row, 0)
            grid.addWidget(combo, row, 1)
            grid.addWidget(evidence, row, 2)
            self.values[field.value] = combo
            self.evidence[field.value] = evidence
        grid.setColumnStretch(2, 1)

    def answers(self) -> dict[str, BantAnswer]:
        return {
            field: BantAnswer(combo.currentData(), self.evidence[field].text())
            for field, combo in self.values.items()
        }

    def state(self) -> tuple[tuple[object, str], ...]:
        """What the rep set, to tell a changed draft from an untouched one."""
        return tuple((c.currentData(), self.evidence[f].text()) for f, c in self.values.items())
