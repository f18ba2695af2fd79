"""Class rooms (issue 12): teams, timed rounds and every decision a team took.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _room_fk() -> sa.Column:
    return sa.Column(
        "room_id",
        sa.Integer,
        sa.ForeignKey("rooms.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )


def upgrade() -> None:
    op.create_table(
        "class_teams",
        sa.Column("id", sa.Integer, primary_key=True),
        _room_fk(),
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("name_key", sa.String(40), nullable=False),
        sa.Column("player_key", sa.String(64), nullable=False),
        sa.Column("joined_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("save", sa.JSON, nullable=True),
        sa.UniqueConstraint("room_id", "name_key"),
    )
    op.create_table(
        "class_rounds",
        sa.Column("id", sa.Integer, primary_key=True),
        _room_fk(),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_by", sa.String(10), nullable=True),
        sa.Column("shock_id", sa.String(40), nullable=True),
        sa.UniqueConstraint("room_id", "number"),
    )
    op.create_table(
        "class_decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "team_id",
            sa.Integer,
            sa.ForeignKey("class_teams.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("round_number", sa.Integer, nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("card_id", sa.String(10), nullable=False),
        sa.Column("type_id", sa.String(60), nullable=False),
        sa.Column("category", sa.String(30), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("scale", sa.Float, nullable=False),
        sa.Column("cost", sa.Float, nullable=False),
        sa.Column("group_id", sa.String(60), nullable=True),
        sa.Column("auto", sa.Boolean, nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_table("class_decisions")
    op.drop_table("class_rounds")
    op.drop_table("class_teams")
