"""Error messages in the user's language, from the domain's message keys and parameters.

The English templates live in :data:`models.core.messages.MESSAGES` (context "Errors";
``scripts/update_translations.py`` feeds them to lupdate). A parameter that is a code is
shown through :mod:`desktop.i18n.labels`; the raw driver detail
(:data:`models.core.messages.DETAIL`) accompanies an English sentence only.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping

from desktop.i18n import criteria, handoff_labels, labels
from desktop.i18n.translate import QT_TRANSLATE_NOOP, translate
from models.core.errors import BatonError
from models.core.messages import DETAIL, MESSAGES, render, with_detail
from models.definitions.criteria import parse

CTX = "Errors"

#: What a user reads for a failure Baton did not foresee: never the exception's text or
#: repr (the failure policy logs those and shows where the log is).
UNEXPECTED = QT_TRANSLATE_NOOP("Errors", "An unexpected error occurred.")

#: Parameters that hold a code, shown as the label the rest of the UI uses.
_CODES: dict[str, Callable[[str], str]] = {
    "stage": labels.stage,
    "outcome": labels.outcome,
    "bant_field": labels.bant_field,
    "role": labels.role,
    "permission": labels.permission,
    "temperature": labels.temperature,
    "what": labels.input_field,
    "action": labels.audit_action,
    "at": labels.iso_datetime,
    "until": labels.iso_datetime,
    "criterion": lambda data: criteria.sentence(parse(json.loads(data))),
    "status": handoff_labels.status,
}


def _shown(name: str, value: object) -> object:
    as_label = _CODES.get(name)
    return as_label(str(value)) if as_label is not None and value is not None else value


def message(exc: BaseException) -> str:
    """The sentence to show a user for ``exc``, in the installed language."""
    if not isinstance(exc, BatonError):
        return translate(CTX, UNEXPECTED)
    if exc.key not in MESSAGES:  # not a catalogue key: a caller outside models/ wrote it
        return str(exc)
    return say(exc.key, exc.params)


def say(key: str, params: Mapping[str, object]) -> str:
    """The catalogue's sentence ``key`` with ``params``, in the installed language (a
    message built without an error: an import's rejected row)."""
    template = MESSAGES.get(key)
    if template is None:
        return key
    translated = translate(CTX, template)
    shown = {name: _shown(name, value) for name, value in params.items() if name != DETAIL}
    text = render(translated, shown)
    # The driver's own words are English: only an English sentence carries them.
    return with_detail(text, params) if translated == template else text
