"""A definition's criteria, checks and evidence as plain sentences in the user's language.

One sentence per criterion (「直近90日以内に資料請求または問い合わせがある」), one line per
piece of evidence, and what a lead still needs. Plain text: a caller putting it into
rich text escapes it (``desktop.widgets.rich_text``; the summary templates autoescape).
QtCore at most: the CLI and the summary exporters use it too.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.i18n import formats, labels
from desktop.i18n.translate import QT_TRANSLATE_NOOP, fill, translate
from models.definitions.criteria import (
    BantIn,
    Criterion,
    FitIn,
    GradeIn,
    Group,
    Match,
    MeetingBooked,
    Reached,
    ScoreAtLeast,
    Touches,
)
from models.definitions.evaluate import Check, Evidence

CTX = "Criteria"

_SENTENCES = {
    "score_at_least": QT_TRANSLATE_NOOP("Criteria", "Score of %1 or more"),
    "grade_in": QT_TRANSLATE_NOOP("Criteria", "Grade %1"),
    "touches.any": QT_TRANSLATE_NOOP("Criteria", "%1 within the last %2 days"),
    "touches.all": QT_TRANSLATE_NOOP("Criteria", "Each of %1 within the last %2 days"),
    "touches.count": QT_TRANSLATE_NOOP(
        "Criteria", "At least %3 touches of %1 within the last %2 days"
    ),
    "bant": QT_TRANSLATE_NOOP("Criteria", "%1: %2"),
    "reached": QT_TRANSLATE_NOOP("Criteria", "Reached by phone (a connected call)"),
    "meeting_booked": QT_TRANSLATE_NOOP("Criteria", "A meeting is booked"),
    "fit": QT_TRANSLATE_NOOP("Criteria", "%1: %2"),
    "all": QT_TRANSLATE_NOOP("Criteria", "All of the following"),
    "any": QT_TRANSLATE_NOOP("Criteria", "Any of the following"),
}

_OR = QT_TRANSLATE_NOOP("Criteria", "%1 or %2")
_AND = QT_TRANSLATE_NOOP("Criteria", "%1 and %2")
_LIST = QT_TRANSLATE_NOOP("Criteria", "%1, %2")
_NEEDS = QT_TRANSLATE_NOOP("Criteria", "needs: %1")
_HAVE = QT_TRANSLATE_NOOP("Criteria", "%1 of %2")

_EVIDENCE = {
    "touch": QT_TRANSLATE_NOOP("Criteria", "%1 on %2"),
    "touch_titled": QT_TRANSLATE_NOOP("Criteria", "%1 %3 on %2"),
    "answer": QT_TRANSLATE_NOOP("Criteria", "%1: %2"),
    "answer_words": QT_TRANSLATE_NOOP("Criteria", "%1: %2 — %3"),
    "score": QT_TRANSLATE_NOOP("Criteria", "Score %1 (grade %2)"),
    "reached": QT_TRANSLATE_NOOP("Criteria", "Reached on %1"),
    "meeting": QT_TRANSLATE_NOOP("Criteria", "Meeting on %1"),
    "company": QT_TRANSLATE_NOOP("Criteria", "%1: %2"),
}

_FIT_NAMES = {
    "industry": QT_TRANSLATE_NOOP("Criteria", "Industry"),
    "size_band": QT_TRANSLATE_NOOP("Criteria", "Company size"),
    "region": QT_TRANSLATE_NOOP("Criteria", "Region"),
}


def _tr(text: str) -> str:
    return translate(CTX, text)


def joined(words: Sequence[str], last: str = _OR) -> str:
    """``a, b or c`` in the user's language (``last`` joins the final two)."""
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    head = words[0]
    for word in words[1:-1]:
        head = fill(_tr(_LIST), head, word)
    return fill(_tr(last), head, words[-1])


def fit_name(attribute: str) -> str:
    return _tr(_FIT_NAMES.get(attribute, attribute))


def fit_value(attribute: str, value: str) -> str:
    """A fit criterion's value in words, as the score breakdown shows it (the size band is
    the score's ``company_size`` factor)."""
    return labels.fit_value("company_size" if attribute == "size_band" else attribute, value)


def sentence(criterion: Criterion) -> str:
    """The criterion as one sentence (a group: its heading; its items follow it)."""
    if isinstance(criterion, Group):
        return _tr(_SENTENCES[criterion.kind])
    if isinstance(criterion, ScoreAtLeast):
        return fill(_tr(_SENTENCES["score_at_least"]), criterion.score)
    if isinstance(criterion, GradeIn):
        return fill(_tr(_SENTENCES["grade_in"]), joined(list(criterion.grades)))
    if isinstance(criterion, Touches):
        kinds = [labels.touch_kind(k) for k in criterion.kinds]
        words = joined(kinds, _AND if criterion.match == Match.ALL else _OR)
        key = f"touches.{criterion.match}"
        return fill(_tr(_SENTENCES[key]), words, criterion.within_days, criterion.count)
    if isinstance(criterion, BantIn):
        values = [labels.bant_value(criterion.field, v) for v in criterion.values]
        return fill(_tr(_SENTENCES["bant"]), labels.bant_field(criterion.field), joined(values))
    if isinstance(criterion, Reached | MeetingBooked):
        return _tr(_SENTENCES[criterion.kind])
    assert isinstance(criterion, FitIn)
    values = [fit_value(criterion.attribute, v) for v in criterion.values]
    return fill(_tr(_SENTENCES["fit"]), fit_name(criterion.attribute), joined(values))


def outline(criterion: Criterion, depth: int = 0) -> list[tuple[int, str]]:
    """Every criterion of the tree as (depth, sentence), in order (a group, then its items)."""
    lines = [(depth, sentence(criterion))]
    if isinstance(criterion, Group):
        for item in criterion.items:
            lines.extend(outline(item, depth + 1))
    return lines


def evidence_line(evidence: Evidence) -> str:
    """One piece of evidence as a line: the touch, the answer with the prospect's words..."""
    when = formats.datetime_text(evidence.at) if evidence.at else ""
    if evidence.what == "touch":
        key = "touch_titled" if evidence.text else "touch"
        title = formats.quoted(evidence.text) if evidence.text else ""
        return fill(_tr(_EVIDENCE[key]), labels.touch_kind(evidence.code), when, title)
    if evidence.what == "answer":
        field = evidence.code or ""
        value = labels.bant_value(field, evidence.value)
        key = "answer_words" if evidence.text else "answer"
        words = formats.quoted(evidence.text) if evidence.text else ""
        return fill(_tr(_EVIDENCE[key]), labels.bant_field(field), value, words)
    if evidence.what == "score":
        return fill(_tr(_EVIDENCE["score"]), evidence.value, evidence.code)
    if evidence.what in ("reached", "meeting"):
        return fill(_tr(_EVIDENCE[evidence.what]), when)
    attribute = evidence.code or ""
    return fill(
        _tr(_EVIDENCE["company"]),
        fit_name(attribute),
        fit_value(attribute, evidence.value or ""),
    )


def needs(check: Check) -> str:
    """What an unmet criterion lacks ("needs: Authority: Decision maker"), with its count."""
    text = fill(_tr(_NEEDS), sentence(check.criterion))
    if check.have is not None and check.need is not None:
        text += " (" + fill(_tr(_HAVE), check.have, check.need) + ")"
    return text
