"""Every setting Baton keeps, declared once, typed, with its default (no raw keys elsewhere)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from desktop.i18n.languages import LANGUAGES


class Settings:
    """Typed access to the user's settings (QSettings: the platform's native store).

    Database URLs are stored redacted-free only when they carry no password; passwords
    live in the OS keychain (see ``models.db.credentials``).
    """

    def __init__(self, store: QSettings | None = None) -> None:
        self._s = store if store is not None else QSettings("Baton", "Baton")

    def _user_key(self, database: str) -> str:
        # One remembered user per database: the demo and the team server differ.
        return "session/user/" + database.replace("/", "|")

    def current_user(self, database: str) -> int | None:
        value = self._s.value(self._user_key(database))
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def set_current_user(self, database: str, user_id: int) -> None:
        self._s.setValue(self._user_key(database), user_id)

    @property
    def window_geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        value = self._s.value("window/state")
        return value if isinstance(value, QByteArray) else None

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._s.setValue("window/state", value)

    @property
    def queue_header(self) -> QByteArray | None:
        value = self._s.value("queue/header")
        return value if isinstance(value, QByteArray) else None

    @queue_header.setter
    def queue_header(self, value: QByteArray) -> None:
        self._s.setValue("queue/header", value)

    @property
    def language(self) -> str | None:
        """The UI language the user chose (``"ja"``, ``"en"``), None to follow the system."""
        value = self._s.value("ui/language")
        return value if value in LANGUAGES else None

    @language.setter
    def language(self, value: str | None) -> None:
        if value in LANGUAGES:
            self._s.setValue("ui/language", value)
        else:
            self._s.remove("ui/language")

    def sync(self) -> None:
        self._s.sync()
