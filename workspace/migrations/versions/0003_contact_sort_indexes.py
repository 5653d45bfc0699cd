"""indexes for sorting the contacts table

The GUI's contacts table sorts a million contacts in SQL by name, orders,
total spent, last order and status and reads one block of 100 rows at a
time with LIMIT/OFFSET. Without an index each block sorts the whole table
(4-10 s on a million rows); with one it walks the index (tens of ms). The
trailing ``id`` is the table's tie-breaker, so PostgreSQL can use the index
for the full ORDER BY too (SQLite has the rowid in every index anyway).

Revision ID: 0003
Revises: 0002
"""
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

_INDEXES = {
    'ix_contacts_sort_name': ['first_name_ci', 'last_name_ci', 'id'],
    'ix_contacts_sort_orders_count': ['orders_count', 'id'],
    'ix_contacts_sort_total_spent': ['total_spent', 'id'],
    'ix_contacts_sort_last_order_at': ['last_order_at', 'id'],
    'ix_contacts_sort_status': ['status', 'id'],
}


def upgrade() -> None:
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        for name, columns in _INDEXES.items():
            batch_op.create_index(name, columns, unique=False)


def downgrade() -> None:
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        for name in _INDEXES:
            batch_op.drop_index(name)
