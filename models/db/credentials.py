"""Database passwords live in the OS keychain (keyring), never in a file or a URL."""

from __future__ import annotations

from sqlalchemy.engine import URL

SERVICE = "baton"


def account_for(url: URL) -> str:
    """The keychain entry name for a server login: ``user@host:port/database``."""
    return f"{url.username}@{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def password_for(url: URL) -> str | None:
    import keyring  # imported here: only team mode needs the keychain
    from keyring.errors import KeyringError

    try:
        secret: str | None = keyring.get_password(SERVICE, account_for(url))
    except KeyringError:
        return None
    return secret


def store_password(url: URL, password: str) -> None:
    import keyring

    keyring.set_password(SERVICE, account_for(url), password)


def forget_password(url: URL) -> bool:
    """Remove the saved password of this server login; False if none was saved."""
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        keyring.delete_password(SERVICE, account_for(url))
    except PasswordDeleteError:
        return False
    except KeyringError:
        return False
    return True
