"""Translating without loading Qt until a translation is installed.

A translation can only be installed through Qt (``languages.install``), so while
``PySide6.QtCore`` is not loaded every text is its English source: headless commands in
English never load Qt at all. Once QtCore is loaded, Qt's catalogue answers.
"""

from __future__ import annotations

import re
import sys

_PLACEHOLDER = re.compile(r"%(\d+)")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for extraction into ``context``; translated later by :func:`translate`."""
    return text


def language() -> str:
    """The UI language, ``"ja"`` or ``"en"``: the one :func:`languages.install` set.

    Installing a language makes it Qt's default locale; while QtCore is not loaded no
    translation can be installed, so the language is English.
    """
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is None:
        return "en"
    japanese = qtcore.QLocale().language() == qtcore.QLocale.Language.Japanese
    return "ja" if japanese else "en"


def translate(context: str, text: str, n: int = -1) -> str:
    """``text`` in the installed language (``%n`` filled with ``n`` when given)."""
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is None:
        return text.replace("%n", str(n)) if n >= 0 else text
    translated: str = qtcore.QCoreApplication.translate(context, text, None, n)
    return translated


def fill(template: str, *values: object) -> str:
    """Plain text: ``template``'s ``%1``…``%n`` replaced in one pass (nothing escaped).

    A value that itself holds ``%2`` stays as it is.
    """

    def value(match: re.Match[str]) -> str:
        n = int(match.group(1))
        return str(values[n - 1]) if 1 <= n <= len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, template)
