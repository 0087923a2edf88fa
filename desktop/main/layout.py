"""Where the window, its splitters and the queue's columns are: per user, remembered.

The first start fits the screen the window opens on (a 1366×768 laptop included: the
status bar is on screen); after that each user gets back the layout they left.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter

from desktop.main.settings import Settings

#: The window's size on a large screen, the first time.
PREFERRED = QSize(1440, 900)
#: Room left on the screen for the window's frame (title bar, borders).
FRAME = QSize(16, 48)


def first_geometry(available: QRect) -> QRect:
    """The window's first place: as large as preferred, never larger than the screen
    (less its frame), centred."""
    width = min(PREFERRED.width(), available.width() - FRAME.width())
    height = min(PREFERRED.height(), available.height() - FRAME.height())
    rect = QRect(0, 0, width, height)
    rect.moveCenter(available.center())
    rect.moveTop(max(rect.top(), available.top() + FRAME.height() // 2))
    return rect


class WindowLayout:
    """Restores and saves one user's layout of the main window."""

    def __init__(
        self,
        settings: Settings,
        user_id: int,
        window: QMainWindow,
        splitter: QSplitter,
        columns: QHeaderView,
    ) -> None:
        self._settings = settings
        self._user_id = user_id
        self._window = window
        self._parts: dict[str, QSplitter | QHeaderView] = {
            "splitter": splitter,
            "queue_header/v2": columns,
        }

    def restore(self) -> None:
        geometry = self._settings.layout(self._user_id, "geometry")
        if geometry is None or not self._window.restoreGeometry(geometry):
            screen = self._window.screen()
            self._window.setGeometry(first_geometry(screen.availableGeometry()))
        for part, widget in self._parts.items():
            state = self._settings.layout(self._user_id, part)
            if state is not None:
                widget.restoreState(state)

    def save(self) -> None:
        self._settings.set_layout(self._user_id, "geometry", self._window.saveGeometry())
        for part, widget in self._parts.items():
            self._settings.set_layout(self._user_id, part, widget.saveState())
