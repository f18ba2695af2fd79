"""Pydantic v2 world model: areas, cohort tables, groupings, citizen groups. No pygame, no I/O."""
