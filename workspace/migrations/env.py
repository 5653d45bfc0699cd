"""Alembic environment: runs on the connection workspace.db hands over."""

from __future__ import annotations

from alembic import context

from workspace.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # command-line alembic (autogenerate during development)
    from sqlalchemy import create_engine

    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    connection = engine.connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
