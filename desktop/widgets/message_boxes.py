"""Questions to the user, with their text shown exactly as written (never as markup)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: Button = Button.Yes | Button.No,
    default: Button = Button.No,
) -> Button:
    """A modal question (the user's answer decides what happens next); returns the button.

    The text may hold user data (a lead's name): it is plain text, so markup in it is
    shown, not rendered.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setStandardButtons(buttons)
    box.setDefaultButton(default)
    return Button(box.exec())


def tell(
    parent: QWidget | None, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Critical
) -> None:
    """A modal message the user acknowledges (start-up, before there is a window to
    put a banner in). Plain text: a path or a name in it is shown as written."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle("Baton")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.exec()


def say(parent: QWidget, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Information) -> None:
    """A window-modal message that does not block the caller (Enter or Esc closes it).
    Plain text, like :func:`tell`."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle("Baton")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
