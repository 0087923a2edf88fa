"""A new callback or meeting defaults to the team's next business slot (item 11)."""

from __future__ import annotations

from datetime import UTC, datetime

from models.db.database import Database
from models.leads.detail import lead_detail
from models.scoring.sla import next_business_slot
from models.teams.settings import TeamSettings
from tests.test_calls import callable_lead, uid

JP = TeamSettings()  # Tokyo, 09:00-18:00 Monday to Friday, Japanese holidays


def test_a_saturday_before_a_holiday_monday_defaults_to_tuesday_ten() -> None:
    # Saturday 2026-11-21, 15:00 JST; Monday the 23rd is 勤労感謝の日.
    saturday = datetime(2026, 11, 21, 6, 0, tzinfo=UTC)
    assert next_business_slot(saturday, JP) == datetime(2026, 11, 24, 1, 0, tzinfo=UTC)


def test_a_weekday_evening_defaults_to_the_next_morning() -> None:
    thursday_evening = datetime(2026, 11, 19, 10, 0, tzinfo=UTC)  # 19:00 JST
    assert next_business_slot(thursday_evening, JP) == datetime(2026, 11, 20, 1, 0, tzinfo=UTC)


def test_the_rules_of_the_team_decide(demo_db: Database) -> None:
    misaki = uid(demo_db, "misaki.sato")
    lead_id = callable_lead(demo_db, misaki)
    friday = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
    with demo_db.read() as session:
        detail = lead_detail(session, lead_id, friday)
    # The demo team works Monday to Friday on the Japanese calendar: Tuesday the 24th.
    assert detail.follow_up_default == datetime(2026, 11, 24, 1, 0, tzinfo=UTC)
