"""supporter total indexes: "most supported first" orders on support_count + paper_support_count

Revision ID: 3f1c2a9d7b10
Revises: c6a5748bfdd8
Create Date: 2026-12-05 21:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '3f1c2a9d7b10'
down_revision = 'c6a5748bfdd8'
branch_labels = None
depends_on = None

TOTAL = sa.text("(support_count + paper_support_count)")


def upgrade():
    op.create_index("ix_ideas_supporter_total", "ideas", ["hidden", TOTAL, "id"])
    op.create_index("ix_ideas_wijk_supporter_total", "ideas", ["wijk_id", "hidden", TOTAL, "id"])


def downgrade():
    # IF EXISTS: on SQLite a later downgrade that rebuilds the ideas table (batch mode) cannot carry
    # expression indexes over, so they may be gone already.
    op.execute("DROP INDEX IF EXISTS ix_ideas_wijk_supporter_total")
    op.execute("DROP INDEX IF EXISTS ix_ideas_supporter_total")
