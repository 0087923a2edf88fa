"""The demo has leads ready to hand off, and leads one criterion away (both databases).

The demo data set (300 leads, seed 7, at ``NOW``) is judged lead by lead with the pure
checklist of the definition in effect (:func:`models.handoff.checklist.checklist`); the
queue's filters, which run the same rules in SQL, must find exactly those leads. A ready
lead's story is the one a rep would tell: the last call, a few business days ago, booked
a meeting two to eight business days out, still ahead, and the prospect's words back
every answer. The lead rows agree with what :func:`refresh_call_figures` derives from
their calls, and small demos, generated at awkward times, have such leads too.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from models import demo
from models.core.entities import Lead
from models.db.database import Database, open_database
from models.definitions.criteria import BantIn, MeetingBooked
from models.handoff.checklist import Checklist, checklist
from models.leads.call_figures import refresh_call_figures
from models.leads.queue import MEETING_BOOKED, ONE_AWAY, QUALIFIED, QueueQuery, queue_ids
from models.scoring.sla import is_business_day
from tests.conftest import NOW
from tests.test_demo_believable import AWKWARD, Data, read

WORKING = ("working",)
#: What the lead row keeps of its calls (refresh_call_figures recomputes every one).
FIGURES = (
    "stage",
    "call_attempts",
    "first_call_at",
    "last_call_at",
    "unanswered_streak",
    "next_callback_at",
    "next_meeting_at",
    "temperature",
    "do_not_call",
    "phone_invalid",
    "reached_at",
    "bant_budget",
    "bant_authority",
    "bant_need",
    "bant_timeline",
    "sla_met",
)


def judge(db: Database, now: datetime) -> dict[int, Checklist]:
    """Every callable working lead, checked by the pure checklist at ``now`` (the queue
    never shows a do-not-call lead)."""
    with db.read() as session:
        ids = session.scalars(
            select(Lead.id).where(Lead.stage.in_(WORKING), Lead.do_not_call.is_(False))
        ).all()
        return {lead_id: checklist(session, lead_id, now) for lead_id in ids}


def queued(db: Database, query: QueueQuery) -> set[int]:
    with db.read() as session:
        return set(queue_ids(session, query))


def qualified(judged: dict[int, Checklist]) -> set[int]:
    return {lead_id for lead_id, checked in judged.items() if checked.qualified}


def one_away(judged: dict[int, Checklist]) -> set[int]:
    return {lead_id for lead_id, checked in judged.items() if checked.missing == 1}


def open_days(data: Data, after: date, until: date) -> int:
    """Business days after ``after`` up to and including ``until``."""
    days = 0
    day = after
    while day < until:
        day += timedelta(days=1)
        days += is_business_day(day, data.rules)
    return days


@pytest.fixture(scope="module")
def judged(shared_db: Database) -> dict[int, Checklist]:
    return judge(shared_db, NOW)


@pytest.fixture(scope="module")
def data(shared_db: Database) -> Data:
    return read(shared_db, NOW)


def test_the_demo_has_leads_ready_to_hand_off_and_one_criterion_away(
    judged: dict[int, Checklist],
) -> None:
    assert len(qualified(judged)) >= 3
    assert len(one_away(judged)) >= 3
    # Not a handful of copies: what the leads one criterion away lack differs.
    lacking = {
        type(item.criterion).__name__ + getattr(item.criterion, "field", "")
        for lead_id in one_away(judged)
        for item in judged[lead_id].items
        if not item.met
    }
    assert len(lacking) >= 2, lacking


def test_meets_the_definition_finds_exactly_the_qualified_leads(
    shared_db: Database, judged: dict[int, Checklist]
) -> None:
    query = QueueQuery(stages=WORKING, qualification=QUALIFIED, qualification_as_of=NOW)
    assert queued(shared_db, query) == qualified(judged)


def test_one_criterion_away_finds_exactly_the_leads_missing_one(
    shared_db: Database, judged: dict[int, Checklist]
) -> None:
    query = QueueQuery(stages=WORKING, qualification=ONE_AWAY, qualification_as_of=NOW)
    assert queued(shared_db, query) == one_away(judged)


def test_ready_leads_are_on_the_ready_to_hand_off_list(
    shared_db: Database, judged: dict[int, Checklist]
) -> None:
    listed = queued(shared_db, QueueQuery(meetings=MEETING_BOOKED, meetings_as_of=NOW))
    ready = qualified(judged)
    assert ready and ready <= listed
    # Every lead on it waits for its meeting: it meets the definition or lacks little.
    working = {i for i in listed if i in judged}
    assert all(judged[i].missing <= 1 for i in working), {i: judged[i].missing for i in working}


def test_a_ready_lead_booked_its_meeting_on_a_recent_call(
    judged: dict[int, Checklist], data: Data
) -> None:
    today = data.local(NOW).date()
    for lead_id in qualified(judged):
        lead, calls = data.leads[lead_id], data.calls[lead_id]
        last = calls[-1]
        assert (last.outcome, last.next_step) == ("meeting_booked", "meeting"), lead_id
        assert last.meeting_at is not None and lead.next_meeting_at == last.meeting_at
        assert last.meeting_at > NOW  # still ahead: not held yet
        called = data.local(last.started_at).date()
        assert open_days(data, called, today) <= 5, (called, today)
        assert 2 <= open_days(data, called, data.local(last.meeting_at).date()) <= 8
        assert lead.reached_at is not None and lead.reached_at <= last.started_at
        for item in judged[lead_id].items:
            if isinstance(item.criterion, BantIn):  # the prospect's words back each answer
                assert item.evidence and item.evidence[0].text, (lead_id, item.criterion)
            if isinstance(item.criterion, MeetingBooked):
                assert item.evidence[0].at == last.meeting_at


def test_lead_rows_agree_with_the_figures_their_calls_give(shared_db: Database) -> None:
    """What the demo wrote on each lead row is what logging its calls would have left:
    :func:`refresh_call_figures` recomputes it (in a session that writes nothing)."""
    wrong: dict[int, dict[str, object]] = {}
    with shared_db.read() as session, session.no_autoflush:
        leads = session.scalars(select(Lead).order_by(Lead.id)).all()
        assert leads
        for lead in leads:
            stored = {name: getattr(lead, name) for name in FIGURES}
            refresh_call_figures(session, lead, lead.owner_id or 0, NOW)
            fresh = {name: getattr(lead, name) for name in FIGURES}
            if fresh != stored:
                wrong[lead.id] = {
                    k: (stored[k], fresh[k]) for k in FIGURES if stored[k] != fresh[k]
                }
        session.expunge_all()  # nothing to flush at commit
    assert not wrong, dict(list(wrong.items())[:5])


@pytest.mark.parametrize(
    ("seed", "now"),
    [(1, NOW), (3, AWKWARD["golden-week"]), (5, AWKWARD["sunday-night"])],
    ids=["friday-noon", "golden-week", "sunday-night"],
)
def test_a_small_demo_has_them_too(tmp_path: Path, seed: int, now: datetime) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'small.sqlite3'}")
    try:
        demo.generate(db, leads=200, seed=seed, now=now)
        judged = judge(db, now)
        ready = queued(
            db, QueueQuery(stages=WORKING, qualification=QUALIFIED, qualification_as_of=now)
        )
        assert ready == qualified(judged)
        assert len(ready) >= 3
        assert len(one_away(judged)) >= 3
    finally:
        db.close()
