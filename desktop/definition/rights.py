"""What the user may do with a version, said before they try: each button is enabled when
the domain would accept the step, else disabled with the refusal the domain would give
as its tooltip (the same message keys; the domain still checks everything itself)."""

from __future__ import annotations

from desktop.i18n import messages
from models.core.enums import ApprovalSide, DefinitionStatus
from models.core.errors import BatonError, InvalidInput, PermissionDenied
from models.definitions.records import VersionInfo
from models.definitions.steps import EDITORS, SIDES, when
from models.teams.users import UserInfo

_D = DefinitionStatus


def _edit_role(user: UserInfo) -> BatonError | None:
    if user.role in EDITORS:
        return None
    return PermissionDenied(
        "definition.edit_role", field="user", user=user.display_name, role=user.role
    )


def _locked(info: VersionInfo) -> BatonError | None:
    if info.status == _D.DRAFT:
        return None
    if info.status == _D.PROPOSED:
        return InvalidInput(
            "definition.locked.proposed",
            version=info.version,
            user=info.proposed_by or "Baton",
            at=when(info.proposed_at),
        )
    if info.status == _D.APPROVED:
        return InvalidInput("definition.locked.approved", version=info.version)
    return InvalidInput("definition.locked.withdrawn", version=info.version)


def _text(error: BatonError | None) -> str | None:
    return None if error is None else messages.message(error)


def can_draft(user: UserInfo) -> str | None:
    """None if ``user`` may draft a version, else why not."""
    return _text(_edit_role(user))


def can_edit(user: UserInfo, info: VersionInfo) -> str | None:
    """None if ``user`` may save, propose this version, else why not."""
    return _text(_edit_role(user) or _locked(info))


def can_withdraw(user: UserInfo, info: VersionInfo) -> str | None:
    error = _edit_role(user)
    if error is None and info.status == _D.APPROVED:
        error = InvalidInput("definition.withdraw_approved", version=info.version)
    if error is None and info.status == _D.WITHDRAWN:
        error = InvalidInput("definition.withdraw_withdrawn", version=info.version)
    return _text(error)


def can_approve(user: UserInfo, info: VersionInfo) -> str | None:
    """None if ``user`` may approve this version for their side, else why not."""
    side = SIDES.get(user.role)
    if side is None:
        return _text(
            PermissionDenied("definition.approve_role", user=user.display_name, role=user.role)
        )
    if info.status == _D.DRAFT:
        return _text(InvalidInput("definition.approve_draft", version=info.version))
    if info.status == _D.APPROVED:
        return _text(InvalidInput("definition.approve_approved", version=info.version))
    if info.status == _D.WITHDRAWN:
        return _text(InvalidInput("definition.approve_withdrawn", version=info.version))
    for approval in info.approvals:
        if approval.user_id == user.id:
            key = "definition.approved_twice"
            if info.proposed_by == user.display_name:
                key = "definition.proposer_alone"
            return _text(
                PermissionDenied(
                    key,
                    user=approval.user_name,
                    version=info.version,
                    at=when(approval.approved_at),
                )
            )
    taken = info.approval(side)
    if taken is not None:
        key = (
            "definition.side_taken.marketing"
            if side == ApprovalSide.MARKETING
            else "definition.side_taken.sales"
        )
        return _text(
            InvalidInput(
                key, version=info.version, user=taken.user_name, at=when(taken.approved_at)
            )
        )
    return None
