"""models/scoring.py and models/priority.py: pure functions, no database."""

from __future__ import annotations

import copy
import itertools
import math
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.core.enums import Seniority, Stage, TouchKind
from models.core.errors import InvalidInput
from models.definitions import versions
from models.definitions.scoring_config import ScoringConfig
from models.scoring.priority import prioritize
from models.scoring.score import (
    LeadFacts,
    classify_seniority,
    grade_for,
    score_lead,
)

NOW = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
DEFAULT = versions.default_definition_data()["scoring"]
CONFIG = ScoringConfig.from_dict(DEFAULT)
FACTS = LeadFacts("manufacturing", "300-999", "情報システム部 部長", "kanto")
NOBODY = LeadFacts(None, None, None, None)


def config_with(change: Callable[[dict[str, Any]], object]) -> ScoringConfig:
    data = copy.deepcopy(DEFAULT)
    change(data)
    return ScoringConfig.from_dict(data)


def days(n: float) -> timedelta:
    return timedelta(days=n)


# -- Engagement ---------------------------------------------------------------------------
def test_a_touch_is_worth_its_weight_when_fresh() -> None:
    result = score_lead(NOBODY, [("inquiry", NOW)], NOW, CONFIG)
    assert result.engagement_raw == pytest.approx(CONFIG.kind_weights["inquiry"])
    expected = CONFIG.engagement_max * (1 - math.exp(-25 / CONFIG.saturation))
    assert result.engagement == pytest.approx(expected)


@pytest.mark.parametrize("half_lives", [1, 2, 3])
def test_decay_halves_at_each_half_life(half_lives: int) -> None:
    weight = CONFIG.kind_weights["demo_request"]
    age = days(CONFIG.half_life_days * half_lives)
    result = score_lead(NOBODY, [("demo_request", NOW - age)], NOW, CONFIG)
    assert result.engagement_raw == pytest.approx(weight / 2**half_lives)


def test_half_life_comes_from_the_config() -> None:
    config = config_with(lambda d: d["engagement"].__setitem__("half_life_days", 7))
    result = score_lead(NOBODY, [("inquiry", NOW - days(7))], NOW, config)
    assert result.engagement_raw == pytest.approx(12.5)


def test_repeats_have_diminishing_returns() -> None:
    weight = CONFIG.kind_weights["email_open"]
    factor = CONFIG.repeat_factor
    raws = [
        score_lead(NOBODY, [("email_open", NOW)] * n, NOW, CONFIG).engagement_raw
        for n in range(1, 8)
    ]
    for n, raw in enumerate(raws, start=1):
        assert raw == pytest.approx(weight * (1 - factor**n) / (1 - factor))
    gains = [b - a for a, b in itertools.pairwise(raws)]
    assert all(later < earlier for earlier, later in itertools.pairwise(gains))
    # The 12th open never adds as much as the first one did.
    assert max(gains) < weight


def test_the_strongest_touch_of_a_kind_counts_fully() -> None:
    touches = [("seminar_attendance", NOW - days(60)), ("seminar_attendance", NOW)]
    result = score_lead(NOBODY, touches, NOW, CONFIG)
    weight = CONFIG.kind_weights["seminar_attendance"]
    # Fresh one full, the older (a quarter of its weight) halved by the repeat factor.
    assert result.engagement_raw == pytest.approx(weight + weight / 4 * CONFIG.repeat_factor)


def test_different_kinds_add_up_without_repeat_penalty() -> None:
    both = score_lead(NOBODY, [("inquiry", NOW), ("demo_request", NOW)], NOW, CONFIG)
    assert both.engagement_raw == pytest.approx(
        CONFIG.kind_weights["inquiry"] + CONFIG.kind_weights["demo_request"]
    )


def test_saturation_keeps_engagement_below_the_maximum() -> None:
    flood = [(kind.value, NOW) for kind in TouchKind] * 200
    result = score_lead(NOBODY, flood, NOW, CONFIG)
    assert result.engagement < CONFIG.engagement_max
    assert result.engagement > 0.95 * CONFIG.engagement_max
    assert result.score <= 100


def test_unknown_kinds_and_no_touches_give_no_engagement() -> None:
    assert score_lead(NOBODY, [], NOW, CONFIG).engagement == 0.0
    assert score_lead(NOBODY, [("carrier_pigeon", NOW)], NOW, CONFIG).engagement == 0.0


def test_last_touch_is_the_newest() -> None:
    touches = [("email_open", NOW - days(3)), ("site_visit", NOW - days(1)), ("email_open", NOW)]
    assert score_lead(NOBODY, touches, NOW, CONFIG).last_touch_at == NOW
    assert score_lead(NOBODY, [], NOW, CONFIG).last_touch_at is None


# -- Fit, seniority, grades ---------------------------------------------------------------
def test_fit_is_the_sum_of_its_parts() -> None:
    result = score_lead(FACTS, [], NOW, CONFIG)
    expected = (
        CONFIG.industry["manufacturing"]
        + CONFIG.company_size["300-999"]
        + CONFIG.seniority["director"]
        + CONFIG.region["kanto"]
    )
    assert result.fit == pytest.approx(expected)
    assert result.score == round(expected)


def test_unknown_facts_add_nothing_to_fit() -> None:
    assert score_lead(NOBODY, [], NOW, CONFIG).fit == 0.0
    odd = LeadFacts("alchemy", "huge", "Wizard", "atlantis")
    assert score_lead(odd, [], NOW, CONFIG).fit == 0.0


def test_fit_max_is_the_best_possible_fit() -> None:
    best = LeadFacts("manufacturing", "1000-4999", "CEO", "kanto")
    assert score_lead(best, [], NOW, CONFIG).fit == pytest.approx(CONFIG.fit_max)


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("部長", Seniority.DIRECTOR),
        ("営業部 部長", Seniority.DIRECTOR),
        ("代表取締役社長", Seniority.EXECUTIVE),
        ("執行役員", Seniority.EXECUTIVE),
        ("本部長", Seniority.EXECUTIVE),
        ("課長", Seniority.MANAGER),
        ("ﾏﾈｰｼﾞｬｰ", Seniority.MANAGER),  # half-width katakana
        ("担当", Seniority.STAFF),
        ("主任", Seniority.STAFF),
        ("VP of Sales", Seniority.DIRECTOR),
        ("vp of sales", Seniority.DIRECTOR),
        ("ＣＥＯ", Seniority.EXECUTIVE),  # full-width latin
        ("Chief Revenue Officer", Seniority.EXECUTIVE),
        ("Head of Marketing", Seniority.DIRECTOR),
        ("Sales Manager", Seniority.MANAGER),
        ("Team Leader", Seniority.MANAGER),
        ("Assistant Manager", Seniority.MANAGER),  # the higher of two levels
        ("担当部長", Seniority.DIRECTOR),
        ("Software Engineer", Seniority.STAFF),
        ("Gardener", Seniority.UNKNOWN),
        ("", Seniority.UNKNOWN),
        (None, Seniority.UNKNOWN),
    ],
)
def test_seniority_keywords(title: str | None, level: Seniority) -> None:
    assert classify_seniority(title, CONFIG) == level


@pytest.mark.parametrize(
    ("title", "level"),
    [
        # English keywords are whole words: "director" holds "cto", "coordinator" holds
        # "coo", yet neither is an executive.
        ("Director of IT", Seniority.DIRECTOR),
        ("Sales Director", Seniority.DIRECTOR),
        ("Marketing Coordinator", Seniority.STAFF),
        # A longer keyword wins over one it contains: "vice president" is a director
        # although "president" alone is an executive.
        ("Vice President of Sales", Seniority.DIRECTOR),
        ("President", Seniority.EXECUTIVE),
    ],
)
def test_seniority_keywords_are_not_matched_inside_other_words(
    title: str, level: Seniority
) -> None:
    assert classify_seniority(title, CONFIG) == level


def test_seniority_keywords_come_from_the_config() -> None:
    config = config_with(lambda d: d["seniority_keywords"]["executive"].append("ぶちょう"))
    # Keywords are folded like titles, so hiragana in the config matches katakana titles.
    assert classify_seniority("ブチョウ", config) == Seniority.EXECUTIVE


@pytest.mark.parametrize(
    ("score", "grade"),
    [(100, "A"), (70, "A"), (69.99, "B"), (50, "B"), (49, "C"), (30, "C"), (29.5, "D"), (0, "D")],
)
def test_grade_thresholds(score: float, grade: str) -> None:
    assert grade_for(score, CONFIG) == grade


def test_grade_thresholds_come_from_the_config() -> None:
    config = config_with(lambda d: d["grades"].update(A=90, B=80, C=60))
    assert [grade_for(s, config) for s in (95, 85, 70, 59)] == ["A", "B", "C", "D"]


# -- Explanation --------------------------------------------------------------------------
def test_explanation_adds_up_to_the_score() -> None:
    touches = [("email_open", NOW - days(i)) for i in range(12)] + [
        ("whitepaper_download", NOW - days(40)),
        ("inquiry", NOW - timedelta(hours=2)),
        ("seminar_attendance", NOW - days(90)),
    ]
    result = score_lead(FACTS, touches, NOW, CONFIG, explain=True)
    fit = [c for c in result.contributions if c.part == "fit"]
    engagement = [c for c in result.contributions if c.part == "engagement"]
    assert [c.factor for c in fit] == ["industry", "company_size", "seniority", "region"]
    assert fit[2].value == "director"
    assert sum(c.points for c in fit) == pytest.approx(result.fit)
    assert sum(c.points for c in engagement) == pytest.approx(result.engagement)
    assert sum(c.raw for c in engagement) == pytest.approx(result.engagement_raw)
    assert round(sum(c.points for c in result.contributions)) == result.score
    by_kind = {c.factor: c for c in engagement}
    assert set(by_kind) == {"email_open", "whitepaper_download", "inquiry", "seminar_attendance"}
    assert by_kind["email_open"].count == 12
    assert by_kind["email_open"].undecayed == pytest.approx(12 * CONFIG.kind_weights["email_open"])
    assert by_kind["email_open"].latest_at == NOW
    # Strongest first.
    assert [c.raw for c in engagement] == sorted((c.raw for c in engagement), reverse=True)


def test_no_explanation_unless_asked() -> None:
    assert score_lead(FACTS, [("inquiry", NOW)], NOW, CONFIG).contributions == ()


# -- Priority -----------------------------------------------------------------------------
def _priority(
    touches: list[tuple[str, datetime]],
    *,
    stage: str = Stage.WORKING,
    call_attempts: int = 2,
    mql_at: datetime | None = None,
) -> tuple[int, Any]:
    mql_at = mql_at or NOW - days(10)
    result = score_lead(FACTS, touches, NOW, CONFIG)
    priority = prioritize(
        result, stage=stage, call_attempts=call_attempts, mql_at=mql_at, now=NOW, config=CONFIG
    )
    return result.score, priority


def test_without_anything_urgent_priority_is_the_score() -> None:
    score, priority = _priority([("email_open", NOW - days(2))])
    assert priority.value == score
    assert priority.why_now == "score"


@pytest.mark.parametrize("kind", ["inquiry", "demo_request", "pricing_page"])
def test_a_hot_signal_within_24h_boosts_priority(kind: str) -> None:
    score, priority = _priority([(kind, NOW - timedelta(hours=23))])
    assert priority.value == pytest.approx(score + CONFIG.priority.hot_signal_boost)
    assert priority.why_now == f"hot:{kind}"


def test_an_old_hot_signal_does_not_boost() -> None:
    score, priority = _priority([("inquiry", NOW - timedelta(hours=25))])
    assert priority.value == score
    assert priority.why_now == "score"


def test_a_cold_kind_is_never_a_hot_signal() -> None:
    score, priority = _priority([("email_open", NOW - timedelta(minutes=5))])
    assert priority.why_now == "score"
    assert priority.value == score


def test_the_newest_hot_signal_names_the_reason() -> None:
    touches = [("inquiry", NOW - timedelta(hours=5)), ("pricing_page", NOW - timedelta(hours=1))]
    result = score_lead(FACTS, touches, NOW, CONFIG)
    assert result.hot_signal == ("pricing_page", NOW - timedelta(hours=1))


def test_new_uncalled_leads_get_the_speed_to_lead_boost() -> None:
    score, priority = _priority([], stage=Stage.NEW, call_attempts=0, mql_at=NOW - days(2))
    assert priority.value == pytest.approx(score + CONFIG.priority.new_lead_boost)
    assert priority.why_now == "new"


def test_a_lead_that_just_arrived_gets_the_fresh_boost() -> None:
    score, priority = _priority(
        [], stage=Stage.NEW, call_attempts=0, mql_at=NOW - timedelta(minutes=20)
    )
    assert priority.value == pytest.approx(score + CONFIG.priority.fresh_lead_boost)
    assert priority.why_now == "fresh"


@pytest.mark.parametrize(("stage", "calls"), [(Stage.NEW, 1), (Stage.WORKING, 0)])
def test_called_or_working_leads_get_no_speed_to_lead_boost(stage: str, calls: int) -> None:
    score, priority = _priority([], stage=stage, call_attempts=calls, mql_at=NOW - days(2))
    assert priority.value == score
    assert priority.why_now == "score"


def test_hot_signal_and_speed_to_lead_add_up_and_hot_names_the_reason() -> None:
    score, priority = _priority(
        [("demo_request", NOW - timedelta(hours=1))],
        stage=Stage.NEW,
        call_attempts=0,
        mql_at=NOW - days(3),
    )
    boosts = CONFIG.priority.hot_signal_boost + CONFIG.priority.new_lead_boost
    assert priority.value == pytest.approx(score + boosts)
    assert priority.why_now == "hot:demo_request"


# -- Config validation --------------------------------------------------------------------
def test_the_shipped_default_is_valid() -> None:
    assert CONFIG.half_life_days == 30
    assert CONFIG.priority.hot_kinds == {"inquiry", "demo_request", "pricing_page"}
    assert CONFIG.fit_max == 12 + 12 + 10 + 6


@pytest.mark.parametrize(
    ("path", "field"),
    [
        (("fit",), "fit"),
        (("engagement",), "engagement"),
        (("priority",), "priority"),
        (("grades",), "grades"),
        (("seniority_keywords",), "seniority_keywords"),
        (("fit", "industry"), "industry"),
        (("engagement", "half_life_days"), "half_life_days"),
        (("engagement", "max_points"), "max_points"),
        (("engagement", "kind_weights"), "kind_weights"),
        (("priority", "hot_kinds"), "hot_kinds"),
    ],
)
def test_from_dict_rejects_a_missing_field_naming_it(path: tuple[str, ...], field: str) -> None:
    data = copy.deepcopy(DEFAULT)
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    del parent[path[-1]]
    with pytest.raises(InvalidInput) as info:
        ScoringConfig.from_dict(data)
    assert field in info.value.params["field"]
    assert field in str(info.value)


@pytest.mark.parametrize(
    ("section", "key", "value", "field"),
    [
        ("engagement", "half_life_days", 0, "half_life_days"),
        ("engagement", "half_life_days", -3, "half_life_days"),
        ("engagement", "half_life_days", "a month", "half_life_days"),
        ("engagement", "half_life_days", None, "half_life_days"),
        ("engagement", "half_life_days", float("nan"), "half_life_days"),
        ("engagement", "saturation", 0, "saturation"),
        ("engagement", "max_points", float("inf"), "max_points"),
        ("engagement", "repeat_factor", 1.5, "repeat_factor"),
        ("engagement", "repeat_factor", -0.1, "repeat_factor"),
        ("engagement", "repeat_factor", "half", "repeat_factor"),
        ("engagement", "kind_weights", ["inquiry"], "kind_weights"),
        ("fit", "industry", {"finance": "lots"}, "industry"),
        ("priority", "hot_signal_hours", "soon", "hot_signal_hours"),
        ("priority", "hot_kinds", 5, "hot_kinds"),
    ],
)
def test_from_dict_rejects_an_invalid_field_naming_it(
    section: str, key: str, value: object, field: str
) -> None:
    data = copy.deepcopy(DEFAULT)
    data[section][key] = value
    with pytest.raises(InvalidInput) as info:
        ScoringConfig.from_dict(data)
    assert field in info.value.params["field"]
    assert field in str(info.value)


def test_optional_priority_settings_are_read_from_the_definition() -> None:
    config = config_with(
        lambda d: d["priority"].update(
            callback_due_boost=99, resting_penalty=11, spacing_hours=2, spacing_max_hours=24
        )
    )
    assert config.priority.callback_due_boost == 99
    assert config.priority.resting_penalty == 11
    assert config.priority.spacing_hours == 2
    assert config.priority.spacing_max_hours == 24


def test_a_definition_stored_before_the_optional_settings_uses_defaults() -> None:
    optional = ("callback_due_boost", "resting_penalty", "spacing_hours", "spacing_max_hours")
    config = config_with(lambda d: [d["priority"].pop(key, None) for key in optional])
    assert config.priority.callback_due_boost > 0
    assert config.priority.spacing_hours > 0
    with pytest.raises(InvalidInput) as info:
        config_with(lambda d: d["priority"].update(spacing_hours="often"))
    assert info.value.params["field"] == "spacing_hours"


@pytest.mark.parametrize("value", [["部長"], "部長", None])
def test_from_dict_rejects_malformed_seniority_keywords(value: object) -> None:
    data = copy.deepcopy(DEFAULT)
    data["seniority_keywords"] = value
    with pytest.raises(InvalidInput) as info:
        ScoringConfig.from_dict(data)
    assert info.value.params["field"] == "seniority_keywords"


# -- Properties ---------------------------------------------------------------------------
KINDS = [kind.value for kind in TouchKind]
touch_strategy = st.tuples(
    st.sampled_from(KINDS),
    st.floats(min_value=0, max_value=3 * 365 * 86_400, allow_nan=False).map(
        lambda seconds: NOW - timedelta(seconds=seconds)
    ),
)
facts_strategy = st.builds(
    LeadFacts,
    industry=st.sampled_from([*CONFIG.industry, None, "unknown"]),
    size_band=st.sampled_from([*CONFIG.company_size, None]),
    title=st.sampled_from(["部長", "CEO", "担当", "Sales Manager", None, "?"]),
    region=st.sampled_from([*CONFIG.region, None]),
)


@settings(max_examples=200, deadline=None)
@given(facts=facts_strategy, touches=st.lists(touch_strategy, max_size=60))
def test_score_is_within_bounds_and_explained(
    facts: LeadFacts, touches: list[tuple[str, datetime]]
) -> None:
    result = score_lead(facts, touches, NOW, CONFIG, explain=True)
    assert 0 <= result.score <= 100
    assert 0.0 <= result.engagement < CONFIG.engagement_max or result.engagement == pytest.approx(
        CONFIG.engagement_max
    )
    assert 0.0 <= result.fit <= CONFIG.fit_max
    assert result.grade == grade_for(result.score, CONFIG)
    assert sum(c.points for c in result.contributions) == pytest.approx(
        result.fit + result.engagement
    )


@settings(max_examples=200, deadline=None)
@given(
    facts=facts_strategy,
    touches=st.lists(touch_strategy, max_size=40),
    extra=touch_strategy,
)
def test_adding_a_touch_never_lowers_engagement(
    facts: LeadFacts, touches: list[tuple[str, datetime]], extra: tuple[str, datetime]
) -> None:
    before = score_lead(facts, touches, NOW, CONFIG)
    after = score_lead(facts, [*touches, extra], NOW, CONFIG)
    assert after.engagement_raw >= before.engagement_raw - 1e-9
    assert after.engagement >= before.engagement - 1e-9
    assert after.score >= before.score


@settings(max_examples=100, deadline=None)
@given(touches=st.lists(touch_strategy, min_size=1, max_size=40), later=st.floats(0, 400))
def test_time_passing_never_raises_engagement(
    touches: list[tuple[str, datetime]], later: float
) -> None:
    now_result = score_lead(NOBODY, touches, NOW, CONFIG)
    later_result = score_lead(NOBODY, touches, NOW + days(later), CONFIG)
    assert later_result.engagement <= now_result.engagement + 1e-9
