"""Who carries which lead, in words: why a lead was not placed, a member's status (inactive,
away), a connect rate. Shared by the CLI and the windows; Qt-free until a translation is
installed."""

from __future__ import annotations

from desktop.i18n import formats
from desktop.i18n.translate import QT_TRANSLATE_NOOP, fill, translate
from models.teams.away import AwayInfo

CTX = "AssignmentLabels"

#: Why a lead was not placed (:class:`models.leads.distribution.Unplaced`).
UNPLACED = {
    "no_rep": QT_TRANSLATE_NOOP("AssignmentLabels", "the team has no active rep"),
    "all_away": QT_TRANSLATE_NOOP("AssignmentLabels", "every active rep is away today"),
    "at_capacity": QT_TRANSLATE_NOOP(
        "AssignmentLabels", "every rep here today is at capacity (raise a capacity or wait)"
    ),
    "only_owner": QT_TRANSLATE_NOOP(
        "AssignmentLabels", "no other rep has room: only its own rep does"
    ),
}
INACTIVE = QT_TRANSLATE_NOOP("AssignmentLabels", "Inactive")
AWAY_UNTIL = QT_TRANSLATE_NOOP("AssignmentLabels", "Away until %1")
AWAY_FROM = QT_TRANSLATE_NOOP("AssignmentLabels", "Away %1 – %2")
HERE = QT_TRANSLATE_NOOP("AssignmentLabels", "Here")
PERCENT = QT_TRANSLATE_NOOP("AssignmentLabels", "%1%")


def unplaced(code: str) -> str:
    source = UNPLACED.get(code)
    return translate(CTX, source) if source is not None else code


def status(active: bool, away: AwayInfo | None) -> str:
    """Inactive, away until a day, or here."""
    if not active:
        return translate(CTX, INACTIVE)
    if away is not None:
        return fill(translate(CTX, AWAY_UNTIL), formats.date_text(away.ends_on))
    return translate(CTX, HERE)


def next_away(away: AwayInfo | None) -> str:
    """The next away period, from … to … (empty: none planned)."""
    if away is None:
        return ""
    return fill(
        translate(CTX, AWAY_FROM),
        formats.date_text(away.starts_on),
        formats.date_text(away.ends_on),
    )


def rate(value: float | None) -> str:
    """A share as a whole percentage; "–" when there is nothing to divide."""
    if value is None:
        return "–"
    return fill(translate(CTX, PERCENT), round(value * 100))
