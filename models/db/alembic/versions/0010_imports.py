"""Imports from marketing tools: lead ids per tool, remembered mappings, import runs.

Revision ID: 0010
Revises: 0009

- lead_source_key: a lead's id in one marketing tool (unique per tool).
- import_mapping: the column mapping a user chose for a source, per kind of file.
- import_run: each import of a file (who, when, encoding, counts).
- lead.email indexed (imports match on it; stored trimmed and lower-case, made so here),
  lead.ma_score (the tool's own score, for reference).
- account.name_key: the company name as imports compare it (legal forms folded), filled
  here for every company.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BACKFILL_CHUNK = 2_000


def upgrade() -> None:
    op.create_table(
        "lead_source_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_system", sa.String(length=60), nullable=False),
        sa.Column("external_id", sa.String(length=120), nullable=False),
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["lead_id"], ["lead.id"], name="fk_lead_source_key_lead_id_lead"),
        sa.PrimaryKeyConstraint("id", name="pk_lead_source_key"),
        sa.UniqueConstraint("source_system", "external_id", name="uq_lead_source_key_source"),
    )
    op.create_index("ix_lead_source_key_lead_id", "lead_source_key", ["lead_id"])
    op.create_table(
        "import_mapping",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=60), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("columns", sa.JSON(), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["user_account.id"], name="fk_import_mapping_updated_by_user_account"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_import_mapping"),
        sa.UniqueConstraint("source", "kind", name="uq_import_mapping_source"),
    )
    op.create_table(
        "import_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("encoding", sa.String(length=40), nullable=True),
        sa.Column("source", sa.String(length=60), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("rows_read", sa.Integer(), nullable=False),
        sa.Column("landed", sa.Integer(), nullable=False),
        sa.Column("merged", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name="fk_import_run_user_id_user_account"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_import_run"),
    )
    op.create_index("ix_import_run_file_sha256", "import_run", ["file_sha256"])
    with op.batch_alter_table("lead", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ma_score", sa.Integer(), nullable=True))
        batch_op.create_index("ix_lead_email", ["email"])
    op.execute("UPDATE lead SET email = lower(trim(email)) WHERE email <> lower(trim(email))")
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name_key", sa.String(length=300), nullable=True))
        batch_op.create_index("ix_account_name_key", ["name_key"])
    _backfill_name_keys()


def _backfill_name_keys() -> None:
    from models.core.text import company_key  # noqa: PLC0415 - the rule as of this revision

    connection = op.get_bind()
    account = sa.table("account", sa.column("id"), sa.column("name"), sa.column("name_key"))
    last = 0
    while True:
        rows = connection.execute(
            sa.select(account.c.id, account.c.name)
            .where(account.c.id > last)
            .order_by(account.c.id)
            .limit(_BACKFILL_CHUNK)
        ).all()
        if not rows:
            return
        connection.execute(
            account.update()
            .where(account.c.id == sa.bindparam("_id"))
            .values(name_key=sa.bindparam("_key")),
            [{"_id": r.id, "_key": company_key(r.name)} for r in rows],
        )
        last = rows[-1].id


def downgrade() -> None:
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_index("ix_account_name_key")
        batch_op.drop_column("name_key")
    with op.batch_alter_table("lead", schema=None) as batch_op:
        batch_op.drop_index("ix_lead_email")
        batch_op.drop_column("ma_score")
    op.drop_index("ix_import_run_file_sha256", table_name="import_run")
    op.drop_table("import_run")
    op.drop_table("import_mapping")
    op.drop_index("ix_lead_source_key_lead_id", table_name="lead_source_key")
    op.drop_table("lead_source_key")
