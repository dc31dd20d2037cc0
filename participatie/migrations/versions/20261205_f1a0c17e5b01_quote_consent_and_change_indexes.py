"""quote consent: "Je mag mijn woorden zonder mijn naam laten zien" on answer feedback, follow-ups and
conversation feedback (existing rows: no); indexes for "Wat is er veranderd"

Revision ID: f1a0c17e5b01
Revises: 740dd16f9a0c
Create Date: 2026-12-05 23:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f1a0c17e5b01'
down_revision = "740dd16f9a0c"
branch_labels = None
depends_on = None

TABLES = ('answer_feedback', 'follow_ups', 'conversation_feedback')


def upgrade():
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('quote_ok', sa.Boolean(), server_default=sa.false(), nullable=False))
    with op.batch_alter_table('follow_ups', schema=None) as batch_op:
        batch_op.create_index('ix_follow_ups_kind_answered', ['kind', 'answer_yes', 'answered_at'], unique=False)
    with op.batch_alter_table('action_items', schema=None) as batch_op:
        batch_op.create_index('ix_action_items_changed', ['status', 'updated_at'], unique=False)


def downgrade():
    with op.batch_alter_table('action_items', schema=None) as batch_op:
        batch_op.drop_index('ix_action_items_changed')
    with op.batch_alter_table('follow_ups', schema=None) as batch_op:
        batch_op.drop_index('ix_follow_ups_kind_answered')
    for table in reversed(TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('quote_ok')
