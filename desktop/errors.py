"""Error messages in the user's language, from the domain's error codes and parameters."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from models.errors import BatonError

_TEMPLATES = {
    "db_url_invalid": (
        QT_TRANSLATE_NOOP(
            "Errors",
            "Cannot read the database URL %1. Expected sqlite:///PATH or "
            "postgresql://USER@HOST/DATABASE.",
        ),
        ("url",),
    ),
    "db_unreachable": (
        QT_TRANSLATE_NOOP("Errors", "Cannot reach the database at %1: %2"),
        ("url", "reason"),
    ),
    "db_corrupt": (
        QT_TRANSLATE_NOOP(
            "Errors",
            "%1 is damaged or is not a database file. Nothing was written to it; restore it "
            "from a backup or choose another file.",
        ),
        ("path",),
    ),
    "db_foreign": (
        QT_TRANSLATE_NOOP(
            "Errors", "%1 already holds tables that are not Baton's; Baton will not write into it."
        ),
        ("where",),
    ),
    "db_schema_too_new": (
        QT_TRANSLATE_NOOP(
            "Errors",
            "%1 was written by a newer version of Baton (schema %2; this version knows up to "
            "%3). Update Baton to open it. Nothing was written.",
        ),
        ("where", "revision", "head"),
    ),
    "lead_not_found": (QT_TRANSLATE_NOOP("Errors", "No lead with id %1."), ("lead_id",)),
    "user_not_found": (QT_TRANSLATE_NOOP("Errors", "No user with the email %1."), ("email",)),
}


def message(exc: BaseException) -> str:
    """The text to show a user for ``exc``."""
    if not isinstance(exc, BatonError):
        return QCoreApplication.translate("Errors", "Unexpected error: %1").replace("%1", str(exc))
    code = exc.code
    if code == "not_found":
        code = "lead_not_found" if "lead_id" in exc.params else "user_not_found"
    template = _TEMPLATES.get(code)
    if template is None or any(name not in exc.params for name in template[1]):
        return str(exc)
    text = QCoreApplication.translate("Errors", template[0])
    for n, name in enumerate(template[1], start=1):
        text = text.replace(f"%{n}", str(exc.params[name]))
    return text
