"""A throwaway PostgreSQL cluster that asks for passwords (scram-sha-256).

The shared server trusts local connections, so sign-in, the keychain and a wrong
password cannot be tested against it, and its configuration is not ours to change.
:class:`ScramCluster` runs ``initdb`` in a temporary folder, listens on a free port of
127.0.0.1 only, and is stopped and deleted afterwards. As root the server runs as the
``postgres`` system user (PostgreSQL refuses to run as root).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
from psycopg import sql

SUPERUSER = "baton_cluster_admin"


def _bin_dir() -> Path | None:
    for root in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (root / "initdb").exists():
            return root
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def unavailable() -> str | None:
    """Why no throwaway cluster can run here (None: it can)."""
    if _bin_dir() is None:
        return "initdb not found (install the PostgreSQL server package)"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser to start PostgreSQL as another user"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class ScramCluster:
    """A running cluster: :attr:`port`, the superuser :data:`SUPERUSER` / :attr:`password`."""

    def __init__(self) -> None:
        bin_dir = _bin_dir()
        assert bin_dir is not None, unavailable()
        self._bin = bin_dir
        self.folder = Path(tempfile.mkdtemp(prefix="baton-pg-"))
        self.data = self.folder / "data"
        self.password = "cluster-" + os.urandom(6).hex()
        self.port = _free_port()
        self._as_root = os.geteuid() == 0
        if self._as_root:
            shutil.chown(self.folder, "postgres", "postgres")
        pwfile = self.folder / "pw"
        pwfile.write_text(self.password + "\n", encoding="utf-8")
        if self._as_root:
            shutil.chown(pwfile, "postgres", "postgres")
        self._run(
            "initdb",
            "-D", str(self.data),
            "-U", SUPERUSER,
            "--pwfile", str(pwfile),
            "--auth-local=scram-sha-256",
            "--auth-host=scram-sha-256",
            "-E", "UTF8",
            "--locale=C.UTF-8",
        )  # fmt: skip
        pwfile.unlink()
        self.start()

    def _run(self, program: str, *args: str) -> None:
        command = [str(self._bin / program), *args]
        if self._as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd=self.folder)

    def url(self, user: str, database: str = "postgres", password: str | None = None) -> str:
        """A SQLAlchemy URL; the password is left out unless given (the app asks for it)."""
        from sqlalchemy.engine import URL

        return URL.create(
            "postgresql+psycopg",
            username=user,
            password=password,
            host="127.0.0.1",
            port=self.port,
            database=database,
        ).render_as_string(hide_password=False)

    def admin(self, database: str = "postgres") -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(
            host="127.0.0.1",
            port=self.port,
            dbname=database,
            user=SUPERUSER,
            password=self.password,
            autocommit=True,
        )

    def create_database(self, name: str) -> None:
        with self.admin() as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))

    def create_login(self, name: str, password: str) -> None:
        with self.admin() as conn:
            conn.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                    sql.Identifier(name), sql.Literal(password)
                )
            )

    def stop(self, mode: str = "fast") -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def start(self) -> None:
        """Start it again after :meth:`stop` (same port, same data)."""
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-w", "-l",
                  str(self.folder / "log"), "start")  # fmt: skip

    def remove(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)


@contextlib.contextmanager
def scram_cluster() -> Iterator[ScramCluster]:
    cluster = ScramCluster()
    try:
        yield cluster
    finally:
        cluster.remove()


@contextlib.contextmanager
def team_database(cluster: ScramCluster, password: str) -> Iterator[tuple[str, str]]:
    """A Baton database in team mode on ``cluster`` with one rep whose login asks for
    ``password``: (URL without the password, login). Dropped with its login afterwards.

    Grants reads only (enough to sign in and read); the full roles, grants and row-level
    security of ``baton admin init`` are tested on their own.
    """
    from uuid import uuid4

    from models.core.entities import Team, User
    from models.core.server_records import ServerRole
    from models.db.database import open_database

    name = f"baton_signin_{uuid4().hex[:8]}"
    login = f"rep.{uuid4().hex[:6]}@example.com"
    cluster.create_database(name)
    db = open_database(cluster.url(SUPERUSER, name, password=cluster.password))
    with db.write() as session:
        team = Team(name="東京", settings={})
        session.add(team)
        session.flush()
        session.add(
            User(email=login, display_name="佐藤 美咲", role="rep", team_id=team.id, db_login=login)
        )
        session.add(ServerRole(role="rep", db_role="unused_in_this_test"))
    db.close()
    cluster.create_login(login, password)
    role = sql.Identifier(login)
    with cluster.admin(name) as conn:
        conn.execute(sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA public TO {}").format(role))
    try:
        yield cluster.url(login, name), login
    finally:
        with cluster.admin(name) as conn:
            conn.execute(sql.SQL("DROP OWNED BY {}").format(role))
        with cluster.admin() as conn:
            conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
            conn.execute(sql.SQL("DROP ROLE {}").format(role))
