"""segment indexes and per-contact behaviour columns

Adds what segment counts need to stay fast on a million contacts:
- events.category_ci (folded category, so "viewed category" also matches
  product views) and indexes by (type, day) and (type, category_ci, day);
- contacts.last_abandon_day, last_view_day, third_view_day (derived by
  workspace.derived.recompute) so lifecycle hot/warm need no event scan;
- one index over the lifecycle columns, replacing ix_contacts_last_order_at;
- birth_mmdd keeps 229 for 29 February (segments map it to 28 February in
  other years at query time, and to 29 February in leap years).

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def _fold(value):
    if value is None:
        return None
    folded = value.strip().casefold()
    return folded or None


def upgrade() -> None:
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('category_ci', sa.String(length=200), nullable=True))
        batch_op.create_index('ix_events_type_day', ['type', 'day', 'contact_id'], unique=False)
        batch_op.create_index('ix_events_type_category_day',
                              ['type', 'category_ci', 'day', 'contact_id'], unique=False)
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('last_abandon_day', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('last_view_day', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('third_view_day', sa.Date(), nullable=True))
        batch_op.drop_index('ix_contacts_last_order_at')
        batch_op.create_index('ix_contacts_lifecycle',
                              ['last_order_at', 'last_abandon_day', 'third_view_day',
                               'last_view_day'], unique=False)

    conn = op.get_bind()
    # Backfill what the new columns hold for rows written before this revision.
    rows = conn.execute(sa.text(
        "SELECT id, category FROM events WHERE category IS NOT NULL")).fetchall()
    if rows:
        conn.execute(sa.text("UPDATE events SET category_ci = :v WHERE id = :i"),
                     [{"v": _fold(cat), "i": i} for i, cat in rows])
    rows = conn.execute(sa.text(
        "SELECT id, birth_date FROM contacts WHERE birth_mmdd = 228")).fetchall()
    leap_day = [i for i, born in rows if str(born)[5:10] == "02-29"]
    if leap_day:
        conn.execute(sa.text("UPDATE contacts SET birth_mmdd = 229 WHERE id = :i"),
                     [{"i": i} for i in leap_day])


def downgrade() -> None:
    op.execute("UPDATE contacts SET birth_mmdd = 228 WHERE birth_mmdd = 229")
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.drop_index('ix_contacts_lifecycle')
        batch_op.create_index('ix_contacts_last_order_at', ['last_order_at'], unique=False)
        batch_op.drop_column('third_view_day')
        batch_op.drop_column('last_view_day')
        batch_op.drop_column('last_abandon_day')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_type_category_day')
        batch_op.drop_index('ix_events_type_day')
        batch_op.drop_column('category_ci')
