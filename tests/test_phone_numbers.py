"""Phone numbers: kept as typed for display, stored in E.164 for links, matching and dedupe.

``０３－１２３４－５６７８`` (full width, as web forms and MA exports hand it over) gave an
empty ``tel:`` link: the link stripped every character but ASCII digits. Numbers are now
read by libphonenumber (Japan as the default region) into E.164, stored beside the text as
typed, by the demo and by migration 0004 for existing rows, on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import create_engine, insert, inspect, select, update

from models.core.entities import ACCOUNT, LEAD, Account, Lead
from models.core.errors import InvalidInput
from models.core.phones import checked_phone, tel_uri, to_e164
from models.db import migrations
from models.db.database import Database
from models.leads.detail import lead_detail
from models.leads.phones import leads_by_phone
from tests.conftest import NOW

TOKYO = "+81312345678"
#: The same Tokyo number as people type it.
TYPED_TOKYO = [
    "０３－１２３４－５６７８",  # full width (the example)
    "03-1234-5678",
    "03ー1234ー5678",  # the long-vowel mark typed for a hyphen
    "03‐1234‐5678",  # U+2010 hyphen
    "03−1234−5678",  # U+2212 minus
    "(03)1234-5678",
    "０３（１２３４）５６７８",
    "03 1234 5678",
    "0312345678",
    "+81 3-1234-5678",
    "+81-(0)3-1234-5678",
    "03-1234-5678 内線 123",  # an extension is not part of the number
    "03-1234-5678 ext. 123",
]


# -- Reading what people type ------------------------------------------------------------
@pytest.mark.parametrize("typed", TYPED_TOKYO)
def test_every_way_of_writing_a_number_gives_one_e164(typed: str) -> None:
    assert to_e164(typed) == TOKYO
    assert tel_uri(TOKYO) == "tel:+81312345678"


@pytest.mark.parametrize(
    ("typed", "e164"),
    [
        ("０９０－１２３４－５６７８", "+819012345678"),  # a mobile, full width
        ("0120-123-456", "+81120123456"),  # toll free
        ("045-123-4567", "+81451234567"),
        ("+1-212-555-1234", "+12125551234"),  # another country, written with its code
        ("+44 20 7946 0958", "+442079460958"),
    ],
)
def test_mobiles_toll_free_and_other_countries(typed: str, e164: str) -> None:
    assert to_e164(typed) == e164


@pytest.mark.parametrize("typed", [None, "", "   ", "不明", "abc", "12", "held", "-"])
def test_text_that_is_no_phone_number_has_no_e164(typed: str | None) -> None:
    assert to_e164(typed) is None


def test_a_typed_number_is_checked_kept_as_typed_and_converted() -> None:
    assert checked_phone(" ０３－１２３４－５６７８ ", column=Lead.phone) == (
        "０３－１２３４－５６７８",
        TOKYO,
    )
    assert checked_phone("不明", column=Lead.phone) == ("不明", None)
    assert checked_phone("", column=Lead.phone) == (None, None)
    with pytest.raises(InvalidInput) as info:
        checked_phone("03-1234-5678\x00", column=Lead.phone)
    assert (info.value.key, info.value.params["field"]) == ("text.bad_character", "phone")
    with pytest.raises(InvalidInput) as info:
        checked_phone("0" * 41, column=Account.phone)
    assert (info.value.key, info.value.params["max"]) == ("text.too_long", 40)


# -- The demo stores both forms ----------------------------------------------------------
def test_the_demo_stores_every_number_in_e164_too(shared_db: Database) -> None:
    with shared_db.read() as session:
        rows = [
            *session.execute(select(Lead.phone, Lead.phone_e164)),
            *session.execute(select(Account.phone, Account.phone_e164)),
        ]
    assert rows and all(typed for typed, _e164 in rows)
    assert [(typed, e164) for typed, e164 in rows if to_e164(typed) != e164] == []
    # Some are written full width, as forms hand them over; each still has its E.164.
    full_width = [e164 for typed, e164 in rows if "０" <= typed[0] <= "９"]
    assert full_width and all(e164 and e164.startswith("+81") for e164 in full_width)


# -- Matching and dedupe: a number finds its lead however it is written -------------------
def test_a_number_finds_its_lead_however_it_is_written(shared_db: Database) -> None:
    with shared_db.read() as session:
        lead_id, typed, e164, account_phone = session.execute(
            select(Lead.id, Lead.phone, Lead.phone_e164, Account.phone_e164)
            .join(Account, Account.id == Lead.account_id)
            .where(Lead.phone.like("０%"))
            .order_by(Lead.id)
            .limit(1)
        ).one()
        ascii_typed = f"0{e164[3:]}"  # the national form, ASCII digits, no hyphens
        assert lead_id in leads_by_phone(session, ascii_typed)
        assert lead_id in leads_by_phone(session, typed)
        assert lead_id in leads_by_phone(session, "+" + e164[1:3] + " " + e164[3:])
        # The company's main line finds every lead of the company.
        colleagues = set(
            session.scalars(
                select(Lead.id).join(Account).where(Account.phone_e164 == account_phone)
            )
        )
        assert lead_id in colleagues
        assert colleagues <= set(leads_by_phone(session, account_phone))
        assert leads_by_phone(session, "不明") == []


# -- The lead pane's link dials the E.164 form ----------------------------------------------
def test_the_detail_carries_the_number_as_typed_and_in_e164(demo_db: Database) -> None:
    with demo_db.write() as session:
        lead_id = session.scalar(select(Lead.id).order_by(Lead.id).limit(1))
        assert lead_id is not None
        account_id = session.scalar(select(Lead.account_id).where(Lead.id == lead_id))
        session.execute(
            update(Lead)
            .where(Lead.id == lead_id)
            .values(phone="０３－１２３４－５６７８", phone_e164=TOKYO)
        )
        session.execute(
            update(Account).where(Account.id == account_id).values(phone="不明", phone_e164=None)
        )
    with demo_db.read() as session:
        detail = lead_detail(session, lead_id, NOW)
    assert (detail.phone, detail.phone_e164) == ("０３－１２３４－５６７８", TOKYO)
    assert (detail.company_phone, detail.company_phone_e164) == ("不明", None)


# -- Migration 0004 converts the numbers already stored -----------------------------------
def test_migration_0004_converts_the_numbers_already_stored(any_url: str) -> None:
    typed = [*TYPED_TOKYO[:4], "０９０－１２３４－５６７８", "不明", "", None]
    engine = create_engine(any_url)
    try:
        with engine.begin() as connection:
            command.upgrade(migrations.config(connection), "0003")
            account_id = connection.execute(
                insert(ACCOUNT).returning(ACCOUNT.c.id),
                {
                    "name": "株式会社テスト",
                    "sort_key": "テスト",
                    "phone": "０３－１２３４－５６７８",
                },
            ).scalar_one()
            at = datetime(2026, 1, 5, tzinfo=UTC)
            connection.execute(
                insert(LEAD),
                [
                    {
                        "account_id": account_id,
                        "name": f"リード {n}",
                        "sort_key": f"リード {n}",
                        "search_text": "",
                        "phone": phone,
                        "mql_at": at,
                        "stage_changed_at": at,
                    }
                    for n, phone in enumerate(typed)
                ],
            )
        with engine.begin() as connection:
            command.upgrade(migrations.config(connection), "head")
            stored = connection.execute(
                select(LEAD.c.phone, LEAD.c.phone_e164).order_by(LEAD.c.id)
            ).all()
            main_line = connection.execute(select(ACCOUNT.c.phone_e164)).scalar_one()
        assert stored == [
            *((t, TOKYO) for t in TYPED_TOKYO[:4]),
            ("０９０－１２３４－５６７８", "+819012345678"),
            ("不明", None),
            ("", None),
            (None, None),
        ]
        assert main_line == TOKYO
        # And back: the columns and their indexes go, the numbers as typed stay.
        with engine.begin() as connection:
            command.downgrade(migrations.config(connection), "0003")
            columns = {c["name"] for c in inspect(connection).get_columns("lead")}
            assert "phone_e164" not in columns and "phone" in columns
            kept = connection.execute(select(LEAD.c.phone).order_by(LEAD.c.id)).scalars().all()
        assert kept == typed
    finally:
        engine.dispose()
