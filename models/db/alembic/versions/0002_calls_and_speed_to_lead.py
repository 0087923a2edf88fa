"""Working a lead: attempt streak, next meeting, speed-to-lead clock; queue indexes.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("lead", schema=None) as batch_op:
        batch_op.add_column(sa.Column("next_meeting_at", sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column("unanswered_streak", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("sla_due_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("sla_met", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("sla_breached_at", sa.DateTime(), nullable=True))
        batch_op.create_index(batch_op.f("ix_lead_sla_due_at"), ["sla_due_at"], unique=False)
        # The planner picked these for stage/grade IN filters and then sorted every match.
        batch_op.drop_index("ix_lead_stage_priority")
        batch_op.drop_index("ix_lead_grade_priority")


def downgrade() -> None:
    with op.batch_alter_table("lead", schema=None) as batch_op:
        batch_op.create_index("ix_lead_grade_priority", ["grade", "priority"], unique=False)
        batch_op.create_index("ix_lead_stage_priority", ["stage", "priority"], unique=False)
        batch_op.drop_index(batch_op.f("ix_lead_sla_due_at"))
        batch_op.drop_column("sla_breached_at")
        batch_op.drop_column("sla_met")
        batch_op.drop_column("sla_due_at")
        batch_op.drop_column("unanswered_streak")
        batch_op.drop_column("next_meeting_at")
