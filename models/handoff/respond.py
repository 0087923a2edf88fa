"""Field sales' answer to a handoff: accept, or reject with a reason from a fixed list.

Only the field rep the handoff went to answers it (a team lead may answer for them, on
their own team's leads; an admin on any: :data:`Action.ANSWER_HANDOFF`). A rejected lead
goes back to its rep's queue or to nurture, as the rep (or whoever answers) chooses; the
reason travels with it and is kept for the shared KPIs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.core import audit
from models.core.changes import Changes
from models.core.entities import Handoff, Lead, User
from models.core.enums import HandoffStatus, RejectionReason, ReturnTo, Stage
from models.core.errors import ConcurrentChange, InvalidInput, NotFound, PermissionDenied
from models.core.messages import lead_label
from models.core.text_rules import check_text
from models.db.locking import lead_for_update
from models.leads.calls import MAX_NOTES
from models.scoring.rescore import rescore_leads
from models.teams import permissions
from models.teams.permissions import Action

REASONS = tuple(r.value for r in RejectionReason)
#: What a rejection's reason means for a lead sent back to nurture (actions.RECYCLE_REASONS).
_RECYCLE_REASON = {
    RejectionReason.NOT_REACHABLE: "unreachable",
    RejectionReason.NOT_A_FIT: "no_need",
    RejectionReason.NO_BUDGET: "no_budget",
    RejectionReason.TIMING: "timing",
    RejectionReason.DUPLICATE: "bad_data",
    RejectionReason.OTHER: "other",
}


@dataclass(frozen=True)
class Answer:
    handoff_id: int
    accept: bool
    #: A rejection's reason (:class:`RejectionReason`); None when accepting.
    reason: str | None = None
    text: str = ""
    #: Where a rejected lead goes.
    return_to: str = ReturnTo.QUEUE.value
    #: The handoff's version the answer was given on (None: no form, e.g. a CSV).
    seen_version: int | None = None


def _handoff_for_update(session: Session, handoff_id: int) -> Handoff:
    handoff = session.scalars(
        select(Handoff).where(Handoff.id == handoff_id).with_for_update()
    ).first()
    if handoff is None:
        raise NotFound("handoff.not_found", handoff_id=handoff_id)
    return handoff


def _validate(answer: Answer) -> None:
    check_text(answer.text, field="response_text", limit=MAX_NOTES, multiline=True)
    if answer.accept:
        return
    if not answer.reason:
        raise InvalidInput("handoff.reason_needed", field="reason")
    if answer.reason not in REASONS:
        raise InvalidInput(
            "handoff.reason_unknown",
            field="reason",
            value=answer.reason,
            expected=", ".join(REASONS),
        )
    if answer.reason == RejectionReason.OTHER and not answer.text.strip():
        raise InvalidInput("handoff.other_needs_text", field="response_text")
    if answer.return_to not in (ReturnTo.QUEUE, ReturnTo.NURTURE):
        raise InvalidInput(
            "handoff.return_unknown",
            field="return_to",
            value=answer.return_to,
            expected=", ".join(r.value for r in ReturnTo),
        )


def respond(session: Session, user_id: int, answer: Answer, now: datetime) -> Changes:
    """Record field sales' answer; a rejection sends the lead back (queue or nurture)."""
    _validate(answer)
    user = permissions.actor(session, user_id)
    permissions.require(user, Action.ANSWER_HANDOFF)
    # Lock order: the lead before the handoff, as every writer of leads does.
    peek = session.get(Handoff, answer.handoff_id)
    if peek is None:
        raise NotFound("handoff.not_found", handoff_id=answer.handoff_id)
    lead = lead_for_update(session, peek.lead_id)
    handoff = _handoff_for_update(session, answer.handoff_id)
    label = lead_label(lead)
    if handoff.field_rep_id != user.id:
        if not permissions.supervises(user.role):
            owner = session.get(User, handoff.field_rep_id) if handoff.field_rep_id else None
            raise PermissionDenied(
                "handoff.not_yours", lead=label, owner=owner.display_name if owner else "-"
            )
        permissions.require(user, Action.ANSWER_HANDOFF, team_id=lead.team_id)
    if handoff.status != HandoffStatus.PENDING:
        raise InvalidInput(
            "handoff.answered",
            field="status",
            lead=label,
            status=handoff.status,
            at=(handoff.responded_at or now).isoformat(),
        )
    if answer.seen_version is not None and answer.seen_version != handoff.version:
        raise ConcurrentChange("handoff.changed_meanwhile", lead=label, status=handoff.status)
    handoff.responded_at = now
    handoff.responded_by = user.id
    handoff.response_reason = answer.text.strip() or None
    changes = Changes(lead_ids=frozenset({lead.id}), handoffs=True)
    if answer.accept:
        handoff.status = HandoffStatus.ACCEPTED.value
    else:
        handoff.status = HandoffStatus.REJECTED.value
        handoff.response_code = answer.reason
        handoff.returned_to = answer.return_to
        changes = changes | _send_back(session, lead, user.id, answer, now)
    session.flush()
    audit.record(
        session,
        user_id=user.id,
        entity="handoff",
        entity_id=handoff.id,
        action="handoff_accepted" if answer.accept else "handoff_rejected",
        before={"status": HandoffStatus.PENDING.value},
        after={
            "status": handoff.status,
            "reason": handoff.response_code,
            "text": handoff.response_reason,
            "returned_to": handoff.returned_to,
        },
        at=now,
    )
    return changes


def _send_back(
    session: Session, lead: Lead, user_id: int, answer: Answer, now: datetime
) -> Changes:
    reason = f"handoff_rejected:{answer.reason}"
    if answer.return_to == ReturnTo.NURTURE:
        audit.move_stage(
            session,
            lead,
            Stage.RECYCLED.value,
            user_id=user_id,
            at=now,
            reason=reason,
            note=answer.text.strip() or None,
        )
        lead.recycle_reason = _RECYCLE_REASON[
            RejectionReason(answer.reason or RejectionReason.OTHER)
        ]
        lead.recycled_at = now
        lead.recycle_until = None
        return Changes(lead_ids=frozenset({lead.id}), queue=True)
    audit.move_stage(
        session,
        lead,
        Stage.WORKING.value,
        user_id=user_id,
        at=now,
        reason=reason,
        note=answer.text.strip() or None,
    )
    lead.promoted_at = None
    rescore_leads(session, [lead.id], now)
    return Changes(lead_ids=frozenset({lead.id}), queue=True)
