"""Qualification (BANT): the typed answers a rep records, each with its evidence."""

from __future__ import annotations

from models.core.enums import BantField
from models.core.errors import InvalidInput

UNKNOWN = "unknown"

#: The values each BANT field may take, weakest first (the UI shows them in this order).
VALUES: dict[str, tuple[str, ...]] = {
    BantField.BUDGET: (UNKNOWN, "none", "planned", "allocated"),
    BantField.AUTHORITY: (UNKNOWN, "user", "influencer", "decision_maker"),
    BantField.NEED: (UNKNOWN, "none", "latent", "explicit"),
    BantField.TIMELINE: (UNKNOWN, "over_12m", "within_12m", "within_6m", "within_3m"),
}


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
