"""Reading the queue: ``baton queue``, ``baton lead`` and ``baton due``.

These commands only read: they never create, migrate or lock the database for writing,
and never load Qt's widgets (only QtCore, for translated labels).

Qt comes last: once PySide6 is loaded, its import hook reads the source of every module
imported after it (about 150 ms for SQLAlchemy and the models), so the labels are loaded
only after the database work is done.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict

from desktop.cli.context import EXIT_OK, database, now, speak
from desktop.cli.output import cell, print_json, print_lead, record, say
from desktop.i18n.translate import QT_TRANSLATE_NOOP
from models.leads.queue import (
    ANY_MEETING,
    ANY_OWNER,
    ANY_QUALIFICATION,
    NO_MEETING,
    ONE_AWAY,
    QUALIFIED,
    QueueQuery,
    SortKey,
    queue_page,
)
from models.teams.users import user_by_email

#: How a lead's score is made (``baton lead``): fit and engagement, each of its maximum.
#: The terminal columns of a date and time (``Tue 24 Nov 2026 10:00``, 「2026/11/24(火) 10:00」).
DATETIME_COLUMNS = 21
SCORE_PARTS = QT_TRANSLATE_NOOP("Cli", "(fit %1/%2, engagement %3/%4)")


def queue(args: argparse.Namespace) -> int:
    sort = SortKey(args.sort.replace("-", "_"))
    with database(args) as db, db.read() as session:
        owner = user_by_email(session, args.rep).id if args.rep else ANY_OWNER
        qualification = (
            QUALIFIED if args.qualified else ONE_AWAY if args.one_away else ANY_QUALIFICATION
        )
        # The call queue: leads with a booked meeting wait for the handoff instead (but a
        # lead that meets the definition usually has one: those filters keep them).
        query = QueueQuery(
            owner=owner,
            sort=sort,
            descending=not args.asc,
            meetings=NO_MEETING if qualification == ANY_QUALIFICATION else ANY_MEETING,
            meetings_as_of=now(args),
            qualification=qualification,
            qualification_as_of=now(args),
        )
        rows = queue_page(session, query, limit=args.limit)
    speak(args.lang)
    from desktop.i18n import labels

    if args.json:
        print_json([record(r) | {"why_now_text": labels.why_now(r.why_now)} for r in rows])
        return EXIT_OK
    for r in rows:
        print_lead(
            f"{r.priority:6.1f}  {r.score:3d} {r.grade}",
            r.id,
            r.name,
            r.company,
            (labels.why_now(r.why_now), 34),
            (labels.stage(r.stage), 10),
            r.owner_name or "-",
        )
    return EXIT_OK


def lead(args: argparse.Namespace) -> int:
    from models.leads.detail import lead_detail

    with database(args) as db, db.read() as session:
        detail = lead_detail(session, args.id, now(args))
    speak(args.lang)
    from desktop.i18n import labels

    if args.json:
        data = asdict(detail)
        data["why_now_text"] = labels.why_now(detail.why_now)
        for c in data["score"]["contributions"]:
            c["label"] = (
                labels.fit_factor(c["factor"])
                if c["part"] == "fit"
                else labels.touch_kind(c["factor"])
            )
        print_json(data)
        return EXIT_OK
    card = detail.score
    print(f"#{detail.id} {detail.name}" + (f" ({detail.name_kana})" if detail.name_kana else ""))
    print(f"  {detail.title or ''}  {detail.company}  {labels.industry(detail.industry)}")
    print(f"  {detail.phone or ''}  {detail.email or ''}")
    owner = detail.owner_name or "-"
    print(f"  {labels.stage(detail.stage)} · {owner} · {labels.why_now(detail.why_now)}")
    parts = say(
        SCORE_PARTS,
        f"{card.fit:.0f}",
        f"{card.fit_max:.0f}",
        f"{card.engagement:.1f}",
        f"{card.engagement_max:.0f}",
    )
    print(f"  {card.score} {card.grade}  {parts}")
    for c in card.contributions:
        if c.part == "fit":
            factor = cell(labels.fit_factor(c.factor), 22)
            value = cell(labels.fit_value(c.factor, c.value), 30)
            print(f"    {factor} {value} +{c.points:.0f}")
        else:
            kind = cell(labels.touch_kind(c.factor), 22)
            print(f"    {kind} ×{c.count:<3d} {c.raw:6.1f} → +{c.points:.1f}")
    print()
    for t in detail.touches:
        when = cell(labels.datetime_short(t.occurred_at), DATETIME_COLUMNS)
        kind = cell(labels.touch_kind(t.kind), 22)
        print(f"  {when}  {kind} {t.content_title or ''}  [{t.campaign or ''}]")
    return EXIT_OK


def due(args: argparse.Namespace) -> int:
    from models.leads.follow_ups import due_callbacks

    with database(args) as db, db.read() as session:
        owner = user_by_email(session, args.rep).id if args.rep else None
        found = due_callbacks(session, now(args), owner_id=owner)
    if args.json:
        print_json(found)
        return EXIT_OK
    speak(args.lang)
    from desktop.i18n import labels

    for d in found:
        when = cell(labels.datetime_short(d.callback_at), DATETIME_COLUMNS)
        print_lead(when, d.lead_id, d.name, d.company, (d.phone or "-", 16), d.owner_name or "-")
    return EXIT_OK
