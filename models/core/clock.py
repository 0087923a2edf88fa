"""Time: Baton stores and compares aware UTC timestamps only.

Every use case takes ``now`` as an argument, so tests and the CLI's hidden ``--now``
(or ``BATON_NOW``) fix the clock instead of sleeping.
"""

from __future__ import annotations

from datetime import UTC, datetime

from models.core.errors import InvalidInput


def utcnow() -> datetime:
    return datetime.now(UTC)


def parse_now(text: str, *, option: str = "--now") -> datetime:
    """An ISO 8601 instant; one without a zone is taken as UTC."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(
            "input.not_a_datetime",
            field=option,
            option=option,
            value=text,
            example="2026-11-20T03:00:00Z",
        ) from None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
