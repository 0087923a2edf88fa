"""The handoff definition's lifecycle, what its criteria read of a lead, and handoffs.

Revision ID: 0007
Revises: 0006

- definition: status (draft, proposed, approved, withdrawn), who proposed it and when,
  approval and effective dates, the version it was drafted from, an edit revision; one
  active version at most (a partial unique index). Existing versions were in effect:
  they become approved, effective from their creation. A version without criteria gets
  the shipped default criteria as they stand at this revision (its own copy below).
- definition_approval: who approved a version, for which side (marketing, sales).
- lead: reached_at and the current BANT answers, kept so the criteria run in SQL;
  filled here from the calls and answers already recorded.
- call: the prospect's challenge, competitors and decision process.
- handoff: the version met, the checklist and facts at promotion, the meeting, the note,
  an override's reason, the answer expected by, who answered and why, where a rejected
  lead went, an edit version.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The outcomes that reached the prospect, at this revision.
REACHED = ("connected", "callback_requested", "meeting_booked", "not_interested")

DEFAULT_CRITERIA = {
    "kind": "all",
    "items": [
        {"kind": "score_at_least", "score": 50},
        {"kind": "reached"},
        {"kind": "bant", "field": "need", "values": ["explicit"]},
        {"kind": "bant", "field": "authority", "values": ["influencer", "decision_maker"]},
        {"kind": "bant", "field": "timeline", "values": ["within_3m", "within_6m", "within_12m"]},
        {
            "kind": "touches",
            "kinds": ["document_request", "inquiry", "demo_request", "seminar_attendance"],
            "within_days": 90,
            "match": "any",
        },
        {
            "kind": "fit",
            "attribute": "size_band",
            "values": ["50-299", "300-999", "1000-4999", "5000+"],
        },
        {"kind": "meeting_booked"},
    ],
}


def upgrade() -> None:
    with op.batch_alter_table("definition", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("status", sa.String(length=20), server_default="approved", nullable=False)
        )
        batch_op.add_column(sa.Column("based_on_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("proposed_by", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("proposed_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("approved_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("effective_from", sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column("revision", sa.Integer(), server_default="1", nullable=False)
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_definition_based_on_id_definition"), "definition", ["based_on_id"], ["id"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_definition_proposed_by_user_account"),
            "user_account",
            ["proposed_by"],
            ["id"],
        )
        batch_op.create_index(
            "uq_definition_active",
            ["active"],
            unique=True,
            sqlite_where=sa.text("active"),
            postgresql_where=sa.text("active"),
        )
    op.create_table(
        "definition_approval",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("definition_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("side", sa.String(length=20), nullable=False),
        sa.Column("approved_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["definition_id"],
            ["definition.id"],
            name=op.f("fk_definition_approval_definition_id_definition"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_definition_approval_user_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_definition_approval")),
        sa.UniqueConstraint("definition_id", "side", name="uq_definition_approval_side"),
        sa.UniqueConstraint("definition_id", "user_id", name="uq_definition_approval_user"),
    )
    with op.batch_alter_table("definition_approval", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_definition_approval_definition_id"), ["definition_id"], unique=False
        )
    with op.batch_alter_table("lead", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reached_at", sa.DateTime(), nullable=True))
        for name in ("budget", "authority", "need", "timeline"):
            batch_op.add_column(
                sa.Column(
                    f"bant_{name}", sa.String(length=20), server_default="unknown", nullable=False
                )
            )
    with op.batch_alter_table("call", schema=None) as batch_op:
        batch_op.add_column(sa.Column("challenge", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("competitors", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("decision_process", sa.Text(), nullable=True))
    with op.batch_alter_table("handoff", schema=None) as batch_op:
        batch_op.add_column(sa.Column("definition_version", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("checklist", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("facts", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("meeting_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("note", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("override_reason", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("response_due_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("responded_by", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("response_code", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("returned_to", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))
        batch_op.create_foreign_key(
            batch_op.f("fk_handoff_responded_by_user_account"), "user_account", ["responded_by"], ["id"]
        )
        batch_op.create_index(batch_op.f("ix_handoff_field_rep_id"), ["field_rep_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_handoff_response_due_at"), ["response_due_at"], unique=False
        )
    _backfill()


def _backfill() -> None:
    bind = op.get_bind()
    definition = sa.table(
        "definition",
        sa.column("id", sa.Integer),
        sa.column("criteria", sa.JSON),
        sa.column("created_at", sa.DateTime),
        sa.column("approved_at", sa.DateTime),
        sa.column("effective_from", sa.DateTime),
    )
    for row in bind.execute(sa.select(definition.c.id, definition.c.criteria)).all():
        if not row.criteria:
            bind.execute(
                sa.update(definition)
                .where(definition.c.id == row.id)
                .values(criteria=DEFAULT_CRITERIA)
            )
    bind.execute(
        sa.update(definition).values(
            approved_at=definition.c.created_at, effective_from=definition.c.created_at
        )
    )
    lead = sa.table(
        "lead",
        sa.column("id", sa.Integer),
        sa.column("reached_at", sa.DateTime),
        sa.column("recycled_at", sa.DateTime),
        *(sa.column(f"bant_{name}", sa.String) for name in ("budget", "authority", "need", "timeline")),
    )
    call = sa.table(
        "call",
        sa.column("lead_id", sa.Integer),
        sa.column("started_at", sa.DateTime),
        sa.column("outcome", sa.String),
        sa.column("superseded", sa.Boolean),
    )
    first_reached = (
        sa.select(sa.func.min(call.c.started_at))
        .where(
            call.c.lead_id == lead.c.id,
            call.c.superseded.is_(sa.false()),
            call.c.outcome.in_(REACHED),
            sa.or_(lead.c.recycled_at.is_(None), call.c.started_at > lead.c.recycled_at),
        )
        .scalar_subquery()
    )
    bind.execute(sa.update(lead).values(reached_at=first_reached))
    answer = sa.table(
        "qualification_answer",
        sa.column("id", sa.Integer),
        sa.column("lead_id", sa.Integer),
        sa.column("field", sa.String),
        sa.column("value", sa.String),
        sa.column("recorded_at", sa.DateTime),
    )
    for name in ("budget", "authority", "need", "timeline"):
        newest = (
            sa.select(answer.c.value)
            .where(answer.c.lead_id == lead.c.id, answer.c.field == name)
            .order_by(answer.c.recorded_at.desc(), answer.c.id.desc())
            .limit(1)
            .scalar_subquery()
        )
        bind.execute(
            sa.update(lead).values({f"bant_{name}": sa.func.coalesce(newest, "unknown")})
        )


def downgrade() -> None:
    with op.batch_alter_table("handoff", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_handoff_response_due_at"))
        batch_op.drop_index(batch_op.f("ix_handoff_field_rep_id"))
        batch_op.drop_constraint(batch_op.f("fk_handoff_responded_by_user_account"), type_="foreignkey")
        for name in (
            "version", "returned_to", "response_code", "responded_by", "response_due_at",
            "override_reason", "note", "meeting_at", "facts", "checklist", "definition_version",
        ):
            batch_op.drop_column(name)
    with op.batch_alter_table("call", schema=None) as batch_op:
        for name in ("decision_process", "competitors", "challenge"):
            batch_op.drop_column(name)
    with op.batch_alter_table("lead", schema=None) as batch_op:
        for name in ("bant_timeline", "bant_need", "bant_authority", "bant_budget", "reached_at"):
            batch_op.drop_column(name)
    with op.batch_alter_table("definition_approval", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_definition_approval_definition_id"))
    op.drop_table("definition_approval")
    with op.batch_alter_table("definition", schema=None) as batch_op:
        batch_op.drop_index("uq_definition_active")
        batch_op.drop_constraint(batch_op.f("fk_definition_proposed_by_user_account"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_definition_based_on_id_definition"), type_="foreignkey")
        for name in (
            "revision", "effective_from", "approved_at", "proposed_at", "proposed_by",
            "based_on_id", "status",
        ):
            batch_op.drop_column(name)
