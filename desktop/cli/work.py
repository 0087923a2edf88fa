"""Working a lead from the command line: ``baton call``, ``baton recycle`` and
``baton phone``, acting as ``--user`` (or ``$BATON_USER``, or the signed-in login in team
mode: :mod:`desktop.cli.actor`)."""

from __future__ import annotations

import argparse
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from desktop.cli.actor import acting_user
from desktop.cli.context import EXIT_OK, database, now, speak
from desktop.cli.output import say
from desktop.i18n.translate import QT_TRANSLATE_NOOP
from models.core.entities import Lead
from models.core.errors import InvalidInput
from models.core.messages import lead_label
from models.leads import actions, phones
from models.leads.bant import BantAnswer
from models.leads.call_figures import NextStep
from models.leads.calls import CallDraft, log_call

#: What was done, naming the lead as every message does ("name (company)") and its id.
CALL_LOGGED = QT_TRANSLATE_NOOP("Cli", "Logged call %1 on %2, lead %3: %4.")
RECYCLED = QT_TRANSLATE_NOOP("Cli", "%1, lead %2, returned to nurture: %3.")
NEW_NUMBER = QT_TRANSLATE_NOOP("Cli", "%1, lead %2: new number %3.")


def lead_name(session: Session, lead_id: int) -> str:
    """How the confirmation names a lead: "name (company)"."""
    lead = session.get(Lead, lead_id)
    return lead_label(lead) if lead is not None else str(lead_id)


def when_option(value: str | None, option: str) -> datetime | None:
    """An ISO date-time from the command line; without a zone it is local time."""
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInput(
            "input.not_a_datetime",
            field=option,
            option=option,
            value=value,
            example="2026-11-24T10:00",
        ) from None
    return parsed.astimezone() if parsed.tzinfo is None else parsed


def _bant(items: list[str]) -> dict[str, BantAnswer]:
    answers: dict[str, BantAnswer] = {}
    for item in items:
        field, sep, rest = item.partition("=")
        if not sep or not field or not rest:
            raise InvalidInput("cli.bant_format", field="bant", value=item)
        value, _colon, evidence = rest.partition(":")
        answers[field.strip()] = BantAnswer(value.strip(), evidence.strip())
    return answers


def call(args: argparse.Namespace) -> int:
    at = now(args)
    callback_at = when_option(args.callback, "--callback")
    meeting_at = when_option(args.meeting, "--meeting")
    step = NextStep.CALLBACK if callback_at else NextStep.MEETING if meeting_at else NextStep.NONE
    bant = _bant(args.bant or [])
    with database(args, write=True) as db, db.write() as session:
        draft = CallDraft(
            lead_id=args.lead,
            outcome=args.outcome,
            started_at=at - timedelta(seconds=args.duration or 0),
            duration_seconds=args.duration,
            notes=args.note or "",
            temperature=args.temperature,
            bant=bant,
            next_step=step,
            callback_at=callback_at,
            meeting_at=meeting_at,
        )
        result = log_call(session, acting_user(session, args), draft, at)
        name = lead_name(session, result.lead_id)
    speak(args.lang)
    from desktop.i18n import labels

    print(say(CALL_LOGGED, result.call_id, name, result.lead_id, labels.outcome(args.outcome)))
    return EXIT_OK


def recycle(args: argparse.Namespace) -> int:
    try:
        until = date.fromisoformat(args.until) if args.until else None
    except ValueError:
        raise InvalidInput(
            "input.not_a_date",
            field="until",
            option="--until",
            value=args.until,
            example="2027-04-01",
        ) from None
    with database(args, write=True) as db, db.write() as session:
        actions.recycle(
            session,
            acting_user(session, args),
            actions.RecycleInput(args.lead, args.reason, until, args.note or ""),
            now(args),
        )
        name = lead_name(session, args.lead)
    speak(args.lang)
    from desktop.i18n import labels

    print(say(RECYCLED, name, args.lead, labels.recycle_reason(args.reason)))
    return EXIT_OK


def phone(args: argparse.Namespace) -> int:
    with database(args, write=True) as db, db.write() as session:
        phones.update_phone(session, acting_user(session, args), args.lead, args.number, now(args))
        name = lead_name(session, args.lead)
    speak(args.lang)
    print(say(NEW_NUMBER, name, args.lead, args.number.strip()))
    return EXIT_OK
