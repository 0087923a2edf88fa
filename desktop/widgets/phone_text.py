"""A phone number in rich text: shown as typed, linked to dial its E.164 form."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from desktop.widgets.rich_text import escape
from models.core.phones import tel_uri

TEL_SCHEME = "tel"


def phone_html(typed: str, e164: str | None, *, struck: bool = False) -> str:
    """The number as typed, linked to dial its E.164 form; struck out (and not linked)
    when it must not be dialled; not linked when it is no phone number."""
    if struck:
        return f"<s>{escape(typed)}</s>"
    if e164 is None:
        return escape(typed)
    return f"<a href='{escape(tel_uri(e164))}'>{escape(typed)}</a>"


def open_link(url: str) -> None:
    """Hand a ``tel:`` or ``mailto:`` link to the desktop (the softphone, the mail app)."""
    QDesktopServices.openUrl(QUrl(url))
