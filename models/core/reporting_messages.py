"""The domain's messages about the shared KPIs and the campaign report: the definition
written next to each number (``kpi.def.*``, :mod:`models.reporting.definitions`), and the
refusals of a report's filters and exports.

Part of the catalogue of :mod:`models.core.messages` (its docstring says how keys and
parameters work); stable key -> English template. The definitions are sentences the
desktop shows beside the numbers, translated like every template (context "Errors").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

_REFUSALS: Final[Mapping[str, str]] = {
    # -- Filters and exports (models/reporting/) -------------------------------------------
    "kpi.period_order": "The period ends ({last}) before it starts ({first}).",
    "kpi.period_too_long": (
        "The period is {days} days long; a report covers at most {limit} days."
    ),
    "kpi.period_unknown": "Unknown period “{value}”; expected one of {expected}.",
    "kpi.stage_unknown": "Unknown funnel stage “{value}”; expected one of {expected}.",
    "kpi.campaign_unknown": "No engagement belongs to the campaign “{campaign}”.",
    "kpi.industry_unknown": "Unknown industry “{industry}”; the codes are {expected}.",
    "kpi.no_team": ("{user} belongs to no team; a team lead's reports cover their own team."),
    "report.unencodable": (
        "Row {row} ({record}), {column}: the character “{character}” ({code_point}) "
        "cannot be written in {encoding}. Nothing was written: export in UTF-8 (the "
        "default), or change that text."
    ),
    "report.language_unknown": "Unknown report language “{value}”; expected one of {expected}.",
    "cli.kpi.period_twice": "Give either --period or --since (and --until), not both.",
    "cli.kpi.until_alone": "--until needs --since (or choose a --period).",
}

#: What each number counts (never raised: shown beside the numbers), ``kpi.def.<figure>``.
KPI_DEFINITIONS: Final[Mapping[str, str]] = {
    "kpi.def.period": (
        "Whole days on the team's calendar (its time zone), the first and last day included."
    ),
    "kpi.def.filters": (
        "Team: its leads, and the calls and promotions of its members. Rep: the rep's "
        "leads, and the calls and promotions they made. Campaign: leads with an engagement "
        "in that campaign. Industry: leads whose company is in it. Definition version: "
        "promotions made under that version, and field sales' answers to them."
    ),
    "kpi.def.mql": (
        "Leads whose MQL date (when marketing sent them, or sent them again) falls in the "
        "period. The funnel follows these leads up to now."
    ),
    "kpi.def.working": "Of the MQLs, the leads called at least once since their MQL date.",
    "kpi.def.reached": (
        "Of the leads called, those a call reached (connected, callback requested, meeting "
        "booked or not interested), counting the calls that stand after corrections."
    ),
    "kpi.def.promoted": (
        "Of the leads reached, those handed off to field sales (SQL) since their MQL date."
    ),
    "kpi.def.accepted": "Of the leads promoted, those field sales accepted (SAL).",
    "kpi.def.drop_off": ("The share of a stage's leads that did not get to the next stage."),
    "kpi.def.conversion_rate": (
        "Opportunity rate after first contact: of the MQLs reached, the share handed off to "
        "field sales."
    ),
    "kpi.def.time_to_promotion": (
        "Days from a lead's MQL date to its first handoff, for the MQLs of the period that "
        "were handed off: the median (half took less, half more) and how many took 0-1, "
        "1-3, 3-7, 7-14, 14-30 and 30 days or more."
    ),
    "kpi.def.calls": (
        "Calls made in the period, on the day they were made; a corrected call counts once."
    ),
    "kpi.def.reaches": (
        "Calls that reached the person: connected, callback requested, meeting booked or "
        "not interested."
    ),
    "kpi.def.reach_rate": "Reach rate: reaches ÷ calls.",
    "kpi.def.promotions": (
        "Handoffs to field sales made in the period, counted for the rep who made them, "
        "on the day they made them."
    ),
    "kpi.def.promotions_per_reach": "Opportunity rate per reach: handoffs ÷ reaches.",
    "kpi.def.promotions_per_call": "Opportunity rate per call: handoffs ÷ calls.",
    "kpi.def.calls_per_hour": (
        "A rep's calls of a day ÷ the hours from their first to their last call that day, "
        "counting at least one hour; over several days or reps, all the calls ÷ all those "
        "hours."
    ),
    "kpi.def.talk_per_reach": (
        "Talk time per reach: the recorded duration of the calls that reached the person "
        "÷ the reaches."
    ),
    "kpi.def.speed_to_lead": (
        "Time from the MQL date to the first call, for the MQLs of the period: within 5 "
        "minutes, 1 hour, 4 hours, 24 hours, later, or not called yet."
    ),
    "kpi.def.sla_share": (
        "Of the MQLs whose target is decided (called, or the deadline passed), the share "
        "first called within the team's speed-to-lead target, counted in business hours."
    ),
    "kpi.def.returns": (
        "Leads returned to nurture in each month (each week for periods of 8 weeks or "
        "less), by the reason given; a lead field sales sent back to nurture counts as "
        "rejected by field sales."
    ),
    "kpi.def.rejections": (
        "Handoffs field sales rejected in each month (or week), by their reason, on the day "
        "they answered."
    ),
    "kpi.def.overrides": (
        "Handoffs a team lead made although the lead did not meet every criterion of the "
        "definition (with a reason), on the day of the handoff."
    ),
    "kpi.def.industry_response": (
        "Per industry of the company and per month (or week): of the leads called in that "
        "month, the share reached in that month. A lead counts once a month, however often "
        "it was called."
    ),
    "kpi.def.campaign_sent": (
        "Leads with at least one engagement of the campaign (or content) in the period. A "
        "lead counts for every campaign and content it engaged with, not only the first or "
        "the last."
    ),
    "kpi.def.campaign_outcomes": (
        "What happened to those leads after their first engagement of the campaign (or "
        "content) in the period, up to now: reached by a call, handed off to field sales, "
        "accepted by field sales, returned to nurture (with the reason of the latest return)."
    ),
    "kpi.def.campaign_days": (
        "The median days from the MQL date to the handoff, for the leads handed off after "
        "the engagement."
    ),
}

REPORTING_MESSAGES: Final[Mapping[str, str]] = {**_REFUSALS, **KPI_DEFINITIONS}
