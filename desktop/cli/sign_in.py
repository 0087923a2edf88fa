"""``baton login`` and ``baton logout``: a server password in the system keychain.

``login`` asks the password at the terminal, checks the server accepts it (reading only),
then keeps it in the keychain, so the next commands and the app sign in without asking.
``logout`` removes it. The password is never a command-line argument.
"""

from __future__ import annotations

import argparse
import sys

from desktop.cli import context
from desktop.cli.context import EXIT_BAD_INPUT, EXIT_OK
from models.db.credentials import account_for, forget_password, store_password
from models.db.database import open_database, parse_url


def login(args: argparse.Namespace) -> int:
    url = parse_url(context.url(args))
    if url.get_backend_name() != "postgresql" or not url.username:
        print(
            "baton: login is for a server login: --db postgresql://LOGIN@HOST/DB",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    secret = context.ask_password(f"Password for {account_for(url)}: ")
    open_database(url.render_as_string(hide_password=False), upgrade=False, password=secret).close()
    store_password(url, secret)
    print(f"Saved in the system keychain for {account_for(url)}.")
    return EXIT_OK


def logout(args: argparse.Namespace) -> int:
    url = parse_url(context.url(args))
    if forget_password(url):
        print(f"Removed the saved password of {account_for(url)}.")
    else:
        print(f"No password was saved for {account_for(url)}.")
    return EXIT_OK
