"""reactions, idea photos, reports, blocked accounts

Revision ID: 9a5014c0d1d3
Revises: 0452dc2508de
Create Date: 2026-12-05 20:45:17.366130

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '9a5014c0d1d3'
down_revision = '0452dc2508de'
branch_labels = None
depends_on = None


def upgrade():

    op.create_table('reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('target_kind', sa.String(length=10), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=False),
    sa.Column('wijk_id', sa.Integer(), nullable=False),
    sa.Column('writer_id', sa.Integer(), nullable=True),
    sa.Column('reporter_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('resolved_by_id', sa.Integer(), nullable=True),
    sa.Column('outcome', sa.String(length=20), nullable=True),
    sa.ForeignKeyConstraint(['reporter_id'], ['users.id'], name=op.f('fk_reports_reporter_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['resolved_by_id'], ['users.id'], name=op.f('fk_reports_resolved_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['wijk_id'], ['wijken.id'], name=op.f('fk_reports_wijk_id_wijken')),
    sa.ForeignKeyConstraint(['writer_id'], ['users.id'], name=op.f('fk_reports_writer_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reports')),
    sa.UniqueConstraint('target_kind', 'target_id', 'reporter_id', name='uq_reports_once_per_person')
    )
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.create_index('ix_reports_open', ['resolved_at', 'created_at'], unique=False)
        batch_op.create_index('ix_reports_target', ['target_kind', 'target_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reports_wijk_id'), ['wijk_id'], unique=False)

    op.create_table('idea_photos',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('idea_id', sa.Integer(), nullable=False),
    sa.Column('alt', sa.String(length=300), nullable=False),
    sa.Column('width', sa.Integer(), nullable=False),
    sa.Column('height', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('hidden_at', sa.DateTime(), nullable=True),
    sa.Column('hidden_reason', sa.String(length=20), nullable=True),
    sa.ForeignKeyConstraint(['idea_id'], ['ideas.id'], name=op.f('fk_idea_photos_idea_id_ideas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_idea_photos'))
    )
    with op.batch_alter_table('idea_photos', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_idea_photos_idea_id'), ['idea_id'], unique=False)

    op.create_table('reactions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('idea_id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('role_mark', sa.String(length=20), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('edited_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('hidden_at', sa.DateTime(), nullable=True),
    sa.Column('hidden_reason', sa.String(length=20), nullable=True),
    sa.Column('photo_alt', sa.String(length=300), nullable=True),
    sa.Column('photo_width', sa.Integer(), nullable=True),
    sa.Column('photo_height', sa.Integer(), nullable=True),
    sa.Column('photo_name', sa.String(length=40), nullable=True),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_reactions_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['idea_id'], ['ideas.id'], name=op.f('fk_reactions_idea_id_ideas'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['parent_id'], ['reactions.id'], name=op.f('fk_reactions_parent_id_reactions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reactions'))
    )
    with op.batch_alter_table('reactions', schema=None) as batch_op:
        batch_op.create_index('ix_reactions_author_time', ['author_id', 'created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_reactions_parent_id'), ['parent_id'], unique=False)
        batch_op.create_index('ix_reactions_thread', ['idea_id', 'parent_id', 'created_at', 'id'], unique=False)

    with op.batch_alter_table('ideas', schema=None) as batch_op:
        batch_op.add_column(sa.Column('hidden_reason', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('reaction_count', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('cover_photo_id', sa.Integer(), nullable=True))

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('blocked_at', sa.DateTime(), nullable=True))




def downgrade():

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('blocked_at')

    with op.batch_alter_table('ideas', schema=None) as batch_op:
        batch_op.drop_column('cover_photo_id')
        batch_op.drop_column('reaction_count')
        batch_op.drop_column('hidden_reason')

    with op.batch_alter_table('reactions', schema=None) as batch_op:
        batch_op.drop_index('ix_reactions_thread')
        batch_op.drop_index(batch_op.f('ix_reactions_parent_id'))
        batch_op.drop_index('ix_reactions_author_time')

    op.drop_table('reactions')
    with op.batch_alter_table('idea_photos', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_idea_photos_idea_id'))

    op.drop_table('idea_photos')
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reports_wijk_id'))
        batch_op.drop_index('ix_reports_target')
        batch_op.drop_index('ix_reports_open')

    op.drop_table('reports')

