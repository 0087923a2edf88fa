"""The handoff summary in words: what every format of the sheet shows, in the user's language.

:func:`sheet` gives the templates plain strings only: headings and codes through tr
(context "HandoffSummary") and :mod:`desktop.i18n`, dates in the app's one style, user
text as it was typed. Nothing here escapes: the templates do (HTML autoescape, the
Markdown escape). QtCore at most (the CLI renders summaries too).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from desktop.i18n import criteria, formats, labels
from desktop.i18n.translate import QT_TRANSLATE_NOOP, fill, language, translate
from models.definitions.criteria import Group
from models.definitions.evaluate import Check
from models.handoff.summary import CallNote, HandoffSummary, HistoryItem, Score

CTX = "HandoffSummary"

TITLE = QT_TRANSLATE_NOOP("HandoffSummary", "Handoff summary")
PREVIEW = QT_TRANSLATE_NOOP("HandoffSummary", "Preview: not handed off yet (as of %1)")
HANDOFF = QT_TRANSLATE_NOOP("HandoffSummary", "Handoff %1")
HANDED_OFF = QT_TRANSLATE_NOOP("HandoffSummary", "Handed off")
PROMOTED_BY = QT_TRANSLATE_NOOP("HandoffSummary", "Handed off by")
FIELD_REP = QT_TRANSLATE_NOOP("HandoffSummary", "Field sales rep")
INSIDE_REP = QT_TRANSLATE_NOOP("HandoffSummary", "Inside sales rep")
DEFINITION = QT_TRANSLATE_NOOP("HandoffSummary", "Handoff definition")
DEFINITION_VERSION = QT_TRANSLATE_NOOP("HandoffSummary", "%1 (version %2)")
OVERRIDE = QT_TRANSLATE_NOOP(
    "HandoffSummary", "Handed off by a team lead without meeting every criterion"
)
REASON = QT_TRANSLATE_NOOP("HandoffSummary", "Reason")

COMPANY = QT_TRANSLATE_NOOP("HandoffSummary", "Company")
CONTACT = QT_TRANSLATE_NOOP("HandoffSummary", "Contact")
NAME = QT_TRANSLATE_NOOP("HandoffSummary", "Name")
READING = QT_TRANSLATE_NOOP("HandoffSummary", "Reading")
INDUSTRY = QT_TRANSLATE_NOOP("HandoffSummary", "Industry")
SIZE = QT_TRANSLATE_NOOP("HandoffSummary", "Company size")
EMPLOYEES = QT_TRANSLATE_NOOP("HandoffSummary", "%1 employees")
REGION = QT_TRANSLATE_NOOP("HandoffSummary", "Region")
PHONE = QT_TRANSLATE_NOOP("HandoffSummary", "Phone")
WEBSITE = QT_TRANSLATE_NOOP("HandoffSummary", "Website")
JOB_TITLE = QT_TRANSLATE_NOOP("HandoffSummary", "Title")
DEPARTMENT = QT_TRANSLATE_NOOP("HandoffSummary", "Department")
EMAIL = QT_TRANSLATE_NOOP("HandoffSummary", "Email")

DISCOVERY = QT_TRANSLATE_NOOP("HandoffSummary", "What the prospect told us")
CHALLENGE = QT_TRANSLATE_NOOP("HandoffSummary", "Challenge")
DECISION = QT_TRANSLATE_NOOP("HandoffSummary", "Decision process")
COMPETITORS = QT_TRANSLATE_NOOP("HandoffSummary", "Competitors")
TIMING = QT_TRANSLATE_NOOP("HandoffSummary", "Timing")
TEMPERATURE = QT_TRANSLATE_NOOP("HandoffSummary", "Temperature")
WITH_WORDS = QT_TRANSLATE_NOOP("HandoffSummary", "%1 — %2")
NOT_CAPTURED = QT_TRANSLATE_NOOP("HandoffSummary", "Not captured yet")

BANT = QT_TRANSLATE_NOOP("HandoffSummary", "Qualification (BANT)")
ITEM = QT_TRANSLATE_NOOP("HandoffSummary", "Item")
ANSWER = QT_TRANSLATE_NOOP("HandoffSummary", "Answer")
THEIR_WORDS = QT_TRANSLATE_NOOP("HandoffSummary", "In the prospect's words")
RECORDED = QT_TRANSLATE_NOOP("HandoffSummary", "Recorded")

MEETING = QT_TRANSLATE_NOOP("HandoffSummary", "Meeting")
WHEN = QT_TRANSLATE_NOOP("HandoffSummary", "Date and time")
ATTENDEES = QT_TRANSLATE_NOOP("HandoffSummary", "Attendees")
NO_MEETING = QT_TRANSLATE_NOOP("HandoffSummary", "No meeting booked yet")
ATTENDEE = QT_TRANSLATE_NOOP("HandoffSummary", "%1 (%2)")
ROLES = {
    "prospect": QT_TRANSLATE_NOOP("HandoffSummary", "prospect"),
    "field_rep": QT_TRANSLATE_NOOP("HandoffSummary", "field sales"),
    "rep": QT_TRANSLATE_NOOP("HandoffSummary", "inside sales"),
}

WHY = QT_TRANSLATE_NOOP("HandoffSummary", "Why it qualified")
MET = QT_TRANSLATE_NOOP("HandoffSummary", "Met")
NOT_MET = QT_TRANSLATE_NOOP("HandoffSummary", "Not met")
ALL_MET = QT_TRANSLATE_NOOP("HandoffSummary", "Meets every criterion of %1.")
SOME_UNMET = QT_TRANSLATE_NOOP("HandoffSummary", "Does not meet every criterion of %1.")

SCORE = QT_TRANSLATE_NOOP("HandoffSummary", "Score")
SCORE_HEADLINE = QT_TRANSLATE_NOOP("HandoffSummary", "%1 (grade %2)")
SCORE_PARTS = QT_TRANSLATE_NOOP("HandoffSummary", "fit %1 of %2, engagement %3 of %4")
TIMES = QT_TRANSLATE_NOOP("HandoffSummary", "×%1")

HISTORY = QT_TRANSLATE_NOOP("HandoffSummary", "Content history")
NO_HISTORY = QT_TRANSLATE_NOOP("HandoffSummary", "No engagement recorded.")
GROUPS = {
    "inquiry": QT_TRANSLATE_NOOP("HandoffSummary", "Inquiries"),
    "demo_request": QT_TRANSLATE_NOOP("HandoffSummary", "Demo requests"),
    "seminar": QT_TRANSLATE_NOOP("HandoffSummary", "Seminars"),
    "document": QT_TRANSLATE_NOOP("HandoffSummary", "Document requests and downloads"),
    "other": QT_TRANSLATE_NOOP("HandoffSummary", "Other engagement"),
}

CALLS = QT_TRANSLATE_NOOP("HandoffSummary", "Calls")
NO_CALLS = QT_TRANSLATE_NOOP("HandoffSummary", "No calls recorded.")
MEETING_BOOKED_FOR = QT_TRANSLATE_NOOP("HandoffSummary", "Meeting booked for")
MINUTES_SECONDS = QT_TRANSLATE_NOOP("HandoffSummary", "%1 min %2 s")
MINUTES = QT_TRANSLATE_NOOP("HandoffSummary", "%1 min")
SECONDS = QT_TRANSLATE_NOOP("HandoffSummary", "%1 s")

RECOMMENDATION = QT_TRANSLATE_NOOP("HandoffSummary", "The rep's recommendation")
NO_RECOMMENDATION = QT_TRANSLATE_NOOP("HandoffSummary", "No note from the rep.")
FOOTER = QT_TRANSLATE_NOOP("HandoffSummary", "Made with Baton · %1")


def tr(text: str) -> str:
    return translate(CTX, text)


@dataclass(frozen=True)
class Field:
    """One labelled value. ``text`` is plain (user text as typed)."""

    label: str
    text: str
    #: A ``tel:`` or ``mailto:`` link (built from checked parts, encoded).
    href: str | None = None
    #: Not given: the text says so ("Not captured yet") and is shown dimmed.
    missing: bool = False


def tel_href(e164: str | None) -> str | None:
    """A ``tel:`` link to an E.164 number (None: no number to dial)."""
    return f"tel:{quote(e164, safe='+')}" if e164 else None


def mail_href(address: str | None) -> str | None:
    """A ``mailto:`` link, every character of the address but the plain ones encoded."""
    address = (address or "").strip()
    return f"mailto:{quote(address, safe='@.-_+')}" if address else None


def _field(label: str, text: str | None, href: str | None = None) -> Field:
    text = (text or "").strip()
    if not text:
        return Field(tr(label), "—", missing=True)
    return Field(tr(label), text, href)


def _captured(label: str, text: str | None) -> Field:
    text = (text or "").strip()
    if not text:
        return Field(tr(label), tr(NOT_CAPTURED), missing=True)
    return Field(tr(label), text)


def sheet(summary: HandoffSummary) -> dict[str, Any]:
    """Everything the sheet shows, in words (see the module's docstring)."""
    company, contact = summary.company, summary.contact
    size = labels.size_band(company.size_band) if company.size_band else ""
    if company.employees:
        size = fill(tr(EMPLOYEES), f"{company.employees:,}")
    region = labels.region(company.region) if company.region else ""
    if company.prefecture:
        region = f"{region} / {company.prefecture}" if region else company.prefecture
    definition = fill(tr(DEFINITION_VERSION), summary.definition_name, summary.definition_version)
    return {
        "lang": language(),
        "title": tr(TITLE),
        "company_name": company.name,
        "status": (
            fill(tr(PREVIEW), formats.datetime_text(summary.as_of))
            if summary.preview
            else fill(tr(HANDOFF), f"#{summary.handoff_id}")
        ),
        "preview": summary.preview,
        "meta": _meta(summary, definition),
        "override": (
            {"title": tr(OVERRIDE), "reason": Field(tr(REASON), summary.override_reason)}
            if summary.override_reason
            else None
        ),
        "h": {
            name: tr(text)
            for name, text in {
                "company": COMPANY,
                "contact": CONTACT,
                "discovery": DISCOVERY,
                "bant": BANT,
                "meeting": MEETING,
                "why": WHY,
                "score": SCORE,
                "history": HISTORY,
                "calls": CALLS,
                "recommendation": RECOMMENDATION,
            }.items()
        },
        "company": [
            _field(NAME, company.name),
            _field(READING, company.name_kana),
            _field(INDUSTRY, labels.industry(company.industry) if company.industry else None),
            _field(SIZE, size),
            _field(REGION, region),
            _field(PHONE, company.phone, tel_href(company.phone_e164)),
            _field(WEBSITE, company.website),
        ],
        "contact": [
            _field(NAME, contact.name),
            _field(READING, contact.name_kana),
            _field(JOB_TITLE, contact.title),
            _field(DEPARTMENT, contact.department),
            _field(PHONE, contact.phone, tel_href(contact.phone_e164)),
            _field(EMAIL, contact.email, mail_href(contact.email)),
        ],
        "discovery": _discovery(summary),
        "bant": {
            "headers": [tr(ITEM), tr(ANSWER), tr(THEIR_WORDS), tr(RECORDED)],
            "rows": [
                [
                    labels.bant_field(a.field),
                    labels.bant_value(a.field, a.value),
                    a.words.strip(),
                    formats.date_text(a.recorded_at),
                ]
                for a in summary.bant
            ],
        },
        "meeting": _meeting(summary),
        "why": {
            "verdict": fill(tr(ALL_MET if summary.qualified else SOME_UNMET), definition),
            "lines": [line for check in summary.checklist for line in _check_lines(check, 0)],
        },
        "score": _score(summary.score),
        "history": _history(summary.history),
        "no_history": tr(NO_HISTORY),
        "calls": [_call(call) for call in summary.calls],
        "no_calls": tr(NO_CALLS),
        "recommendation": (
            Field(tr(RECOMMENDATION), summary.recommendation)
            if summary.recommendation
            else Field(tr(RECOMMENDATION), tr(NO_RECOMMENDATION), missing=True)
        ),
        "footer": fill(tr(FOOTER), definition),
    }


def _meta(summary: HandoffSummary, definition: str) -> list[Field]:
    rows = []
    if summary.promoted_at is not None:
        rows.append(_field(HANDED_OFF, formats.datetime_text(summary.promoted_at)))
    if summary.promoted_by is not None:
        rows.append(_field(PROMOTED_BY, summary.promoted_by.name))
    elif summary.rep is not None:
        rows.append(_field(INSIDE_REP, summary.rep.name))
    if summary.field_rep is not None:
        rows.append(_field(FIELD_REP, summary.field_rep.name, mail_href(summary.field_rep.email)))
    rows.append(_field(DEFINITION, definition))
    return rows


def _discovery(summary: HandoffSummary) -> list[Field]:
    timing = summary.timing
    when = labels.bant_value(timing.field, timing.value) if timing.value != "unknown" else ""
    if timing.words.strip():
        words = formats.quoted(timing.words)
        when = fill(tr(WITH_WORDS), when, words) if when else words
    temperature = labels.temperature(summary.temperature) if summary.temperature else None
    return [
        _captured(CHALLENGE, summary.challenge),
        _captured(DECISION, summary.decision_process),
        _captured(COMPETITORS, summary.competitors),
        _captured(TIMING, when),
        _captured(TEMPERATURE, temperature),
    ]


def _meeting(summary: HandoffSummary) -> dict[str, Any]:
    meeting = summary.meeting
    return {
        "when": (
            Field(tr(WHEN), formats.datetime_text(meeting.at))
            if meeting.at
            else Field(tr(WHEN), tr(NO_MEETING), missing=True)
        ),
        "attendees_label": tr(ATTENDEES),
        "attendees": [
            fill(tr(ATTENDEE), a.name, tr(ROLES.get(a.role, a.role))) for a in meeting.attendees
        ],
    }


def _check_lines(check: Check, depth: int) -> list[dict[str, Any]]:
    group = isinstance(check.criterion, Group)
    lines = [
        {
            "depth": depth,
            "met": check.met,
            "status": tr(MET if check.met else NOT_MET),
            "sentence": criteria.sentence(check.criterion),
            "evidence": [criteria.evidence_line(e) for e in check.evidence],
            "needs": criteria.needs(check) if not check.met and not group else None,
        }
    ]
    for item in check.items:
        lines.extend(_check_lines(item, depth + 1))
    return lines


def _score(score: Score) -> dict[str, Any]:
    lines = []
    for line in score.lines:
        if line.part == "fit":
            label, value = labels.fit_factor(line.factor), labels.fit_value(line.factor, line.value)
            points = f"+{line.points:.0f}"
        else:
            label, value = labels.touch_kind(line.factor), fill(tr(TIMES), line.count)
            points = f"+{line.points:.1f}"
        lines.append({"label": label, "value": value, "points": points})
    return {
        "headline": fill(tr(SCORE_HEADLINE), score.score, score.grade),
        "parts": fill(
            tr(SCORE_PARTS),
            f"{score.fit:.0f}",
            f"{score.fit_max:.0f}",
            f"{score.engagement:.1f}",
            f"{score.engagement_max:.0f}",
        ),
        "lines": lines,
    }


def _history(items: tuple[HistoryItem, ...]) -> list[dict[str, Any]]:
    groups: list[dict[str, Any]] = []
    for item in items:
        if not groups or groups[-1]["code"] != item.group:
            groups.append({"code": item.group, "title": tr(GROUPS[item.group]), "items": []})
        groups[-1]["items"].append(
            {
                "when": formats.datetime_text(item.occurred_at),
                "kind": labels.touch_kind(item.kind),
                "title": (item.title or "").strip(),
                "campaign": (item.campaign or "").strip(),
            }
        )
    return groups


def _duration(seconds: int) -> str:
    """How long a call took, with units (``12 min``), never read as a time of day."""
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return fill(tr(SECONDS), rest)
    return fill(tr(MINUTES_SECONDS if rest else MINUTES), minutes, rest)


def _call(call: CallNote) -> dict[str, Any]:
    parts = [formats.datetime_text(call.started_at)]
    if call.rep:
        parts.append(call.rep)
    parts.append(labels.outcome(call.outcome))
    if call.duration_seconds:
        parts.append(_duration(call.duration_seconds))
    if call.temperature:
        parts.append(labels.temperature(call.temperature))
    extras = [
        Field(tr(label), text.strip())
        for label, text in (
            (CHALLENGE, call.challenge),
            (COMPETITORS, call.competitors),
            (DECISION, call.decision_process),
        )
        if text and text.strip()
    ]
    if call.meeting_at:
        extras.append(Field(tr(MEETING_BOOKED_FOR), formats.datetime_text(call.meeting_at)))
    return {"heading": " · ".join(parts), "notes": (call.notes or "").strip(), "extras": extras}
