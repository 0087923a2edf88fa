"""Signing in to a team's server with one's own database login and password.

The dialog only collects and says: ``attempt(url, password)`` (given by the caller) tries
the server and raises a :class:`models.core.errors.BatonError` when it refuses; the
refusal is shown under the form and the dialog stays open with what was typed. The
password is kept in the OS keychain only when "Remember my password" is ticked, and only
once the server accepted it; "Forget my saved password" removes it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL

from desktop.i18n import messages as errors
from desktop.widgets.error_label import error_label
from desktop.widgets.rich_text import plain_label
from models.core.errors import BatonError, InvalidInput
from models.db import credentials
from models.db.database import Database

#: Tries the server: the URL (without password) and the typed password; raises BatonError.
Attempt = Callable[[URL, str], Database]


def server_text(url: URL) -> str:
    """How the form shows a server: ``host:port/database``."""
    return f"{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def with_server(url: URL, text: str) -> URL:
    """``url`` pointed at the server typed as ``host[:port][/database]``."""
    host_port, _slash, database = text.strip().partition("/")
    host, _colon, port = host_port.partition(":")
    if not host or (port and not port.isdigit()):
        raise InvalidInput("signin.server_malformed", field="server", value=text)
    return url.set(host=host, port=int(port) if port else None, database=database or url.database)


class SignInDialog(QDialog):
    """Modal. ``database`` holds the open database once the server accepted the login."""

    def __init__(
        self, url: URL, attempt: Attempt, *, reason: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to Baton"))
        self._url = url.set(password=None)
        self._attempt = attempt
        self.database: Database | None = None
        self.server = QLineEdit(server_text(self._url))
        self.server.setObjectName("signInServer")
        self.login = QLineEdit(self._url.username or "")
        self.login.setObjectName("signInLogin")
        self.login.setPlaceholderText(self.tr("your work email"))
        self.password = QLineEdit()
        self.password.setObjectName("signInPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember my password on this computer"))
        self.remember.setObjectName("signInRemember")
        self.remember.setToolTip(
            self.tr("Kept in the system keychain, never in a file or Baton's settings.")
        )
        self.forget = QPushButton(self.tr("Forget my saved password"))
        self.forget.setObjectName("signInForget")
        self.forget.clicked.connect(self.on_forget_clicked)
        self.error = error_label("signInError")
        form = QFormLayout()
        form.addRow(self.tr("Server"), self.server)
        form.addRow(self.tr("Login"), self.login)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.remember)
        form.addRow("", self.forget)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.on_sign_in_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(self.tr("Sign in with your own database login, as your team set it up."))
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        # Wide enough for a server's refusal, which names the whole URL, to wrap sensibly.
        self.setMinimumWidth(480)
        if reason:
            self.show_error(reason)
        self.login.textChanged.connect(self._update_forget)
        self.server.textChanged.connect(self._update_forget)
        self._update_forget()
        (self.password if self.login.text() else self.login).setFocus()

    def target(self) -> URL:
        """The server and login as typed (no password). Raises InvalidInput."""
        login = self.login.text().strip()
        if not login:
            raise InvalidInput("signin.login_empty", field="login")
        return with_server(self._url, self.server.text()).set(username=login)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _update_forget(self) -> None:
        try:
            saved = credentials.password_for(self.target()) is not None
        except BatonError:
            saved = False
        self.forget.setEnabled(saved)

    # -- Slots ------------------------------------------------------------------------
    def on_forget_clicked(self) -> None:
        try:
            credentials.forget_password(self.target())
        except BatonError as exc:
            self.show_error(errors.message(exc))
            return
        self._update_forget()
        self.show_error(self.tr("The saved password was removed from the keychain."))

    def on_sign_in_clicked(self) -> None:
        secret = self.password.text()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            target = self.target()
            self.database = self._attempt(target, secret)
        except BatonError as exc:
            self.show_error(errors.message(exc))
            self.password.selectAll()
            self.password.setFocus()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        if self.remember.isChecked():
            credentials.store_password(target, secret)
        self.password.clear()
        self.accept()
