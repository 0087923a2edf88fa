"""The app's main window, built again in the new language when the user switches it.

Every text of a window is translated as the window is built, so a switch (the menu
"Language / 言語") closes the window, as closing always does (asking first when a call is
typed but not saved; it keeps the window's geometry and columns), installs the language
and opens a new window on the same lead. The choice is stored: it wins over the system's
language at the next start (``baton --lang`` still wins over both).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from desktop.i18n import languages
from desktop.i18n.translate import language
from desktop.main.settings import Settings
from desktop.main.window import MainWindow
from desktop.operations import logs
from desktop.operations.worker import DbWorker
from models.teams.users import UserInfo


class MainWindows(QObject):
    """Signals: ``opened(MainWindow)`` when a window is shown (at start, after a switch)."""

    opened = Signal(object)

    def __init__(
        self, app: QApplication, worker: DbWorker, user: UserInfo, settings: Settings
    ) -> None:
        super().__init__(app)
        self._app = app
        self._worker = worker
        self._user = user
        self._settings = settings
        self.window: MainWindow | None = None

    def open(self) -> MainWindow:
        """Build and show a main window in the installed language."""
        window = MainWindow(self._worker, self._user, self._settings)
        self._show_choice(window)
        window.menu_actions.language.triggered.connect(self.on_language_triggered)
        logs.install_excepthook(window.policy.report_uncaught)
        window.show()
        self.window = window
        self.opened.emit(window)
        return window

    def _show_choice(self, window: MainWindow) -> None:
        chosen = self._settings.language or ""
        for action in window.menu_actions.language.actions():
            action.setChecked(action.data() == chosen)

    def on_language_triggered(self, action: QAction) -> None:
        self.switch(str(action.data()) or None)

    def switch(self, choice: str | None) -> bool:
        """Use ``choice`` ("ja", "en", None for the system's) from now on; True once a
        window in that language is shown (False: the user kept the window open)."""
        old = self.window
        wanted = languages.choose(choice)
        if old is None or wanted == language():
            self._settings.language = choice
            return old is not None
        quits = self._app.quitOnLastWindowClosed()
        self._app.setQuitOnLastWindowClosed(False)  # the app goes on in the new window
        try:
            if not old.close():  # a call typed but not saved, and the user kept it
                self._show_choice(old)
                return False
            self._settings.language = choice
            languages.switch(self._app, wanted)
            lead_id = old.lead_pane.current_lead_id()
            new = self.open()
            if lead_id is not None:
                _select_when_loaded(new, lead_id)
        finally:
            self._app.setQuitOnLastWindowClosed(quits)
        old.deleteLater()
        return True


def _select_when_loaded(window: MainWindow, lead_id: int) -> None:
    """Once ``window``'s queue has loaded, select ``lead_id`` if the queue holds it."""

    def select(_count: int) -> None:
        window.model.loaded.disconnect(select)
        row = window.model.row_of(lead_id)
        if row is not None:
            window.table.select_row(row)

    window.model.loaded.connect(select)
