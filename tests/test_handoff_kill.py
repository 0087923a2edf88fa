"""A process killed (kill -9) half-way through a promotion or an answer leaves nothing
half-written: the handoff and the lead's move land together or not at all, and the next
user promotes or answers as if nothing happened (both databases)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from models.core.entities import Handoff, Lead
from models.db.database import Database
from models.handoff.promote import PromotionDraft, promote
from models.handoff.respond import Answer, respond
from tests.test_calls import T0, uid
from tests.test_promotion import qualified_lead

REPO = Path(__file__).resolve().parent.parent

#: The child: the use case runs (its rows written, not committed), then it waits to die.
CHILD = """
import sys, time
from datetime import datetime
from models.db.database import open_database
from models.handoff.promote import PromotionDraft, promote
from models.handoff.respond import Answer, respond

url, what, user, subject, extra = sys.argv[1:6]
now = datetime.fromisoformat(sys.argv[6])
db = open_database(url)
with db.write() as session:
    if what == "promote":
        promote(session, int(user), PromotionDraft(int(subject), int(extra)), now)
    else:
        respond(session, int(user), Answer(int(subject), accept=False, reason="timing"), now)
    session.flush()
    print("written", flush=True)
    time.sleep(120)
"""


def _killed_half_way(db: Database, *args: object) -> None:
    url = db.url.render_as_string(hide_password=False)
    command = [sys.executable, "-c", CHILD, url, *(str(a) for a in args), T0.isoformat()]
    with subprocess.Popen(
        command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as child:
        assert child.stdout is not None and child.stderr is not None
        line = child.stdout.readline()
        if line.strip() != "written":
            child.kill()
            raise AssertionError(child.stderr.read())
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL


def _handoffs(db: Database, lead_id: int) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).where(Handoff.lead_id == lead_id)) or 0)


def test_a_promotion_killed_half_way_leaves_nothing(demo_db: Database) -> None:
    misaki = uid(demo_db, "misaki.sato")
    field = uid(demo_db, "daisuke.watanabe")
    lead_id = qualified_lead(demo_db, misaki)
    _killed_half_way(demo_db, "promote", misaki, lead_id, field)
    assert _handoffs(demo_db, lead_id) == 0
    with demo_db.read() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None and lead.stage == "working" and lead.promoted_at is None
    # Nothing left locked or half-written: the rep promotes it now.
    with demo_db.write() as session:
        promote(session, misaki, PromotionDraft(lead_id, field), T0)
    assert _handoffs(demo_db, lead_id) == 1


def test_an_answer_killed_half_way_leaves_the_handoff_pending(demo_db: Database) -> None:
    misaki = uid(demo_db, "misaki.sato")
    field = uid(demo_db, "daisuke.watanabe")
    lead_id = qualified_lead(demo_db, misaki)
    with demo_db.write() as session:
        handoff_id = promote(session, misaki, PromotionDraft(lead_id, field), T0).handoff_id
    _killed_half_way(demo_db, "respond", field, handoff_id, 0)
    with demo_db.read() as session:
        handoff = session.get(Handoff, handoff_id)
        lead = session.get(Lead, lead_id)
        assert handoff is not None and handoff.status == "pending"
        assert handoff.responded_at is None
        assert lead is not None and lead.stage == "promoted"
    with demo_db.write() as session:
        respond(session, field, Answer(handoff_id, accept=True), T0)
    with demo_db.read() as session:
        assert session.get(Handoff, handoff_id).status == "accepted"  # type: ignore[union-attr]
