"""The line under a form that says why a save was refused (plain text, never markup)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def error_label(object_name: str) -> QLabel:
    """A hidden, word-wrapped, plain-text refusal line (the message may quote user text)."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet("color: #b00020; font-weight: 600")
    label.hide()
    return label
