"""Reassignment: giving one lead or many to another rep, with a reason.

The one path every change of a lead's owner by a supervisor takes (a team lead's
reassignment, distribution, rebalancing): the leads are locked in id order, each one is
checked against the version the user saw, gets its new owner and the owner's team, an
:class:`AssignmentChange` row (from, to, who, why, when) and an audit entry; a claim held
on it is dropped (it is no longer that rep's call). Many leads are one transaction: all
of them move, or none.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models.core import audit
from models.core.changes import Changes
from models.core.entities import Account, AssignmentChange, Lead, LeadClaim, User
from models.core.enums import ACTIVE_STAGES, Role
from models.core.errors import InvalidInput, NotFound, PermissionDenied
from models.core.messages import lead_label
from models.core.text_rules import check_text
from models.db.locking import leads_for_update
from models.leads.concurrency import refuse_if_changed
from models.scoring.rescore import IN_CHUNK
from models.teams import permissions
from models.teams.away import away_on, team_today
from models.teams.permissions import Action

#: The longest reason kept with an assignment.
MAX_REASON = 500
#: Who may receive leads.
RECEIVERS = frozenset({Role.REP.value, Role.TEAM_LEAD.value})
_AUDIT = ("owner_id", "team_id")
_OPEN = frozenset(s.value for s in ACTIVE_STAGES)


@dataclass(frozen=True)
class LeadMoved:
    """What happened to one lead: ``moved`` False when it was the target's already."""

    lead_id: int
    lead: str
    from_user_id: int | None
    to_user_id: int
    moved: bool


@dataclass(frozen=True)
class Reassigned:
    to_user_id: int
    to_name: str
    leads: tuple[LeadMoved, ...]
    changes: Changes

    @property
    def moved(self) -> int:
        return sum(1 for lead in self.leads if lead.moved)


@dataclass(frozen=True)
class ChosenLead:
    """A lead as a reassignment form shows it, with the version the form will send."""

    id: int
    lead: str
    owner_id: int | None
    owner_name: str | None
    team_id: int | None
    stage: str
    version: int


def chosen_leads(session: Session, lead_ids: Iterable[int]) -> list[ChosenLead]:
    """The leads a user selected (in id order; ones that no longer exist are left out)."""
    ids = sorted(set(lead_ids))
    found: list[ChosenLead] = []
    for start in range(0, len(ids), IN_CHUNK):
        rows = session.execute(
            select(Lead, User.display_name)
            .outerjoin(User, User.id == Lead.owner_id)
            .where(Lead.id.in_(ids[start : start + IN_CHUNK]))
            .order_by(Lead.id)
        ).all()
        leads = with_accounts(session, [lead for lead, _name in rows])
        found += [
            ChosenLead(
                lead.id,
                lead_label(lead),
                lead.owner_id,
                name,
                lead.team_id,
                lead.stage,
                lead.version,
            )
            for lead, (_lead, name) in zip(leads, rows, strict=True)
        ]
    return found


def check_reason(reason: str) -> str:
    """The reason as stored; refused when empty or not storable."""
    reason = reason.strip()
    if not reason:
        raise InvalidInput("assignment.reason_empty", field="reason")
    check_text(reason, field="reason", limit=MAX_REASON)
    return reason


def receiver(
    session: Session, actor: User, to_user_id: int, now: datetime, *, allow_away: bool
) -> User:
    """The user leads go to: active, a rep or a team lead, in the actor's scope, and not
    away today (unless ``allow_away``)."""
    target = session.get(User, to_user_id)
    if target is None:
        raise NotFound("user.not_found", user_id=to_user_id)
    if not target.active:
        raise InvalidInput("assignment.target_inactive", field="to", user=target.display_name)
    if target.role not in RECEIVERS:
        raise InvalidInput(
            "assignment.target_role", field="to", user=target.display_name, role=target.role
        )
    if not permissions.in_scope(actor, target.team_id):
        raise PermissionDenied(
            "assignment.target_other_team", user_id=actor.id, user=target.display_name
        )
    if not allow_away:
        away = away_on(session, [target.id], team_today(session, target.team_id, now))
        if target.id in away:
            raise InvalidInput(
                "assignment.target_away",
                field="to",
                user=target.display_name,
                first=away[target.id].starts_on.isoformat(),
                last=away[target.id].ends_on.isoformat(),
            )
    return target


def lock_leads(session: Session, lead_ids: Iterable[int]) -> list[Lead]:
    """The leads, locked in id order (ascending chunks) and freshly read; refused whole
    when one of them does not exist."""
    ids = sorted(set(lead_ids))
    leads: list[Lead] = []
    for start in range(0, len(ids), IN_CHUNK):
        leads += leads_for_update(session, Lead.id.in_(ids[start : start + IN_CHUNK]))
    found = {lead.id for lead in leads}
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFound("lead.not_found", lead_id=missing[0])
    return with_accounts(session, leads)


def with_accounts(session: Session, leads: list[Lead]) -> list[Lead]:
    """``leads``, their companies loaded in a few queries (naming a lead then reads none)."""
    ids = sorted({lead.account_id for lead in leads})
    for start in range(0, len(ids), IN_CHUNK):
        session.scalars(select(Account).where(Account.id.in_(ids[start : start + IN_CHUNK]))).all()
    return leads


def move(
    session: Session,
    actor: User,
    moves: Sequence[tuple[Lead, User]],
    reason: str,
    now: datetime,
) -> list[LeadMoved]:
    """Give each lead (locked by the caller, checked) to its user: owner and team,
    history, audit; claims on them dropped. A lead that is its user's already stays.

    The history rows are written in the order given: who received a lead last is who
    received the highest one (distribution's tie-break).
    """
    outcome: list[LeadMoved] = []
    moved_ids: list[int] = []
    for lead, target in moves:
        if lead.owner_id == target.id and lead.team_id == target.team_id:
            outcome.append(LeadMoved(lead.id, lead_label(lead), target.id, target.id, False))
            continue
        before = audit.snapshot(lead, _AUDIT)
        previous = lead.owner_id
        lead.owner_id = target.id
        lead.team_id = target.team_id
        session.add(
            AssignmentChange(
                lead_id=lead.id,
                from_user_id=previous,
                to_user_id=target.id,
                changed_by=actor.id,
                reason=reason,
                changed_at=now,
            )
        )
        audit.record(
            session,
            user_id=actor.id,
            entity="lead",
            entity_id=lead.id,
            action="reassigned",
            before=before,
            after={**audit.snapshot(lead, _AUDIT), "reason": reason},
            at=now,
        )
        moved_ids.append(lead.id)
        outcome.append(LeadMoved(lead.id, lead_label(lead), previous, target.id, True))
    for start in range(0, len(moved_ids), IN_CHUNK):
        chunk = moved_ids[start : start + IN_CHUNK]
        session.execute(delete(LeadClaim).where(LeadClaim.lead_id.in_(chunk)))
    session.flush()
    return outcome


def require_open(lead: Lead) -> None:
    """Only leads in a rep's working queue (new, working) change hands."""
    if lead.stage not in _OPEN:
        raise InvalidInput(
            "assignment.stage", field="stage", lead=lead_label(lead), stage=lead.stage
        )


def reassign(
    session: Session,
    actor_id: int,
    lead_ids: Sequence[int],
    to_user_id: int,
    reason: str,
    now: datetime,
    seen_versions: Mapping[int, int] | None = None,
    *,
    allow_away: bool = False,
) -> Reassigned:
    """Give ``lead_ids`` to ``to_user_id``, with a reason: all of them, or none.

    ``seen_versions`` holds the version of each lead the user saw (a form, a selection in
    the queue): a lead that changed since is refused with what changed. Refused too: an
    actor who may not reassign (a team lead outside their team), a target who is inactive,
    not a rep or team lead, of another team, or away today (unless ``allow_away``), a lead
    that is not new or working.
    """
    reason = check_reason(reason)
    if not lead_ids:
        raise InvalidInput("assignment.no_leads", field="leads")
    actor = permissions.actor(session, actor_id)
    permissions.require(actor, Action.REASSIGN)
    target = receiver(session, actor, to_user_id, now, allow_away=allow_away)
    leads = lock_leads(session, lead_ids)
    for lead in leads:
        permissions.require(actor, Action.REASSIGN, team_id=lead.team_id)
        if seen_versions is not None:
            refuse_if_changed(session, lead, seen_versions.get(lead.id))
        require_open(lead)
    outcome = move(session, actor, [(lead, target) for lead in leads], reason, now)
    return Reassigned(target.id, target.display_name, tuple(outcome), changes_of(outcome))


def changes_of(outcome: Iterable[LeadMoved]) -> Changes:
    """What the views refresh: the leads that moved, and the queues they left and joined."""
    moved = frozenset(m.lead_id for m in outcome if m.moved)
    return Changes(lead_ids=moved, queue=bool(moved))
