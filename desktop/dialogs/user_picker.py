"""Choosing who is using Baton (remembered per database; real login comes with team mode)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import labels
from models.core.enums import Role
from models.teams.users import UserInfo


class UserPicker(QDialog):
    def __init__(self, users: list[UserInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who is using Baton?"))
        self.users = users
        self.combo = QComboBox()
        self.combo.setObjectName("userCombo")
        for user in users:
            self.combo.addItem(
                f"{user.display_name} — {labels.role(user.role)} <{user.email}>", user.id
            )
        reps = [n for n, u in enumerate(users) if u.role == Role.REP]
        if reps:
            self.combo.setCurrentIndex(reps[0])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Choose your name. Baton remembers it for this database.")))
        layout.addWidget(self.combo)
        layout.addWidget(buttons)

    def selected(self) -> UserInfo:
        return self.users[self.combo.currentIndex()]
