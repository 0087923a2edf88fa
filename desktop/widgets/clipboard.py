"""Putting text on the clipboard as plain text and formatted (HTML), safely.

PySide6 (seen with 6.11 on the offscreen and xcb platforms) crashes the process at exit
when the clipboard still holds a QMimeData made from Python: the application's clipboard
and Python's wrapper both delete it. Before the application quits (and before Python
exits, for a process that never runs the event loop to its end), our formatted copy is
replaced by the same text as plain text, which Qt makes itself: what was copied stays
pasteable, and nothing is deleted twice.
"""

from __future__ import annotations

import atexit

from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtGui import QGuiApplication

_guarded = False


def put(text: str, html: str) -> None:
    """``text`` as plain text and ``html`` as its formatted flavour (mail, documents)."""
    global _guarded  # noqa: PLW0603 - one guard per process
    data = QMimeData()
    data.setText(text)
    data.setHtml(html)
    QGuiApplication.clipboard().setMimeData(data)
    if not _guarded:
        _guarded = True
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(_plain_text_only)
        atexit.register(_plain_text_only)


def _plain_text_only() -> None:
    if not isinstance(QCoreApplication.instance(), QGuiApplication):
        return
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(clipboard.text())
