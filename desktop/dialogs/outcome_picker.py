"""The call's outcome, one key each: 1 connected … 9 not interested, 0 do not call.

Signals: ``picked(str outcome)`` when the rep picks one (click or key).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QRadioButton,
    QWidget,
)

from desktop.dialogs.call_target import OUTCOME_KEYS
from desktop.i18n import labels


class OutcomePicker(QGroupBox):
    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Outcome"), parent)
        self.group = QButtonGroup(self)
        grid = QGridLayout(self)
        for n, (key, outcome) in enumerate(OUTCOME_KEYS):
            button = QRadioButton(f"{key}  {labels.outcome(outcome.value)}")
            button.setObjectName(f"outcome_{outcome.value}")
            button.setProperty("outcome", outcome.value)
            self.group.addButton(button, n)
            grid.addWidget(button, n % 5, n // 5)
        self.group.buttonClicked.connect(self._on_button_clicked)

    def selected(self) -> str | None:
        button = self.group.checkedButton()
        return str(button.property("outcome")) if button is not None else None

    def select(self, outcome: str) -> None:
        for button in self.group.buttons():
            if button.property("outcome") == outcome:
                button.setChecked(True)

    def pick_key(self, text: str) -> bool:
        """Pick the outcome of the key ``text``; False if it is no outcome's key."""
        for n, (key, outcome) in enumerate(OUTCOME_KEYS):
            if text == key:
                button = self.group.button(n)
                button.setChecked(True)
                button.setFocus(Qt.FocusReason.ShortcutFocusReason)
                self.picked.emit(outcome.value)
                return True
        return False

    def _on_button_clicked(self, button: QAbstractButton) -> None:
        self.picked.emit(str(button.property("outcome")))
