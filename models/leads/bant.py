"""Qualification (BANT): the typed answers a rep records, each with its evidence."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.core.entities import QualificationAnswer
from models.core.enums import BANT_UNKNOWN, BANT_VALUES, BantField
from models.core.errors import InvalidInput

UNKNOWN = BANT_UNKNOWN
#: The values each BANT field may take, weakest first (the UI shows them in this order).
VALUES = BANT_VALUES


def validate(field: str, value: str) -> None:
    """Raise InvalidInput naming the field and the accepted values."""
    if field not in VALUES:
        raise InvalidInput(
            "bant.field_unknown", field="bant", value=field, expected=", ".join(VALUES)
        )
    if value not in VALUES[field]:
        raise InvalidInput(
            "bant.value_unknown",
            field=f"bant.{field}",
            value=value,
            bant_field=field,
            expected=", ".join(VALUES[field]),
        )


@dataclass(frozen=True)
class BantAnswer:
    value: str
    evidence: str = ""


@dataclass(frozen=True)
class Qualification:
    field: str
    value: str
    evidence: str
    recorded_at: datetime | None


def current_answers(session: Session, lead_id: int) -> dict[str, Qualification]:
    """The newest answer per BANT field (``unknown`` where none was recorded)."""
    latest: dict[str, Qualification] = {
        f.value: Qualification(f.value, UNKNOWN, "", None) for f in BantField
    }
    rows = session.execute(
        select(
            QualificationAnswer.field,
            QualificationAnswer.value,
            QualificationAnswer.evidence,
            QualificationAnswer.recorded_at,
        )
        .where(QualificationAnswer.lead_id == lead_id)
        .order_by(QualificationAnswer.recorded_at, QualificationAnswer.id)
    )
    for name, value, evidence, recorded_at in rows:
        latest[name] = Qualification(name, value, evidence or "", recorded_at)
    return latest


def save_answers(
    session: Session,
    lead_id: int,
    answers: Mapping[str, BantAnswer],
    call_id: int,
    user_id: int,
    now: datetime,
) -> None:
    """Record the answers that moved (history kept: a new row, never an update)."""
    current = current_answers(session, lead_id)
    for name, answer in answers.items():
        known = current[name]
        if known.value == answer.value and known.evidence == answer.evidence.strip():
            continue  # only what moved is recorded
        session.add(
            QualificationAnswer(
                lead_id=lead_id,
                field=name,
                value=answer.value,
                evidence=answer.evidence.strip() or None,
                call_id=call_id,
                recorded_by=user_id,
                recorded_at=now,
            )
        )
