"""The queue orders the same on a PostgreSQL database with a Japanese collation as on SQLite.

The server default here is ``C``, which hides the difference: the PostgreSQL database of
these tests is created with a linguistic collation (ICU ``ja-JP`` where the server has
ICU, else a libc ``ja_JP``/``en_US`` locale). The sort keys already encode the reading
order, so every text sort must compare code point by code point on both backends.

Skipped (with the reason) only when the server has no linguistic collation at all.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import select, update
from sqlalchemy.engine import make_url

from desktop.cli.parser import SORTS, parser
from desktop.cli.queue import queue as queue_command
from models import demo
from models.core.entities import Account, Lead, User
from models.core.enums import Role
from models.db.database import Database, open_database
from models.leads.queue import (
    ANY_OWNER,
    NO_MEETING,
    QueueQuery,
    SortKey,
    filter_options,
    queue_ids,
    queue_page,
)
from tests.conftest import NOW, _drop_database, _pg_admin, clone_demo
from tests.test_cli import baton, headless_env

pytestmark = pytest.mark.postgres


def _admin_conninfo(server: str) -> str:
    url = make_url(server)
    return psycopg.conninfo.make_conninfo(
        host=url.host or "",
        port=url.port or 5432,
        dbname=url.database or "postgres",
        user=url.username or "",
        password=url.password or "",
    )


def linguistic_locale(server: str) -> tuple[str, sql.Composable] | None:
    """A non-C way to create a database on this server: (description, CREATE options)."""
    with psycopg.connect(_admin_conninfo(server), autocommit=True) as conn:
        icu = conn.execute(
            "SELECT collname FROM pg_collation WHERE collprovider = 'i' "
            "AND collname IN ('ja-JP-x-icu', 'ja-x-icu')"
        ).fetchall()
        if icu:
            return "ICU ja-JP", sql.SQL("LOCALE_PROVIDER icu ICU_LOCALE 'ja-JP'")
        libc = {
            row[0].lower().replace("-", "")
            for row in conn.execute("SELECT collname FROM pg_collation WHERE collprovider = 'c'")
        }
    for wanted in ("ja_JP.utf8", "en_US.utf8"):
        if wanted.lower().replace("-", "") in libc:
            literal = sql.Literal(wanted)
            return (
                f"libc {wanted}",
                sql.SQL("LC_COLLATE {} LC_CTYPE {}").format(literal, literal),
            )
    return None


@pytest.fixture(scope="module")
def ja_collated(pg_server: str) -> Iterator[tuple[str, Database]]:
    """The demo data set in a PostgreSQL database created with a Japanese collation."""
    found = linguistic_locale(pg_server)
    if found is None:
        pytest.skip(
            "the PostgreSQL server has neither ICU (ja-JP) nor a ja_JP/en_US libc locale: "
            "no linguistic collation to test against"
        )
    described, options = found
    name = f"baton_test_{uuid.uuid4().hex[:12]}"
    _pg_admin(
        pg_server,
        sql.SQL("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8' {}").format(
            sql.Identifier(name), options
        ),
    )
    database = open_database(make_url(pg_server).set(database=name).render_as_string(False))
    demo.generate(database, leads=300, seed=7, now=NOW)
    _plant_case_pairs(database)
    yield described, database
    database.close()
    _drop_database(pg_server, name)


@pytest.fixture(scope="module")
def sqlite_demo(
    sqlite_demo_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    url, _drop = clone_demo(("sqlite", str(sqlite_demo_template)), tmp_path_factory.mktemp("c"))
    database = open_database(url)
    _plant_case_pairs(database)
    yield database
    database.close()


def _plant_case_pairs(database: Database) -> None:
    """Values whose order depends on case, which the demo's own codes and names avoid.

    Byte-wise, "Bob" comes before "alice" and "Zeta" before "alpha"; linguistically after.
    """
    with database.write() as session:
        team_id = session.scalar(select(User.team_id).where(User.team_id.is_not(None)))
        owners = []
        for name in ("alice Lower", "Bob Upper"):
            user = User(
                email=f"{name.split()[0].lower()}@case.example",
                display_name=name,
                role=Role.REP.value,
                team_id=team_id,
            )
            session.add(user)
            session.flush()
            owners.append(user.id)
        lead_ids = session.scalars(select(Lead.id).order_by(Lead.id).limit(4)).all()
        for n, lead_id in enumerate(lead_ids):
            session.execute(update(Lead).where(Lead.id == lead_id).values(owner_id=owners[n % 2]))
        account_ids = session.scalars(select(Account.id).order_by(Account.id).limit(2)).all()
        for industry, account_id in zip(("alpha", "Zeta"), account_ids, strict=True):
            session.execute(
                update(Account).where(Account.id == account_id).values(industry=industry)
            )


def test_the_postgresql_database_really_collates_linguistically(
    ja_collated: tuple[str, Database],
) -> None:
    """Guard: the database under test does not compare byte-wise by default."""
    _described, database = ja_collated
    with database.read() as session:
        # Code point order puts "B" (0x42) before "a" (0x61); a linguistic one does not.
        assert session.connection().exec_driver_sql("SELECT 'a' < 'B'").scalar() is True


def _ranks(database: Database, query: QueueQuery) -> list[int]:
    """The queue's order as each lead's place in generation order (ids are the database's)."""
    with database.read() as session:
        ids = queue_ids(session, query)
        everyone = sorted(queue_ids(session, QueueQuery(stages=(), owner=ANY_OWNER)))
    rank = {lead_id: n for n, lead_id in enumerate(everyone)}
    return [rank[i] for i in ids]


@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize("key", list(SortKey), ids=[k.value for k in SortKey])
def test_every_sort_orders_as_on_sqlite(
    ja_collated: tuple[str, Database], sqlite_demo: Database, key: SortKey, descending: bool
) -> None:
    described, pg = ja_collated
    query = QueueQuery(stages=(), owner=ANY_OWNER, sort=key, descending=descending)
    expected = _ranks(sqlite_demo, query)
    got = _ranks(pg, query)
    assert len(got) == len(expected) > 250
    differing = sum(a != b for a, b in zip(expected, got, strict=True))
    assert differing == 0, f"{differing} of {len(got)} positions differ on {described}"


@pytest.mark.parametrize("key", [SortKey.NAME, SortKey.COMPANY, SortKey.OWNER])
def test_the_top_n_page_orders_as_on_sqlite(
    ja_collated: tuple[str, Database], sqlite_demo: Database, key: SortKey
) -> None:
    query = QueueQuery(stages=(), owner=ANY_OWNER, sort=key, descending=False)
    pages = []
    for database in (sqlite_demo, ja_collated[1]):
        with database.read() as session:
            pages.append([(r.name, r.company) for r in queue_page(session, query, limit=299)])
    assert pages[0] == pages[1]


def test_the_filter_lists_order_as_on_sqlite(
    ja_collated: tuple[str, Database], sqlite_demo: Database
) -> None:
    options = []
    for database in (sqlite_demo, ja_collated[1]):
        with database.read() as session:
            found = filter_options(session)
        options.append((found.industries, [(o.name, o.email) for o in found.owners]))
    assert options[0] == options[1]


# -- baton queue --sort: the window's sorts, headless --------------------------------------
def test_the_command_offers_every_sort_of_the_window() -> None:
    assert {s.replace("-", "_") for s in SORTS} == {k.value for k in SortKey}


def _cli_ranks(database: Database, capsys: pytest.CaptureFixture[str], *options: str) -> list[int]:
    """``baton queue`` run in this process (it loads no Qt in English): ranks, as above."""
    url = database.url.render_as_string(hide_password=False)
    args = parser().parse_args(["queue", "--json", "--limit", "400", "--db", url, *options])
    args.lang, args.now = "en", None
    assert queue_command(args) == 0
    ids = [row["id"] for row in json.loads(capsys.readouterr().out)]
    with database.read() as session:
        everyone = sorted(queue_ids(session, QueueQuery(stages=(), owner=ANY_OWNER)))
    rank = {lead_id: n for n, lead_id in enumerate(everyone)}
    return [rank[i] for i in ids]


@pytest.mark.parametrize("ascending", [False, True], ids=["desc", "asc"])
@pytest.mark.parametrize("sort", SORTS)
def test_queue_sort_prints_the_windows_order_on_both_backends(
    ja_collated: tuple[str, Database],
    sqlite_demo: Database,
    capsys: pytest.CaptureFixture[str],
    sort: str,
    ascending: bool,
) -> None:
    options = ["--sort", sort, *(["--asc"] if ascending else [])]
    # The call queue, as `baton queue` prints it: leads waiting with a booked meeting left out.
    query = QueueQuery(
        owner=ANY_OWNER,
        sort=SortKey(sort.replace("-", "_")),
        descending=not ascending,
        meetings=NO_MEETING,
        meetings_as_of=datetime.now(UTC),
    )
    with sqlite_demo.read() as session:
        expected = [r.id for r in queue_page(session, query, limit=400)]
    everyone = sorted(_all_ids(sqlite_demo))
    expected_ranks = [everyone.index(i) for i in expected]
    assert _cli_ranks(sqlite_demo, capsys, *options) == expected_ranks
    assert _cli_ranks(ja_collated[1], capsys, *options) == expected_ranks


def _all_ids(database: Database) -> list[int]:
    with database.read() as session:
        return queue_ids(session, QueueQuery(stages=(), owner=ANY_OWNER))


def test_queue_sort_as_a_command(sqlite_demo: Database, tmp_path: Path) -> None:
    env = headless_env(tmp_path)
    url = str(sqlite_demo.url.database)
    result = baton(env, "queue", "--sort", "company", "--asc", "--limit", "5", "--db", url)
    assert result.returncode == 0, result.stderr
    with sqlite_demo.read() as session:
        top = queue_page(
            session,
            QueueQuery(owner=ANY_OWNER, sort=SortKey.COMPANY, descending=False),
            limit=5,
        )
    lines = result.stdout.splitlines()
    assert len(lines) == 5
    for line, row in zip(lines, top, strict=True):
        assert row.company in line and row.name in line
    wrong = baton(env, "queue", "--sort", "colour", "--db", url)
    assert wrong.returncode == 2
    assert "invalid choice" in wrong.stderr and "last-touch" in wrong.stderr
