"""Queue priority: the score plus boosts for speed to lead and fresh hot signals.

Each lead also carries a short "why now" code the queue shows (rendered in the UI
language by the desktop layer):

* ``hot:<kind>`` — an inquiry, demo request or pricing-page visit in the hot window;
* ``fresh`` — a new lead not yet called that arrived within the fresh window;
* ``new`` — a new lead not yet called (speed to lead);
* ``callback_due`` — a callback the rep promised is due (it rises to the top);
* ``resting`` — recent attempts went unanswered: the lead waits a while (attempt
  spacing grows with each unanswered attempt) instead of staying on top;
* ``score`` — nothing urgent: the score alone orders it;
* ``wrong_number`` — the lead's number reached somebody else: it ranks below every lead
  that can be reached (by its score among those that cannot) until a new number is
  entered.

Whatever is time-bound sets ``until``: the lead is rescored then (models.scoring.rescore).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from models.core.enums import Stage
from models.definitions.scoring_config import ScoringConfig
from models.scoring.score import ScoreResult

#: Scores are clamped to 0–100 (models.scoring.score.score_lead).
_SCORE_MAX = 100.0


@dataclass(frozen=True)
class Priority:
    value: float
    why_now: str
    #: When a time-bound boost in ``value`` runs out (None: nothing time-bound).
    until: datetime | None = None


def prioritize(
    result: ScoreResult,
    *,
    stage: str,
    call_attempts: int,
    mql_at: datetime,
    now: datetime,
    config: ScoringConfig,
    next_callback_at: datetime | None = None,
    last_call_at: datetime | None = None,
    unanswered_streak: int = 0,
    phone_invalid: bool = False,
) -> Priority:
    cfg = config.priority
    if phone_invalid:
        # Below the lowest priority a reachable lead can have (a score of 0, resting);
        # nothing time-bound matters until a new number is entered.
        return Priority(
            value=round(result.score - (_SCORE_MAX + cfg.resting_penalty + 1.0), 3),
            why_now="wrong_number",
        )
    value = float(result.score)
    reasons: list[str] = []
    expiries: list[datetime] = []
    if next_callback_at is not None:
        if next_callback_at <= now:
            # A promised callback rises to the top: lift it above the best priority a
            # lead without one can reach (top score, a hot signal and a new-lead boost).
            ceiling = (
                _SCORE_MAX + cfg.hot_signal_boost + max(cfg.fresh_lead_boost, cfg.new_lead_boost)
            )
            value += max(cfg.callback_due_boost, ceiling)
            reasons.append("callback_due")
        else:
            expiries.append(next_callback_at)
    if result.hot_signal is not None:
        value += cfg.hot_signal_boost
        reasons.append(f"hot:{result.hot_signal[0]}")
        expiries.append(result.hot_signal[1] + timedelta(hours=cfg.hot_signal_hours))
    if stage == Stage.NEW and call_attempts == 0:
        fresh_until = mql_at + timedelta(hours=cfg.fresh_lead_hours)
        if now <= fresh_until:
            value += cfg.fresh_lead_boost
            reasons.append("fresh")
            expiries.append(fresh_until)
        else:
            value += cfg.new_lead_boost
            reasons.append("new")
    if unanswered_streak > 0 and last_call_at is not None and "callback_due" not in reasons:
        hours = min(cfg.spacing_hours * unanswered_streak, cfg.spacing_max_hours)
        rest_until = last_call_at + timedelta(hours=hours)
        if now < rest_until:
            value -= cfg.resting_penalty
            reasons.append("resting")
            expiries.append(rest_until)
    return Priority(
        value=round(value, 3),
        why_now=reasons[0] if reasons else "score",
        until=min(expiries) if expiries else None,
    )
