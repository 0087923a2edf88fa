"""Who is using Baton: choosing one's name (remembered per database; real login comes
with team mode), or, on a database with no user at all, creating its first administrator.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import DBAPIError

from desktop.i18n import labels
from desktop.i18n import messages as errors
from desktop.widgets.error_label import error_label
from models.core.entities import User
from models.core.enums import Role
from models.core.errors import BatonError
from models.core.text_rules import column_limit
from models.db.database import Database
from models.db.failures import as_error
from models.teams.users import UserInfo, add_first_admin


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


class FirstAdminDialog(QDialog):
    """A database with no user at all: its first user, an administrator, is the person
    at the keyboard. The domain allows it only while the database has no user (another
    start may have added one meanwhile: then this is refused and says so).

    Saves on the GUI thread: it runs at start-up, before the window and its worker exist.
    A refusal is said under the form and keeps what was typed. ``created`` is the new
    administrator once accepted.
    """

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.created: UserInfo | None = None
        self.setObjectName("firstAdminDialog")
        self.setWindowTitle(self.tr("Create the first administrator"))
        intro = QLabel(
            self.tr(
                "This database has no users yet. Create its first user: you, as its "
                "administrator (you can then set the team's rules and add the others with "
                "“baton user add”).\nTo try Baton with sample data instead, open the demo: "
                "“baton --demo”."
            )
        )
        intro.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setObjectName("adminName")
        self.name.setMaxLength(column_limit(User.display_name) or 200)
        self.email = QLineEdit()
        self.email.setObjectName("adminEmail")
        self.email.setMaxLength(column_limit(User.email) or 320)
        self.email.setPlaceholderText("name@example.co.jp")
        form = QFormLayout()
        form.addRow(self.tr("Your name"), self.name)
        form.addRow(self.tr("Email address"), self.email)
        self.error = error_label("firstAdminError")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(self.tr("Create and sign in"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.name.setFocus()

    def save(self) -> None:
        try:
            with self.db.write() as session:
                added = add_first_admin(
                    session,
                    email=self.email.text(),
                    display_name=self.name.text(),
                    team_name=self.tr("Inside sales"),
                )
        except (BatonError, DBAPIError) as exc:
            error = as_error(exc)
            if error is None:
                raise
            self._refused(error)
            return
        self.created = added.user
        self.accept()

    def _refused(self, error: BatonError) -> None:
        self.error.setText(errors.message(error))
        self.error.show()
        field = {"email": self.email, "name": self.name}.get(str(error.params.get("field")))
        if field is not None:
            field.setFocus()
            field.selectAll()
