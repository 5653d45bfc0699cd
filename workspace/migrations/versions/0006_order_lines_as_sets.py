"""order lines are a set per order: drop the unique (order, sku, color, size)

Two lines of one order with the same SKU, colour and size are real data (a
gift and a paid item, one line per unit, two prices): an import keeps both
and replaces an order's lines as a set (data.md), so the constraint that
made the second one a duplicate goes.

Downgrading restores the constraint and fails if an order has such lines.

Revision ID: 0006
Revises: 0005
"""
from alembic import op


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('order_lines', schema=None) as batch_op:
        batch_op.drop_constraint('uq_order_lines_item', type_='unique')


def downgrade() -> None:
    with op.batch_alter_table('order_lines', schema=None) as batch_op:
        batch_op.create_unique_constraint('uq_order_lines_item',
                                          ['order_pk', 'sku', 'color', 'size'])
