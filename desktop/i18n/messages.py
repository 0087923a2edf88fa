"""Error messages in the user's language, from the domain's error codes and parameters."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from models.core.errors import BatonError

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
    "lead_do_not_call": (
        QT_TRANSLATE_NOOP("Errors", "Lead %1 is marked do-not-call; no calls can be logged."),
        ("lead_id",),
    ),
    "lead_of_another_rep": (
        QT_TRANSLATE_NOOP(
            "Errors", "Lead %1 belongs to another rep; ask a team lead to reassign it."
        ),
        ("lead_id",),
    ),
    "bant_value_unknown": (
        QT_TRANSLATE_NOOP("Errors", "%1: “%2” is not a valid answer; expected one of %3."),
        ("bant_field", "value", "expected"),
    ),
    "until_not_future": (
        QT_TRANSLATE_NOOP("Errors", "The re-entry date %1 is not in the future."),
        ("until",),
    ),
    "outcome_unknown": (
        QT_TRANSLATE_NOOP("Errors", "Unknown outcome “%1”; expected one of %2."),
        ("value", "expected"),
    ),
    "user_not_found": (QT_TRANSLATE_NOOP("Errors", "No user with the email %1."), ("email",)),
}


#: Messages the domain raises word for word (no parameters): translated as they are.
FIXED_MESSAGES = (
    QT_TRANSLATE_NOOP("Errors", "The call's start time has no time zone."),
    QT_TRANSLATE_NOOP("Errors", "The call cannot start in the future."),
    QT_TRANSLATE_NOOP("Errors", "The call's duration cannot be negative."),
    QT_TRANSLATE_NOOP("Errors", "A callback needs a date and time."),
    QT_TRANSLATE_NOOP("Errors", "The callback time is in the past; choose a time after now."),
    QT_TRANSLATE_NOOP("Errors", "A booked meeting needs its date and time."),
    QT_TRANSLATE_NOOP("Errors", "A meeting needs its date and time."),
    QT_TRANSLATE_NOOP("Errors", "Only the rep who logged a call, or a team lead, can correct it."),
    QT_TRANSLATE_NOOP("Errors", "A correction cannot move a call to another lead."),
    QT_TRANSLATE_NOOP("Errors", "Reason “other” needs a note saying what it was."),
)


def message(exc: BaseException) -> str:
    """The text to show a user for ``exc``."""
    if not isinstance(exc, BatonError):
        return QCoreApplication.translate("Errors", "Unexpected error: %1").replace("%1", str(exc))
    if str(exc) in FIXED_MESSAGES:
        return QCoreApplication.translate("Errors", str(exc))
    code = str(exc.params.get("key", exc.code))
    if code == "not_found":
        code = "lead_not_found" if "lead_id" in exc.params else "user_not_found"
    template = _TEMPLATES.get(code)
    if template is None or any(name not in exc.params for name in template[1]):
        return str(exc)
    text = QCoreApplication.translate("Errors", template[0])
    for n, name in enumerate(template[1], start=1):
        text = text.replace(f"%{n}", str(exc.params[name]))
    return text
