"""The scoring part of a handoff definition: weights, half-life, grades, priority boosts.

Data, never code: a definition version stores it as JSON and :meth:`ScoringConfig.from_dict`
checks it, naming the field that is wrong. :mod:`models.scoring.score` applies it.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models.core import text
from models.core.enums import Seniority
from models.core.errors import InvalidInput

SENIORITY_ORDER = (Seniority.EXECUTIVE, Seniority.DIRECTOR, Seniority.MANAGER, Seniority.STAFF)


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
        for level in reversed(SENIORITY_ORDER):  # a word listed twice counts as the higher
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
            raise _invalid(
                "scoring.out_of_range", "repeat_factor", "engagement", config.repeat_factor
            )
        return config

    @classmethod
    def from_file(cls, path: Path) -> ScoringConfig:
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8"))["scoring"])


def _get(parent: Mapping[str, Any], key: str, where: str) -> Any:
    try:
        return parent[key]
    except KeyError:
        raise InvalidInput("scoring.field_missing", field=key, name=_name(key, where)) from None


def _name(key: str, where: str) -> str:
    return f"{where}.{key}" if where else key


def _invalid(message: str, key: str, where: str, value: object = None) -> InvalidInput:
    """``message`` (a catalogue key) about the setting ``key`` in ``where``; the value given."""
    return InvalidInput(message, field=key, name=_name(key, where), value=repr(value))


def _section(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = _get(data, key, "")
    if not isinstance(value, Mapping):
        raise _invalid("scoring.not_mapping", key, "", value)
    return value


def _float(value: Any, key: str, where: str) -> float:
    if isinstance(value, bool):
        raise _invalid("scoring.not_number", key, where, value)
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise _invalid("scoring.not_number", key, where, value) from None
    if not math.isfinite(number):
        raise _invalid("scoring.not_finite", key, where, value)
    return number


def _number(parent: Mapping[str, Any], key: str, where: str, *, positive: bool = False) -> float:
    value = _get(parent, key, where)
    number = _float(value, key, where)
    if positive and number <= 0:
        raise _invalid("scoring.not_positive", key, where, value)
    return number


def _weights(parent: Mapping[str, Any], key: str, where: str) -> dict[str, float]:
    value = _get(parent, key, where)
    if not isinstance(value, Mapping):
        raise _invalid("scoring.not_points", key, where, value)
    return {str(k): _float(v, key, where) for k, v in value.items()}


def _words(parent: Mapping[str, Any], key: str, where: str) -> list[str]:
    value = _get(parent, key, where)
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise _invalid("scoring.not_words", key, where, value)
    if not all(isinstance(word, str) and word for word in value):
        raise _invalid("scoring.empty_word", key, where, value)
    return list(value)
