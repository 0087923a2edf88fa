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
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from models import text
from models.enums import Grade, Seniority
from models.errors import InvalidInput

SECONDS_PER_DAY = 86_400.0
_SENIORITY_ORDER = (Seniority.EXECUTIVE, Seniority.DIRECTOR, Seniority.MANAGER, Seniority.STAFF)


def _keyword_pattern(word: str) -> str:
    """A regex for one (folded) seniority keyword; Latin ones must be whole words."""
    pattern = re.escape(word)
    if word[0].isascii() and word[0].isalnum():
        pattern = r"(?<![0-9a-z])" + pattern
    if word[-1].isascii() and word[-1].isalnum():
        pattern += r"(?![0-9a-z])"
    return pattern


@dataclass(frozen=True)
class PriorityConfig:
    new_lead_boost: float
    fresh_lead_boost: float
    fresh_lead_hours: float
    hot_signal_boost: float
    hot_signal_hours: float
    hot_kinds: frozenset[str]
    callback_due_boost: float = 60.0
    resting_penalty: float = 30.0
    spacing_hours: float = 4.0
    spacing_max_hours: float = 72.0


_OPTIONAL_PRIORITY_FIELDS = (
    "callback_due_boost",
    "resting_penalty",
    "spacing_hours",
    "spacing_max_hours",
)


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
    #: Every seniority keyword, longest first, and the level each one stands for.
    _seniority_pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _seniority_levels: dict[str, Seniority] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        fit_max = sum(
            max(part.values(), default=0.0)
            for part in (self.industry, self.company_size, self.seniority, self.region)
        )
        object.__setattr__(self, "fit_max", fit_max)
        levels: dict[str, Seniority] = {}
        for level in reversed(_SENIORITY_ORDER):  # a word listed twice counts as the higher
            for word in self.seniority_keywords.get(level.value, ()):
                if word:
                    levels[word] = level
        alternatives = [_keyword_pattern(w) for w in sorted(levels, key=len, reverse=True)]
        pattern = re.compile("|".join(alternatives) if alternatives else "(?!)")
        object.__setattr__(self, "_seniority_pattern", pattern)
        object.__setattr__(self, "_seniority_levels", levels)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ScoringConfig:
        """Build from the JSON held by a definition; raises InvalidInput naming the field."""
        fit = _section(data, "fit")
        eng = _section(data, "engagement")
        pri = _section(data, "priority")
        keywords = _section(data, "seniority_keywords")
        config = cls(
            industry=_weights(fit, "industry", "fit"),
            company_size=_weights(fit, "company_size", "fit"),
            seniority=_weights(fit, "seniority", "fit"),
            region=_weights(fit, "region", "fit"),
            kind_weights=_weights(eng, "kind_weights", "engagement"),
            half_life_days=_number(eng, "half_life_days", "engagement", positive=True),
            repeat_factor=_number(eng, "repeat_factor", "engagement"),
            saturation=_number(eng, "saturation", "engagement", positive=True),
            engagement_max=_number(eng, "max_points", "engagement", positive=True),
            grades=_weights(data, "grades", ""),
            priority=PriorityConfig(
                new_lead_boost=_number(pri, "new_lead_boost", "priority"),
                fresh_lead_boost=_number(pri, "fresh_lead_boost", "priority"),
                fresh_lead_hours=_number(pri, "fresh_lead_hours", "priority"),
                hot_signal_boost=_number(pri, "hot_signal_boost", "priority"),
                hot_signal_hours=_number(pri, "hot_signal_hours", "priority"),
                hot_kinds=frozenset(_words(pri, "hot_kinds", "priority")),
                # Optional: definitions stored before these existed use the defaults.
                **{
                    key: _number(pri, key, "priority")
                    for key in _OPTIONAL_PRIORITY_FIELDS
                    if key in pri
                },
            ),
            seniority_keywords={
                str(level): tuple(
                    text.fold(k) for k in _words(keywords, level, "seniority_keywords")
                )
                for level in keywords
            },
        )
        if not 0.0 <= config.repeat_factor <= 1.0:
            raise InvalidInput(
                "engagement.repeat_factor must be between 0 and 1.", field="repeat_factor"
            )
        return config

    @classmethod
    def from_file(cls, path: Path) -> ScoringConfig:
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8"))["scoring"])


def _get(parent: Mapping[str, Any], key: str, where: str) -> Any:
    try:
        return parent[key]
    except KeyError:
        raise InvalidInput(
            f"The scoring settings lack the field {key!r}" + (f" (in {where})." if where else "."),
            field=key,
        ) from None


def _invalid(key: str, where: str, problem: str) -> InvalidInput:
    name = f"{where}.{key}" if where else key
    return InvalidInput(f"The scoring setting {name} {problem}", field=key)


def _section(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = _get(data, key, "")
    if not isinstance(value, Mapping):
        raise _invalid(key, "", f"must be a mapping (got {value!r}).")
    return value


def _float(value: Any, key: str, where: str) -> float:
    if isinstance(value, bool):
        raise _invalid(key, where, f"must be a number (got {value!r}).")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise _invalid(key, where, f"must be a number (got {value!r}).") from None
    if not math.isfinite(number):
        raise _invalid(key, where, f"must be a finite number (got {value!r}).")
    return number


def _number(parent: Mapping[str, Any], key: str, where: str, *, positive: bool = False) -> float:
    value = _get(parent, key, where)
    number = _float(value, key, where)
    if positive and number <= 0:
        raise _invalid(key, where, f"must be greater than 0 (got {value!r}).")
    return number


def _weights(parent: Mapping[str, Any], key: str, where: str) -> dict[str, float]:
    value = _get(parent, key, where)
    if not isinstance(value, Mapping):
        raise _invalid(key, where, "must be a mapping of name to points.")
    return {str(k): _float(v, key, where) for k, v in value.items()}


def _words(parent: Mapping[str, Any], key: str, where: str) -> list[str]:
    value = _get(parent, key, where)
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise _invalid(key, where, f"must be a list of words (got {value!r}).")
    if not all(isinstance(word, str) and word for word in value):
        raise _invalid(key, where, "must hold only non-empty words.")
    return list(value)


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
    for level in _SENIORITY_ORDER:
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
