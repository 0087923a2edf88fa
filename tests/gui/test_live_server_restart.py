"""The server stops under a desktop in team mode, and starts again.

A throwaway cluster of the test's own (tests/pg_cluster.py: the shared server is not
ours to stop). The window says the server cannot be reached once, keeps the call the rep
is typing, and once the server is back listens again by itself: somebody else's change
reaches its queue as before.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot

from desktop.main.settings import Settings
from desktop.main.window import MainWindow
from desktop.operations.worker import DbWorker
from desktop.queue.model import COL_ATTEMPTS
from models import demo
from models.db.database import Database, open_database
from models.leads.calls import CallDraft, log_call
from models.teams.users import user_by_email
from tests import pg_cluster
from tests.conftest import NOW
from tests.gui.conftest import open_call_dialog, type_with_ime

pytestmark = pytest.mark.postgres

NOTES = "サーバーが落ちても消えないメモ"


@pytest.fixture
def cluster() -> Iterator[pg_cluster.ScramCluster]:
    reason = pg_cluster.unavailable()
    if reason is not None:
        pytest.skip(f"No throwaway PostgreSQL cluster: {reason}")
    with pg_cluster.scram_cluster() as running:
        yield running


@pytest.fixture
def team_url(cluster: pg_cluster.ScramCluster) -> str:
    name = f"baton_live_{uuid.uuid4().hex[:8]}"
    cluster.create_database(name)
    url = cluster.url(pg_cluster.SUPERUSER, name, password=cluster.password)
    db = open_database(url)
    demo.generate(db, leads=40, seed=7, now=NOW)
    db.close()
    return url


def test_the_server_stops_and_starts_again_under_an_open_window(
    qtbot: QtBot, cluster: pg_cluster.ScramCluster, team_url: str, settings: Settings
) -> None:
    db = open_database(team_url)
    worker = DbWorker(db)
    with db.read() as session:
        rep = user_by_email(session, "misaki.sato@baton.example")
    window = MainWindow(worker, rep, settings)
    other: Database | None = None
    try:
        with qtbot.waitSignal(window.model.loaded, timeout=10_000):
            window.show()
        assert window.live is not None
        feed = window.live.feed
        qtbot.waitUntil(lambda: feed.connected, timeout=10_000)
        qtbot.waitUntil(lambda: window.lead_pane.detail is not None, timeout=10_000)
        dialog = open_call_dialog(qtbot, window)
        type_with_ime(dialog.notes, NOTES)
        qtbot.waitUntil(worker.idle, timeout=10_000)
        banners: list[str] = []
        window.policy.banner_changed.connect(banners.append)

        cluster.stop("fast")
        qtbot.waitUntil(lambda: bool(window.policy.banner), timeout=10_000)
        assert not feed.connected
        qtbot.wait(1_500)  # a few attempts to connect again, none said again
        cluster.start()
        qtbot.waitUntil(lambda: feed.connected, timeout=30_000)
        qtbot.waitUntil(lambda: window.policy.banner == "", timeout=10_000)
        said = [b for b in banners if b]
        assert len(said) == 1 and "cannot be reached" in said[0]
        assert dialog.isVisible() and dialog.notes.toPlainText() == NOTES

        qtbot.waitUntil(lambda: not window.model.loading and worker.idle(), timeout=10_000)
        lead_id = window.model.lead_id(1)
        assert lead_id is not None
        attempts = window.model.data(window.model.index(1, COL_ATTEMPTS))
        other = open_database(team_url)
        now = datetime.now(UTC)
        with other.write() as session:
            lead = user_by_email(session, "naoki.tanaka@baton.example")
            log_call(session, lead.id, CallDraft(lead_id, "busy", now), now)
        row = lambda: window.model.row_of(lead_id)  # noqa: E731 - read again each time
        qtbot.waitUntil(
            lambda: (
                window.model.data(window.model.index(row() or 0, COL_ATTEMPTS))
                == str(int(attempts) + 1)
            ),
            timeout=1_000,
        )
        dialog.done(0)
    finally:
        window.close()
        qtbot.waitUntil(worker.idle, timeout=10_000)
        worker.stop()
        db.close()
        if other is not None:
            other.close()
