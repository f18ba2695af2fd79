"""Low / central / high variants: additionality, the migration response and fertility."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.errors import DataError
from game.resources import data_dir
from game.sim.params import sourced_rows

if TYPE_CHECKING:
    from game.sim.engine import Engine

UNCERTAINTY_CSV = data_dir() / "projects" / "uncertainty.csv"
VARIANTS = ("low", "central", "high")


@dataclass(frozen=True)
class Variant:
    name: str
    additionality_scale: float  # deductions x this, multiplier uplift / this
    migration_response: float  # project-induced migration x this
    fertility_scale: float


@lru_cache(maxsize=2)
def load_variants(path: Path = UNCERTAINTY_CSV) -> dict[str, Variant]:
    out: dict[str, Variant] = {}
    for i, row in sourced_rows(path):
        try:
            out[row["variant"]] = Variant(
                row["variant"],
                float(row["additionality_scale"]),
                float(row["migration_response"]),
                float(row["fertility_scale"]),
            )
        except (KeyError, ValueError) as exc:
            raise DataError(str(path), f"bad row ({exc})", row=i) from None
    missing = [v for v in VARIANTS if v not in out]
    if missing:
        raise DataError(str(path), f"missing variant(s) {', '.join(missing)}")
    return out


def get_variant(name: str) -> Variant:
    variants = load_variants()
    if name not in variants:
        raise ValueError(f"unknown variant '{name}' (use low, central or high)")
    return variants[name]


def run_low_central_high(world: Any, area: str, **kwargs: Any) -> dict[str, Engine]:
    """Three engines (low, central, high) built with the same arguments and run to the end.

    kwargs go to Engine (scenario=, years=, seed=, catalogue=, budget=, base_population=...).
    """
    from game.sim.engine import Engine

    out: dict[str, Engine] = {}
    for name in VARIANTS:
        eng = Engine(world, area=area, variant=name, **kwargs)
        eng.run()
        out[name] = eng
    return out
