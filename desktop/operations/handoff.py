"""Passing the baton: the lead's checklist with its detail, the promotion form and the
promotion, field sales' incoming handoffs and their answer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject
from sqlalchemy.orm import Session

from desktop.operations.lead_actions import INITIATOR as LEAD_ACTIONS
from desktop.operations.runner import Op, Operations
from models.core.changes import Changes
from models.core.entities import Lead
from models.handoff import inbox, promote, respond, routing
from models.handoff.checklist import Checklist, checklist
from models.handoff.inbox import HandoffRow
from models.handoff.promote import Promoted, PromotionDraft
from models.handoff.respond import Answer
from models.handoff.routing import Suggestion
from models.leads import detail
from models.leads.detail import LeadDetail
from models.teams import permissions

#: Promotion takes the lead out of the queue, as the pane's other lead actions do: the
#: queue moves on to the next lead instead of the pane reloading the promoted one.
PROMOTE_INITIATOR = LEAD_ACTIONS
RESPOND_INITIATOR = "handoff-inbox"


@dataclass(frozen=True)
class LeadView:
    """What the lead pane shows: the lead, the definition checked on it, and whether the
    viewer may hand it off with an override (:func:`promote.may_override`)."""

    detail: LeadDetail
    checklist: Checklist
    may_override: bool


@dataclass(frozen=True)
class Inbox:
    rows: list[HandoffRow]
    #: How many pending handoffs are past their answer's due time.
    overdue: int


def lead_view(
    ops: Operations, lead_id: int, now: datetime, owner: QObject, viewer_id: int
) -> Op[LeadView]:
    def job(session: Session) -> LeadView:
        found = detail.lead_detail(session, lead_id, now, viewer_id)
        checked = checklist(session, lead_id, now)
        viewer = permissions.actor(session, viewer_id)
        lead = session.get_one(Lead, lead_id)
        return LeadView(found, checked, promote.may_override(viewer, lead))

    return ops.read(job, owner=owner)


def suggestion(ops: Operations, lead_id: int, owner: QObject) -> Op[Suggestion]:
    """The field rep the routing rules suggest, and every active field rep."""
    return ops.read(lambda session: routing.suggest_field_rep(session, lead_id), owner=owner)


def promote_lead(
    ops: Operations, user_id: int, draft: PromotionDraft, now: datetime, owner: QObject
) -> Op[Promoted]:
    return ops.write(
        lambda session: promote.promote(session, user_id, draft, now),
        initiator=PROMOTE_INITIATOR,
        owner=owner,
    )


def incoming(ops: Operations, field_rep_id: int | None, now: datetime, owner: QObject) -> Op[Inbox]:
    """A field rep's handoffs (None: everyone's), with how many are overdue."""

    def job(session: Session) -> Inbox:
        rows = inbox.incoming(session, field_rep_id)
        return Inbox(rows, sum(1 for row in rows if row.overdue(now)))

    return ops.read(job, owner=owner)


def answer(
    ops: Operations, user_id: int, given: Answer, now: datetime, owner: QObject
) -> Op[Changes]:
    return ops.write(
        lambda session: respond.respond(session, user_id, given, now),
        initiator=RESPOND_INITIATOR,
        owner=owner,
    )
