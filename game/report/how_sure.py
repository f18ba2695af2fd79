"""'How sure are we?' for the report pack: the back-test's plain-words text and its headline
figures (data/play/how_sure.json, written by `python main.py backtest --write`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.sim.backtest import load_how_sure

TITLE = "How sure are we?"
COLUMNS = ("method, Census 2011 → 2021", "average error", "councils 10% or more out")


@dataclass(frozen=True)
class HowSure:
    title: str
    paragraphs: list[str]
    rows: list[tuple[str, str, str]]  # method, MAPE, share of councils ≥10% off
    source: str


def _pct(v: Any) -> str:
    return "–" if v is None else f"{float(v):.1f}%"


def how_sure() -> HowSure:
    """The shipped text, with the back-test figures as a small table (a figure missing
    from the file, such as ONS's average error, shows as a dash, never a made-up value)."""
    d = load_how_sure()
    f = d["figures"]
    rows = [
        ("This model", _pct(f["model_mape_percent"]), _pct(f["model_share_off_10pct"])),
        (
            "Reference: no change",
            _pct(f["no_change_mape_percent"]),
            _pct(f.get("no_change_share_off_10pct")),
        ),
        (
            "Reference: same growth everywhere",
            _pct(f["uniform_growth_mape_percent"]),
            _pct(f.get("uniform_growth_share_off_10pct")),
        ),
        ("ONS projections made in 2011", "–", _pct(f.get("ons_published_share_off_10pct"))),
    ]
    return HowSure(
        title=str(d.get("title", TITLE)),
        paragraphs=[str(p) for p in d["paragraphs"]],
        rows=rows,
        source=f"{f['councils']} councils in England and Wales. Source: {d['source']}.",
    )
