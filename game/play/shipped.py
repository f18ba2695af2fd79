"""The shipped parameter bundle, read once per process for the game and the CLI.

The engine keeps no cache of its own (it is handed a Parameters); this is the call-site
convenience for code that always plays with the shipped data/ folder.
"""

from __future__ import annotations

from functools import cache

from game.resources import data_dir
from game.sim.params_bundle import Parameters, load_parameters


@cache
def shipped_parameters() -> Parameters:
    """The parameters in the shipped data/ folder (read on first use)."""
    return load_parameters(data_dir())
