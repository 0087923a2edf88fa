"""The live feed: what other desktops change, heard as it is committed (team mode).

A dedicated psycopg connection (autocommit, outside the SQLAlchemy pool, with the same
server, login and password as the window's engine) LISTENs on the channel the database's
triggers notify (migration 0009). A ``QSocketNotifier`` on its socket wakes the GUI
thread when something arrives; notifications are read without blocking, collected for
:data:`COALESCE_MS` (a burst of commits becomes one batch; batches that reload the whole
queue, as a rescoring's chunks do, come at most once in :data:`RELOAD_GAP_S`) and read into
:class:`~models.db.live.LiveChanges`. Changes made by this process's own connections
are left out: the window that made them already refreshed, except who is on the phone
(claiming refreshes nothing locally; the queue hears it here like everybody else).

When the connection breaks (the server restarts, the network goes, an administrator
ends the session) the feed says so once (``lost``), connects again by itself with
backoff (:data:`BACKOFF_MS`) on a helper thread (the GUI never waits on a connection),
LISTENs again and says ``resumed``: notifications may have been missed meanwhile.
TCP keepalives make a server that vanished without closing the socket count as gone.

GUI thread. Signals: ``received(LiveChanges)``, ``lost(BaseException)``, ``resumed()``.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from typing import Any

import psycopg
from psycopg import pq, sql
from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal
from sqlalchemy import Engine, event

from models.db import live

log = logging.getLogger(__name__)

#: Delays between attempts to connect again (the last one repeats).
BACKOFF_MS: tuple[int, ...] = (250, 500, 1_000, 2_000, 4_000, 8_000, 15_000)
#: How long notifications are collected before they are handed on as one batch.
COALESCE_MS = 20
#: After a batch that reloads the queue ("many leads changed": a rescoring commits one
#: chunk after another), the next such batch waits at least this long.
RELOAD_GAP_S = 1.0
#: Tables whose changes by this process still count (nothing else refreshes them here).
_ALWAYS = ("lead_claim",)
#: libpq: give up connecting after, and notice a dead peer within about 25 s.
_CONNECT = {
    "connect_timeout": 5,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
    "application_name": "baton-live",
}


class OwnConnections:
    """The server process ids of an engine's pooled connections (this process's own).

    Learnt as connections are checked out, forgotten when they are closed, so a server
    process id used again later by somebody else is not mistaken for ours.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self.pids: set[int] = set()
        event.listen(engine, "checkout", self._on_checkout)
        event.listen(engine, "close", self._on_close)
        event.listen(engine, "close_detached", self._on_close_detached)

    def _on_checkout(self, dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        self.pids.add(dbapi_connection.info.backend_pid)

    def _on_close(self, dbapi_connection: Any, _record: Any) -> None:
        self._on_close_detached(dbapi_connection)

    def _on_close_detached(self, dbapi_connection: Any) -> None:
        with contextlib.suppress(psycopg.Error):  # already broken: its pid went with it
            self.pids.discard(dbapi_connection.info.backend_pid)

    def remove(self) -> None:
        event.remove(self._engine, "checkout", self._on_checkout)
        event.remove(self._engine, "close", self._on_close)
        event.remove(self._engine, "close_detached", self._on_close_detached)


def connect_params(engine: Engine) -> dict[str, Any]:
    """psycopg's connection parameters for the server, login and password ``engine``
    connects with (its URL holds the password given at sign-in or from the keychain)."""
    _args, params = engine.dialect.create_connect_args(engine.url)
    params.pop("context", None)  # SQLAlchemy's type adapters: not wanted here
    return {**params, **_CONNECT}


class _Connector(QObject):
    """Connects and LISTENs on a helper thread; hands the connection to the GUI thread."""

    connected = Signal(object)
    failed = Signal(object)

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__()
        self._params = params

    def start(self) -> None:
        threading.Thread(target=self._run, name="baton-live-connect", daemon=True).start()

    def _run(self) -> None:
        try:
            conn = psycopg.connect(**self._params, autocommit=True)
            conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(live.CHANNEL)))
        except Exception as exc:  # any reason not to be connected: try again later
            self.failed.emit(exc)
        else:
            self.connected.emit(conn)


class LiveFeed(QObject):
    """See the module docstring."""

    received = Signal(object)
    lost = Signal(object)
    resumed = Signal()

    def __init__(self, engine: Engine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._params = connect_params(engine)
        self._own = OwnConnections(engine)
        self._conn: psycopg.Connection[Any] | None = None
        self._notifier: QSocketNotifier | None = None
        self._connector: _Connector | None = None
        self._pending: list[str] = []
        self._reloaded = -RELOAD_GAP_S  # when a batch last reloaded the queue (monotonic)
        self._attempts = 0
        #: Lost and not back yet (``lost`` was said; ``resumed`` is owed).
        self.down = False
        self._stopped = False
        #: The server process of the LISTEN connection (None while not connected).
        self.backend_pid: int | None = None
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(COALESCE_MS)
        self._flush.timeout.connect(self._hand_on)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._connect)

    @property
    def connected(self) -> bool:
        return self._conn is not None

    def start(self) -> None:
        self._stopped = False
        self._connect()

    def stop(self) -> None:
        """Stop listening for good (the window closes)."""
        self._stopped = True
        self._retry.stop()
        self._drop()
        self._own.remove()

    # -- Connecting -----------------------------------------------------------------------
    def _connect(self) -> None:
        if self._stopped or self._conn is not None or self._connector is not None:
            return
        connector = _Connector(self._params)
        connector.connected.connect(self._on_connected)
        connector.failed.connect(self._on_connect_failed)
        self._connector = connector
        connector.start()

    def _on_connected(self, conn: psycopg.Connection[Any]) -> None:
        self._connector = None
        if self._stopped:
            conn.close()
            return
        self._conn = conn
        self.backend_pid = conn.info.backend_pid
        self._attempts = 0
        notifier = QSocketNotifier(conn.fileno(), QSocketNotifier.Type.Read, self)
        notifier.activated.connect(self.on_socket_activated)
        self._notifier = notifier
        if self.down:
            self.down = False
            log.info("live feed listening again")
            self.resumed.emit()
        self._read()  # whatever arrived while the notifier was being set up

    def _on_connect_failed(self, exc: BaseException) -> None:
        self._connector = None
        if self._stopped:
            return
        self._went_down(exc)

    def _went_down(self, exc: BaseException) -> None:
        """Say it once; try again after the next backoff delay."""
        if not self.down:
            self.down = True
            log.warning(
                "live feed lost: %s", (str(exc).strip() or type(exc).__name__).splitlines()[0]
            )
            self.lost.emit(exc)
        delay = BACKOFF_MS[min(self._attempts, len(BACKOFF_MS) - 1)]
        self._attempts += 1
        self._retry.start(delay)

    def _drop(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self.backend_pid = None

    # -- Reading --------------------------------------------------------------------------
    def on_socket_activated(self) -> None:
        self._read()

    def _read(self) -> None:
        """Take every notification that has arrived, without waiting for more."""
        conn = self._conn
        if conn is None:
            return
        pgconn = conn.pgconn
        try:
            pgconn.consume_input()
            if pgconn.status != pq.ConnStatus.OK:
                raise psycopg.OperationalError("the live connection was closed")
            while (notice := pgconn.notifies()) is not None:
                payload = notice.extra.decode("utf-8", "replace")
                ours = notice.be_pid in self._own.pids
                if not ours or payload.startswith(_ALWAYS):
                    self._pending.append(payload)
        except psycopg.Error as exc:
            self._drop()
            self._went_down(exc)
            return
        if self._pending and not self._flush.isActive():
            self._flush.start()

    def _hand_on(self) -> None:
        changes = live.read(self._pending)
        wait = self._reloaded + RELOAD_GAP_S - time.monotonic()
        if changes.changes.queue and wait > 0:
            self._flush.start(int(wait * 1000) + 1)  # more of the same batch work meanwhile
            return
        self._pending = []
        self._flush.setInterval(COALESCE_MS)
        if changes.changes.queue:
            self._reloaded = time.monotonic()
        if not changes.empty:
            self.received.emit(changes)
