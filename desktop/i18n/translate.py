"""Translating without loading Qt until a translation is installed.

A translation can only be installed through Qt (``languages.install``), so while
``PySide6.QtCore`` is not loaded every text is its English source: headless commands in
English never load Qt at all. Once QtCore is loaded, Qt's catalogue answers.
"""

from __future__ import annotations

import sys


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for extraction into ``context``; translated later by :func:`translate`."""
    return text


def translate(context: str, text: str, n: int = -1) -> str:
    """``text`` in the installed language (``%n`` filled with ``n`` when given)."""
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is None:
        return text.replace("%n", str(n)) if n >= 0 else text
    translated: str = qtcore.QCoreApplication.translate(context, text, None, n)
    return translated
