"""Lead scoring: fit (who they are) + engagement (what they did, decaying with time).

The weights, half-life and grade thresholds are data (:class:`ScoringConfig`, stored in
the active :class:`~models.entities.Definition`), never constants in code.

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

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from models import text
from models.enums import Grade, Seniority
from models.errors import InvalidInput

SECONDS_PER_DAY = 86_400.0


@dataclass(frozen=True)
class PriorityConfig:
    new_lead_boost: float
    fresh_lead_boost: float
    fresh_lead_hours: float
    hot_signal_boost: float
    hot_signal_hours: float
    hot_kinds: frozenset[str]


@dataclass(frozen=True)
class ScoringConfig:
    industry: Mapping[str, float]
    company_size: Mapping[str, float]
    seniority: Mapping[str, float]
    region: Mapping[str, float]
    kind_weights: Mapping[str, float]
    half_life_days: float
    repeat_factor: float
    saturation: float
    engagement_max: float
    grades: Mapping[str, float]
    priority: PriorityConfig
    seniority_keywords: Mapping[str, tuple[str, ...]]
    fit_max: float = field(init=False)

    def __post_init__(self) -> None:
        fit_max = sum(
            max(part.values(), default=0.0)
            for part in (self.industry, self.company_size, self.seniority, self.region)
        )
        object.__setattr__(self, "fit_max", fit_max)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ScoringConfig:
        """Build from the JSON held by a definition; raises InvalidInput naming the field."""
        try:
            fit = data["fit"]
            eng = data["engagement"]
            pri = data["priority"]
            config = cls(
                industry=_weights(fit["industry"], "fit.industry"),
                company_size=_weights(fit["company_size"], "fit.company_size"),
                seniority=_weights(fit["seniority"], "fit.seniority"),
                region=_weights(fit["region"], "fit.region"),
                kind_weights=_weights(eng["kind_weights"], "engagement.kind_weights"),
                half_life_days=_positive(eng["half_life_days"], "engagement.half_life_days"),
                repeat_factor=float(eng["repeat_factor"]),
                saturation=_positive(eng["saturation"], "engagement.saturation"),
                engagement_max=_positive(eng["max_points"], "engagement.max_points"),
                grades=_weights(data["grades"], "grades"),
                priority=PriorityConfig(
                    new_lead_boost=float(pri["new_lead_boost"]),
                    fresh_lead_boost=float(pri["fresh_lead_boost"]),
                    fresh_lead_hours=float(pri["fresh_lead_hours"]),
                    hot_signal_boost=float(pri["hot_signal_boost"]),
                    hot_signal_hours=float(pri["hot_signal_hours"]),
                    hot_kinds=frozenset(pri["hot_kinds"]),
                ),
                seniority_keywords={
                    level: tuple(text.fold(k) for k in words)
                    for level, words in data["seniority_keywords"].items()
                },
            )
        except KeyError as exc:
            raise InvalidInput(
                f"The scoring settings lack the field {exc.args[0]!r}.", field=str(exc.args[0])
            ) from exc
        except (TypeError, ValueError) as exc:
            raise InvalidInput(
                f"The scoring settings are malformed: {exc}", field="scoring"
            ) from exc
        if not 0.0 <= config.repeat_factor <= 1.0:
            raise InvalidInput(
                "engagement.repeat_factor must be between 0 and 1.", field="repeat_factor"
            )
        return config

    @classmethod
    def from_file(cls, path: Path) -> ScoringConfig:
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8"))["scoring"])


def _weights(value: Any, name: str) -> dict[str, float]:
    if not isinstance(value, Mapping):
        raise ValueError(f"{name} must be a mapping of name to points")
    return {str(k): float(v) for k, v in value.items()}


def _positive(value: Any, name: str) -> float:
    number = float(value)
    if number <= 0:
        raise ValueError(f"{name} must be greater than 0 (got {value!r})")
    return number


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
    folded = text.fold(title)
    if not folded:
        return Seniority.UNKNOWN
    for level in (Seniority.EXECUTIVE, Seniority.DIRECTOR, Seniority.MANAGER, Seniority.STAFF):
        for word in config.seniority_keywords.get(level.value, ()):
            if word in folded:
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
