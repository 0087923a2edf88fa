"""What every command works in: its database, its clock, its language, its exit codes."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from models.core.clock import parse_now, utcnow
from models.core.errors import DatabaseUnreachable, InvalidInput
from models.db.credentials import account_for
from models.db.database import (
    AUTH_REFUSED,
    Database,
    default_url,
    open_database,
    parse_url,
)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2

#: The environment variable that fixes the clock, like the hidden ``--now`` option.
NOW_ENV = "BATON_NOW"


#: Asks a server password at the terminal (tests give their own answer).
ask_password: Callable[[str], str] = getpass.getpass


def url(args: argparse.Namespace, *, demo: bool = False) -> str:
    """The database URL: ``--db``, else ``$BATON_DATABASE_URL``, else the default file.

    A password in ``--db`` is refused: a command line is visible to every user of the
    computer (``ps``) and kept in shell histories.
    """
    if args.db and "://" in args.db and parse_url(args.db).password is not None:
        raise InvalidInput("signin.password_in_url", field="--db")
    return args.db or os.environ.get("BATON_DATABASE_URL") or default_url(demo=demo)


def open_asking(url_text: str, **options: Any) -> Database:
    """:func:`open_database`, asking the server password at the terminal when the server
    wants one the keychain does not hold (or no longer holds)."""
    try:
        return open_database(url_text, **options)
    except DatabaseUnreachable as exc:
        parsed = parse_url(url_text)
        if exc.key != AUTH_REFUSED or not parsed.username or not sys.stdin.isatty():
            raise
    secret = ask_password(f"Password for {account_for(parsed)}: ")
    return open_database(url_text, password=secret, **options)


@contextmanager
def database(
    args: argparse.Namespace, *, write: bool = False, create: bool = False
) -> Iterator[Database]:
    """The database the command works on, closed when the command is done.

    A command that only reads (``write=False``) never creates, migrates or writes it, and
    never takes its write lock. One that writes upgrades an older schema first; only with
    ``create`` (``baton demo``, ``baton user add``) does it create a missing database (and
    a new SQLite file's folder): the others refuse it, saying how to create one.
    """
    db = open_asking(url(args), upgrade=write, create=write and create, create_dirs=create)
    try:
        yield db
    finally:
        db.close()


def now(args: argparse.Namespace) -> datetime:
    """The command's clock: ``--now``, else ``$BATON_NOW``, else the system clock (UTC)."""
    text = getattr(args, "now", None)
    if text:
        return parse_now(text, option="--now")
    text = os.environ.get(NOW_ENV, "").strip()
    if text:
        return parse_now(text, option=NOW_ENV)
    return utcnow()


def speak(language: str | None) -> None:
    """Headless commands speak the user's language too (labels and messages).

    Loads QtCore and the translation only for the commands that print words, never Qt's
    widgets or GUI modules. Call it after the database work: once PySide6 is loaded, its
    import hook reads the source of every module imported after it.
    """
    from desktop.i18n import languages as i18n

    chosen = i18n.choose(language)
    if chosen == "en":
        return  # English is the source text: no Qt, no translator
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    if not hasattr(app, "_baton_translators"):
        app._baton_translators = i18n.install(app, chosen)  # type: ignore[attr-defined]
