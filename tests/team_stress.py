"""One member of a team working at once with the others: a separate process per person.

``python -m tests.team_stress URL OUT.json --ops N --seed S`` signs in with ``URL`` (the
person's own server login in team mode) and runs ``N`` mixed operations as that person,
through the app's use cases, each in its own transaction, as fast as it can:

* a rep claims the next lead of their queue (``claim_next``), logs a call on it (seen
  version of the lead read before, as the call dialog does), releases the claim; now and
  then returns a lead to nurture (recycle with a reason), promotes a lead that meets the
  definition, or runs the rescoring tick;
* a team lead reassigns leads between the reps (with the versions they saw), and runs
  the tick.

Every operation is written to ``OUT.json`` with its outcome: ``ok`` (what it wrote: the
call's id, the handoff's id …), ``refused`` (a BatonError the app shows a user: a stale
version, a lead claimed by someone else, a permission), or ``failed`` (anything else,
with its SQLSTATE: a deadlock is 40P01). Claims record when they were held (wall clock),
so the test can prove no lead was held by two people at once.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from models.core.entities import Lead, User
from models.core.enums import Role
from models.core.errors import BatonError
from models.db.database import Database, open_database
from models.handoff.promote import PromotionDraft, promote
from models.leads import claims
from models.leads.actions import RECYCLE_REASONS, RecycleInput, recycle
from models.leads.assignment import reassign
from models.leads.call_figures import NextStep
from models.leads.calls import CallDraft, log_call
from models.leads.follow_ups import minute_tick
from models.leads.queue import NO_MEETING, QUALIFIED, QueueQuery
from models.teams.identity import signed_in_user, team_mode
from models.teams.users import UserInfo, user_by_email

OUTCOMES = ("no_answer", "busy", "voicemail", "gatekeeper", "connected", "callback_requested")


def _now() -> datetime:
    return datetime.now(UTC)


class Member:
    def __init__(self, db: Database, user: UserInfo, rng: random.Random) -> None:
        self.db = db
        self.user = user
        self.rng = rng
        self.log: list[dict[str, Any]] = []

    def run(self, kind: str, action: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        entry: dict[str, Any] = {"kind": kind, "user": self.user.id, "t0": time.time()}
        try:
            entry.update(action(), result="ok")
        except BatonError as exc:
            entry.update(result="refused", key=exc.key, params=repr(exc.params)[:300])
        except DBAPIError as exc:
            code = getattr(exc.orig, "sqlstate", None)
            entry.update(result="failed", sqlstate=code, error=str(exc.orig).splitlines()[0])
        entry["t1"] = time.time()
        self.log.append(entry)
        return entry

    # -- A rep --------------------------------------------------------------------------
    def call_next(self) -> None:
        mine = QueueQuery(owner=self.user.id, meetings=NO_MEETING, meetings_as_of=_now())

        def take() -> dict[str, Any]:
            with self.db.write() as session:
                taken = claims.claim_next(session, self.user.id, _now(), mine)
            if taken is None:
                return {"lead": None}
            return {"lead": taken.lead_id}

        claimed = self.run("claim", take)
        lead_id = claimed.get("lead")
        if claimed["result"] != "ok" or lead_id is None:
            return
        with self.db.read() as session:
            seen = session.scalar(select(Lead.version).where(Lead.id == lead_id))

        def call() -> dict[str, Any]:
            outcome = self.rng.choice(OUTCOMES)
            later = _now() + timedelta(days=1) if outcome == "callback_requested" else None
            draft = CallDraft(
                lead_id=lead_id,
                outcome=outcome,
                callback_at=later,
                next_step=NextStep.CALLBACK if later else NextStep.NONE,
                started_at=_now(),
                duration_seconds=self.rng.randint(5, 600),
                notes=f"stress {self.user.id} <b>&amp;</b>",
                seen_version=seen,
            )
            with self.db.write() as session:
                logged = log_call(session, self.user.id, draft, _now())
            return {"lead": lead_id, "call": logged.call_id}

        self.run("call", call)

        def let_go() -> dict[str, Any]:
            with self.db.write() as session:
                claims.release(session, self.user.id, lead_id)
            return {"lead": lead_id}

        released = self.run("release", let_go)
        claimed["released_at"] = released["t0"]  # held for certain until the release began

    def recycle_one(self) -> None:
        def back_to_nurture() -> dict[str, Any]:
            with self.db.read() as session:
                row = session.execute(
                    select(Lead.id, Lead.version)
                    .where(Lead.owner_id == self.user.id, Lead.stage == "working")
                    .order_by(Lead.priority)
                    .limit(1)
                ).first()
            if row is None:
                return {"lead": None}
            data = RecycleInput(
                lead_id=row.id,
                reason=self.rng.choice(RECYCLE_REASONS),
                note="not now",
                seen_version=row.version,
            )
            with self.db.write() as session:
                recycle(session, self.user.id, data, _now())
            return {"lead": row.id}

        self.run("recycle", back_to_nurture)

    def promote_one(self, field_reps: list[int]) -> None:
        def hand_off() -> dict[str, Any]:
            query = QueueQuery(
                owner=self.user.id, qualification=QUALIFIED, qualification_as_of=_now()
            )
            with self.db.write() as session:
                taken = claims.claim_next(session, self.user.id, _now(), query)
            if taken is None:
                return {"lead": None}
            draft = PromotionDraft(lead_id=taken.lead_id, field_rep_id=self.rng.choice(field_reps))
            with self.db.write() as session:
                done = promote(session, self.user.id, draft, _now())
            return {"lead": taken.lead_id, "handoff": done.handoff_id}

        self.run("promote", hand_off)

    # -- A team lead ----------------------------------------------------------------------
    def reassign_some(self, reps: list[int]) -> None:
        def move() -> dict[str, Any]:
            with self.db.read() as session:
                rows = session.execute(
                    select(Lead.id, Lead.version, Lead.owner_id)
                    .where(Lead.stage.in_(("new", "working")), Lead.owner_id.in_(reps))
                    .order_by(Lead.priority.desc())
                    .limit(60)
                ).all()
            picked = self.rng.sample(rows, k=min(len(rows), self.rng.randint(1, 3)))
            if not picked:
                return {"leads": []}
            target = self.rng.choice(reps)
            with self.db.write() as session:
                done = reassign(
                    session,
                    self.user.id,
                    [r.id for r in picked],
                    target,
                    "stress: balance the load",
                    _now(),
                    seen_versions={r.id: r.version for r in picked},
                )
            return {"leads": [m.lead_id for m in done.leads if m.moved], "to": target}

        self.run("reassign", move)

    def tick(self) -> None:
        def run_tick() -> dict[str, Any]:
            with self.db.write() as session:
                minute_tick(session, _now())
            return {}

        self.run("tick", run_tick)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("out")
    parser.add_argument("--ops", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--email", help="who acts, outside team mode")
    args = parser.parse_args()
    db = open_database(args.url, create=False)
    try:
        with db.read() as session:
            user = (
                signed_in_user(session)
                if team_mode(session)
                else user_by_email(session, args.email)
            )
            reps = list(session.scalars(select(User.id).where(User.role == Role.REP.value)))
            field_reps = list(
                session.scalars(select(User.id).where(User.role == Role.FIELD_REP.value))
            )
        member = Member(db, user, random.Random(args.seed))
        done = 0
        while done < args.ops:
            roll = member.rng.random()
            if user.role == Role.TEAM_LEAD.value:
                member.reassign_some(reps) if roll < 0.85 else member.tick()
            elif roll < 0.80:
                member.call_next()
            elif roll < 0.88:
                member.recycle_one()
            elif roll < 0.94:
                member.promote_one(field_reps)
            else:
                member.tick()
            done += 1
    finally:
        db.close()
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump({"user": user.id, "role": user.role, "ops": done, "log": member.log}, out)


if __name__ == "__main__":
    main()
