"""A booked meeting takes the lead out of the call queue into "Ready to hand off" until it
is promoted, the meeting is cancelled, or it passes unheld (item 7)."""

from __future__ import annotations

from datetime import datetime, timedelta

from models.db.database import Database
from models.leads.call_figures import NextStep
from models.leads.queue import (
    ANY_OWNER,
    MEETING_BOOKED,
    MEETING_GRACE,
    NO_MEETING,
    QueueQuery,
    queue_ids,
)
from tests.test_calls import T0, callable_lead, draft, log, uid


def _in(db: Database, lead_id: int, meetings: str, as_of: datetime = T0) -> bool:
    query = QueueQuery(owner=ANY_OWNER, meetings=meetings, meetings_as_of=as_of)
    with db.read() as session:
        return lead_id in queue_ids(session, query)


def test_a_booked_meeting_moves_the_lead_to_ready_to_hand_off(demo_db: Database) -> None:
    misaki = uid(demo_db, "misaki.sato")
    lead_id = callable_lead(demo_db, misaki)
    assert _in(demo_db, lead_id, NO_MEETING) and not _in(demo_db, lead_id, MEETING_BOOKED)
    meeting = T0 + timedelta(days=3)
    log(demo_db, misaki, draft(lead_id, "meeting_booked", next_step="meeting", meeting_at=meeting))
    assert not _in(demo_db, lead_id, NO_MEETING)  # out of the call queue
    assert _in(demo_db, lead_id, MEETING_BOOKED)  # waiting for the handoff
    # The meeting passed unheld (nobody promoted it): back in the call queue.
    unheld = meeting + MEETING_GRACE + timedelta(minutes=1)
    assert _in(demo_db, lead_id, NO_MEETING, unheld)
    assert not _in(demo_db, lead_id, MEETING_BOOKED, unheld)


def test_a_cancelled_meeting_puts_the_lead_back_in_the_call_queue(demo_db: Database) -> None:
    misaki = uid(demo_db, "misaki.sato")
    lead_id = callable_lead(demo_db, misaki)
    meeting = T0 + timedelta(days=3)
    log(demo_db, misaki, draft(lead_id, "meeting_booked", next_step="meeting", meeting_at=meeting))
    later = T0 + timedelta(hours=4)
    log(
        demo_db,
        misaki,
        draft(lead_id, "connected", at=later, next_step=NextStep.CANCEL_MEETING),
        later,
    )
    assert _in(demo_db, lead_id, NO_MEETING, later)
    assert not _in(demo_db, lead_id, MEETING_BOOKED, later)
