"""campaigns with A/B variants, frozen groups, results; export runs and objects

- campaigns gain the split key, shares, deciding metric, state, send time and
  time zone, the recorded plan, the winner and when the groups were frozen;
- campaign_variants: subject and preheader per variant (A, B, ...);
- campaign_members: the frozen groups of an exported campaign;
- campaign_results: per-variant counts (CSV import or pulled from an ESP);
- export_log gains the campaign, when it finished and a plain message;
- export_objects: what an export created at an ESP, recorded as soon as it
  exists, so a resumed export never creates anything twice.

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

PK = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def upgrade() -> None:
    with op.batch_alter_table('campaigns', schema=None) as batch_op:
        batch_op.add_column(sa.Column('split_key', sa.String(length=64), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('shares', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('metric', sa.String(length=20), nullable=False,
                                      server_default='clicks'))
        batch_op.add_column(sa.Column('state', sa.String(length=20), nullable=False,
                                      server_default='draft'))
        batch_op.add_column(sa.Column('send_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('timezone', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('plan', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('winner', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('frozen_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('updated_at', sa.DateTime(), nullable=False,
                                      server_default=sa.func.current_timestamp()))
    op.create_table(
        'campaign_variants',
        sa.Column('campaign_id', PK, nullable=False),
        sa.Column('label', sa.String(length=10), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('subject', sa.String(length=500), nullable=False),
        sa.Column('preheader', sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('campaign_id', 'label'),
    )
    op.create_table(
        'campaign_members',
        sa.Column('campaign_id', PK, nullable=False),
        sa.Column('email', sa.String(length=320), nullable=False),
        sa.Column('contact_id', PK, nullable=True),
        sa.Column('group_label', sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('campaign_id', 'email'),
    )
    op.create_index('ix_campaign_members_group', 'campaign_members',
                    ['campaign_id', 'group_label'])
    op.create_table(
        'campaign_results',
        sa.Column('campaign_id', PK, nullable=False),
        sa.Column('label', sa.String(length=10), nullable=False),
        sa.Column('sent', sa.Integer(), nullable=False),
        sa.Column('opens', sa.Integer(), nullable=False),
        sa.Column('clicks', sa.Integer(), nullable=False),
        sa.Column('conversions', sa.Integer(), nullable=True),
        sa.Column('source', sa.String(length=50), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('campaign_id', 'label'),
    )
    with op.batch_alter_table('export_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('campaign_id', PK, nullable=True))
        batch_op.add_column(sa.Column('finished_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('message', sa.Text(), nullable=True))
        batch_op.create_foreign_key('fk_export_log_campaign', 'campaigns', ['campaign_id'],
                                    ['id'], ondelete='SET NULL')
    op.create_table(
        'export_objects',
        sa.Column('id', PK, autoincrement=True, nullable=False),
        sa.Column('target', sa.String(length=50), nullable=False),
        sa.Column('key', sa.String(length=300), nullable=False),
        sa.Column('kind', sa.String(length=50), nullable=False),
        sa.Column('remote_id', sa.String(length=200), nullable=True),
        sa.Column('campaign_id', PK, nullable=True),
        sa.Column('export_id', PK, nullable=True),
        sa.Column('details', sa.JSON(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['export_id'], ['export_log.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('target', 'key', name='uq_export_objects_key'),
    )


def downgrade() -> None:
    op.drop_table('export_objects')
    with op.batch_alter_table('export_log', schema=None) as batch_op:
        batch_op.drop_constraint('fk_export_log_campaign', type_='foreignkey')
        batch_op.drop_column('message')
        batch_op.drop_column('finished_at')
        batch_op.drop_column('campaign_id')
    op.drop_table('campaign_results')
    op.drop_index('ix_campaign_members_group', table_name='campaign_members')
    op.drop_table('campaign_members')
    op.drop_table('campaign_variants')
    with op.batch_alter_table('campaigns', schema=None) as batch_op:
        for col in ('updated_at', 'frozen_at', 'winner', 'plan', 'timezone', 'send_at',
                    'state', 'metric', 'shares', 'split_key'):
            batch_op.drop_column(col)
