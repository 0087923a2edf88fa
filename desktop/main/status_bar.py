"""The status bar: how many leads the view holds, callbacks due, long work with its
progress and a Cancel button, and who is signed in to which database."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from desktop.i18n import labels
from desktop.operations.worker import Task
from desktop.widgets.rich_text import plain_label
from models.teams.users import UserInfo


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
        self.identity = plain_label(f"{user.display_name} ({labels.role(user.role)}) · {database}")
        self.identity.setObjectName("identity")
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
