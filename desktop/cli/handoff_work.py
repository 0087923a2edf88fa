"""Passing the baton from the command line: ``baton promote`` and ``baton respond``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli.actor import acting_user
from desktop.cli.context import EXIT_OK, database, now, speak
from desktop.cli.output import say
from desktop.cli.work import lead_name, when_option
from desktop.i18n.translate import QT_TRANSLATE_NOOP
from models.core.entities import User
from models.core.errors import InvalidInput
from models.handoff.promote import PromotionDraft, promote
from models.handoff.respond import Answer, respond
from models.handoff.responses_csv import answer_file
from models.handoff.routing import suggest_field_rep
from models.teams.users import user_by_email

PROMOTED = QT_TRANSLATE_NOOP("Cli", "%1, lead %2, handed off to %3 (handoff %4, definition v%5).")
OVERRIDDEN = QT_TRANSLATE_NOOP("Cli", "Handed off by override: %1")
ANSWERED = QT_TRANSLATE_NOOP("Cli", "Handoff %1: %2.")
FILE_ANSWERED = QT_TRANSLATE_NOOP("Cli", "%1 answers recorded, %2 rows refused.")
ROW_REFUSED = QT_TRANSLATE_NOOP("Cli", "line %1: %2")
EXIT_ROWS_REFUSED = 3


def promote_lead(args: argparse.Namespace) -> int:
    at = now(args)
    with database(args, write=True) as db, db.write() as session:
        field_rep = (
            user_by_email(session, args.to).id
            if args.to
            else suggest_field_rep(session, args.lead).field_rep_id
        )
        draft = PromotionDraft(
            lead_id=args.lead,
            field_rep_id=field_rep,
            meeting_at=when_option(args.meeting, "--meeting"),
            note=args.note or "",
            override_reason=args.override,
        )
        result = promote(session, acting_user(session, args), draft, at)
        name = lead_name(session, args.lead)
        rep = session.get(User, result.field_rep_id)
        rep_name = rep.display_name if rep else str(result.field_rep_id)
    speak(args.lang)
    print(say(PROMOTED, name, args.lead, rep_name, result.handoff_id, result.definition_version))
    if result.overridden:
        print(say(OVERRIDDEN, args.override))
    return EXIT_OK


def respond_handoff(args: argparse.Namespace) -> int:
    at = now(args)
    if args.csv:
        with database(args, write=True) as db:
            with db.read() as session:
                user_id = acting_user(session, args)
            report = answer_file(db.write, user_id, Path(args.csv), at)
        speak(args.lang)
        from desktop.i18n.messages import message

        for problem in report.problems:
            print(say(ROW_REFUSED, problem.line, message(problem.error)), file=sys.stderr)
        print(say(FILE_ANSWERED, report.answered, len(report.problems)))
        return EXIT_ROWS_REFUSED if report.problems else EXIT_OK
    if args.handoff is None:
        raise InvalidInput("cli.respond_what", field="handoff")
    answer = Answer(
        args.handoff,
        accept=args.accept,
        reason=args.reject,
        text=args.text or "",
        return_to=args.to,
    )
    with database(args, write=True) as db, db.write() as session:
        respond(session, acting_user(session, args), answer, at)
    speak(args.lang)
    from desktop.i18n import handoff_labels

    status = "accepted" if args.accept else "rejected"
    print(say(ANSWERED, args.handoff, handoff_labels.status(status)))
    return EXIT_OK
