"""segment covering indexes and purchased categories per contact

- purchased_categories: the distinct folded categories each contact bought
  (paid/delivered), kept by workspace.derived.recompute, so "bought category"
  is one index probe per contact instead of a walk over orders and lines;
- ix_contacts_profile (gender, birth_date, city_ci, last_order_at, status,
  consent_email) replaces ix_contacts_gender_birth, and ix_contacts_lifecycle
  gains status and consent_email: the usual profile filters, lifecycle
  statuses and the sendable count read the index only.

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

PK = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def upgrade() -> None:
    op.create_table(
        'purchased_categories',
        sa.Column('contact_id', PK, nullable=False),
        sa.Column('category_ci', sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('contact_id', 'category_ci'),
    )
    with op.batch_alter_table('purchased_categories', schema=None) as batch_op:
        batch_op.create_index('ix_purchased_categories_category', ['category_ci', 'contact_id'],
                              unique=False)
    op.execute(
        "INSERT INTO purchased_categories (contact_id, category_ci) "
        "SELECT DISTINCT o.contact_id, l.category_ci FROM order_lines l "
        "JOIN orders o ON o.id = l.order_pk "
        "WHERE o.status IN ('paid', 'delivered') AND l.category_ci IS NOT NULL")
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.drop_index('ix_contacts_gender_birth')
        batch_op.drop_index('ix_contacts_lifecycle')
        batch_op.create_index('ix_contacts_profile',
                              ['gender', 'birth_date', 'city_ci', 'last_order_at', 'status',
                               'consent_email'], unique=False)
        batch_op.create_index('ix_contacts_lifecycle',
                              ['last_order_at', 'last_abandon_day', 'third_view_day',
                               'last_view_day', 'status', 'consent_email'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.drop_index('ix_contacts_lifecycle')
        batch_op.drop_index('ix_contacts_profile')
        batch_op.create_index('ix_contacts_lifecycle',
                              ['last_order_at', 'last_abandon_day', 'third_view_day',
                               'last_view_day'], unique=False)
        batch_op.create_index('ix_contacts_gender_birth', ['gender', 'birth_date'],
                              unique=False)
    with op.batch_alter_table('purchased_categories', schema=None) as batch_op:
        batch_op.drop_index('ix_purchased_categories_category')
    op.drop_table('purchased_categories')
