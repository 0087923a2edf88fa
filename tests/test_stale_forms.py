"""A form saved after someone else changed the lead is refused with what changed; fields
the user did not touch are never written back (both backends)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from models.core.entities import Lead
from models.core.errors import ConcurrentChange
from models.db.database import Database
from models.leads.actions import RecycleInput, disqualify, mark_do_not_call, recycle
from models.leads.bant import current_answers
from models.leads.calls import BantAnswer, log_call
from models.teams.rules import TeamUpdated, list_teams, update_settings
from tests.test_calls import T0, callable_lead, draft, log, uid
from tests.write_checks import refused


def _version(db: Database, lead_id: int) -> int:
    with db.read() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None
        return lead.version


def test_a_stale_call_form_is_refused_and_never_resets_a_newer_answer(
    demo_db: Database,
) -> None:
    misaki = uid(demo_db, "misaki.sato")
    naoki = uid(demo_db, "naoki.tanaka")  # the team lead
    lead_id = callable_lead(demo_db, misaki)
    seen = _version(demo_db, lead_id)  # rep A opens the call dialog: budget unknown
    with demo_db.read() as session:
        assert current_answers(session, lead_id)["budget"].value == "unknown"
    # Meanwhile the team lead records budget "allocated".
    log(
        demo_db,
        naoki,
        draft(lead_id, "connected", bant={"budget": BantAnswer("allocated", "「確保済み」")}),
    )
    later = T0 + timedelta(minutes=2)
    stale = draft(lead_id, "no_answer", at=later, seen_version=seen)
    error = refused(
        demo_db, [lead_id], ConcurrentChange, lambda s: log_call(s, misaki, stale, later)
    )
    assert error.key == "lead.changed_meanwhile"
    assert error.params["action"] == "call_logged"
    assert error.params["user"] == "田中 直樹"
    assert "(" in error.params["lead"]  # named by name and company
    # Saved again against the current version: the call lands, the answer stays.
    fresh = draft(lead_id, "no_answer", at=later, seen_version=_version(demo_db, lead_id))
    log(demo_db, misaki, fresh, later)
    with demo_db.read() as session:
        assert current_answers(session, lead_id)["budget"].value == "allocated"


def test_stale_forms_taking_a_lead_out_are_refused(demo_db: Database) -> None:
    misaki = uid(demo_db, "misaki.sato")
    lead_id = callable_lead(demo_db, misaki)
    seen = _version(demo_db, lead_id)
    log(demo_db, misaki, draft(lead_id, "no_answer"))  # the lead moves on meanwhile
    later = T0 + timedelta(minutes=1)
    for action in (
        lambda s: recycle(s, misaki, RecycleInput(lead_id, "timing", None, "", seen), later),
        lambda s: disqualify(s, misaki, lead_id, "not_a_fit", "", later, seen),
        lambda s: mark_do_not_call(s, misaki, lead_id, "", later, seen),
    ):
        refused(demo_db, [lead_id], ConcurrentChange, action)
    with demo_db.write() as session:
        recycle(
            session,
            misaki,
            RecycleInput(lead_id, "timing", None, "", _version(demo_db, lead_id)),
            later,
        )


@pytest.mark.parametrize("stale", [True, False])
def test_team_rules_saved_over_newer_rules_are_refused(demo_db: Database, stale: bool) -> None:
    naoki = uid(demo_db, "naoki.tanaka")
    with demo_db.read() as session:
        team = list_teams(session)[0]
    seen = team.settings
    if stale:
        with demo_db.write() as session:
            update_settings(session, naoki, team.id, {"sla_minutes": 15}, T0)

    def save(session: Session) -> TeamUpdated:
        return update_settings(session, naoki, team.id, {"sla_minutes": 30}, T0, seen)

    if stale:
        with demo_db.write() as session, pytest.raises(ConcurrentChange):
            save(session)
        with demo_db.read() as session:
            assert list_teams(session)[0].settings["sla_minutes"] == 15
    else:
        with demo_db.write() as session:
            assert save(session).team.settings["sla_minutes"] == 30
