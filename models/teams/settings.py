"""A team's working rules: business hours, holiday calendar, speed-to-lead target, attempts.

Stored as JSON on the team; every key has a default, so a team that set nothing works.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays

from models.core.errors import InvalidInput

DEFAULTS: dict[str, Any] = {
    "timezone": "Asia/Tokyo",
    "business_hours": {"start": "09:00", "end": "18:00", "weekdays": [0, 1, 2, 3, 4]},
    "holiday_country": "JP",
    "sla_minutes": 5,
    "attempts": {"max_unanswered": 6, "period_days": 14},
}


_CLOCK = re.compile(r"[0-9]{2}:[0-9]{2}(:[0-9]{2})?")


def _clock(value: object) -> time | None:
    """A time of day written HH:MM[:SS], or None (``time.fromisoformat`` alone stops at a
    NUL, and its refusal of "25:00" names neither the field nor what is allowed)."""
    if not isinstance(value, str) or _CLOCK.fullmatch(value) is None:
        return None
    try:
        return time.fromisoformat(value)
    except ValueError:
        return None


def _business_hours(hours: dict[str, Any]) -> tuple[time, time]:
    """The day's start and end; a refusal names the field and says what is allowed."""
    start, end = _clock(hours["start"]), _clock(hours["end"])
    if start is None:
        raise InvalidInput(
            "team.start_invalid", field="business_hours.start", value=str(hours["start"])
        )
    if end is None:
        raise InvalidInput("team.end_invalid", field="business_hours.end", value=str(hours["end"]))
    return start, end


@dataclass(frozen=True)
class TeamSettings:
    timezone: str = "Asia/Tokyo"
    day_start: time = time(9, 0)
    day_end: time = time(18, 0)
    weekdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})
    holiday_country: str | None = "JP"
    sla_minutes: int = 5
    max_unanswered: int = 6
    period_days: int = 14

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> TeamSettings:
        data = data or {}
        hours = {**DEFAULTS["business_hours"], **data.get("business_hours", {})}
        attempts = {**DEFAULTS["attempts"], **data.get("attempts", {})}
        day_start, day_end = _business_hours(hours)
        try:
            settings = cls(
                timezone=str(data.get("timezone", DEFAULTS["timezone"])),
                day_start=day_start,
                day_end=day_end,
                weekdays=frozenset(int(d) for d in hours["weekdays"]),
                holiday_country=data.get("holiday_country", DEFAULTS["holiday_country"]),
                sla_minutes=int(data.get("sla_minutes", DEFAULTS["sla_minutes"])),
                max_unanswered=int(attempts["max_unanswered"]),
                period_days=int(attempts["period_days"]),
            )
        except (TypeError, ValueError) as exc:
            raise InvalidInput("team.settings_malformed", field="team", reason=str(exc)) from exc
        if settings.day_end <= settings.day_start:
            raise InvalidInput("team.hours_order", field="business_hours")
        if not settings.weekdays:
            raise InvalidInput("team.weekdays_empty", field="weekdays")
        if not settings.weekdays <= set(range(7)):
            raise InvalidInput("team.weekdays", field="weekdays")
        if settings.sla_minutes <= 0:
            raise InvalidInput("team.sla_not_positive", field="sla_minutes")
        if settings.max_unanswered <= 0 or settings.period_days <= 0:
            raise InvalidInput("team.attempts_not_positive", field="attempts")
        # Checked here, not where a deadline is first computed (a crash far from the cause).
        try:
            ZoneInfo(settings.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise InvalidInput(
                "team.timezone_unknown", field="timezone", value=settings.timezone
            ) from None
        country = settings.holiday_country
        if country and country not in holidays.list_supported_countries():
            raise InvalidInput("team.holidays_unknown", field="holiday_country", value=country)
        return settings
