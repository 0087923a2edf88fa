"""``baton definition``: the handoff definition from the command line.

``show``, ``list``, ``diff``, ``export`` and ``whatif`` only read; ``draft``, ``import``,
``propose``, ``withdraw`` and ``approve`` act as ``--user`` (or ``$BATON_USER``, or the
signed-in login in team mode: :mod:`desktop.cli.actor`). What they print speaks the
user's language (``--lang``): criteria as sentences, dates in the app's style; ``--json``
keeps the machine output for scripts.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from desktop.cli.actor import acting_user
from desktop.cli.context import EXIT_OK, database, now, speak
from desktop.cli.output import line, print_json, say
from desktop.i18n.translate import QT_TRANSLATE_NOOP
from models.core.errors import InvalidInput
from models.definitions import diff as definition_diff
from models.definitions import lifecycle, toml_io, whatif
from models.definitions.records import VersionDetail, VersionInfo
from models.scoring.definition_switch import rescore_if_needed

STATUS = {
    "draft": QT_TRANSLATE_NOOP("Cli", "Draft"),
    "proposed": QT_TRANSLATE_NOOP("Cli", "Proposed"),
    "approved": QT_TRANSLATE_NOOP("Cli", "Approved"),
    "withdrawn": QT_TRANSLATE_NOOP("Cli", "Withdrawn"),
}
SIDES = {
    "marketing": QT_TRANSLATE_NOOP("Cli", "marketing"),
    "sales": QT_TRANSLATE_NOOP("Cli", "sales"),
}
IN_EFFECT = QT_TRANSLATE_NOOP("Cli", "%1 (in effect)")
TITLE = QT_TRANSLATE_NOOP("Cli", "Handoff definition, version %1: %2")
STATUS_LINE = QT_TRANSLATE_NOOP("Cli", "Status: %1")
EFFECTIVE = QT_TRANSLATE_NOOP("Cli", "Effective from %1")
BASED_ON = QT_TRANSLATE_NOOP("Cli", "Drafted from version %1 by %2 on %3")
DRAFTED_BY = QT_TRANSLATE_NOOP("Cli", "Drafted by %1 on %2")
PROPOSED_BY = QT_TRANSLATE_NOOP("Cli", "Proposed by %1 on %2")
APPROVED_BY = QT_TRANSLATE_NOOP("Cli", "Approved for %1 by %2 on %3")
AWAITING = QT_TRANSLATE_NOOP("Cli", "Still needs the approval of %1")
NOTE = QT_TRANSLATE_NOOP("Cli", "Note: %1")
APPROVAL = QT_TRANSLATE_NOOP("Cli", "%1: %2")
CRITERIA = QT_TRANSLATE_NOOP("Cli", "Criteria:")
SCORING = QT_TRANSLATE_NOOP(
    "Cli", "Scoring: engagement half-life %1 days; grade A from %2, B from %3, C from %4"
)
DRAFTED = QT_TRANSLATE_NOOP("Cli", "Draft version %1 created from version %2.")
IMPORTED = QT_TRANSLATE_NOOP("Cli", "%1 imported as draft version %2.")
PROPOSED = QT_TRANSLATE_NOOP(
    "Cli",
    "Version %1 proposed: it needs the approval of marketing and of sales (a team lead "
    "or an administrator), two different people.",
)
WITHDRAWN = QT_TRANSLATE_NOOP("Cli", "Version %1 withdrawn.")
APPROVED_ONE = QT_TRANSLATE_NOOP(
    "Cli", "Version %1 approved for %2 by %3; it still needs the approval of %4."
)
APPROVED_NOW = QT_TRANSLATE_NOOP("Cli", "Version %1 approved by both sides: in effect now.")
APPROVED_LATER = QT_TRANSLATE_NOOP("Cli", "Version %1 approved by both sides: in effect from %2.")
RESCORED = QT_TRANSLATE_NOOP("Cli", "Its scoring differs: %1 leads rescored.")
EXPORTED = QT_TRANSLATE_NOOP("Cli", "Version %1 written to %2.")
NO_VERSIONS = QT_TRANSLATE_NOOP("Cli", "No definition version yet.")
WHATIF_HEAD = QT_TRANSLATE_NOOP(
    "Cli", "Version %1 against version %2 (in effect), over %3 working leads:"
)
WHATIF_QUALIFY = QT_TRANSLATE_NOOP("Cli", "Qualify: %1 under version %2, %3 under version %4")
WHATIF_NEW = QT_TRANSLATE_NOOP("Cli", "Newly qualify: %1")
WHATIF_DROP = QT_TRANSLATE_NOOP("Cli", "Drop out: %1")
WHATIF_PAST = QT_TRANSLATE_NOOP("Cli", "Past handoffs: %1 of %2 would have qualified (%3)")
WHATIF_RATES = QT_TRANSLATE_NOOP(
    "Cli", "Field sales accepted %1 of those that would qualify, %2 of the others"
)
NO_HANDOFFS = QT_TRANSLATE_NOOP("Cli", "Past handoffs: none yet")
NO_ANSWER = QT_TRANSLATE_NOOP("Cli", "none answered")
PERCENT = QT_TRANSLATE_NOOP("Cli", "%1%")


def _effective(text: str | None, at: datetime) -> datetime | None:
    """``--effective``: a day (its start, local time; today: now) or an ISO date-time."""
    if text is None:
        return None
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(
            "input.not_a_datetime",
            field="effective",
            option="--effective",
            value=text,
            example="2026-12-01",
        ) from None
    if len(text.strip()) == 10 and value.date() == at.astimezone().date():
        return at  # today: from now
    return value.astimezone() if value.tzinfo is None else value


def _date(value: datetime | None) -> str:
    from desktop.i18n import formats

    return formats.datetime_text(value)


def _status(info: VersionInfo) -> str:
    text = say(STATUS.get(info.status, info.status))
    return say(IN_EFFECT, text) if info.active else text


def _side(side: str) -> str:
    return say(SIDES.get(side, side))


def _print_detail(detail: VersionDetail) -> None:
    from desktop.i18n import criteria as words

    print(say(TITLE, detail.version, detail.name))
    print(say(STATUS_LINE, _status(detail)))
    if detail.effective_from is not None:
        print(say(EFFECTIVE, _date(detail.effective_from)))
    who = detail.created_by or "Baton"
    if detail.based_on_version is not None:
        print(say(BASED_ON, detail.based_on_version, who, _date(detail.created_at)))
    elif detail.created_by:
        print(say(DRAFTED_BY, who, _date(detail.created_at)))
    if detail.proposed_by:
        print(say(PROPOSED_BY, detail.proposed_by, _date(detail.proposed_at)))
    for approval in detail.approvals:
        print(
            say(APPROVED_BY, _side(approval.side), approval.user_name, _date(approval.approved_at))
        )
    missing = [s for s in SIDES if detail.approval(s) is None]
    if detail.status == "proposed" and missing:
        print(say(AWAITING, ", ".join(_side(s) for s in missing)))
    if detail.note:
        print(say(NOTE, detail.note))
    engagement = detail.scoring_data.get("engagement", {})
    grades = detail.scoring_data.get("grades", {})
    print(
        say(
            SCORING,
            engagement.get("half_life_days", "?"),
            *(grades.get(g, "?") for g in ("A", "B", "C")),
        )
    )
    print()
    print(say(CRITERIA))
    for depth, sentence in words.outline(detail.criteria):
        print("  " * (depth + 1) + sentence)


def _show(args: argparse.Namespace) -> int:
    with database(args) as db, db.read() as session:
        detail = lifecycle.version_detail(session, args.version)
    if args.json:
        print_json(detail)
        return EXIT_OK
    speak(args.lang)
    _print_detail(detail)
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    with database(args) as db, db.read() as session:
        found = lifecycle.list_versions(session)
    if args.json:
        print_json(found)
        return EXIT_OK
    speak(args.lang)
    if not found:
        print(say(NO_VERSIONS))
    for info in found:
        approvals = ", ".join(say(APPROVAL, _side(a.side), a.user_name) for a in info.approvals)
        print(
            line(
                (str(info.version), 4),
                (_status(info), 24),
                (info.name, 30),
                (_date(info.effective_from), 21),
                approvals,
            )
        )
    return EXIT_OK


def _diff(args: argparse.Namespace) -> int:
    with database(args) as db, db.read() as session:
        found = definition_diff.diff_versions(session, args.old, args.new)
    speak(args.lang)
    from desktop.i18n import definition_diff as words

    for text in words.lines(found):
        print(text)
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    with database(args) as db, db.read() as session:
        detail = lifecycle.version_detail(session, args.version)
    speak(args.lang)
    from desktop.i18n import criteria as words

    text = toml_io.export_text(detail, describe=words.sentence, exported_at=now(args))
    toml_io.write_file(Path(args.output), text)
    print(say(EXPORTED, detail.version, args.output))
    return EXIT_OK


def _percent(share: float | None) -> str:
    return say(NO_ANSWER) if share is None else say(PERCENT, round(share * 100))


def _whatif(args: argparse.Namespace) -> int:
    with database(args) as db, db.read() as session:
        found = whatif.what_if(session, args.version, now=now(args))
    speak(args.lang)
    print(say(WHATIF_HEAD, found.draft_version, found.effective_version, found.working_leads))
    print(
        say(
            WHATIF_QUALIFY,
            found.qualify_draft,
            found.draft_version,
            found.qualify_effective,
            found.effective_version,
        )
    )
    for template, count, named in (
        (WHATIF_NEW, len(found.newly_qualify), found.newly_named),
        (WHATIF_DROP, len(found.drop_out), found.drop_named),
    ):
        names = ", ".join(f"{n.name} ({n.company})" for n in named)
        more = f" …(+{count - len(named)})" if count > len(named) else ""
        print(say(template, f"{count}" + (f": {names}{more}" if names else "")))
    past = found.past
    if not past.total:
        print(say(NO_HANDOFFS))
        return EXIT_OK
    print(say(WHATIF_PAST, past.would_qualify.handoffs, past.total, _percent(past.share)))
    print(
        say(
            WHATIF_RATES,
            _percent(past.would_qualify.acceptance_rate),
            _percent(past.would_not.acceptance_rate),
        )
    )
    return EXIT_OK


def _write(args: argparse.Namespace) -> int:
    """The commands that act: draft, import, propose, withdraw, approve."""
    at = now(args)
    command = args.definition_command
    text = ""
    if command == "import":  # a malformed file is refused before the database is opened
        text = toml_io.read_file(Path(args.file))
        toml_io.parse_text(text, file=args.file)
    with database(args, write=True) as db:
        with db.write() as session:
            user_id = acting_user(session, args)
            if command == "draft":
                result = lifecycle.create_draft(
                    session, user_id, based_on_version=args.based_on, name=args.name, now=at
                )
            elif command == "import":
                result = toml_io.import_draft(session, user_id, text, file=args.file, now=at)
            elif command == "propose":
                result = lifecycle.propose(session, user_id, args.version, now=at)
            elif command == "withdraw":
                result = lifecycle.withdraw(session, user_id, args.version, now=at)
            else:
                result = lifecycle.approve(
                    session,
                    user_id,
                    args.version,
                    effective_from=_effective(args.effective, at),
                    now=at,
                )
        rescored = rescore_if_needed(db, result.rescore_needed, at)
    speak(args.lang)
    version = result.version
    if command == "draft":
        print(say(DRAFTED, version.version, version.based_on_version))
    elif command == "import":
        print(say(IMPORTED, args.file, version.version))
    elif command == "propose":
        print(say(PROPOSED, version.version))
    elif command == "withdraw":
        print(say(WITHDRAWN, version.version))
    elif version.status != "approved":
        approval = version.approvals[-1]
        other = next(s for s in SIDES if s != approval.side)
        print(
            say(
                APPROVED_ONE,
                version.version,
                _side(approval.side),
                approval.user_name,
                _side(other),
            )
        )
    elif result.activated == version.version:
        print(say(APPROVED_NOW, version.version))
    else:
        print(say(APPROVED_LATER, version.version, _date(version.effective_from)))
    if rescored is not None:
        print(say(RESCORED, rescored.leads))
    return EXIT_OK


_READERS = {"show": _show, "list": _list, "diff": _diff, "export": _export, "whatif": _whatif}


def definition(args: argparse.Namespace) -> int:
    reader = _READERS.get(args.definition_command)
    return reader(args) if reader is not None else _write(args)
