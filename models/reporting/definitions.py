"""The definition written next to each number: one sentence per figure, English templates
in the message catalogue (``kpi.def.<figure>``,
:data:`models.core.reporting_messages.KPI_DEFINITIONS`) that the desktop translates
(context "Errors") like every other template."""

from __future__ import annotations

from enum import StrEnum

from models.core.reporting_messages import KPI_DEFINITIONS


class Figure(StrEnum):
    PERIOD = "period"
    FILTERS = "filters"
    MQL = "mql"
    WORKING = "working"
    REACHED = "reached"
    PROMOTED = "promoted"
    ACCEPTED = "accepted"
    DROP_OFF = "drop_off"
    CONVERSION_RATE = "conversion_rate"
    TIME_TO_PROMOTION = "time_to_promotion"
    CALLS = "calls"
    REACHES = "reaches"
    REACH_RATE = "reach_rate"
    PROMOTIONS = "promotions"
    PROMOTIONS_PER_REACH = "promotions_per_reach"
    PROMOTIONS_PER_CALL = "promotions_per_call"
    CALLS_PER_HOUR = "calls_per_hour"
    TALK_PER_REACH = "talk_per_reach"
    SPEED_TO_LEAD = "speed_to_lead"
    SLA_SHARE = "sla_share"
    RETURNS = "returns"
    REJECTIONS = "rejections"
    OVERRIDES = "overrides"
    INDUSTRY_RESPONSE = "industry_response"
    CAMPAIGN_SENT = "campaign_sent"
    CAMPAIGN_OUTCOMES = "campaign_outcomes"
    CAMPAIGN_DAYS = "campaign_days"


def key(figure: Figure | str) -> str:
    """The catalogue key of ``figure``'s definition."""
    return f"kpi.def.{Figure(figure).value}"


def english(figure: Figure | str) -> str:
    """``figure``'s definition in English (the desktop translates the same template)."""
    return KPI_DEFINITIONS[key(figure)]


#: Every figure's key, in the order above (a figure without a sentence fails on import).
DEFINITIONS: dict[Figure, str] = {figure: key(figure) for figure in Figure}
_missing = [k for k in DEFINITIONS.values() if k not in KPI_DEFINITIONS]
if _missing:  # pragma: no cover - a programming error, caught by any import
    raise RuntimeError(f"KPI definitions missing from the catalogue: {_missing}")
