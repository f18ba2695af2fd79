"""Alembic environment for the room store: run on a connection the store passes in
(config.attributes["connection"]), so no alembic.ini or URL lives in the package."""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    render_as_batch=True,  # SQLite alters tables by copying them; batch mode does that
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
