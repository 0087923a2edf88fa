"""Opening the database the app starts on, signing in where the server asks for it.

A server login without a saved password, or whose saved password the server no longer
accepts, gets the sign-in dialog (again and again until it signs in or is cancelled).
In team mode the user is the server's ``current_user``; elsewhere they pick their name
(desktop.main.app.choose_user).
"""

from __future__ import annotations

from sqlalchemy.engine import URL

from desktop.dialogs.sign_in_dialog import SignInDialog
from desktop.i18n import messages as errors
from models.core.errors import DatabaseUnreachable
from models.db.credentials import password_for
from models.db.database import AUTH_REFUSED, Database, open_database, parse_url


def _attempt(url: URL, password: str) -> Database:
    return open_database(url.render_as_string(hide_password=False), password=password)


def open_signed_in(url_text: str) -> Database | None:
    """The open database, or None if the user cancelled signing in.

    Raises what :func:`models.db.database.open_database` raises other than a refused
    login (an unreachable server, a malformed URL: said by the caller).
    """
    try:
        return open_database(url_text, create_dirs=True)
    except DatabaseUnreachable as exc:
        if exc.key != AUTH_REFUSED:
            raise
        refusal = exc
    url = parse_url(url_text)
    # Said only when a password was tried: on a first sign-in nothing went wrong yet.
    tried = url.password is not None or (url.username and password_for(url) is not None)
    dialog = SignInDialog(url, _attempt, reason=errors.message(refusal) if tried else "")
    if dialog.exec() != SignInDialog.DialogCode.Accepted:
        return None
    return dialog.database
