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

    #: The window's layout parts kept per user: the window's place and size, the splitter
    #: between the queue and the lead, the queue's columns. ``/v2``: the queue's columns
    #: changed (an older state is ignored).
    LAYOUT_PARTS = ("geometry", "splitter", "queue_header/v2")

    def layout(self, user_id: int, part: str) -> QByteArray | None:
        """One saved part of ``user_id``'s window layout (None: never saved)."""
        value = self._s.value(self._layout_key(user_id, part))
        return value if isinstance(value, QByteArray) else None

    def set_layout(self, user_id: int, part: str, value: QByteArray) -> None:
        self._s.setValue(self._layout_key(user_id, part), value)

    def _layout_key(self, user_id: int, part: str) -> str:
        if part not in self.LAYOUT_PARTS:
            raise KeyError(part)
        return f"layout/{user_id}/{part}"

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
