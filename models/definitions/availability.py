"""What a user may do with a definition version, and why not: the rules the lifecycle's
use cases enforce, asked before the user tries.

The use cases raise the refusal these functions give; the definition editor asks the same
functions to enable its buttons, with the refusal as the reason (one set of rules, as
:mod:`models.leads.availability` is for a lead's actions). Pure: a user (id, role, name)
and a :class:`VersionInfo` in, a :class:`BatonError` or None out.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from models.core.enums import ApprovalSide, DefinitionStatus, Role
from models.core.errors import BatonError, InvalidInput, PermissionDenied
from models.core.permission_table import Action, allowed
from models.definitions.records import VersionInfo

_D = DefinitionStatus

#: Which side each role approves for (every role :data:`Action.APPROVE_DEFINITION`
#: allows has one).
SIDES = {
    Role.MARKETING.value: ApprovalSide.MARKETING.value,
    Role.TEAM_LEAD.value: ApprovalSide.SALES.value,
    Role.ADMIN.value: ApprovalSide.SALES.value,
}


class Person(Protocol):
    """What the rules read of a user (an entity or a plain record)."""

    @property
    def id(self) -> int: ...

    @property
    def role(self) -> str: ...

    @property
    def display_name(self) -> str: ...


def when(value: datetime | None) -> str:
    """A time as a message parameter (ISO, to the minute; "" for none)."""
    return value.isoformat(timespec="minutes") if value is not None else ""


def draft_refusal(user: Person) -> BatonError | None:
    """Why ``user`` may not draft (or edit, propose, withdraw) any version
    (:data:`Action.EDIT_DEFINITION_DRAFT`)."""
    if allowed(user.role, Action.EDIT_DEFINITION_DRAFT):
        return None
    return PermissionDenied(
        "definition.edit_role", field="user", user=user.display_name, role=user.role
    )


def locked_refusal(info: VersionInfo) -> BatonError | None:
    """Why the version's content can no longer change (None: a draft)."""
    if info.status == _D.DRAFT:
        return None
    if info.status == _D.PROPOSED:
        return InvalidInput(
            "definition.locked.proposed",
            field="version",
            version=info.version,
            user=info.proposed_by or "Baton",
            at=when(info.proposed_at),
        )
    if info.status == _D.APPROVED:
        return InvalidInput("definition.locked.approved", field="version", version=info.version)
    return InvalidInput("definition.locked.withdrawn", field="version", version=info.version)


def edit_refusal(user: Person, info: VersionInfo) -> BatonError | None:
    """Why ``user`` may not save or propose this version."""
    return draft_refusal(user) or locked_refusal(info)


def withdraw_refusal(user: Person, info: VersionInfo) -> BatonError | None:
    error = draft_refusal(user)
    if error is None and info.status == _D.APPROVED:
        error = InvalidInput("definition.withdraw_approved", field="version", version=info.version)
    if error is None and info.status == _D.WITHDRAWN:
        error = InvalidInput("definition.withdraw_withdrawn", field="version", version=info.version)
    return error


def approve_role_refusal(user: Person) -> BatonError | None:
    """Why ``user`` approves for neither side (a rep, a field rep)."""
    if allowed(user.role, Action.APPROVE_DEFINITION) and user.role in SIDES:
        return None
    return PermissionDenied(
        "definition.approve_role", field="user", user=user.display_name, role=user.role
    )


def approve_refusal(user: Person, info: VersionInfo) -> BatonError | None:
    """Why ``user`` may not approve this version for their side now.

    A marketing user approves for marketing, a team lead or an administrator for sales;
    only a proposal; two different people, each once; a proposer may give their side's
    approval, never both (so a version its proposer alone approved is not approved).
    """
    error = approve_role_refusal(user)
    if error is not None:
        return error
    side = SIDES[user.role]
    if info.status == _D.DRAFT:
        return InvalidInput("definition.approve_draft", field="version", version=info.version)
    if info.status == _D.APPROVED:
        return InvalidInput("definition.approve_approved", field="version", version=info.version)
    if info.status == _D.WITHDRAWN:
        return InvalidInput("definition.approve_withdrawn", field="version", version=info.version)
    for approval in info.approvals:
        if approval.user_id != user.id:
            continue
        if info.proposed_by_id == user.id:
            return PermissionDenied(
                "definition.proposer_alone",
                field="user",
                user=approval.user_name,
                version=info.version,
            )
        return PermissionDenied(
            "definition.approved_twice",
            field="user",
            user=approval.user_name,
            version=info.version,
            at=when(approval.approved_at),
        )
    taken = info.approval(side)
    if taken is None:
        return None
    if side == ApprovalSide.MARKETING:
        return InvalidInput(
            "definition.side_taken.marketing",
            field="user",
            version=info.version,
            user=taken.user_name,
            at=when(taken.approved_at),
        )
    return InvalidInput(
        "definition.side_taken.sales",
        field="user",
        version=info.version,
        user=taken.user_name,
        at=when(taken.approved_at),
    )
