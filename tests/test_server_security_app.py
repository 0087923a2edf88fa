"""The app works under row-level security, and the server refuses what the app must not do.

Each test opens the app's own Database signed in as one person (the login in the URL)
on a team-mode database of its own (tests/team_server.py) and runs real use cases:
logging a call, reading the queue, the minute tick and a full rescore, claiming, a
field rep's answer, a team lead's reassignment. A rep's attempt on another rep's lead is
refused, by the domain or, past it, by the server.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm.exc import StaleDataError

from models.core.entities import Call, Definition, Lead, LeadClaim
from models.core.errors import BatonError
from models.handoff.respond import Answer, respond
from models.leads.assignment import reassign
from models.leads.calls import CallDraft, log_call
from models.leads.claims import claim
from models.leads.follow_ups import minute_tick
from models.leads.queue import QueueQuery, queue_ids
from models.scoring.rescore import rescore_all
from models.teams import identity
from tests.team_server import NOW, TeamDatabase, team_database

pytestmark = pytest.mark.postgres


@pytest.fixture
def team_db(pg_url: str) -> Iterator[TeamDatabase]:
    with team_database(pg_url) as built:
        yield built


def _draft(lead_id: int) -> CallDraft:
    return CallDraft(lead_id=lead_id, outcome="no_answer", started_at=NOW - timedelta(minutes=2))


def _calls(team_db: TeamDatabase) -> dict[int, int]:
    with team_db.owner() as db, db.read() as session:
        rows = session.execute(select(Call.lead_id, func.count()).group_by(Call.lead_id))
        return {lead_id: count for lead_id, count in rows}


def test_a_rep_signs_in_reads_their_queue_and_logs_a_call(team_db: TeamDatabase) -> None:
    leads, rep_a = team_db.leads, team_db.ids["rep_a"]
    with team_db.app("rep_a") as db:
        with db.read() as session:
            assert identity.team_mode(session)
            assert identity.signed_in_user(session).id == rep_a
            shown = set(queue_ids(session, QueueQuery()))
        assert shown == {leads["a_own"], leads["b_own"], leads["open_t"], leads["open_none"]}
        with db.write() as session:
            log_call(session, rep_a, _draft(leads["a_own"]), NOW)
        with db.write() as session:  # calling an unassigned lead of the team takes it
            log_call(session, rep_a, _draft(leads["open_t"]), NOW)
        with db.write() as session:
            claim(session, rep_a, leads["a_own"], NOW)
    assert _calls(team_db) == {leads["a_own"]: 1, leads["open_t"]: 1}
    with team_db.owner() as db, db.read() as session:
        taken = session.get(Lead, leads["open_t"])
        assert taken is not None and taken.owner_id == rep_a


def test_a_reps_attempt_on_another_reps_lead_is_refused(team_db: TeamDatabase) -> None:
    leads, rep_a = team_db.leads, team_db.ids["rep_a"]
    with team_db.app("rep_a") as db:
        for other in ("b_own", "d_own"):
            with pytest.raises(BatonError), db.write() as session:
                log_call(session, rep_a, _draft(leads[other]), NOW)
        # Past the app's checks (a modified app, a bug), the server still refuses.
        with pytest.raises(StaleDataError), db.write() as session:
            lead = session.get(Lead, leads["b_own"])
            assert lead is not None  # rep B's lead is seen (same team), not theirs to change
            lead.owner_id = rep_a
            session.flush()
        with db.write() as session:
            changed = session.execute(
                update(Lead).where(Lead.id == leads["b_own"]).values(priority=0)
            )
            assert changed.rowcount == 0  # type: ignore[attr-defined]
    assert _calls(team_db) == {}


def test_the_minute_tick_and_a_full_rescore_run_under_a_rep_login(team_db: TeamDatabase) -> None:
    """Every lead is due; the rep's tick rescores the ones they may change and skips the
    rest (other reps' leads are not returned to a locking SELECT), without failing; a
    definition version whose date came is put in effect by it too."""
    leads = team_db.leads
    with team_db.owner() as db, db.write() as session:
        session.execute(update(Lead).values(rescore_due_at=None, scored_at=None))
        current = session.scalars(select(Definition).where(Definition.active.is_(True))).one()
        session.add(
            Definition(
                version=2,
                name="v2",
                scoring=current.scoring,
                criteria=current.criteria,
                status="approved",
                approved_at=NOW - timedelta(days=1),
                effective_from=NOW + timedelta(minutes=30),
            )
        )
    later = NOW + timedelta(hours=1)
    with team_db.app("rep_a") as db:
        with db.write() as session:
            changes = minute_tick(session, later)
        assert set(changes.lead_ids) == {
            leads["a_own"],
            leads["open_t"],
            leads["open_none"],
            leads["handed"],
        }
        assert changes.definition
        report = rescore_all(db, later)
        assert report.leads == 4 and not report.cancelled
    with team_db.owner() as db, db.read() as session:
        scored = set(session.scalars(select(Lead.id).where(Lead.scored_at.is_not(None))))
        active = session.scalar(select(Definition.version).where(Definition.active.is_(True)))
    assert scored == {leads[k] for k in ("a_own", "open_t", "open_none", "handed")}
    assert active == 2
    with team_db.app("lead_t") as db, db.write() as session:
        assert leads["b_own"] in minute_tick(session, later).lead_ids


def test_a_field_rep_answers_their_handoff_through_the_app(team_db: TeamDatabase) -> None:
    with team_db.app("field") as db, db.write() as session:
        respond(
            session,
            team_db.ids["field"],
            Answer(team_db.handoff, accept=False, reason="timing", return_to="queue"),
            NOW,
        )
    with team_db.owner() as db, db.read() as session:
        lead = session.get(Lead, team_db.leads["handed"])
        assert lead is not None and lead.stage == "working"


def test_a_team_lead_reassigns_through_the_app_letting_go_of_the_claim(
    team_db: TeamDatabase,
) -> None:
    leads, ids = team_db.leads, team_db.ids
    with team_db.app("rep_a") as db, db.write() as session:
        claim(session, ids["rep_a"], leads["a_own"], NOW)
    with team_db.app("lead_t") as db:
        with db.write() as session:
            reassign(session, ids["lead_t"], [leads["a_own"]], ids["rep_b"], "balance", NOW)
        with pytest.raises(BatonError), db.write() as session:  # not their team's
            reassign(session, ids["lead_t"], [leads["d_own"]], ids["rep_b"], "balance", NOW)
    with team_db.owner() as db, db.read() as session:
        lead = session.get(Lead, leads["a_own"])
        assert lead is not None and lead.owner_id == ids["rep_b"]
        assert session.get(LeadClaim, leads["a_own"]) is None
