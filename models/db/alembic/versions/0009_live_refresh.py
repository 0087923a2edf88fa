"""Live refresh: PostgreSQL tells every listening desktop what changed (LISTEN/NOTIFY).

Revision ID: 0009
Revises: 0008

PostgreSQL only (SQLite has no notifications; on SQLite this revision changes nothing).
Statement-level AFTER INSERT / UPDATE / DELETE triggers read the statement's transition
tables and ``pg_notify`` one channel, ``baton``, with compact payloads:

- ``lead:12,40,41`` / ``lead_claim:12``: the ids of the rows a statement changed, sorted,
  in chunks of at most :data:`CHUNK` ids (each payload well under PostgreSQL's 8000-byte
  limit). A claim whose lease is only renewed (same rep) is not announced.
- ``lead:*``: "many leads changed, reload": a statement that changed more than
  :data:`MANY` rows, or a transaction past its first :data:`STATEMENTS` statements on the
  table (a rescoring's batch of single-row updates). PostgreSQL delivers identical
  payloads of one transaction once, so a rescoring of 100,000 leads in chunks of 500
  sends a few notifications per chunk, not one per lead.
- ``handoff``, ``user_account``, ``away_period``, ``team``, ``definition``,
  ``definition_approval``: the table alone (once per transaction, for the same reason).

Notifications are sent when the transaction commits, never for one rolled back.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHANNEL = "baton"
#: Ids per payload: "lead_claim:" and 600 ids of at most 10 digits and a comma < 8000 bytes.
CHUNK = 600
#: A statement changing more rows than this is announced as "many" (10 chunks).
MANY = 6000
#: Statements per transaction and table announced one by one; the rest as "many".
STATEMENTS = 16

#: Tables whose changed rows are announced by id: (table, id column, column whose change
#: an UPDATE must make to be announced, or None for any update).
BY_ID = (("lead", "id", None), ("lead_claim", "lead_id", "user_id"))
#: Tables announced by name.
BY_TABLE = ("handoff", "user_account", "away_period", "team", "definition", "definition_approval")

NOTIFY_ROWS = f"""
CREATE FUNCTION baton_notify_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    key_column text := TG_ARGV[0];
    watched text := TG_ARGV[1];
    counter text := 'baton.notified_' || TG_TABLE_NAME;
    statements integer;
    ids bigint[];
    total integer;
BEGIN
    statements := coalesce(nullif(current_setting(counter, true), ''), '0')::integer + 1;
    PERFORM set_config(counter, statements::text, true);
    IF statements > {STATEMENTS} THEN
        PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME || ':*');
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
        EXECUTE format('SELECT array_agg(DISTINCT %1$I ORDER BY %1$I) FROM old_rows', key_column)
            INTO ids;
    ELSIF TG_OP = 'UPDATE' AND watched <> '' THEN
        EXECUTE format(
            'SELECT array_agg(DISTINCT n.%1$I ORDER BY n.%1$I) FROM new_rows n '
            'LEFT JOIN old_rows o ON o.%1$I = n.%1$I '
            'WHERE o.%2$I IS DISTINCT FROM n.%2$I',
            key_column, watched) INTO ids;
    ELSE
        EXECUTE format('SELECT array_agg(DISTINCT %1$I ORDER BY %1$I) FROM new_rows', key_column)
            INTO ids;
    END IF;
    total := coalesce(array_length(ids, 1), 0);
    IF total = 0 THEN
        RETURN NULL;
    END IF;
    IF total > {MANY} THEN
        PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME || ':*');
        RETURN NULL;
    END IF;
    FOR start_at IN 1 .. total BY {CHUNK} LOOP
        PERFORM pg_notify(
            '{CHANNEL}',
            TG_TABLE_NAME || ':' || array_to_string(ids[start_at : start_at + {CHUNK - 1}], ',')
        );
    END LOOP;
    RETURN NULL;
END
$$
"""

NOTIFY_TABLE = f"""
CREATE FUNCTION baton_notify_table() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME);
    RETURN NULL;
END
$$
"""

#: Transition tables allow one event per trigger: one trigger per event.
_EVENTS = (
    ("insert", "INSERT", "REFERENCING NEW TABLE AS new_rows"),
    ("update", "UPDATE", "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows"),
    ("delete", "DELETE", "REFERENCING OLD TABLE AS old_rows"),
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(NOTIFY_ROWS)
    op.execute(NOTIFY_TABLE)
    for table, key, watched in BY_ID:
        for name, event, referencing in _EVENTS:
            op.execute(
                f"CREATE TRIGGER baton_live_{name} AFTER {event} ON {table} {referencing} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION baton_notify_rows('{key}', "
                f"'{watched or ''}')"
            )
    for table in BY_TABLE:
        op.execute(
            f"CREATE TRIGGER baton_live AFTER INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION baton_notify_table()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, _key, _watched in BY_ID:
        for name, _event, _referencing in _EVENTS:
            op.execute(f"DROP TRIGGER IF EXISTS baton_live_{name} ON {table}")
    for table in BY_TABLE:
        op.execute(f"DROP TRIGGER IF EXISTS baton_live ON {table}")
    op.execute("DROP FUNCTION IF EXISTS baton_notify_rows()")
    op.execute("DROP FUNCTION IF EXISTS baton_notify_table()")
