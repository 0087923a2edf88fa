"""The qualification answers (BANT) in the call dialog: a value and its evidence per field,
prefilled with the latest known answers so only what moved is recorded."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QLineEdit, QWidget

from desktop.i18n import labels
from models.core.enums import BantField
from models.leads import bant
from models.leads.bant import BantAnswer


class BantEditor(QGroupBox):
    def __init__(self, current: dict[str, tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Qualification (BANT)"), parent)
        #: The answers as the dialog showed them: only what the rep changes is sent.
        self._seen = {f.value: current.get(f.value, (bant.UNKNOWN, "")) for f in BantField}
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

    def focus_chain(self) -> list[QWidget]:
        """Each answer, then its evidence, field by field (the dialog's Tab order)."""
        return [w for f in self.values for w in (self.values[f], self.evidence[f])]

    def _answer(self, field: str) -> tuple[str, str]:
        return (str(self.values[field].currentData()), self.evidence[field].text())

    def answers(self) -> dict[str, BantAnswer]:
        """The answers the rep changed (a field left as shown is not sent: it cannot
        overwrite an answer someone else recorded meanwhile)."""
        return {
            field: BantAnswer(*self._answer(field))
            for field in self.values
            if self._answer(field) != self._seen[field]
        }

    def refresh(self, current: dict[str, tuple[str, str]]) -> None:
        """Show the current answers in the fields the rep has not touched; keep the rest."""
        for field, combo in self.values.items():
            new = current.get(field, (bant.UNKNOWN, ""))
            if self._answer(field) == self._seen[field]:
                combo.setCurrentIndex(max(combo.findData(new[0]), 0))
                self.evidence[field].setText(new[1])
            self._seen[field] = new

    def state(self) -> tuple[tuple[object, str], ...]:
        """What the rep set, to tell a changed draft from an untouched one."""
        return tuple((c.currentData(), self.evidence[f].text()) for f, c in self.values.items())
