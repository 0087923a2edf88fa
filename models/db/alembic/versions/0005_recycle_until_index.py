"""An index on lead.recycle_until: the minute tick finds the leads whose re-entry date
from nurture has come without reading the whole lead table.

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("lead", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_lead_recycle_until"), ["recycle_until"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("lead", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lead_recycle_until"))
