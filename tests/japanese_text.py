"""Looking for English left in Japanese text: ASCII words that are not names, codes or data.

A Japanese user reads ASCII only where Japanese writes it too: names and data (a person
called Emily Carter, a campaign WP-DX-2026, an email address, a URL or a file path),
codes (grades A to D, key names such as F2, version numbers), and the few words Japanese
business text writes in Latin letters (BANT, MQL, IT, DL). Anything else is English that
was never translated.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from sqlalchemy import String, select

from models.core.entities import Account, Call, Lead, QualificationAnswer, Team, Touch, User
from models.db.database import Database

ASCII_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: URLs and locations: https://…, tel:…, mailto:…, sqlite:///…, postgresql://…, /a/path.
LOCATION = re.compile(r"\b[a-z][a-z0-9+.-]*:(?://)?[^\s<>\"'）)]*|(?<![\w/])/[^\s<>\"'）)]+")
#: A database file's name (the status bar names the database by its file).
FILE_NAME = re.compile(r"[\w.-]+\.(?:sqlite3?|db)\b")
#: Keyboard shortcuts (Ctrl+S) and menu mnemonics: 「ファイル(&F)」, as Japanese menus write them.
KEYS = re.compile(r"\b(?:Ctrl|Shift|Alt|Meta)\+\w+|\(&?[A-Z]\)|&(?=\w)")
#: A command the user types, quoted as it is typed: 「baton team routing list」.
COMMAND = re.compile(r"\bbaton(?: [a-z][a-z-]*)+")
#: Version and code-like tokens: v3, F2, 0001.
CODE = re.compile(r"v\d+|F\d{1,2}|[A-D]")

#: Latin words Japanese text writes as they are.
ALLOWED = frozenset(
    {
        # the product and the databases it runs on
        "Baton",
        "SQLite",
        "PostgreSQL",
        # acronyms a Japanese rep reads as they are
        "BANT",
        "MQL",
        "SQL",  # the funnel's stage after MQL (sales-qualified), as Japanese teams say it
        "SAL",
        "KPI",
        "SLA",
        "IT",
        "DL",
        # a button Japanese dialogs label in Latin letters too
        "OK",
        # file formats and the program they are for, named as Japanese names them
        "PDF",
        "HTML",
        "Markdown",
        "JSON",
        "CSV",
        "XLSX",
        "PNG",
        "Excel",
        # the marketing tools an import reads, by their product names
        "HubSpot",
        "Marketo",
        "Pardot",
        "SATORI",
        "BowNow",
        "UTF",
        "BOM",
        "CP932",
        "Shift_JIS",
        "E.164",
        # key names (shortcuts shown in buttons and menus)
        "Ctrl",
        "Shift",
        "Alt",
        "Enter",
        "Return",
        "Esc",
        "Tab",
        "Space",
        # the language menu names each language in its own words, and itself in both
        "Language",
        "English",
    }
)


def data_strings(db: Database) -> list[str]:
    """Every text the demo data holds that has Latin letters in it, longest first:
    names, companies, titles, campaigns, notes, evidence, emails."""
    columns = (
        Lead.name,
        Lead.name_kana,
        Lead.title,
        Lead.department,
        Lead.email,
        Lead.phone,
        Account.name,
        Account.name_kana,
        Account.phone,
        Account.prefecture,
        Team.name,
        Touch.content_title,
        Touch.campaign,
        User.display_name,
        User.email,
        Call.notes,
        QualificationAnswer.evidence,
    )
    found: set[str] = set()
    with db.read() as session:
        for column in columns:
            assert isinstance(column.type, String), column
            found.update(v for v in session.scalars(select(column).distinct()) if v)
    latin = {v for v in found if re.search(r"[A-Za-z]", v)}
    # A value's lines too: a note is shown on one line in the timeline, whole in tooltips.
    latin |= {line for v in latin for line in v.splitlines() if re.search(r"[A-Za-z]", line)}
    return sorted(latin, key=len, reverse=True)


#: Words joined by single spaces: a table cell of the CLI (cells part on two spaces).
_CELL = re.compile(r"[A-Za-z][^\s]*(?: [^\s]+)*")


def _cut_cells(text: str, ordered: list[str]) -> str:
    """``text`` without the cells that are data cut short to fit a column ("Christopher
    Davenp" of "Christopher Davenport"): at least 6 characters, a prefix of a value."""

    def blank(match: re.Match[str]) -> str:
        cell = match.group(0)
        at = bisect.bisect_left(ordered, cell)
        cut = len(cell) >= 6 and at < len(ordered) and ordered[at].startswith(cell)
        return " " if cut else cell

    return _CELL.sub(blank, text)


def english_words(text: str, data: Iterable[str], ordered: list[str] | None = None) -> list[str]:
    """The ASCII words of ``text`` that are neither data, nor codes, nor allowed words."""
    for value in data:
        if value in text:
            text = text.replace(value, " ")
    if ordered is not None:
        text = _cut_cells(text, ordered)
    for pattern in (EMAIL, LOCATION, FILE_NAME, KEYS, COMMAND):
        text = pattern.sub(" ", text)
    return [
        word
        for word in ASCII_WORD.findall(text)
        if word not in ALLOWED and not CODE.fullmatch(word)
    ]


def untranslated(texts: Iterable[str], data: Iterable[str]) -> dict[str, list[str]]:
    """Each text that holds English, with the English words found in it."""
    data = list(data)
    ordered = sorted(data)
    found: dict[str, list[str]] = {}
    for text in texts:
        words = english_words(text, data, ordered)
        if words:
            found[text] = words
    return found
