"""A lead's call figures, recomputed from its calls that stand (corrections supersede).

Attempts, first and last call, the unanswered streak, the next callback and meeting,
the temperature, do-not-call, a wrong number, speed to lead, and the move from new to
working.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from models.core import audit
from models.core.entities import Call, Lead
from models.core.enums import BantField, Outcome, Stage
from models.leads.bant import current_answers

UNANSWERED = frozenset({Outcome.NO_ANSWER, Outcome.VOICEMAIL, Outcome.BUSY, Outcome.GATEKEEPER})
#: The outcomes of a call that reached the prospect (the definition's "reached").
REACHED = frozenset(
    {Outcome.CONNECTED, Outcome.CALLBACK_REQUESTED, Outcome.MEETING_BOOKED, Outcome.NOT_INTERESTED}
)


class NextStep(StrEnum):
    NONE = "none"
    CALLBACK = "callback"
    MEETING = "meeting"
    #: The rep cancels the callback the lead was waiting for.
    CANCEL_CALLBACK = "cancel_callback"
    #: The prospect cancelled the booked meeting: the lead is called again.
    CANCEL_MEETING = "cancel_meeting"


def refresh_call_figures(session: Session, lead: Lead, user_id: int, now: datetime) -> None:
    """Recompute the lead's call figures from its calls that stand (not superseded).

    A lead marketing sent again after a return to nurture starts a new round: only the
    calls since it was recycled count (attempts, first call and speed to lead, streak).
    """
    statement = select(Call).where(Call.lead_id == lead.id, Call.superseded.is_(False))
    if lead.recycled_at is not None and lead.stage in (Stage.NEW, Stage.WORKING):
        statement = statement.where(Call.started_at > lead.recycled_at)
    calls = session.scalars(statement.order_by(Call.started_at, Call.id)).all()
    # Everything read first, then written: a query between two assignments would flush the
    # lead half-changed, one UPDATE (and one version) per query instead of one in all.
    reached_nobody = number_reached_nobody(session, lead)
    answers = current_answers(session, lead.id)
    lead.call_attempts = len(calls)
    lead.first_call_at = calls[0].started_at if calls else None
    lead.last_call_at = calls[-1].started_at if calls else None
    streak = 0
    for call in reversed(calls):
        if call.outcome not in UNANSWERED:
            break
        streak += 1
    lead.unanswered_streak = streak
    lead.next_callback_at = pending_callback(calls)
    lead.next_meeting_at = booked_meeting(calls)
    temperatures = [c.temperature for c in calls if c.temperature]
    lead.temperature = temperatures[-1] if temperatures else None
    if any(c.outcome == Outcome.DO_NOT_CALL for c in calls):
        lead.do_not_call = True
    lead.phone_invalid = reached_nobody
    lead.reached_at = next((c.started_at for c in calls if c.outcome in REACHED), None)
    lead.bant_budget = answers[BantField.BUDGET].value
    lead.bant_authority = answers[BantField.AUTHORITY].value
    lead.bant_need = answers[BantField.NEED].value
    lead.bant_timeline = answers[BantField.TIMELINE].value
    if lead.first_call_at is not None and lead.sla_due_at is not None and lead.sla_met is None:
        lead.sla_met = lead.first_call_at <= lead.sla_due_at
    if calls and lead.stage == Stage.NEW:
        audit.move_stage(
            session, lead, Stage.WORKING.value, user_id=user_id, at=now, reason="first_call"
        )


def number_reached_nobody(session: Session, lead: Lead) -> bool:
    """Whether a call that stands reached a wrong number since the number was last entered.

    Every round counts (a number that was wrong before a return to nurture is still
    wrong); correcting that call, or entering a new number, makes it reachable again.
    """
    conditions = [
        Call.lead_id == lead.id,
        Call.superseded.is_(False),
        Call.outcome == Outcome.WRONG_NUMBER.value,
    ]
    if lead.phone_changed_at is not None:
        conditions.append(Call.started_at >= lead.phone_changed_at)
    return bool(session.scalar(select(exists().where(*conditions))))


def pending_callback(calls: Sequence[Call]) -> datetime | None:
    """The callback the lead waits for, from its calls in order.

    The latest call that asked for one sets it; a later call never clears it unless the
    rep chose to (``CANCEL_CALLBACK``), or the call was made when the callback was due or
    after (that call was the callback). A call before it is due leaves it standing.
    """
    pending: datetime | None = None
    for call in calls:
        if call.outcome == Outcome.DO_NOT_CALL or call.next_step == NextStep.CANCEL_CALLBACK:
            pending = None
        elif call.next_step == NextStep.CALLBACK and call.callback_at is not None:
            pending = call.callback_at
        elif pending is not None and call.started_at >= pending:
            pending = None
    return pending


def booked_meeting(calls: Sequence[Call]) -> datetime | None:
    """The meeting the lead has booked: the latest one a call booked, unless a later call
    cancelled it. While it stands the lead waits for the handoff, out of the call queue."""
    booked: datetime | None = None
    for call in calls:
        if call.next_step == NextStep.CANCEL_MEETING:
            booked = None
        elif call.meeting_at is not None:
            booked = call.meeting_at
    return booked
