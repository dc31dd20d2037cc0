"""the site generation: one number every writing transaction raises, so public pages kept for
visitors without an account (web/pagecache.py) are served only while nothing has changed

Revision ID: 9a7c3e5d1f20
Revises: 5c1d2e3f4a5b
Create Date: 2026-12-06 06:00:00.000000

"""
import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = '9a7c3e5d1f20'
down_revision = '5c1d2e3f4a5b'
branch_labels = None
depends_on = None


def upgrade():
    table = op.create_table(
        'site_generation',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('value', sa.BigInteger(), server_default='0', nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_site_generation')),
    )
    op.bulk_insert(table, [{'id': 1, 'value': 0}])


def downgrade():
    op.drop_table('site_generation')
