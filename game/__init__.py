"""Civic Futures: a civic simulation game for England and Wales on real Census 2021 data."""

# The one place the version is written: pyproject.toml reads it ([tool.hatch.version]),
# and `civic-futures --version` prints it.
__version__ = "0.1.0"
