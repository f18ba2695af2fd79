"""How good is the population model? Project every council from Census 2011 to 2021 and
compare with Census 2021.

The start is Census 2011 on 2021 council boundaries (data/census/census2011_population.csv,
built by game.census.build_backtest); 5-year bands are split evenly into single years so
no 2021 information enters the start. The engine runs its baseline (no projects) for ten
yearly steps, census day to census day. It is scored with the usual measures -- mean and
median absolute percentage error, the share of councils 10% or more off, the worst
councils -- beside two naive references (no change; every council growing at the actual
national rate) and the published record of ONS's own sub-national projections.

It is a test with hindsight: the engine's rates come from 2019-20 flows related to
Census 2021 (docs/methods-population.md), so it knows about the decade in a way a
projection made in 2011 could not. Read the result as "the model reproduces the decade
with the rates it uses", not as "a forecast from 2011 would have been this good".
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from typing import Any

import numpy as np

from game.errors import DataError
from game.model.area import N_AGES
from game.provenance import named_values
from game.resources import data_dir

CENSUS_2011 = data_dir() / "census" / "census2011_population.csv"
PUBLISHED = data_dir() / "params" / "projection_accuracy_published.csv"
START, END = 2011, 2021
METHODS = ("model", "no_change", "uniform_growth")
METHOD_NAMES = {
    "model": "this model",
    "no_change": "no change since 2011",
    "uniform_growth": "every council grows at the national rate",
}


def load_census2011(codes: tuple[str, ...]) -> np.ndarray:
    """(n, 2, 91) usual residents in 2011 for `codes`, bands split evenly by single year."""
    pos = {c: i for i, c in enumerate(codes)}
    P = np.zeros((len(codes), 2, N_AGES))
    seen = np.zeros(len(codes), dtype=bool)
    try:
        fh = CENSUS_2011.open(newline="", encoding="utf-8")
    except OSError as exc:
        raise DataError(str(CENSUS_2011), f"cannot read ({exc.strerror or exc})") from None
    with fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            i = pos.get(row["area_code"])
            if i is None:
                continue
            age = row["age"]
            try:
                lo, hi = (90, 90) if age == "90+" else (int(a) for a in age.split("-"))
                count = float(row["count"])
            except ValueError:
                raise DataError(str(CENSUS_2011), "bad age or count", row=line) from None
            s = 0 if row["sex"] == "male" else 1
            P[i, s, lo : hi + 1] = count / (hi - lo + 1)
            seen[i] = True
    if not seen.all():
        missing = [c for c, ok in zip(codes, seen, strict=True) if not ok]
        raise DataError(str(CENSUS_2011), f"no rows for {', '.join(missing[:5])}")
    return P


@dataclass(frozen=True)
class Scores:
    mape: float  # mean absolute percentage error, %
    median_ape: float
    share_off_10pct: float  # % of councils 10% or more off
    mean_error: float  # mean signed error, % (+ = projected too many people)
    mape_london: float
    mape_rest: float


@dataclass(frozen=True)
class BacktestResult:
    codes: tuple[str, ...]
    names: tuple[str, ...]
    census_2011: np.ndarray
    census_2021: np.ndarray
    projected: dict[str, np.ndarray]  # method -> 2021 population per council
    scores: dict[str, Scores]
    published: dict[str, float]

    def errors(self, method: str = "model") -> np.ndarray:
        return (self.projected[method] / self.census_2021 - 1.0) * 100.0

    def worst(self, n: int = 10) -> list[dict[str, Any]]:
        err = self.errors()
        order = np.argsort(-np.abs(err), kind="stable")[:n]
        return [
            {
                "code": self.codes[i],
                "name": self.names[i],
                "census_2011": float(self.census_2011[i]),
                "projected_2021": float(self.projected["model"][i]),
                "census_2021": float(self.census_2021[i]),
                "error_percent": float(err[i]),
            }
            for i in order
        ]

    def as_dict(self, worst: int = 10) -> dict[str, Any]:
        return {
            "start": START,
            "end": END,
            "councils": len(self.codes),
            "england_and_wales": {
                "census_2011": float(self.census_2011.sum()),
                "projected_2021": float(self.projected["model"].sum()),
                "census_2021": float(self.census_2021.sum()),
            },
            "scores": {m: vars(s) for m, s in self.scores.items()},
            "published": self.published,
            "worst": self.worst(worst),
        }


def _scores(projected: np.ndarray, actual: np.ndarray, london: np.ndarray) -> Scores:
    err = (projected / actual - 1.0) * 100.0
    ape = np.abs(err)
    return Scores(
        mape=float(ape.mean()),
        median_ape=float(np.median(ape)),
        share_off_10pct=float((ape >= 10.0).mean() * 100.0),
        mean_error=float(err.mean()),
        mape_london=float(ape[london].mean()),
        mape_rest=float(ape[~london].mean()),
    )


def run_backtest(world: Any, params: Any) -> BacktestResult:
    """Project every council 2011 -> 2021 with the engine's baseline (parameter bundle
    `params`, game.sim.params_bundle) and score it."""
    from game.sim.engine import Engine

    codes = tuple(world.codes)
    P = load_census2011(codes)
    engine = Engine(
        world,
        "all",
        years=END - START,
        base_population=(P, codes),
        base_year=START,
        params=params,
        # the national control holds ONS figures from mid-2022 on, after this decade
        baseline="unconstrained",
    )
    engine.run()
    order = [codes.index(c) for c in engine.codes]
    codes = tuple(engine.codes)
    start = P.sum(axis=(1, 2))[order]
    actual = np.array([float(world.areas[c].census_population) for c in codes])
    projected = {
        "model": engine.P.sum(axis=(1, 2)),
        "no_change": start.copy(),
        # uses the actual national growth: a reference with hindsight, as the model has
        "uniform_growth": start * (actual.sum() / start.sum()),
    }
    london = np.array([c.startswith("E09") for c in codes])
    return BacktestResult(
        codes=codes,
        names=tuple(world.areas[c].name for c in codes),
        census_2011=start,
        census_2021=actual,
        projected=projected,
        scores={m: _scores(projected[m], actual, london) for m in METHODS},
        published=named_values(PUBLISHED),
    )


HOW_SURE_FILE = data_dir() / "play" / "how_sure.json"


def how_sure_text(result: BacktestResult) -> dict[str, Any]:
    """'How sure are we?' in plain words a pupil can follow, with the figures behind it."""
    s, nc, ug = (result.scores[m] for m in METHODS)
    n = len(result.codes)
    off = round(s.share_off_10pct * n / 100.0)
    worst = result.worst(3)
    named = ", ".join(f"{w['name']} ({w['error_percent']:+.0f}%)" for w in worst)
    ons = result.published.get("ons_snpp_share_off_10pct_2011_2021")
    paragraphs = [
        "We tested the model on the past. We started it from the 2011 census, let it run "
        "ten years to 2021, and checked it against the 2021 census.",
        f"On average it was {s.mape:.1f}% away from the real number of people in each "
        f"council. {off} of the {n} councils were 10% or more out. The furthest out "
        f"were {named}.",
        f"Simple guesses do worse: saying nothing changes is {nc.mape:.1f}% out on average; "
        f"giving every council the same growth is {ug.mape:.1f}% out.",
        (
            f"The official ONS projections made in 2011 had {ons:.1f}% of councils 10% or more out."
            if ons is not None
            else "We could not find ONS's own published record to compare with."
        ),
        "The test is easier than real life: the model's rates for births, deaths and moves "
        "were measured in 2019-20 and matched to the 2021 census, so it already knew a lot "
        "about those ten years. Looking ahead, expect it to be a few per cent out for most "
        "places, and more for cities with many students or people moving in and out.",
        "These are projections, not forecasts: they show what happens if recent trends carry on.",
    ]
    return {
        "title": "How sure are we?",
        "paragraphs": paragraphs,
        "figures": {
            "councils": n,
            "model_mape_percent": round(s.mape, 2),
            "model_median_ape_percent": round(s.median_ape, 2),
            "model_share_off_10pct": round(s.share_off_10pct, 2),
            "no_change_mape_percent": round(nc.mape, 2),
            "uniform_growth_mape_percent": round(ug.mape, 2),
            "no_change_share_off_10pct": round(nc.share_off_10pct, 2),
            "uniform_growth_share_off_10pct": round(ug.share_off_10pct, 2),
            "ons_published_share_off_10pct": ons,
        },
        "source": "python main.py backtest (game/sim/backtest.py); docs/methods-backtest.md",
    }


def load_how_sure() -> dict[str, Any]:
    """The shipped 'How sure are we?' text (data/play/how_sure.json) for the game and the
    report pack; regenerate it with `python main.py backtest --write`."""
    import json

    try:
        return dict(json.loads(HOW_SURE_FILE.read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:
        raise DataError(str(HOW_SURE_FILE), f"cannot read ({exc})") from None
