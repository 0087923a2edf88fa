"""The kinds of criteria the editor offers, by name, and what a new one of each starts as."""

from __future__ import annotations

from typing import Any

from desktop.i18n.translate import QT_TRANSLATE_NOOP, translate
from models.core.enums import BANT_VALUES, BantField, Grade, TouchKind
from models.definitions.criteria import FIT_VALUES, FitAttribute, Match

CTX = "DefinitionEditor"

# The kinds a user adds, in the order the picker lists them.
KIND_NAMES = {
    "score_at_least": QT_TRANSLATE_NOOP("DefinitionEditor", "Score at least"),
    "grade_in": QT_TRANSLATE_NOOP("DefinitionEditor", "Grade"),
    "touches": QT_TRANSLATE_NOOP("DefinitionEditor", "Engagement (touches)"),
    "bant": QT_TRANSLATE_NOOP("DefinitionEditor", "BANT answer"),
    "reached": QT_TRANSLATE_NOOP("DefinitionEditor", "Reached by phone"),
    "meeting_booked": QT_TRANSLATE_NOOP("DefinitionEditor", "Meeting booked"),
    "fit": QT_TRANSLATE_NOOP("DefinitionEditor", "Company fit"),
    "all": QT_TRANSLATE_NOOP("DefinitionEditor", "Group: all of"),
    "any": QT_TRANSLATE_NOOP("DefinitionEditor", "Group: any of"),
}

MATCH_NAMES = {
    Match.ANY.value: QT_TRANSLATE_NOOP("DefinitionEditor", "Any of the kinds"),
    Match.ALL.value: QT_TRANSLATE_NOOP("DefinitionEditor", "Each of the kinds"),
    Match.COUNT.value: QT_TRANSLATE_NOOP("DefinitionEditor", "At least a number of touches"),
}

GRADES = tuple(g.value for g in Grade)
TOUCH_KINDS = tuple(t.value for t in TouchKind)
BANT_FIELDS = tuple(f.value for f in BantField)
FIT_ATTRIBUTES = tuple(a.value for a in FitAttribute)


def kind_name(kind: str) -> str:
    return translate(CTX, KIND_NAMES.get(kind, kind))


def match_name(match: str) -> str:
    return translate(CTX, MATCH_NAMES.get(match, match))


def new_criterion(kind: str) -> dict[str, Any]:
    """A new criterion of ``kind`` as the editor adds it (valid, ready to adjust)."""
    starts: dict[str, dict[str, Any]] = {
        "score_at_least": {"score": 50},
        "grade_in": {"grades": ["A"]},
        "touches": {
            "kinds": ["document_request", "inquiry"],
            "within_days": 30,
            "match": Match.ANY.value,
        },
        "bant": {"field": "need", "values": ["explicit"]},
        "fit": {"attribute": "industry", "values": [FIT_VALUES["industry"][0]]},
        "all": {"items": []},
        "any": {"items": []},
    }
    return {"kind": kind, **starts.get(kind, {})}


def bant_values(field: str) -> tuple[str, ...]:
    return BANT_VALUES.get(field, ())


def fit_values(attribute: str) -> tuple[str, ...]:
    return FIT_VALUES.get(attribute, ())
