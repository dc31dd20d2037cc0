"""the language user-written text was written in (lang, nullable: existing rows stay unknown)

Revision ID: b7d41e0c2a55
Revises: 9a5014c0d1d3
Create Date: 2026-12-05 23:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b7d41e0c2a55'
down_revision = "9a5014c0d1d3"
branch_labels = None
depends_on = None

TABLES = ('ideas', 'idea_events', 'reactions', 'follow_ups', 'answer_feedback', 'conversation_feedback')


def upgrade():
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('lang', sa.String(length=5), nullable=True))


def downgrade():
    for table in reversed(TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('lang')
