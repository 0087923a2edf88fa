"""Opening the definition window: one at a time, as large as is useful on its screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.definition.definitions_window import DefinitionsWindow
from desktop.operations.runner import Operations
from models.teams.users import UserInfo


def open_definitions(ops: Operations, user: UserInfo, parent: QWidget) -> DefinitionsWindow:
    """Show the definition window over ``parent`` (the one window, raised if open)."""
    for existing in parent.findChildren(DefinitionsWindow):
        if existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return existing
    window = DefinitionsWindow(ops, user, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    fit_to_screen(window, parent)
    window.show()
    return window


def fit_to_screen(window: QWidget, parent: QWidget) -> None:
    """As large as it is useful, within the screen ``parent`` is on."""
    screen = parent.screen().availableGeometry()
    window.resize(min(1560, screen.width() - 40), min(940, screen.height() - 60))
