"""Who acts in a command: never a guess.

``--user EMAIL``, else ``$BATON_USER``, else, in team mode, the signed-in database login;
otherwise the command is refused, naming both ways to say it. In team mode a command
acts as the signed-in login only: ``--user`` or ``BATON_USER`` naming someone else is
refused (nobody acts in another person's name). Every command that acts asks
:func:`acting_user`.
"""

from __future__ import annotations

import argparse
import os

from sqlalchemy.orm import Session

from models.core.errors import InvalidInput, PermissionDenied
from models.teams import identity
from models.teams.users import user_by_email

#: The environment variable naming who acts, like ``--user``.
USER_ENV = "BATON_USER"


def named_user(args: argparse.Namespace) -> str | None:
    """The email ``--user`` or ``$BATON_USER`` names (None: neither)."""
    email = (getattr(args, "user", None) or os.environ.get(USER_ENV, "")).strip()
    return email or None


def acting_user(session: Session, args: argparse.Namespace) -> int:
    """The id of the user the command acts as (see the module's docstring)."""
    email = named_user(args)
    if identity.team_mode(session):
        me = identity.signed_in_user(session)
        if email is not None and user_by_email(session, email).id != me.id:
            raise PermissionDenied(
                "cli.act_as_other",
                login=identity.server_login(session) or "",
                user=me.display_name,
                email=email,
            )
        return me.id
    if email is None:
        raise InvalidInput("cli.who_acts", field="user")
    return user_by_email(session, email).id


def optional_acting_user(session: Session, args: argparse.Namespace) -> int | None:
    """Who acts, where nobody acting is allowed too (adding users to a database being set
    up): None when neither is named, outside team mode."""
    if named_user(args) is None and not identity.team_mode(session):
        return None
    return acting_user(session, args)
