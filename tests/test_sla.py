"""models/sla.py and models/team_settings.py: the speed-to-lead deadline in business time.

The default team works in Asia/Tokyo, 09:00–18:00 Monday to Friday, skips Japanese
public holidays and must call a new lead within 5 minutes. Expectations are written as
Tokyo wall-clock times, worked out by hand from the calendar.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.core.errors import InvalidInput
from models.scoring.sla import deadline, is_business_day
from models.teams.settings import DEFAULTS, TeamSettings

TOKYO = ZoneInfo("Asia/Tokyo")
DEFAULT = TeamSettings.from_dict(None)


def jst(year: int, month: int, day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    """A Tokyo wall-clock time as the aware UTC datetime the domain works with."""
    return datetime(year, month, day, hour, minute, second, tzinfo=TOKYO).astimezone(UTC)


def test_defaults_are_the_documented_team_rules() -> None:
    assert TeamSettings() == DEFAULT
    assert DEFAULT.timezone == "Asia/Tokyo"
    assert (DEFAULT.day_start, DEFAULT.day_end) == (time(9), time(18))
    assert DEFAULT.weekdays == frozenset({0, 1, 2, 3, 4})
    assert DEFAULT.holiday_country == "JP"
    assert DEFAULT.sla_minutes == 5
    assert (DEFAULT.max_unanswered, DEFAULT.period_days) == (6, 14)
    assert TeamSettings.from_dict({}) == DEFAULT
    assert TeamSettings.from_dict(DEFAULTS) == DEFAULT


def test_the_deadline_is_returned_in_utc() -> None:
    due = deadline(jst(2026, 11, 20, 12), DEFAULT)
    assert due.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    ("arrived", "due"),
    [
        # Friday 2026-11-20 at noon (tests.conftest.NOW): five minutes later.
        (jst(2026, 11, 20, 12), jst(2026, 11, 20, 12, 5)),
        (jst(2026, 11, 18, 14, 37, 12), jst(2026, 11, 18, 14, 42, 12)),
        # Opening time exactly, and the last minute that still fits in the day.
        (jst(2026, 11, 19, 9), jst(2026, 11, 19, 9, 5)),
        (jst(2026, 11, 19, 17, 55), jst(2026, 11, 19, 18)),
    ],
    ids=["noon", "afternoon", "opening", "last-minute"],
)
def test_arrival_during_business_hours_gets_five_minutes(arrived: datetime, due: datetime) -> None:
    assert deadline(arrived, DEFAULT) == due


def test_the_instant_counts_not_the_wall_clock_of_the_input() -> None:
    # 01:00 in London is 10:00 in Tokyo (inside hours); 10:00 in London is 19:00 in Tokyo.
    london = ZoneInfo("Europe/London")
    assert deadline(datetime(2026, 11, 19, 1, 0, tzinfo=london), DEFAULT) == jst(
        2026, 11, 19, 10, 5
    )
    assert deadline(datetime(2026, 11, 19, 10, 0, tzinfo=london), DEFAULT) == jst(
        2026, 11, 20, 9, 5
    )


def test_friday_evening_carries_the_rest_to_monday_morning() -> None:
    # Friday 2026-11-13 17:58: two minutes today, the other three on Monday 11-16.
    assert deadline(jst(2026, 11, 13, 17, 58), DEFAULT) == jst(2026, 11, 16, 9, 3)
    assert deadline(jst(2026, 11, 13, 17, 59, 30), DEFAULT) == jst(2026, 11, 16, 9, 4, 30)


def test_friday_evening_before_a_monday_holiday_carries_to_tuesday() -> None:
    # Monday 2026-11-23 is 勤労感謝の日 (Labour Thanksgiving Day).
    assert deadline(jst(2026, 11, 20, 17, 58), DEFAULT) == jst(2026, 11, 24, 9, 3)


@pytest.mark.parametrize(
    "arrived",
    [
        jst(2026, 11, 13, 18, 0),  # Friday, the minute the office closes
        jst(2026, 11, 13, 23, 59),  # Friday night
        jst(2026, 11, 14, 10, 0),  # Saturday morning
        jst(2026, 11, 14, 22, 30),  # Saturday night
        jst(2026, 11, 15, 23, 30),  # Sunday night
        jst(2026, 11, 16, 0, 0),  # Monday, midnight
        jst(2026, 11, 16, 8, 59, 59),  # Monday, just before opening
    ],
    ids=["fri-18:00", "fri-night", "sat-morning", "sat-night", "sun-night", "mon-0:00", "mon-8:59"],
)
def test_weekend_and_night_arrivals_are_due_at_monday_0905(arrived: datetime) -> None:
    assert deadline(arrived, DEFAULT) == jst(2026, 11, 16, 9, 5)


def test_arrival_before_opening_is_due_five_minutes_after_opening() -> None:
    assert deadline(jst(2026, 11, 18, 7, 30), DEFAULT) == jst(2026, 11, 18, 9, 5)
    assert deadline(jst(2026, 11, 18, 0, 1), DEFAULT) == jst(2026, 11, 18, 9, 5)


@pytest.mark.parametrize(
    ("arrived", "due"),
    [
        # 勤労感謝の日, Monday 2026-11-23: the whole day is skipped.
        (jst(2026, 11, 23, 10, 0), jst(2026, 11, 24, 9, 5)),
        (jst(2026, 11, 21, 12, 0), jst(2026, 11, 24, 9, 5)),
        # 元日, Friday 2027-01-01, then the weekend: Monday 2027-01-04.
        (jst(2027, 1, 1, 11, 0), jst(2027, 1, 4, 9, 5)),
        (jst(2026, 12, 31, 17, 57), jst(2027, 1, 4, 9, 2)),
        # Golden Week 2026: 5/3 (Sun) 憲法記念日, 5/4 みどりの日, 5/5 こどもの日,
        # 5/6 振替休日; Friday 5/1 evening carries over to Thursday 5/7.
        (jst(2026, 5, 1, 17, 59), jst(2026, 5, 7, 9, 4)),
        (jst(2026, 5, 4, 9, 30), jst(2026, 5, 7, 9, 5)),
        (jst(2026, 5, 5, 15, 0), jst(2026, 5, 7, 9, 5)),
        (jst(2026, 5, 6, 12, 0), jst(2026, 5, 7, 9, 5)),
    ],
    ids=[
        "labour-thanksgiving",
        "saturday-before-it",
        "new-year",
        "new-year-eve-evening",
        "golden-week-eve",
        "greenery-day",
        "childrens-day",
        "substitute-holiday",
    ],
)
def test_japanese_public_holidays_are_skipped(arrived: datetime, due: datetime) -> None:
    assert deadline(arrived, DEFAULT) == due


def test_business_days_follow_weekdays_and_the_holiday_calendar() -> None:
    assert is_business_day(date(2026, 11, 20), DEFAULT)  # Friday
    assert not is_business_day(date(2026, 11, 21), DEFAULT)  # Saturday
    assert not is_business_day(date(2026, 11, 23), DEFAULT)  # 勤労感謝の日
    assert not is_business_day(date(2027, 1, 1), DEFAULT)  # 元日
    for day in (4, 5, 6):
        assert not is_business_day(date(2026, 5, day), DEFAULT)  # Golden Week
    assert is_business_day(date(2026, 5, 7), DEFAULT)
    no_holidays = TeamSettings(holiday_country=None)
    assert is_business_day(date(2026, 11, 23), no_holidays)


def test_without_a_holiday_calendar_holidays_are_working_days() -> None:
    settings_ = TeamSettings.from_dict({"holiday_country": None})
    assert settings_.holiday_country is None
    assert deadline(jst(2026, 11, 23, 10, 0), settings_) == jst(2026, 11, 23, 10, 5)
    assert deadline(jst(2026, 11, 20, 17, 58), settings_) == jst(2026, 11, 23, 9, 3)


def test_custom_hours_weekdays_target_and_zone() -> None:
    custom = TeamSettings.from_dict(
        {
            "timezone": "America/New_York",
            "business_hours": {"start": "08:30", "end": "17:00", "weekdays": [0, 1, 2, 3, 4, 5]},
            "holiday_country": None,
            "sla_minutes": 30,
            "attempts": {"max_unanswered": 3, "period_days": 7},
        }
    )
    assert custom.timezone == "America/New_York"
    assert (custom.day_start, custom.day_end) == (time(8, 30), time(17))
    assert custom.weekdays == frozenset(range(6))
    assert (custom.sla_minutes, custom.max_unanswered, custom.period_days) == (30, 3, 7)
    ny = ZoneInfo("America/New_York")

    def at(*parts: int) -> datetime:
        return datetime(*parts, tzinfo=ny).astimezone(UTC)  # type: ignore[misc]

    # Inside hours: thirty minutes.
    assert deadline(at(2026, 11, 18, 10, 0), custom) == at(2026, 11, 18, 10, 30)
    # Saturday is a working day for this team; 16:50 leaves ten minutes, twenty on Monday.
    assert deadline(at(2026, 11, 21, 16, 50), custom) == at(2026, 11, 23, 8, 50)
    # Sunday is not; before opening counts from 08:30.
    assert deadline(at(2026, 11, 22, 12, 0), custom) == at(2026, 11, 23, 9, 0)
    assert deadline(at(2026, 11, 23, 6, 0), custom) == at(2026, 11, 23, 9, 0)
    # Thanksgiving (US) is an ordinary day without a calendar.
    assert deadline(at(2026, 11, 26, 12, 0), custom) == at(2026, 11, 26, 12, 30)


def test_an_sla_longer_than_a_business_day_spans_days() -> None:
    long_target = TeamSettings.from_dict({"sla_minutes": 9 * 60 + 30})  # 9.5 business hours
    # Thursday 2026-11-19 12:00: 6 hours Thursday, 3.5 hours Friday.
    assert deadline(jst(2026, 11, 19, 12, 0), long_target) == jst(2026, 11, 20, 12, 30)
    # Friday 12:00: 6 hours Friday, Monday 11-23 is a holiday, 3.5 hours Tuesday.
    assert deadline(jst(2026, 11, 20, 12, 0), long_target) == jst(2026, 11, 24, 12, 30)


def test_partial_settings_keep_the_other_defaults() -> None:
    partial = TeamSettings.from_dict({"business_hours": {"end": "20:00"}, "attempts": {}})
    assert partial.day_start == time(9)
    assert partial.day_end == time(20)
    assert partial.weekdays == DEFAULT.weekdays
    assert partial.max_unanswered == DEFAULT.max_unanswered
    assert deadline(jst(2026, 11, 19, 19, 58), partial) == jst(2026, 11, 20, 9, 3)
    assert deadline(jst(2026, 11, 19, 19, 55), partial) == jst(2026, 11, 19, 20, 0)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"business_hours": {"start": "18:00", "end": "09:00"}}, "business_hours"),
        ({"business_hours": {"start": "09:00", "end": "09:00"}}, "business_hours"),
        ({"business_hours": {"weekdays": [0, 1, 7]}}, "weekdays"),
        ({"business_hours": {"weekdays": [-1, 2]}}, "weekdays"),
        ({"business_hours": {"weekdays": []}}, "weekdays"),
        ({"sla_minutes": 0}, "sla_minutes"),
        ({"sla_minutes": -5}, "sla_minutes"),
        ({"business_hours": {"start": "25:00"}}, "business_hours.start"),
        ({"business_hours": {"weekdays": ["monday"]}}, "team"),
        ({"sla_minutes": "five"}, "team"),
        ({"attempts": {"period_days": None}}, "team"),
        ({"timezone": "Asia/Tokio"}, "timezone"),
        ({"timezone": ""}, "timezone"),
        ({"holiday_country": "XX"}, "holiday_country"),
        ({"attempts": {"max_unanswered": 0}}, "attempts"),
        ({"attempts": {"period_days": -1}}, "attempts"),
    ],
    ids=[
        "end-before-start",
        "end-equals-start",
        "weekday-7",
        "weekday-negative",
        "no-weekdays",
        "sla-zero",
        "sla-negative",
        "hour-25",
        "weekday-name",
        "sla-text",
        "period-none",
        "unknown-zone",
        "empty-zone",
        "unknown-holiday-calendar",
        "no-attempts",
        "negative-period",
    ],
)
def test_malformed_settings_are_refused_naming_the_field(
    data: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidInput) as info:
        TeamSettings.from_dict(data)  # type: ignore[arg-type]
    assert info.value.params["field"] == field


# -- Properties -------------------------------------------------------------------------
arrivals = st.datetimes(
    min_value=datetime(2025, 1, 1),
    max_value=datetime(2028, 12, 31),
    timezones=st.just(UTC),
)


def _inside_business_hours(moment: datetime, rules: TeamSettings) -> bool:
    local = moment.astimezone(ZoneInfo(rules.timezone))
    start = datetime.combine(local.date(), rules.day_start, local.tzinfo)
    end = datetime.combine(local.date(), rules.day_end, local.tzinfo)
    return is_business_day(local.date(), rules) and start < local <= end


@settings(max_examples=300, deadline=None)
@given(arrived=arrivals)
def test_deadline_falls_in_business_hours_and_never_before_the_target(arrived: datetime) -> None:
    due = deadline(arrived, DEFAULT)
    assert _inside_business_hours(due, DEFAULT)
    target = timedelta(minutes=DEFAULT.sla_minutes)
    assert due >= arrived + target
    local = arrived.astimezone(TOKYO)
    closes = datetime.combine(local.date(), DEFAULT.day_end, TOKYO)
    opens = datetime.combine(local.date(), DEFAULT.day_start, TOKYO)
    if is_business_day(local.date(), DEFAULT) and opens <= local and local + target <= closes:
        assert due == arrived + target


@settings(max_examples=200, deadline=None)
@given(
    arrived=arrivals,
    start_hour=st.integers(min_value=6, max_value=11),
    length_hours=st.integers(min_value=1, max_value=10),
    weekdays=st.frozensets(st.integers(min_value=0, max_value=6), min_size=1),
    sla_minutes=st.integers(min_value=1, max_value=900),
    zone=st.sampled_from(["Asia/Tokyo", "Asia/Kolkata", "Australia/Brisbane", "UTC"]),
    country=st.sampled_from([None, "JP"]),
)
def test_custom_rules_keep_the_deadline_in_business_hours(
    arrived: datetime,
    start_hour: int,
    length_hours: int,
    weekdays: frozenset[int],
    sla_minutes: int,
    zone: str,
    country: str | None,
) -> None:
    rules = TeamSettings.from_dict(
        {
            "timezone": zone,
            "business_hours": {
                "start": f"{start_hour:02d}:00",
                "end": f"{start_hour + length_hours:02d}:00",
                "weekdays": sorted(weekdays),
            },
            "holiday_country": country,
            "sla_minutes": sla_minutes,
        }
    )
    due = deadline(arrived, rules)
    assert _inside_business_hours(due, rules)
    assert due >= arrived + timedelta(minutes=sla_minutes)
