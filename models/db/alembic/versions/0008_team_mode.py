"""Team mode: who a server login is, capacity and away periods, each lead's team, claims.

Revision ID: 0008
Revises: 0007

- user_account: the PostgreSQL login that signs in as this user (team mode; unique),
  how many open leads the rep can carry (capacity, for distribution and the workload
  view), an edit version.
- away_period: dates a user is away (holiday, training): distribution skips them.
- lead: its team (the owner's team; follows every reassignment), filled here from the
  owner, or the only team when there is exactly one.
- lead_claim: the lead a rep is on the phone with, until the lease expires.
- server_role: the PostgreSQL group role of each Baton role (``baton admin init``).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.add_column(sa.Column("db_login", sa.String(length=63), nullable=True))
        batch_op.add_column(
            sa.Column("capacity", sa.Integer(), server_default="150", nullable=False)
        )
        batch_op.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))
        batch_op.create_unique_constraint("uq_user_account_db_login", ["db_login"])

    op.create_table(
        "away_period",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("ends_on >= starts_on", name="ck_away_period_dates"),
        sa.ForeignKeyConstraint(["user_id"], ["user_account.id"], name="fk_away_period_user_id_user_account"),
        sa.ForeignKeyConstraint(
            ["created_by"], ["user_account.id"], name="fk_away_period_created_by_user_account"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_away_period"),
    )
    op.create_index("ix_away_period_user_id", "away_period", ["user_id"])

    with op.batch_alter_table("lead", schema=None) as batch_op:
        batch_op.add_column(sa.Column("team_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_lead_team_id_team", "team", ["team_id"], ["id"])
        batch_op.create_index("ix_lead_team_priority", ["team_id", "priority"])
    op.execute(
        "UPDATE lead SET team_id = (SELECT u.team_id FROM user_account u "
        "WHERE u.id = lead.owner_id) WHERE owner_id IS NOT NULL"
    )
    op.execute(
        "UPDATE lead SET team_id = (SELECT min(id) FROM team) "
        "WHERE team_id IS NULL AND (SELECT count(*) FROM team) = 1"
    )

    op.create_table(
        "lead_claim",
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("claimed_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["lead_id"], ["lead.id"], name="fk_lead_claim_lead_id_lead"),
        sa.ForeignKeyConstraint(["user_id"], ["user_account.id"], name="fk_lead_claim_user_id_user_account"),
        sa.PrimaryKeyConstraint("lead_id", name="pk_lead_claim"),
    )
    op.create_index("ix_lead_claim_user_id", "lead_claim", ["user_id"])

    op.create_table(
        "server_role",
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("db_role", sa.String(length=63), nullable=False),
        sa.PrimaryKeyConstraint("role", name="pk_server_role"),
    )


def downgrade() -> None:
    op.drop_table("server_role")
    op.drop_index("ix_lead_claim_user_id", table_name="lead_claim")
    op.drop_table("lead_claim")
    with op.batch_alter_table("lead", schema=None) as batch_op:
        batch_op.drop_index("ix_lead_team_priority")
        batch_op.drop_constraint("fk_lead_team_id_team", type_="foreignkey")
        batch_op.drop_column("team_id")
    op.drop_index("ix_away_period_user_id", table_name="away_period")
    op.drop_table("away_period")
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.drop_constraint("uq_user_account_db_login", type_="unique")
        batch_op.drop_column("version")
        batch_op.drop_column("capacity")
        batch_op.drop_column("db_login")
