"""The call dialog's stopwatch: when the call started and how long it lasted."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class CallTimer(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._opened_at = datetime.now(UTC)
        self._started: datetime | None = None
        self._elapsed = 0
        self.label = QLabel("00:00")
        self.label.setObjectName("callTimer")
        self.button = QPushButton(self.tr("Start timer"))
        self.button.setObjectName("timerButton")
        self.button.clicked.connect(self.on_button_clicked)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._on_tick)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Call time")))
        layout.addWidget(self.label)
        layout.addWidget(self.button)

    def load(self, started_at: datetime, duration_seconds: int | None) -> None:
        """Show a call that was logged (when correcting it)."""
        self._opened_at = started_at
        self._elapsed = duration_seconds or 0
        self.label.setText(_clock(self._elapsed))

    def started_at(self) -> datetime:
        """When the timer was started, else when the dialog was opened."""
        return self._started or self._opened_at

    def duration(self) -> int | None:
        return self._elapsed if (self._started or self._elapsed) else None

    def stop(self) -> None:
        self._ticker.stop()

    def running(self) -> bool:
        return self._ticker.isActive()

    def start(self) -> None:
        """Start (or resume) timing: the call started now, unless it started before."""
        if self._ticker.isActive():
            return
        if self._started is None:
            self._started = datetime.now(UTC)
        self._ticker.start()
        self.button.setText(self.tr("Stop timer"))

    def on_button_clicked(self) -> None:
        if self._ticker.isActive():
            self._ticker.stop()
            self.button.setText(self.tr("Start timer"))
        else:
            self.start()

    def _on_tick(self) -> None:
        self._elapsed += 1
        self.label.setText(_clock(self._elapsed))


def _clock(seconds: int) -> str:
    return f"{seconds // 60:02d}:{seconds % 60:02d}"
