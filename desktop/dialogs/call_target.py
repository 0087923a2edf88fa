"""What the call dialog is opened on: the lead (and the call, when correcting), and the
keys that pick each outcome."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.i18n.translate import QT_TRANSLATE_NOOP, translate
from desktop.widgets.phone_text import phone_html
from desktop.widgets.rich_text import escape
from models.core.enums import Outcome
from models.leads.calls import CallItem
from models.leads.detail import LeadDetail

MAIN_LINE = QT_TRANSLATE_NOOP("CallDialog", "Main line")

#: The key that picks each outcome, in the order the dialog lists them.
OUTCOME_KEYS: tuple[tuple[str, Outcome], ...] = (
    ("1", Outcome.CONNECTED),
    ("2", Outcome.NO_ANSWER),
    ("3", Outcome.VOICEMAIL),
    ("4", Outcome.BUSY),
    ("5", Outcome.GATEKEEPER),
    ("6", Outcome.WRONG_NUMBER),
    ("7", Outcome.CALLBACK_REQUESTED),
    ("8", Outcome.MEETING_BOOKED),
    ("9", Outcome.NOT_INTERESTED),
    ("0", Outcome.DO_NOT_CALL),
)


@dataclass(frozen=True)
class CallTarget:
    """What the dialog needs to know about the lead (and the call, when correcting)."""

    lead_id: int
    lead_name: str
    company: str
    qualification: dict[str, tuple[str, str]]
    correcting: CallItem | None = None
    #: The lead's version when the dialog was opened (sent back: a stale save is refused).
    version: int | None = None
    #: The callback the lead is waiting for, if any (the rep may cancel it).
    callback_at: datetime | None = None
    #: When a new callback or meeting defaults to (the team's next business slot).
    follow_up_default: datetime | None = None
    #: The meeting the lead has booked, if any (the rep may record its cancellation).
    meeting_at: datetime | None = None
    #: The numbers to dial (as typed, and in E.164 for the link), shown at the top.
    phone: str | None = None
    phone_e164: str | None = None
    #: The lead's number reached a wrong number: shown struck out, not linked.
    phone_invalid: bool = False
    company_phone: str | None = None
    company_phone_e164: str | None = None


def target_for(detail: LeadDetail, correcting: CallItem | None = None) -> CallTarget:
    return CallTarget(
        detail.id,
        detail.name,
        detail.company,
        {name: (q.value, q.evidence) for name, q in detail.qualification.items()},
        correcting,
        detail.version,
        detail.next_callback_at,
        detail.follow_up_default,
        detail.next_meeting_at,
        detail.phone,
        detail.phone_e164,
        detail.phone_invalid,
        detail.company_phone,
        detail.company_phone_e164,
    )


def header_html(target: CallTarget) -> str:
    """The dialog's heading: the lead and company (escaped), their numbers as links."""
    numbers = []
    if target.phone:
        numbers.append(
            "☎ " + phone_html(target.phone, target.phone_e164, struck=target.phone_invalid)
        )
    if target.company_phone:
        main_line = phone_html(target.company_phone, target.company_phone_e164)
        numbers.append(escape(translate("CallDialog", MAIN_LINE)) + " " + main_line)
    return (
        f"<span style='font-size:13pt; font-weight:600'>{escape(target.lead_name)}</span>"
        f" — {escape(target.company)}<br>{' &nbsp; '.join(numbers)}"
    )
