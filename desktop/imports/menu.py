"""File → Import leads… and Import engagements…: for the roles that may import
(marketing and administrators, :data:`models.teams.permissions.ALLOWED`); hidden for the
others, who never import.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from desktop.imports.import_dialog import ImportDialog, ask_file
from desktop.operations.runner import Operations
from models.imports.fields import ImportKind
from models.teams.permissions import Action, allowed
from models.teams.users import UserInfo


def bind_imports(
    leads: QAction, touches: QAction, ops: Operations, user: UserInfo, parent: QWidget
) -> None:
    """Show and connect the two menu entries when ``user``'s role may import."""
    may = allowed(user.role, Action.IMPORT)
    for action, kind in ((leads, ImportKind.LEADS), (touches, ImportKind.TOUCHES)):
        action.setEnabled(may)
        action.setVisible(may)
        action.triggered.connect(lambda _checked=False, k=kind: open_import(ops, user, k, parent))


def open_import(
    ops: Operations, user: UserInfo, kind: ImportKind, parent: QWidget
) -> ImportDialog | None:
    """Ask for a file, then show the import dialog for it (the one of its kind, raised if
    already open); None when the user chose no file."""
    for existing in parent.findChildren(ImportDialog):
        if existing.kind is kind and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return existing
    path = ask_file(parent, None)
    return show_import(ops, user, kind, path, parent) if path is not None else None


def show_import(
    ops: Operations, user: UserInfo, kind: ImportKind, path: Path, parent: QWidget
) -> ImportDialog:
    """The import dialog over ``parent``, as large as useful on its screen, reading ``path``."""
    dialog = ImportDialog(ops, user, kind, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    screen = parent.screen().availableGeometry()
    dialog.resize(min(1280, screen.width() - 40), min(860, screen.height() - 60))
    dialog.show()
    dialog.open_file(path)
    return dialog
