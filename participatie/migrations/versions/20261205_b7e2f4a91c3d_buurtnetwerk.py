"""buurtnetwerk: members per wijk, questions with choices, answers

Revision ID: b7e2f4a91c3d
Revises: f1a0c17e5b01
Create Date: 2026-12-05 23:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b7e2f4a91c3d'
down_revision = "f1a0c17e5b01"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('buurtnetwerk_members',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('wijk_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['wijk_id'], ['wijken.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'wijk_id')
    )
    with op.batch_alter_table('buurtnetwerk_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_buurtnetwerk_members_wijk_id'), ['wijk_id'], unique=False)

    op.create_table('buurtnetwerk_questions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('wijk_id', sa.Integer(), nullable=False),
    sa.Column('asker_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('sent_to', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=True),
    sa.Column('outcome_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['asker_id'], ['users.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['wijk_id'], ['wijken.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('buurtnetwerk_questions', schema=None) as batch_op:
        batch_op.create_index('ix_buurtnetwerk_questions_wijk_time', ['wijk_id', 'created_at'], unique=False)

    op.create_table('buurtnetwerk_choices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=120), nullable=False),
    sa.ForeignKeyConstraint(['question_id'], ['buurtnetwerk_questions.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('question_id', 'position')
    )
    op.create_table('buurtnetwerk_answers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('choice_id', sa.Integer(), nullable=False),
    sa.Column('words', sa.Text(), nullable=False),
    sa.Column('quote_ok', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['choice_id'], ['buurtnetwerk_choices.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['question_id'], ['buurtnetwerk_questions.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('question_id', 'user_id')
    )
    with op.batch_alter_table('buurtnetwerk_answers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_buurtnetwerk_answers_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('buurtnetwerk_answers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_buurtnetwerk_answers_user_id'))
    op.drop_table('buurtnetwerk_answers')
    op.drop_table('buurtnetwerk_choices')
    with op.batch_alter_table('buurtnetwerk_questions', schema=None) as batch_op:
        batch_op.drop_index('ix_buurtnetwerk_questions_wijk_time')
    op.drop_table('buurtnetwerk_questions')
    with op.batch_alter_table('buurtnetwerk_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_buurtnetwerk_members_wijk_id'))
    op.drop_table('buurtnetwerk_members')
