"""An index on touch (campaign, lead_id): the leads of a campaign (the KPI dashboard's
campaign filter, the list of campaigns it offers) without reading every touch. At
100,000 leads and 2,000,000 touches: 24 ms instead of 294 ms for a campaign of 29,000
leads on SQLite.

Revision ID: 0011
Revises: 0010
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("touch", schema=None) as batch_op:
        batch_op.create_index("ix_touch_campaign_lead", ["campaign", "lead_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("touch", schema=None) as batch_op:
        batch_op.drop_index("ix_touch_campaign_lead")
