"""Promotion to field sales (フィールドセールスへ引き渡し): the handoff itself.

One transaction: the lead is locked, the definition in effect is checked again on what
the lead is *now* (a lead that changed since the rep looked is refused with the
criterion that failed), the handoff is written with the version met, the checklist, the
facts and the summary, the lead leaves the call queue, and everything is audited. A team
lead may hand off a lead that misses criteria, with a reason (recorded and counted).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from models.core import audit
from models.core.changes import Changes
from models.core.entities import Handoff, Lead, User
from models.core.enums import HandoffStatus, Role, Stage
from models.core.errors import InvalidInput, PermissionDenied
from models.core.messages import lead_label
from models.core.text_rules import check_text
from models.db.locking import lead_for_update
from models.definitions import versions
from models.definitions.criteria import to_data
from models.definitions.evaluate import check_to_data
from models.handoff.checklist import checklist_of
from models.handoff.facts import facts_of
from models.handoff.summary import summary_for_handoff
from models.leads.availability import LeadAction, require_state
from models.leads.calls import MAX_NOTES
from models.leads.concurrency import refuse_if_changed
from models.scoring.sla import business_days_later
from models.teams import permissions
from models.teams.permissions import Action
from models.teams.rules import team_settings_for

MAX_OVERRIDE_REASON = 2_000


@dataclass(frozen=True)
class PromotionDraft:
    """What the rep chose in the promotion dialog (kept by the dialog until it lands)."""

    lead_id: int
    field_rep_id: int | None
    #: The meeting with field sales (None: the lead's booked meeting, if any).
    meeting_at: datetime | None = None
    #: The rep's note to the field rep: their recommendation.
    note: str = ""
    #: A team lead's reason to hand off a lead that misses criteria (None: no override).
    override_reason: str | None = None
    #: The lead's version the dialog was opened on (None: no form, e.g. the CLI).
    seen_version: int | None = None


@dataclass(frozen=True)
class Promoted:
    handoff_id: int
    lead_id: int
    field_rep_id: int
    definition_version: int
    overridden: bool
    changes: Changes


def _field_rep(session: Session, field_rep_id: int | None, label: str) -> User:
    if field_rep_id is None:
        raise InvalidInput("handoff.field_rep_needed", field="field_rep", lead=label)
    rep = session.get(User, field_rep_id)
    if rep is None or rep.role != Role.FIELD_REP.value:
        raise InvalidInput(
            "handoff.not_field_rep",
            field="field_rep",
            user=rep.display_name if rep else str(field_rep_id),
            role=rep.role if rep else "-",
        )
    if not rep.active:
        raise InvalidInput("handoff.field_rep_inactive", field="field_rep", user=rep.display_name)
    return rep


def may_override(user: User, lead: Lead) -> bool:
    """Whether ``user`` may hand ``lead`` off though it misses a criterion, with a reason
    (:data:`Action.OVERRIDE_PROMOTION`, on their own team's leads)."""
    allowed = permissions.allowed(user.role, Action.OVERRIDE_PROMOTION)
    return allowed and permissions.in_scope(user, lead.team_id)


def promote(session: Session, user_id: int, draft: PromotionDraft, now: datetime) -> Promoted:
    """Hand the lead to field sales; refused whole (nothing written) on any failure."""
    check_text(draft.note, field="handoff_note", limit=MAX_NOTES, multiline=True)
    override = (draft.override_reason or "").strip() or None
    if draft.override_reason is not None:
        check_text(
            draft.override_reason,
            field="override_reason",
            limit=MAX_OVERRIDE_REASON,
            multiline=True,
        )
    user = permissions.actor(session, user_id)
    lead = lead_for_update(session, draft.lead_id)
    label = lead_label(lead)
    permissions.require_can_work(user, lead)
    refuse_if_changed(session, lead, draft.seen_version)
    require_state(lead, LeadAction.PROMOTE)
    rep = _field_rep(session, draft.field_rep_id, label)
    meeting_at = draft.meeting_at or lead.next_meeting_at
    if draft.meeting_at is not None and draft.meeting_at < now:
        raise InvalidInput(
            "handoff.meeting_past", field="meeting_at", at=draft.meeting_at.isoformat()
        )

    definition = versions.active(session)
    checked = checklist_of(definition, facts_of(session, lead, lead.account), now)
    if not checked.qualified:
        unmet = checked.first_unmet()
        criterion = json.dumps(to_data(unmet.criterion) if unmet else {}, ensure_ascii=False)
        if draft.override_reason is None:
            raise InvalidInput(
                "handoff.not_qualified",
                field="checklist",
                lead=label,
                version=definition.version,
                criterion=criterion,
            )
        if not permissions.allowed(user.role, Action.OVERRIDE_PROMOTION):
            raise PermissionDenied(
                "handoff.override_supervisors_only", lead=label, criterion=criterion
            )
        permissions.require(user, Action.OVERRIDE_PROMOTION, team_id=lead.team_id)
        if override is None:
            raise InvalidInput(
                "handoff.override_reason_needed", field="override_reason", lead=label
            )
    else:
        override = None

    settings = team_settings_for(session, lead)
    handoff = Handoff(
        lead_id=lead.id,
        promoted_by=user.id,
        field_rep_id=rep.id,
        definition_id=definition.id or None,
        definition_version=definition.version,
        summary="",
        checklist=[check_to_data(item) for item in checked.items],
        facts=checked.facts.to_data(),
        status=HandoffStatus.PENDING.value,
        meeting_at=meeting_at,
        note=draft.note.strip() or None,
        override_reason=override,
        response_due_at=business_days_later(now, settings.handoff_response_days, settings),
        created_at=now,
    )
    session.add(handoff)
    before = audit.snapshot(lead, ("stage", "promoted_at", "next_callback_at"))
    audit.move_stage(
        session,
        lead,
        Stage.PROMOTED.value,
        user_id=user.id,
        at=now,
        reason="override" if override else "qualified",
        note=override,
    )
    lead.promoted_at = now
    lead.next_callback_at = None
    session.flush()
    handoff.summary = snapshot_summary(session, handoff.id, now)
    audit.record(
        session,
        user_id=user.id,
        entity="lead",
        entity_id=lead.id,
        action="promoted",
        before=before,
        after=audit.snapshot(lead, ("stage", "promoted_at", "next_callback_at"))
        | {
            "handoff_id": handoff.id,
            "field_rep_id": rep.id,
            "definition_version": definition.version,
            "override_reason": override,
        },
        at=now,
    )
    return Promoted(
        handoff.id,
        lead.id,
        rep.id,
        definition.version,
        override is not None,
        Changes(lead_ids=frozenset({lead.id}), queue=True, handoffs=True),
    )


def snapshot_summary(session: Session, handoff_id: int, now: datetime) -> str:
    """The summary field sales were given, as JSON kept with the handoff."""
    data = summary_for_handoff(session, handoff_id, now=now).to_data()
    return json.dumps(data, ensure_ascii=False)
