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

from models.core.enums import Industry, Region, SizeBand
from models.core.errors import InvalidInput

DEFAULTS: dict[str, Any] = {
    "timezone": "Asia/Tokyo",
    "business_hours": {"start": "09:00", "end": "18:00", "weekdays": [0, 1, 2, 3, 4]},
    "holiday_country": "JP",
    "sla_minutes": 5,
    "attempts": {"max_unanswered": 6, "period_days": 14},
    #: Business days field sales have to accept or reject a handoff.
    "handoff_response_days": 2,
    #: Which field reps take which leads: the first rule matching the lead's company
    #: (an empty list matches anything) gives its field reps, taken in turn.
    "routing": [],
}

ROUTING_KEYS = {"regions": Region, "industries": Industry, "size_bands": SizeBand}


@dataclass(frozen=True)
class RoutingRule:
    regions: frozenset[str] = frozenset()
    industries: frozenset[str] = frozenset()
    size_bands: frozenset[str] = frozenset()
    field_reps: tuple[int, ...] = ()

    def matches(self, region: str | None, industry: str | None, size_band: str | None) -> bool:
        return all(
            not wanted or value in wanted
            for wanted, value in (
                (self.regions, region),
                (self.industries, industry),
                (self.size_bands, size_band),
            )
        )


def routing_rules(data: object) -> tuple[RoutingRule, ...]:
    """The routing rules stored in a team's settings; a refusal names the rule and field."""
    if not isinstance(data, list):
        raise InvalidInput("team.routing_malformed", field="routing", value=repr(data)[:80])
    rules = []
    for index, rule in enumerate(data, start=1):
        if not isinstance(rule, dict):
            raise InvalidInput("team.routing_malformed", field="routing", value=repr(rule)[:80])
        for key in rule:
            if key not in (*ROUTING_KEYS, "field_reps"):
                raise InvalidInput(
                    "team.routing_key_unknown",
                    field="routing",
                    rule=index,
                    value=str(key),
                    expected=", ".join([*ROUTING_KEYS, "field_reps"]),
                )
        sets: dict[str, frozenset[str]] = {}
        for key, vocabulary in ROUTING_KEYS.items():
            values = rule.get(key, [])
            allowed = [v.value for v in vocabulary]
            if not isinstance(values, list) or any(v not in allowed for v in values):
                raise InvalidInput(
                    "team.routing_value_unknown",
                    field="routing",
                    rule=index,
                    key=key,
                    value=repr(values)[:80],
                    expected=", ".join(allowed),
                )
            sets[key] = frozenset(values)
        reps = rule.get("field_reps", [])
        if (
            not isinstance(reps, list)
            or not reps
            or any(isinstance(r, bool) or not isinstance(r, int) for r in reps)
        ):
            raise InvalidInput("team.routing_no_field_reps", field="routing", rule=index)
        rules.append(
            RoutingRule(sets["regions"], sets["industries"], sets["size_bands"], tuple(reps))
        )
    return tuple(rules)


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
    handoff_response_days: int = 2
    routing: tuple[RoutingRule, ...] = ()

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
                handoff_response_days=int(
                    data.get("handoff_response_days", DEFAULTS["handoff_response_days"])
                ),
                routing=routing_rules(data.get("routing", [])),
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
        if not 1 <= settings.handoff_response_days <= 30:
            raise InvalidInput(
                "team.response_days_range",
                field="handoff_response_days",
                value=str(settings.handoff_response_days),
            )
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
