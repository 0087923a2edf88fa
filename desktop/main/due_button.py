"""The count of callbacks due, in the menu bar's corner: always in sight while the rep is
on the phone, and one click (or Ctrl+D) away from the list of them.

Signals: ``open_requested()`` when the rep asks for the list.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolButton, QWidget

DUE_SHORTCUT = "Ctrl+D"


class DueButton(QToolButton):
    open_requested = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("dueButton")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.action = QAction(self)
        self.action.setShortcut(QKeySequence(DUE_SHORTCUT))
        self.action.triggered.connect(self.open_requested)
        window.addAction(self.action)  # the shortcut works wherever the focus is
        self.setDefaultAction(self.action)
        self.count = 0
        self.show_count(0)

    def show_count(self, count: int) -> None:
        self.count = count
        self.action.setText(self.tr("☎ %n callback(s) due", "", count))
        self.action.setToolTip(self.tr("Show the callbacks due (%1)").replace("%1", DUE_SHORTCUT))
        # Red while any is due: seen from across the desk.
        style = "color: white; background: #b00020; font-weight: 600; padding: 2px 8px"
        self.setStyleSheet(style if count else "padding: 2px 8px")
