"""What a refused change of a team's rules says: the field and what is allowed, or, for a
form opened on older rules, which rules changed, who changed them and when."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from models.core.entities import AuditEntry, Team
from models.core.errors import ConcurrentChange, InvalidInput, NotFound
from models.db.database import Database
from models.teams.rules import changed_rules, list_teams, team_of, update_settings
from models.teams.users import user_by_email
from tests.conftest import NOW

LEAD = "naoki.tanaka@baton.example"
ADMIN = "makoto.kobayashi@baton.example"


@pytest.mark.parametrize(
    ("hours", "key", "field", "said"),
    [
        (
            {"start": "25:00"},
            "team.start_invalid",
            "business_hours.start",
            "Business hours, start: “25:00” is not a time of day. Write HH:MM, from 00:00 "
            "to 23:59 (for example 09:00).",
        ),
        (
            {"end": "18:60"},
            "team.end_invalid",
            "business_hours.end",
            "Business hours, end: “18:60” is not a time of day. Write HH:MM, from 00:00 "
            "to 23:59 (for example 18:00).",
        ),
        ({"end": "9:00"}, "team.end_invalid", "business_hours.end", None),
        ({"weekdays": []}, "team.weekdays_empty", "weekdays", "Choose at least one business day."),
    ],
)
def test_a_wrong_rule_names_its_field_and_what_is_allowed(
    demo_db: Database, hours: dict[str, object], key: str, field: str, said: str | None
) -> None:
    with demo_db.write() as session:
        lead = user_by_email(session, LEAD)
        team = list_teams(session)[0]
        with pytest.raises(InvalidInput) as refused:
            update_settings(session, lead.id, team.id, {"business_hours": hours}, NOW)
    assert (refused.value.key, refused.value.params["field"]) == (key, field)
    if said is not None:
        assert str(refused.value) == said


def test_a_stale_form_is_told_what_changed_who_and_when(demo_db: Database) -> None:
    with demo_db.read() as session:
        lead = user_by_email(session, LEAD)
        seen = list_teams(session)[0]
    at = NOW + timedelta(minutes=5)
    with demo_db.write() as session:
        admin = user_by_email(session, ADMIN)
        changes = {"sla_minutes": 30, "business_hours": {"end": "19:00"}}
        update_settings(session, admin.id, seen.id, changes, at)
    with demo_db.write() as session, pytest.raises(ConcurrentChange) as refused:
        update_settings(session, lead.id, seen.id, {"holiday_country": None}, NOW, seen.settings)
    error = refused.value
    assert error.key == "team.changed_meanwhile_by"
    assert error.params["changed"] == ["business_hours.end", "sla_minutes"]
    assert (error.params["user"], error.params["at"]) == ("小林 誠", at.isoformat("T", "minutes"))
    assert str(error).startswith(f"The rules of {seen.name} were changed since you opened them")
    with demo_db.read() as session:
        assert list_teams(session)[0].settings["holiday_country"] == "JP"


def test_a_stale_form_without_a_recorded_change_is_still_refused(demo_db: Database) -> None:
    """Rules changed behind the audit trail (a script): no who and when to say."""
    with demo_db.read() as session:
        lead = user_by_email(session, LEAD)
        seen = list_teams(session)[0]
    with demo_db.write() as session:
        session.execute(update(Team).values(settings={**seen.settings, "sla_minutes": 9}))
        session.execute(update(AuditEntry).where(AuditEntry.entity == "team").values(entity="x"))
    with demo_db.write() as session, pytest.raises(ConcurrentChange) as refused:
        update_settings(session, lead.id, seen.id, {"sla_minutes": 10}, NOW, seen.settings)
    assert refused.value.key == "team.changed_meanwhile"
    assert refused.value.params["changed"] == ["sla_minutes"]


def test_changed_rules_names_nested_rules_by_their_dotted_name() -> None:
    before = {"business_hours": {"start": "09:00"}, "attempts": {"period_days": 14}}
    after = {"business_hours": {"start": "10:00"}, "attempts": {"period_days": 7}}
    assert changed_rules(before, after) == ["business_hours.start", "attempts.period_days"]
    assert changed_rules(None, {}) == []


def test_a_database_without_a_team_says_so(db: Database) -> None:
    with db.read() as session, pytest.raises(NotFound) as refused:
        team_of(session, None)
    assert refused.value.key == "team.none"
