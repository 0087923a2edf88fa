"""What a user may do to a lead now, and why not: the checks the use cases make, asked
before the user types.

The use cases call :func:`require_state` (after the permission check and the stale-form
check, so that a form on a lead that changed meanwhile hears what changed); the lead pane
asks :func:`refusals` for every action at once and disables what would be refused, with
the refusal as the reason. One set of rules, so a button is never enabled for an action
the domain would refuse, nor disabled for one it would take.
"""

from __future__ import annotations

from enum import StrEnum

from models.core.entities import Lead, User
from models.core.enums import Stage
from models.core.errors import BatonError, InvalidInput, PermissionDenied
from models.core.messages import lead_label
from models.teams import permissions


class LeadAction(StrEnum):
    CALL = "call"
    RECYCLE = "recycle"
    DISQUALIFY = "disqualify"
    DO_NOT_CALL = "do_not_call"
    PHONE = "phone"
    PROMOTE = "promote"


#: The stages each action is taken from (an action not listed: any stage).
_STAGES: dict[LeadAction, frozenset[str]] = {
    LeadAction.CALL: frozenset({Stage.NEW, Stage.WORKING}),
    LeadAction.RECYCLE: frozenset({Stage.NEW, Stage.WORKING}),
    LeadAction.DISQUALIFY: frozenset({Stage.NEW, Stage.WORKING, Stage.RECYCLED}),
    LeadAction.PROMOTE: frozenset({Stage.NEW, Stage.WORKING}),
}


def require_state(lead: Lead, action: LeadAction) -> None:
    """Raise the refusal if the lead's state does not allow ``action`` (not who asks)."""
    allowed = _STAGES.get(action)
    if not (action == LeadAction.CALL and lead.do_not_call) and (
        allowed is None or lead.stage in allowed
    ):
        return  # the lead's label (its company is another read) only for a refusal
    label = lead_label(lead)
    if action == LeadAction.CALL and lead.do_not_call:
        raise PermissionDenied("lead.do_not_call", lead_id=lead.id, lead=label)
    if action == LeadAction.CALL:
        raise InvalidInput("lead.call_stage", field="stage", lead=label, stage=lead.stage)
    if action == LeadAction.RECYCLE:
        raise InvalidInput("lead.recycle_stage", field="stage", lead=label, stage=lead.stage)
    if action == LeadAction.PROMOTE:
        raise InvalidInput("handoff.promote_stage", field="stage", lead=label, stage=lead.stage)
    raise InvalidInput("lead.disqualify_stage", field="stage", lead=label, stage=lead.stage)


def refusal(user: User, lead: Lead, action: LeadAction) -> BatonError | None:
    """Why ``user`` may not take ``action`` on ``lead`` now (None: they may)."""
    try:
        permissions.require_can_work(user, lead)
        require_state(lead, action)
    except BatonError as error:
        return error
    return None


def refusals(user: User, lead: Lead) -> dict[LeadAction, BatonError]:
    """Every action ``user`` may not take on ``lead`` now, with why."""
    found = {action: refusal(user, lead, action) for action in LeadAction}
    return {action: error for action, error in found.items() if error is not None}
