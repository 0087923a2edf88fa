"""The status bar: how many leads the view holds, callbacks due, long work with its
progress and a Cancel button, and who is signed in to which database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from desktop.i18n import labels
from desktop.operations.worker import Task
from desktop.widgets.rich_text import plain_label, tooltip
from models.db.database import default_url
from models.teams.users import UserInfo

#: The demo database's file name (``baton --demo``).
DEMO_FILE = Path(make_url(default_url(demo=True)).database or "").name


def database_name(location: str) -> tuple[str, str]:
    """A database as a user names it, and where it is in full: (name, location).

    The demo is "Demo", a SQLite file its file name (the location: its path), a server
    database ``host/database`` (the location: the URL, its password already redacted).
    """
    try:
        url = make_url(location)
    except (ArgumentError, ValueError):
        return location, location
    if url.get_backend_name() == "sqlite":
        path = url.database or ""
        if Path(path).name == DEMO_FILE:
            return QCoreApplication.translate("StatusBar", "Demo"), path
        return Path(path).name or path or location, path or location
    return f"{url.host or 'localhost'}/{url.database or ''}", location


class StatusBar(QStatusBar):
    def __init__(self, user: UserInfo, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._task: Task | None = None
        self.count_label = QLabel()
        self.count_label.setObjectName("queueCount")
        self.overdue_label = QLabel()
        self.overdue_label.setObjectName("overdueCount")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(240)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.on_cancel_clicked)
        name, location = database_name(database)
        self.identity = plain_label(f"{user.display_name} ({labels.role(user.role)}) · {name}")
        self.identity.setObjectName("identity")
        self.identity.setToolTip(tooltip(location) or "")  # a path or URL, shown as text
        self.addWidget(self.count_label, 1)
        self.addPermanentWidget(self.overdue_label)
        self.addPermanentWidget(self.progress)
        self.addPermanentWidget(self.cancel_button)
        self.addPermanentWidget(self.identity)

    def show_count(self, count: int) -> None:
        self.count_label.setText(self.tr("%n lead(s) in this view", "", count))

    def show_load_failed(self, text: str) -> None:
        self.count_label.setText(text)

    def show_due(self, count: int) -> None:
        self.overdue_label.setText(self.tr("%n callback(s) due", "", count))

    def busy(self) -> bool:
        return self._task is not None

    def track(self, task: Task, message: str) -> None:
        """Show ``task``'s progress with a Cancel button until it ends."""
        self._task = task
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.showMessage(message)
        task.signals.progress.connect(self.on_task_progress)
        task.signals.finished.connect(self.on_task_finished)
        task.signals.failed.connect(lambda _exc: self._end())

    def on_task_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def on_task_finished(self, _result: object) -> None:
        self._end()
        self.showMessage(self.tr("Done."), 5000)

    def on_cancel_clicked(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _end(self) -> None:
        self._task = None
        self.progress.hide()
        self.cancel_button.hide()
        self.clearMessage()
