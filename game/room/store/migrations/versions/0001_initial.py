"""Rooms, players, plans (with decisions and approvals by group) and ideas.

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "rooms",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("code", sa.String(6), nullable=False, unique=True),
        sa.Column("name", sa.String(80), nullable=False, unique=True),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_table(
        "players",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "room_id",
            sa.Integer,
            sa.ForeignKey("rooms.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("player_key", sa.String(64), nullable=False),
        sa.Column("label", sa.String(40)),
        sa.Column("joined_at", TZ, nullable=False),
        sa.UniqueConstraint("room_id", "player_key"),
    )
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "room_id",
            sa.Integer,
            sa.ForeignKey("rooms.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("plan_key", sa.String(64), nullable=False),
        sa.Column("player_key", sa.String(64), nullable=False),
        sa.Column("label", sa.String(40)),
        sa.Column("area_code", sa.String(40), nullable=False),
        sa.Column("area_name", sa.String(120), nullable=False),
        sa.Column("years", sa.Integer, nullable=False),
        sa.Column("population", sa.Float, nullable=False),
        sa.Column("net_additional_jobs", sa.Float, nullable=False),
        sa.Column("cost_per_net_job", sa.Float),
        sa.Column("money_spent", sa.Float, nullable=False),
        sa.Column("approval_overall", sa.Float, nullable=False),
        sa.Column("score", sa.Float),
        sa.Column("ending", sa.String(10)),
        sa.Column("age_band", sa.String(10)),
        sa.Column("area_link", sa.String(40)),
        sa.Column("body", sa.JSON, nullable=False),
        sa.Column("received_at", TZ, nullable=False),
        sa.UniqueConstraint("room_id", "plan_key"),
    )
    op.create_table(
        "plan_decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "plan_id",
            sa.Integer,
            sa.ForeignKey("plans.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("type_id", sa.String(60), nullable=False),
        sa.Column("category", sa.String(30), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("scale", sa.Float, nullable=False),
        sa.Column("cost", sa.Float, nullable=False),
        sa.Column("group_id", sa.String(60)),
    )
    op.create_table(
        "plan_approvals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "plan_id",
            sa.Integer,
            sa.ForeignKey("plans.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("group_id", sa.String(60), nullable=False),
        sa.Column("approval", sa.Float, nullable=False),
    )
    op.create_table(
        "ideas",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "room_id",
            sa.Integer,
            sa.ForeignKey("rooms.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("idea_key", sa.String(64), nullable=False),
        sa.Column("player_key", sa.String(64), nullable=False),
        sa.Column("label", sa.String(40)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("category", sa.String(30), nullable=False),
        sa.Column("groups", sa.JSON, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.UniqueConstraint("room_id", "idea_key"),
    )


def downgrade() -> None:
    for table in ("ideas", "plan_approvals", "plan_decisions", "plans", "players", "rooms"):
        op.drop_table(table)
