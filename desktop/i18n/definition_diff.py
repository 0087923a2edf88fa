"""A diff between two definition versions as sentences in the user's language.

``models.definitions.diff`` says what changed as data; this says it in words, one line
per change: 「追加: 直近30日以内に資料請求がある」, "Half-life of engagement: 30 → 45
days". Criteria are named by their sentence (:mod:`desktop.i18n.criteria`). Plain text;
QtCore at most (the CLI uses it).
"""

from __future__ import annotations

from typing import Any

from desktop.i18n import criteria as words
from desktop.i18n import labels
from desktop.i18n.translate import QT_TRANSLATE_NOOP, fill, translate
from models.definitions.criteria import Group
from models.definitions.diff import ADDED, REMOVED, CriterionChange, DefinitionDiff, SettingChange

CTX = "DefinitionDiff"

NO_CHANGE = QT_TRANSLATE_NOOP("DefinitionDiff", "No differences between version %1 and version %2.")
HEADING = QT_TRANSLATE_NOOP("DefinitionDiff", "From version %1 to version %2:")
NAME = QT_TRANSLATE_NOOP("DefinitionDiff", "Name: “%1” → “%2”")
_ADDED = QT_TRANSLATE_NOOP("DefinitionDiff", "Added: %1")
_REMOVED = QT_TRANSLATE_NOOP("DefinitionDiff", "Removed: %1")
_CHANGED = QT_TRANSLATE_NOOP("DefinitionDiff", "Changed: %1 → %2")
_IN_GROUP = QT_TRANSLATE_NOOP("DefinitionDiff", "%1 (in “%2”)")
_GROUP_ITEMS = QT_TRANSLATE_NOOP("DefinitionDiff", "%1: %2")
_SETTING = QT_TRANSLATE_NOOP("DefinitionDiff", "%1: %2 → %3")
_ABSENT = QT_TRANSLATE_NOOP("DefinitionDiff", "(none)")
_LIST = QT_TRANSLATE_NOOP("DefinitionDiff", "%1, %2")

#: The scoring settings by name (their path in the scoring data).
_SETTINGS = {
    ("engagement", "half_life_days"): QT_TRANSLATE_NOOP(
        "DefinitionDiff", "Half-life of engagement (days)"
    ),
    ("engagement", "max_points"): QT_TRANSLATE_NOOP("DefinitionDiff", "Most engagement points"),
    ("engagement", "repeat_factor"): QT_TRANSLATE_NOOP(
        "DefinitionDiff", "Weight of a repeated touch"
    ),
    ("engagement", "saturation"): QT_TRANSLATE_NOOP("DefinitionDiff", "Engagement saturation"),
    ("priority", "new_lead_boost"): QT_TRANSLATE_NOOP("DefinitionDiff", "Priority boost: new"),
    ("priority", "fresh_lead_boost"): QT_TRANSLATE_NOOP(
        "DefinitionDiff", "Priority boost: just arrived"
    ),
    ("priority", "fresh_lead_hours"): QT_TRANSLATE_NOOP(
        "DefinitionDiff", "Hours a lead counts as just arrived"
    ),
    ("priority", "hot_signal_boost"): QT_TRANSLATE_NOOP(
        "DefinitionDiff", "Priority boost: hot signal"
    ),
    ("priority", "hot_signal_hours"): QT_TRANSLATE_NOOP(
        "DefinitionDiff", "Hours a hot signal lasts"
    ),
    ("priority", "hot_kinds"): QT_TRANSLATE_NOOP("DefinitionDiff", "Hot signals"),
    ("priority", "callback_due_boost"): QT_TRANSLATE_NOOP(
        "DefinitionDiff", "Priority boost: callback due"
    ),
    ("priority", "resting_penalty"): QT_TRANSLATE_NOOP(
        "DefinitionDiff", "Priority penalty: resting after unanswered calls"
    ),
    ("priority", "spacing_hours"): QT_TRANSLATE_NOOP(
        "DefinitionDiff", "Hours between unanswered attempts"
    ),
    ("priority", "spacing_max_hours"): QT_TRANSLATE_NOOP(
        "DefinitionDiff", "Most hours between unanswered attempts"
    ),
}
#: Settings that are one weight of a table: (table path) -> "Points for %1".
_WEIGHTS = {
    ("fit", "industry"): QT_TRANSLATE_NOOP("DefinitionDiff", "Fit points for the industry %1"),
    ("fit", "company_size"): QT_TRANSLATE_NOOP(
        "DefinitionDiff", "Fit points for the company size %1"
    ),
    ("fit", "seniority"): QT_TRANSLATE_NOOP("DefinitionDiff", "Fit points for the seniority %1"),
    ("fit", "region"): QT_TRANSLATE_NOOP("DefinitionDiff", "Fit points for the region %1"),
    ("engagement", "kind_weights"): QT_TRANSLATE_NOOP("DefinitionDiff", "Engagement points for %1"),
    ("grades",): QT_TRANSLATE_NOOP("DefinitionDiff", "Lowest score of grade %1"),
    ("seniority_keywords",): QT_TRANSLATE_NOOP("DefinitionDiff", "Title words of the seniority %1"),
}
_WEIGHT_LABELS = {
    ("fit", "industry"): labels.industry,
    ("fit", "company_size"): labels.size_band,
    ("fit", "seniority"): labels.seniority,
    ("fit", "region"): labels.region,
    ("engagement", "kind_weights"): labels.touch_kind,
    ("seniority_keywords",): labels.seniority,
}


def _tr(text: str) -> str:
    return translate(CTX, text)


def _listed(items: list[str]) -> str:
    if not items:
        return _tr(_ABSENT)
    text = items[0]
    for item in items[1:]:
        text = fill(_tr(_LIST), text, item)
    return text


def _shown(path: tuple[str, ...], value: Any) -> str:
    if value is None:
        return _tr(_ABSENT)
    if isinstance(value, list):
        shown = [labels.touch_kind(v) for v in value] if path[-1] == "hot_kinds" else value
        return _listed([str(v) for v in shown])
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def setting_name(path: tuple[str, ...]) -> str:
    """A scoring setting by name; one weight of a table names its table and key."""
    source = _SETTINGS.get(path)
    if source is not None:
        return _tr(source)
    table, key = path[:-1], path[-1]
    template = _WEIGHTS.get(table)
    if template is not None:
        label = _WEIGHT_LABELS.get(table, str)
        return fill(_tr(template), label(key))
    return ".".join(path)


def setting_line(change: SettingChange) -> str:
    return fill(
        _tr(_SETTING),
        setting_name(change.path),
        _shown(change.path, change.before),
        _shown(change.path, change.after),
    )


def _said(criterion: Any) -> str:
    """A criterion's sentence; a group's with its items (「いずれか: A、B」)."""
    if isinstance(criterion, Group) and criterion.items:
        inner = "; ".join(_said(item) for item in criterion.items)
        return fill(_tr(_GROUP_ITEMS), words.sentence(criterion), inner)
    return words.sentence(criterion)


def criterion_line(change: CriterionChange) -> str:
    if change.change == ADDED:
        text = fill(_tr(_ADDED), _said(change.after))
    elif change.change == REMOVED:
        text = fill(_tr(_REMOVED), _said(change.before))
    elif isinstance(change.before, Group) and isinstance(change.after, Group):
        text = fill(_tr(_CHANGED), words.sentence(change.before), words.sentence(change.after))
    else:
        text = fill(_tr(_CHANGED), _said(change.before), _said(change.after))
    parent = change.parent
    if parent is not None and change.path.count(".items[") > 1:
        text = fill(_tr(_IN_GROUP), text, words.sentence(parent))
    return text


def lines(diff: DefinitionDiff) -> list[str]:
    """The diff in words: a heading, then one line per change (name, criteria, scoring)."""
    if diff.empty:
        return [fill(_tr(NO_CHANGE), diff.old_version, diff.new_version)]
    out = [fill(_tr(HEADING), diff.old_version, diff.new_version)]
    if diff.name is not None:
        out.append(fill(_tr(NAME), *diff.name))
    out.extend(criterion_line(c) for c in diff.criteria)
    out.extend(setting_line(s) for s in diff.scoring)
    return out
