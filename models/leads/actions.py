"""Taking a lead out of the queue: return to nurture, disqualify, do not call.

Each lands in the stage history and the audit trail (who, when, what, before and after),
and keeps its reason on record for marketing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from models.core import audit
from models.core.changes import Changes
from models.core.entities import Lead
from models.core.enums import Stage
from models.core.errors import InvalidInput, PermissionDenied
from models.core.messages import lead_label
from models.core.text_rules import check_text
from models.db.locking import lead_for_update
from models.leads.availability import LeadAction, require_state
from models.leads.calls import MAX_NOTES
from models.leads.concurrency import refuse_if_changed
from models.scoring.rescore import rescore_leads
from models.scoring.sla import deadline
from models.teams import permissions
from models.teams.permissions import Action
from models.teams.rules import team_settings_for

RECYCLE_REASONS = (
    "no_budget",
    "timing",
    "no_authority",
    "no_need",
    "competitor",
    "unreachable",
    "bad_data",
    "other",
)
DISQUALIFY_REASONS = (
    "not_a_fit",
    "competitor_company",
    "student_or_personal",
    "duplicate",
    "other",
)

_LEAD_AUDIT = (
    "stage",
    "recycle_reason",
    "recycle_until",
    "recycled_at",
    "do_not_call",
    "next_callback_at",
    "owner_id",
)


@dataclass(frozen=True)
class RecycleInput:
    lead_id: int
    reason: str
    until: date | None = None
    note: str = ""
    #: The lead's version the form was opened on (None: no form, e.g. the CLI).
    seen_version: int | None = None


def _leave_queue(
    session: Session,
    lead: Lead,
    user_id: int,
    to_stage: Stage,
    reason: str,
    note: str,
    now: datetime,
) -> None:
    audit.move_stage(
        session,
        lead,
        to_stage.value,
        user_id=user_id,
        at=now,
        reason=reason,
        note=note.strip() or None,
    )
    lead.next_callback_at = None


def _audited(
    session: Session,
    lead: Lead,
    user_id: int | None,
    action: str,
    before: dict[str, object],
    now: datetime,
    note: str | None = None,
) -> Changes:
    """Record the change in the audit trail and report it to the views."""
    session.flush()
    after = audit.snapshot(lead, _LEAD_AUDIT) | ({"note": note} if note is not None else {})
    audit.record(
        session,
        user_id=user_id,
        entity="lead",
        entity_id=lead.id,
        action=action,
        before=before,
        after=after,
        at=now,
    )
    return Changes(lead_ids=frozenset({lead.id}), queue=True)


def recycle(session: Session, user_id: int, data: RecycleInput, now: datetime) -> Changes:
    """Return the lead to nurture with a reason (and a re-entry date) for marketing."""
    if data.reason not in RECYCLE_REASONS:
        raise InvalidInput(
            "lead.reason_unknown",
            field="reason",
            value=data.reason,
            expected=", ".join(RECYCLE_REASONS),
        )
    if data.reason == "other" and not data.note.strip():
        raise InvalidInput("lead.reason_other_needs_note", field="note")
    check_text(data.note, field="note", limit=MAX_NOTES, multiline=True)
    user = permissions.actor(session, user_id)
    lead = lead_for_update(session, data.lead_id)
    permissions.require_can_work(user, lead)
    refuse_if_changed(session, lead, data.seen_version)
    # "Today" on the team's calendar: early morning in Tokyo is still yesterday in UTC.
    zone = ZoneInfo(team_settings_for(session, lead).timezone)
    if data.until is not None and data.until <= now.astimezone(zone).date():
        raise InvalidInput("lead.until_not_future", field="until", until=data.until.isoformat())
    require_state(lead, LeadAction.RECYCLE)
    before = audit.snapshot(lead, _LEAD_AUDIT)
    _leave_queue(session, lead, user_id, Stage.RECYCLED, data.reason, data.note, now)
    lead.recycle_reason = data.reason
    lead.recycle_until = data.until
    lead.recycled_at = now
    return _audited(session, lead, user_id, "recycled", before, now, data.note)


def disqualify(
    session: Session,
    user_id: int,
    lead_id: int,
    reason: str,
    note: str,
    now: datetime,
    seen_version: int | None = None,
) -> Changes:
    """Not a fit (separate from recycling: it will not be nurtured back)."""
    if reason not in DISQUALIFY_REASONS:
        raise InvalidInput(
            "lead.reason_unknown",
            field="reason",
            value=reason,
            expected=", ".join(DISQUALIFY_REASONS),
        )
    if reason == "other" and not note.strip():
        raise InvalidInput("lead.reason_other_needs_note", field="note")
    check_text(note, field="note", limit=MAX_NOTES, multiline=True)
    user = permissions.actor(session, user_id)
    lead = lead_for_update(session, lead_id)
    permissions.require_can_work(user, lead)
    refuse_if_changed(session, lead, seen_version)
    require_state(lead, LeadAction.DISQUALIFY)
    before = audit.snapshot(lead, _LEAD_AUDIT)
    _leave_queue(session, lead, user_id, Stage.DISQUALIFIED, reason, note, now)
    return _audited(session, lead, user_id, "disqualified", before, now, note)


def mark_do_not_call(
    session: Session,
    user_id: int,
    lead_id: int,
    note: str,
    now: datetime,
    seen_version: int | None = None,
) -> Changes:
    """Flag the lead: no more calls, and it never returns to any queue."""
    check_text(note, field="note", limit=MAX_NOTES, multiline=True)
    user = permissions.actor(session, user_id)
    lead = lead_for_update(session, lead_id)
    permissions.require_can_work(user, lead)
    refuse_if_changed(session, lead, seen_version)
    if lead.do_not_call:
        return Changes()
    before = audit.snapshot(lead, _LEAD_AUDIT)
    lead.do_not_call = True
    lead.next_callback_at = None
    return _audited(session, lead, user_id, "do_not_call", before, now, note)


def requalify(session: Session, user_id: int, lead_id: int, now: datetime) -> Changes:
    """Marketing sends a recycled lead again: it comes back as new — unless do-not-call.

    Who may send a lead back (:data:`Action.SEND_BACK`): marketing, a team lead for their
    own team's leads, administrators; reps may not (they would skip the nurture
    marketing planned).
    """
    user = permissions.actor(session, user_id)
    if not permissions.allowed(user.role, Action.SEND_BACK):
        raise PermissionDenied("lead.requalify_not_allowed", user_id=user_id)
    lead = lead_for_update(session, lead_id)
    permissions.require(user, Action.SEND_BACK, team_id=lead.team_id)
    if lead.do_not_call:
        raise InvalidInput("lead.requalify_do_not_call", field="do_not_call", lead=lead_label(lead))
    if lead.stage != Stage.RECYCLED:
        raise InvalidInput(
            "lead.requalify_stage", field="stage", lead=lead_label(lead), stage=lead.stage
        )
    changes = back_to_new(session, lead, user_id, now, reason="mql_again", action="requalified")
    rescore_leads(session, [lead.id], now)
    return changes


def back_to_new(
    session: Session, lead: Lead, user_id: int | None, now: datetime, *, reason: str, action: str
) -> Changes:
    """A recycled lead (locked by the caller) starts a new round as new, audited.

    The previous round's calls are history, not this round's first call; the
    speed-to-lead clock starts again. The caller rescores it.
    """
    before = audit.snapshot(lead, _LEAD_AUDIT)
    audit.move_stage(session, lead, Stage.NEW.value, user_id=user_id, at=now, reason=reason)
    lead.mql_at = now
    lead.call_attempts = 0
    lead.unanswered_streak = 0
    lead.first_call_at = None
    lead.last_call_at = None
    lead.recycle_until = None
    lead.sla_due_at = deadline(now, team_settings_for(session, lead))
    lead.sla_met = None
    lead.sla_breached_at = None
    return _audited(session, lead, user_id, action, before, now)
