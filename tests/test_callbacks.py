"""Callbacks are never lost: a request needs a time, a later call keeps a future callback
unless the rep cancels it, and a call whose callback has passed can still be corrected."""

from __future__ import annotations

from datetime import datetime, timedelta

from models.core.errors import InvalidInput
from models.db.database import Database
from models.leads.call_figures import NextStep
from models.leads.calls import CallLogged, correct_call, log_call
from tests.test_calls import T0, callable_lead, draft, log, uid
from tests.write_checks import lead_row, refused


def _promised(db: Database, at: datetime) -> tuple[int, int, datetime, CallLogged]:
    """Misaki's lead with a callback promised for ``at``."""
    misaki = uid(db, "misaki.sato")
    lead_id = callable_lead(db, misaki)
    logged = log(
        db, misaki, draft(lead_id, "callback_requested", next_step="callback", callback_at=at)
    )
    return misaki, lead_id, at, logged


def test_a_callback_request_without_a_time_is_refused_and_keeps_the_earlier_one(
    demo_db: Database,
) -> None:
    misaki, lead_id, promised, _logged = _promised(demo_db, T0 + timedelta(days=1))
    soon = T0 + timedelta(minutes=1)
    error = refused(
        demo_db,
        [lead_id],
        InvalidInput,
        lambda s: log_call(s, misaki, draft(lead_id, "callback_requested", at=soon), soon),
    )
    assert error.key == "call.callback_requested_needs_time"
    assert error.params["field"] == "callback_at"
    assert lead_row(demo_db, lead_id)["next_callback_at"] == promised


def test_a_later_call_keeps_a_future_callback_unless_the_rep_cancels_it(
    demo_db: Database,
) -> None:
    misaki, lead_id, promised, _logged = _promised(demo_db, T0 + timedelta(days=1))
    # An unanswered try before the callback is due leaves it standing.
    soon = T0 + timedelta(hours=1)
    log(demo_db, misaki, draft(lead_id, "no_answer", at=soon), soon)
    assert lead_row(demo_db, lead_id)["next_callback_at"] == promised
    # The rep chooses to cancel it.
    later = T0 + timedelta(hours=2)
    log(
        demo_db,
        misaki,
        draft(lead_id, "connected", at=later, next_step=NextStep.CANCEL_CALLBACK),
        later,
    )
    assert lead_row(demo_db, lead_id)["next_callback_at"] is None


def test_a_call_made_when_the_callback_is_due_is_that_callback(demo_db: Database) -> None:
    misaki, lead_id, promised, _logged = _promised(demo_db, T0 + timedelta(hours=3))
    log(demo_db, misaki, draft(lead_id, "connected", at=promised), promised)
    assert lead_row(demo_db, lead_id)["next_callback_at"] is None


def test_a_call_whose_callback_passed_can_be_corrected_as_the_editor_shows_it(
    demo_db: Database,
) -> None:
    """The editor shows minutes: the kept callback comes back without its seconds."""
    promised = (T0 + timedelta(hours=1)).replace(second=42, microsecond=123_456)
    misaki, lead_id, promised, logged = _promised(demo_db, promised)
    after = promised + timedelta(days=2)
    as_shown = promised.replace(second=0, microsecond=0)
    fixed = draft(
        lead_id,
        "callback_requested",
        notes="折り返しの約束を記録し直し",
        next_step="callback",
        callback_at=as_shown,
    )
    with demo_db.write() as session:
        result = correct_call(session, misaki, logged.call_id, fixed, after)
    assert result.lead_id == lead_id
    # A callback moved to another past time is still refused.
    moved = draft(
        lead_id,
        "callback_requested",
        next_step="callback",
        callback_at=as_shown - timedelta(hours=1),
    )
    refused(
        demo_db,
        [lead_id],
        InvalidInput,
        lambda s: correct_call(s, misaki, result.call_id, moved, after),
    )
