"""A wrong number: lead.phone_invalid and lead.phone_changed_at.

Revision ID: 0006
Revises: 0005

A call logged "wrong number" marks the lead's number invalid until a rep enters a new one
(``phone_changed_at``); meanwhile the lead ranks below every lead that can be reached.
Leads whose standing calls already include a wrong number are marked here, with the rule
as it stands at this revision (a migration keeps its own copy of it).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("lead", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("phone_invalid", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("phone_changed_at", sa.DateTime(), nullable=True))
    lead = sa.table("lead", sa.column("id", sa.Integer), sa.column("phone_invalid", sa.Boolean))
    call = sa.table(
        "call",
        sa.column("lead_id", sa.Integer),
        sa.column("outcome", sa.String),
        sa.column("superseded", sa.Boolean),
    )
    wrong = (
        sa.select(call.c.lead_id)
        .where(call.c.outcome == "wrong_number", call.c.superseded.is_(sa.false()))
        .scalar_subquery()
    )
    op.get_bind().execute(
        sa.update(lead).where(lead.c.id.in_(wrong)).values(phone_invalid=sa.true())
    )


def downgrade() -> None:
    with op.batch_alter_table("lead", schema=None) as batch_op:
        batch_op.drop_column("phone_changed_at")
        batch_op.drop_column("phone_invalid")
