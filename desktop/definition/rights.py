"""What the user may do with a version, said before they try: each button is enabled when
the domain would accept the step, else disabled with the refusal the domain would give
as its tooltip. The rules are the domain's own (models.definitions.availability); this
only puts their refusals into words."""

from __future__ import annotations

from desktop.i18n import messages
from models.core.errors import BatonError
from models.definitions import availability
from models.definitions.records import VersionInfo
from models.teams.users import UserInfo


def _text(error: BatonError | None) -> str | None:
    return None if error is None else messages.message(error)


def can_draft(user: UserInfo) -> str | None:
    """None if ``user`` may draft a version, else why not."""
    return _text(availability.draft_refusal(user))


def can_edit(user: UserInfo, info: VersionInfo) -> str | None:
    """None if ``user`` may save or propose this version, else why not."""
    return _text(availability.edit_refusal(user, info))


def can_withdraw(user: UserInfo, info: VersionInfo) -> str | None:
    return _text(availability.withdraw_refusal(user, info))


def can_approve(user: UserInfo, info: VersionInfo) -> str | None:
    """None if ``user`` may approve this version for their side, else why not."""
    return _text(availability.approve_refusal(user, info))
