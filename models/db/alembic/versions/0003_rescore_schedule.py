"""The decay schedule: when each lead's stored score must be recomputed.

Revision ID: 0003
Revises: 0002

Existing leads start unscheduled (NULL): the minute tick schedules them a batch at a
time (``baton rescore`` schedules every lead at once).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("lead", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rescore_due_at", sa.DateTime(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_lead_rescore_due_at"), ["rescore_due_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("lead", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lead_rescore_due_at"))
        batch_op.drop_column("rescore_due_at")
