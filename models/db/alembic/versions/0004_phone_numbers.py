"""Phone numbers in E.164 beside what was typed: lead.phone_e164, account.phone_e164.

Revision ID: 0004
Revises: 0003

Existing numbers are converted here, with the rules of models/core/phones.py as they stand
at this revision (a migration keeps its own copy: later changes to the app's rules must
not change what this step did). Text that is no phone number stays NULL.
"""

import re
from collections.abc import Iterator, Sequence
from typing import Any

import phonenumbers
import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_EXTENSION_JA = re.compile(r"\s*(?:内線|内)\s*(?=[0-9０-９])")
_CHUNK = 1000


def _e164(typed: str | None) -> str | None:
    if not typed or not typed.strip():
        return None
    try:
        number = phonenumbers.parse(_EXTENSION_JA.sub(" ext. ", typed), "JP")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _converted(connection: sa.Connection, table: sa.Table) -> Iterator[list[dict[str, Any]]]:
    """(id, E.164) of every row with a convertible phone, in chunks, by id."""
    rows = connection.execute(
        sa.select(table.c.id, table.c.phone).where(table.c.phone.is_not(None)).order_by(table.c.id)
    ).all()
    values = [{"row_id": i, "e164": e} for i, p in rows if (e := _e164(p)) is not None]
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def upgrade() -> None:
    for name in ("account", "lead"):
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.add_column(sa.Column("phone_e164", sa.String(length=16), nullable=True))
            batch_op.create_index(batch_op.f(f"ix_{name}_phone_e164"), ["phone_e164"], unique=False)
    connection = op.get_bind()
    for name in ("account", "lead"):
        table = sa.table(
            name, sa.column("id", sa.Integer), sa.column("phone"), sa.column("phone_e164")
        )
        statement = (
            sa.update(table)
            .where(table.c.id == sa.bindparam("row_id"))
            .values(phone_e164=sa.bindparam("e164"))
        )
        for chunk in _converted(connection, table):
            connection.execute(statement, chunk)


def downgrade() -> None:
    for name in ("lead", "account"):
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{name}_phone_e164"))
            batch_op.drop_column("phone_e164")
