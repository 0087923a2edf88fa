"""Unsaved edits to a draft are never dropped silently: before the window shows another
version, makes or imports a draft, or closes, the user saves them, drops them, or stays."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.widgets.message_boxes import Button, ask
from desktop.widgets.rich_text import fill


def keep_edits(
    parent: QWidget,
    dirty: bool,
    version: int | None,
    save: Callable[[Callable[[], None]], None],
    then: Callable[[], None],
) -> bool:
    """Run ``then`` once the edits are safe; False if the user chose to stay.

    ``save(after)`` saves the draft and calls ``after`` once it landed (a refused save
    keeps the form as it is and never calls it).
    """
    if not dirty or version is None:
        then()
        return True
    answer = ask(
        parent,
        QCoreApplication.translate("UnsavedDraft", "Unsaved changes"),
        fill(
            QCoreApplication.translate(
                "UnsavedDraft", "Version %1 has changes that are not saved. Save them first?"
            ),
            version,
        ),
        Button.Save | Button.Discard | Button.Cancel,
        Button.Save,
    )
    if answer == Button.Save:
        save(then)
        return True
    if answer == Button.Discard:
        then()
        return True
    return False
