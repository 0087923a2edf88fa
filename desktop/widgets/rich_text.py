"""User text in Qt's rich-text surfaces, always escaped.

Qt guesses "rich text" from content: a QLabel, a tooltip or a QMessageBox shown a note
``<img src=/dev/zero>`` would read that file. Every piece of user text that reaches such
a surface goes through here, or is set as plain text (:func:`plain_label`).
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop.i18n import translate

_PLACEHOLDER = re.compile(r"%(\d+)")

#: Plain text: a template's ``%1``…``%n`` replaced in one pass (nothing escaped).
fill = translate.fill


def escape(value: object) -> str:
    """``value`` as rich text that shows exactly its characters (line breaks kept)."""
    text = html.escape(str(value), quote=True).replace("\x00", "\ufffd")
    return text.replace("\r\n", "\n").replace("\n", "<br>")


def rich(template: str, *values: object) -> str:
    """Fill the trusted markup ``template``'s ``%1``…``%n`` with escaped ``values``.

    One pass: a value that itself contains ``%2`` or markup stays as it is.
    """

    def fill(match: re.Match[str]) -> str:
        n = int(match.group(1))
        return escape(values[n - 1]) if 1 <= n <= len(values) else match.group(0)

    return _PLACEHOLDER.sub(fill, template)


def tooltip(text: str | None) -> str | None:
    """A tooltip that shows ``text`` literally (forced rich text, escaped)."""
    if not text:
        return None
    return f"<p style='white-space:pre-wrap'>{escape(text)}</p>"


def plain_label(text: str = "") -> QLabel:
    """A label that never interprets its text as markup."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label
