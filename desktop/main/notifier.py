"""Desktop notifications for callbacks that come due while the app is open.

Uses the system tray where there is one; otherwise the main window's status bar and
the platform's attention hint (taskbar flash). ``sent`` keeps what was announced.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QStyle, QSystemTrayIcon

from desktop.widgets.rich_text import fill
from models.leads.follow_ups import DueCallback

MESSAGE_MS = 10_000


class Notifier(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._announced: set[tuple[int, str]] = set()
        self._primed = False
        self.sent: list[str] = []
        self._tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            icon = window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            self._tray = QSystemTrayIcon(icon, self)
            self._tray.show()

    def callbacks_due(self, due: list[DueCallback]) -> None:
        """Announce each due callback once (a rescheduled one is announced again)."""
        for item in due:
            key = (item.lead_id, item.callback_at.isoformat())
            if key in self._announced:
                continue
            self._announced.add(key)
            title = self.tr("Callback due")
            text = fill(self.tr("%1 (%2) asked to be called back now."), item.name, item.company)
            self.sent.append(text)
            if self._tray is not None:
                self._tray.showMessage(
                    title, text, QSystemTrayIcon.MessageIcon.Information, MESSAGE_MS
                )
            self._window.statusBar().showMessage(f"{title}: {text}", MESSAGE_MS)
            QApplication.alert(self._window)

    def on_due(self, due: list[DueCallback]) -> None:
        """The first look primes (what was due at start stays quiet); later ones announce."""
        if self._primed:
            self.callbacks_due(due)
        else:
            self._primed = True
            self.prime(due)

    def prime(self, due: list[DueCallback]) -> None:
        """Remember what was already overdue at start: only new ones pop up."""
        self._announced.update((d.lead_id, d.callback_at.isoformat()) for d in due)
