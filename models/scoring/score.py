"""Lead scoring: fit (who they are) + engagement (what they did, decaying with time).

The weights, half-life and grade thresholds are data (:class:`ScoringConfig`, stored in
the active :class:`~models.core.entities.Definition`), never constants in code.

* Fit is the sum of the points for the account's industry, company size band, the
  seniority read from the lead's title, and the region.
* Engagement: each touch is worth its kind's weight, halved every ``half_life_days``.
  Within a kind, the strongest touch counts fully and each further one is multiplied by
  ``repeat_factor`` once more (diminishing returns for the 12th email open). The raw sum
  saturates towards ``max_points``: ``max_points * (1 - exp(-raw / saturation))``.
* Score = fit + engagement, rounded and clamped to 0–100, with a grade A–D.

Every score can explain itself (:class:`Contribution`); the UI renders the codes in the
user's language.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from models.core import text
from models.core.enums import Grade, Seniority
from models.definitions.scoring_config import SENIORITY_ORDER, ScoringConfig

SECONDS_PER_DAY = 86_400.0


@dataclass(frozen=True)
class LeadFacts:
    """What fit is computed from."""

    industry: str | None
    size_band: str | None
    title: str | None
    region: str | None


@dataclass(frozen=True)
class Contribution:
    """One line of a score's explanation.

    ``part`` is "fit" or "engagement"; ``factor`` is industry / company_size / seniority /
    region for fit, the touch kind for engagement; ``value`` the matched value.
    ``points`` is what the line adds to the score; for engagement, ``raw`` is the decayed
    weight before saturation and ``undecayed`` the weight the touches had when fresh.
    """

    part: str
    factor: str
    value: str
    points: float
    count: int = 1
    raw: float = 0.0
    undecayed: float = 0.0
    latest_at: datetime | None = None


@dataclass(frozen=True)
class ScoreResult:
    fit: float
    engagement: float
    engagement_raw: float
    score: int
    grade: str
    last_touch_at: datetime | None
    #: The newest hot signal (kind, when) within the configured window, if any.
    hot_signal: tuple[str, datetime] | None
    contributions: tuple[Contribution, ...] = ()


def classify_seniority(title: str | None, config: ScoringConfig) -> Seniority:
    """The highest level among the keywords found in the title.

    Latin keywords match whole words only ("cto" is not inside "director", "coo" not
    inside "coordinator"); Japanese ones match anywhere, as Japanese has no spaces
    between words. Scanning takes the longest keyword at each place, so "vice president"
    (director) wins over the "president" (executive) inside it, and 本部長 over 部長.
    """
    folded = text.fold(title)
    if not folded:
        return Seniority.UNKNOWN
    found = {
        config._seniority_levels[m.group()] for m in config._seniority_pattern.finditer(folded)
    }
    for level in SENIORITY_ORDER:
        if level in found:
            return level
    return Seniority.UNKNOWN


def grade_for(score: float, config: ScoringConfig) -> str:
    for grade in (Grade.A, Grade.B, Grade.C):
        if score >= config.grades.get(grade.value, math.inf):
            return grade.value
    return Grade.D.value


def score_lead(
    facts: LeadFacts,
    touches: Iterable[tuple[str, datetime]],
    now: datetime,
    config: ScoringConfig,
    *,
    explain: bool = False,
) -> ScoreResult:
    """Score one lead from its facts and its (kind, occurred_at) touches.

    Pure and cheap (no I/O): the full rescore calls it for every lead.
    """
    seniority = classify_seniority(facts.title, config)
    fit_parts = (
        ("industry", facts.industry, config.industry),
        ("company_size", facts.size_band, config.company_size),
        ("seniority", seniority.value, config.seniority),
        ("region", facts.region, config.region),
    )
    fit = 0.0
    for _factor, value, table in fit_parts:
        fit += table.get(value or "", 0.0)

    decay_per_second = math.log(2) / (config.half_life_days * SECONDS_PER_DAY)
    hot_window = config.priority.hot_signal_hours * 3600.0
    by_kind: dict[str, list[float]] = {}
    latest_by_kind: dict[str, datetime] = {}
    last_touch: datetime | None = None
    hot: tuple[str, datetime] | None = None
    weights = config.kind_weights
    for kind, occurred_at in touches:
        age = max((now - occurred_at).total_seconds(), 0.0)
        by_kind.setdefault(kind, []).append(
            weights.get(kind, 0.0) * math.exp(-decay_per_second * age)
        )
        if last_touch is None or occurred_at > last_touch:
            last_touch = occurred_at
        if explain and (kind not in latest_by_kind or occurred_at > latest_by_kind[kind]):
            latest_by_kind[kind] = occurred_at
        if (
            age <= hot_window
            and kind in config.priority.hot_kinds
            and (hot is None or occurred_at > hot[1])
        ):
            hot = (kind, occurred_at)

    raw_by_kind: dict[str, float] = {}
    factor = config.repeat_factor
    for kind, values in by_kind.items():
        values.sort(reverse=True)
        total = 0.0
        multiplier = 1.0
        for decayed in values:
            total += decayed * multiplier
            multiplier *= factor
        raw_by_kind[kind] = total
    raw = sum(raw_by_kind.values())
    engagement = config.engagement_max * (1.0 - math.exp(-raw / config.saturation))
    score = max(0, min(100, round(fit + engagement)))

    contributions: tuple[Contribution, ...] = ()
    if explain:
        lines = [
            Contribution("fit", name, value or "", table.get(value or "", 0.0))
            for name, value, table in fit_parts
        ]
        share = engagement / raw if raw > 0 else 0.0
        for kind in sorted(raw_by_kind, key=lambda k: -raw_by_kind[k]):
            count = len(by_kind[kind])
            lines.append(
                Contribution(
                    "engagement",
                    kind,
                    kind,
                    points=raw_by_kind[kind] * share,
                    count=count,
                    raw=raw_by_kind[kind],
                    undecayed=weights.get(kind, 0.0) * count,
                    latest_at=latest_by_kind.get(kind),
                )
            )
        contributions = tuple(lines)
    return ScoreResult(
        fit=fit,
        engagement=engagement,
        engagement_raw=raw,
        score=score,
        grade=grade_for(score, config),
        last_touch_at=last_touch,
        hot_signal=hot,
        contributions=contributions,
    )
