"""Speed to lead: the deadline for the first call, counted in the team's business time.

A lead that arrives during business hours must be called within ``sla_minutes``; one
that arrives at night, on a weekend or on a Japanese public holiday (the maintained
``holidays`` calendar) must be called within ``sla_minutes`` of the next opening.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import holidays

from models.teams.settings import TeamSettings


@cache
def _calendar(country: str) -> holidays.HolidayBase:
    return holidays.country_holidays(country)


def is_business_day(day: date, settings: TeamSettings) -> bool:
    if day.weekday() not in settings.weekdays:
        return False
    return not (settings.holiday_country and day in _calendar(settings.holiday_country))


def deadline(arrived_at: datetime, settings: TeamSettings) -> datetime:
    """When the first call is due for a lead that arrived at ``arrived_at`` (UTC)."""
    zone = ZoneInfo(settings.timezone)
    cursor = arrived_at.astimezone(zone)
    remaining = timedelta(minutes=settings.sla_minutes)
    for _ in range(400):  # a year of closed days is a misconfiguration, not a loop forever
        day = cursor.date()
        opens = datetime.combine(day, settings.day_start, zone)
        closes = datetime.combine(day, settings.day_end, zone)
        if not is_business_day(day, settings) or cursor >= closes:
            cursor = datetime.combine(day + timedelta(days=1), settings.day_start, zone)
            continue
        cursor = max(cursor, opens)
        available = closes - cursor
        if remaining <= available:
            return (cursor + remaining).astimezone(UTC)
        remaining -= available
        cursor = datetime.combine(day + timedelta(days=1), settings.day_start, zone)
    raise ValueError("no business day within a year: check the team's business days")


def next_business_slot(now: datetime, settings: TeamSettings) -> datetime:
    """The default time for a callback or a meeting: the next business day (weekends and
    the team's holidays skipped) an hour after opening, in the team's time zone (UTC)."""
    zone = ZoneInfo(settings.timezone)
    day = now.astimezone(zone).date() + timedelta(days=1)
    for _ in range(400):  # a year of closed days is a misconfiguration, not a loop forever
        if is_business_day(day, settings):
            opens = datetime.combine(day, settings.day_start, zone)
            closes = datetime.combine(day, settings.day_end, zone)
            return min(opens + timedelta(hours=1), closes).astimezone(UTC)
        day += timedelta(days=1)
    raise ValueError("no business day within a year: check the team's business days")


def business_days_later(start: datetime, days: int, settings: TeamSettings) -> datetime:
    """The close of business ``days`` business days after ``start``'s day (UTC): a handoff
    made on Friday with two days to answer is due at Tuesday's close."""
    zone = ZoneInfo(settings.timezone)
    day = start.astimezone(zone).date()
    left = days
    for _ in range(400 + days):  # see next_business_slot
        day += timedelta(days=1)
        if is_business_day(day, settings):
            left -= 1
            if left == 0:
                return datetime.combine(day, settings.day_end, zone).astimezone(UTC)
    raise ValueError("no business day within a year: check the team's business days")
