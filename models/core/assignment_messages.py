"""The domain's messages about who carries which lead: reassignment, distribution,
rebalancing and away periods.

Part of the catalogue of :mod:`models.core.messages` (its docstring says how keys and
parameters work); stable key -> English template.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

ASSIGNMENT_MESSAGES: Final[Mapping[str, str]] = {
    # -- Reassignment (models/leads/assignment.py) ----------------------------------------
    "assignment.no_leads": "Choose at least one lead to reassign.",
    "assignment.reason_empty": (
        "Say why the leads change hands: the reason is kept in each lead's history."
    ),
    "assignment.target_inactive": "{user} is deactivated: choose an active rep.",
    "assignment.target_role": "{user} ({role}) does not work leads: choose a rep or a team lead.",
    "assignment.target_other_team": (
        "{user} works in another team: a team lead gives leads within their own team."
    ),
    "assignment.target_away": (
        "{user} is away from {first} to {last}: choose a rep who is here, or confirm that "
        "the leads go to {user} anyway."
    ),
    "assignment.stage": (
        "{lead} is in the stage “{stage}”; only new and working leads change hands."
    ),
    # -- Distribution and rebalancing (models/leads/distribution.py, rebalance.py) ---------
    "assignment.plan_changed": (
        "The leads or the reps of {team} changed since the plan was made (a lead arrived or "
        "was taken, a rep's load changed): nothing was assigned. The current plan is shown: "
        "check it and apply it again."
    ),
    "assignment.untouched_days": (
        "Untouched for {value} days: expected a number of days from 1 to {max}."
    ),
    # -- Away periods (models/teams/away.py) ----------------------------------------------
    "away.dates_order": "The away period ends ({last}) before it starts ({first}).",
    "away.not_allowed": (
        "{actor} may not change {user}'s away periods: only {user}, their team lead or an "
        "administrator may."
    ),
    "away.not_found": "No away period with id {away_id}; it may have been removed.",
    "capacity.range": "A capacity of {value} open leads: expected a number from 0 to {max}.",
    "capacity.not_allowed": (
        "{actor} may not change {user}'s capacity: only their team lead or an administrator may."
    ),
}
