"""the sociale kaart's list without a wijk filter (ordered by name) reads an index instead of sorting
every entry: /socialmap took 2.3-2.6 times as long at 100,000 ideas (10,000 entries) as at 1,000

Revision ID: 5c1d2e3f4a5b
Revises: b7e2f4a91c3d
Create Date: 2026-12-06 03:25:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '5c1d2e3f4a5b'
down_revision = 'b7e2f4a91c3d'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_socialmap_entries_listing', 'socialmap_entries', ['archived', 'name', 'id'], unique=False)


def downgrade():
    op.drop_index('ix_socialmap_entries_listing', table_name='socialmap_entries')
