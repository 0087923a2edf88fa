"""A team's working rules: who may change them, validation, audit, effect on the SLA clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.core.entities import AuditEntry, Lead
from models.core.errors import InvalidInput, PermissionDenied
from models.db.database import Database
from models.leads.actions import RecycleInput, recycle, requalify
from models.teams.rules import list_teams, update_settings
from models.teams.users import user_by_email
from tests.conftest import NOW

LEAD_EMAIL = "naoki.tanaka@baton.example"


def sender(session: Session) -> int:
    """Marketing sends leads again (the demo's marketing user)."""
    return user_by_email(session, "ai.nakamura@baton.example").id


def _audits(db: Database) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count(AuditEntry.id))) or 0)


def test_a_team_lead_changes_the_rules_and_it_is_audited(demo_db: Database) -> None:
    with demo_db.write() as session:
        lead = user_by_email(session, LEAD_EMAIL)
        team = list_teams(session)[0]
        changed = update_settings(
            session,
            lead.id,
            team.id,
            {"business_hours": {"start": "10:00"}, "sla_minutes": 15},
            NOW,
        )
    assert changed.team.settings["business_hours"] == {
        "start": "10:00",
        "end": "18:00",
        "weekdays": [0, 1, 2, 3, 4],
    }
    assert changed.team.settings["sla_minutes"] == 15
    with demo_db.read() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "settings_changed")
        ).one()
    assert entry.before is not None and entry.before["sla_minutes"] == 5
    assert entry.after is not None and entry.after["sla_minutes"] == 15


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"business_hours": {"start": "19:00", "end": "10:00"}}, "business_hours"),
        ({"business_hours": {"weekdays": [7]}}, "weekdays"),
        ({"sla_minutes": 0}, "sla_minutes"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"holiday_country": "XX"}, "holiday_country"),
        ({"attempts": {"max_unanswered": 0}}, "attempts"),
    ],
)
def test_invalid_rules_are_refused_whole(
    demo_db: Database, changes: dict[str, object], field: str
) -> None:
    before = _audits(demo_db)
    with demo_db.write() as session:
        lead = user_by_email(session, LEAD_EMAIL)
        team = list_teams(session)[0]
        with pytest.raises(InvalidInput) as raised:
            update_settings(session, lead.id, team.id, changes, NOW)
    assert raised.value.params["field"] == field
    with demo_db.read() as session:
        assert list_teams(session)[0].settings == team.settings
    assert _audits(demo_db) == before


def test_a_rep_cannot_change_the_rules(demo_db: Database) -> None:
    with demo_db.write() as session:
        rep = user_by_email(session, "misaki.sato@baton.example")
        team = list_teams(session)[0]
        with pytest.raises(PermissionDenied):
            update_settings(session, rep.id, team.id, {"sla_minutes": 1}, NOW)


def test_the_sla_clock_follows_the_new_rules(demo_db: Database) -> None:
    """A requalified lead's first-call deadline uses the team's current target."""
    now = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)  # Tuesday 10:00 in Tokyo
    with demo_db.write() as session:
        lead_user = user_by_email(session, LEAD_EMAIL)
        team = list_teams(session)[0]
        update_settings(session, lead_user.id, team.id, {"sla_minutes": 30}, now)
        target = session.scalars(
            select(Lead.id).where(Lead.stage == "working", Lead.do_not_call.is_(False)).limit(1)
        ).one()
        recycle(session, lead_user.id, RecycleInput(target, "timing"), now)
        requalify(session, sender(session), target, now)
    with demo_db.read() as session:
        lead = session.get(Lead, target)
        assert lead is not None
        assert lead.sla_due_at == now + timedelta(minutes=30)
