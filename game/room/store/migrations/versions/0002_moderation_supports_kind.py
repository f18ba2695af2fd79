"""Moderation status on ideas (existing ideas stay pending: a facilitator must approve
them before a shared screen shows them), one-support-per-player supports, and a room kind
and settings (a class room's set-up, issue 12).

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ideas") as batch:
        batch.add_column(
            sa.Column("status", sa.String(10), nullable=False, server_default="pending")
        )
    with op.batch_alter_table("rooms") as batch:
        batch.add_column(sa.Column("kind", sa.String(20), nullable=False, server_default="stand"))
        batch.add_column(sa.Column("settings", sa.JSON, nullable=True))
    op.create_table(
        "idea_supports",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "idea_id",
            sa.Integer,
            sa.ForeignKey("ideas.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("player_key", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("idea_id", "player_key"),
    )


def downgrade() -> None:
    op.drop_table("idea_supports")
    with op.batch_alter_table("rooms") as batch:
        batch.drop_column("settings")
        batch.drop_column("kind")
    with op.batch_alter_table("ideas") as batch:
        batch.drop_column("status")
