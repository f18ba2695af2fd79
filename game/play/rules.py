"""Game rules loaded from data/play: money, clout, cards, needs, newspaper, benchmarks.

Every tunable number lives in a data file with its source and status; this module only
validates them (pydantic, extra="forbid") so a typo names the file and row.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.errors import DataError
from game.resources import data_dir

DATA_DIR = data_dir() / "play"


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GameRules(_Frozen):
    fund_per_resident: float = Field(ge=0)
    fund_rounding: float = Field(gt=0)
    fund_min: float = Field(ge=0)
    opening_balance_years: float = Field(ge=0)
    card_scale_reference_population: float = Field(gt=0)
    card_scale_min: float = Field(gt=0)
    card_scale_max: float = Field(gt=0)
    card_scale_step: float = Field(gt=0)
    cards_first_year: int = Field(ge=1)
    cards_per_year: int = Field(ge=0)
    hand_limit: int = Field(ge=1)
    card_life_years: int = Field(ge=0)
    defer_extension_years: int = Field(ge=1)
    max_defers_per_card: int = Field(ge=0)
    reject_cooldown_years: int = Field(ge=0)
    clout_start: int = Field(ge=0)
    clout_max: int = Field(ge=0)
    clout_income_base: int = Field(ge=0)
    clout_income_per_point: float = Field(ge=0)
    clout_fund_base: int = Field(ge=0)
    clout_per_opposed_share: float = Field(ge=0)
    clout_reject_per_supported_share: float = Field(ge=0)
    clout_consult: int = Field(ge=0)
    upkeep_share_cap: float = Field(ge=0, le=1)
    midterm_turn: int = Field(ge=1)
    final_turn: int = Field(ge=1)
    score_weight_approval: float = Field(ge=0)
    score_weight_jobs: float = Field(ge=0)
    score_weight_value: float = Field(ge=0)
    score_jobs_per_1000_half_marks: float = Field(gt=0)
    score_value_benchmark: float = Field(gt=0)
    ending_parade_min_score: float
    ending_mob_max_score: float
    ending_parade_min_approval: float = Field(ge=0, le=100)
    ending_mob_max_approval: float = Field(ge=0, le=100)
    ending_mob_content_approval: float = Field(ge=0, le=100)
    verdict_popular_approval: float = Field(ge=0, le=100)
    verdict_good_part: float = Field(ge=0, le=100)
    verdict_mover_min_change: float = Field(ge=0)
    news_event_probability: float = Field(ge=0, le=1)
    news_max_headlines: int = Field(ge=2)


class NeedRule(_Frozen):
    need: str
    numerator: str
    denominator: str
    direction: Literal["high", "low"]
    trigger_ratio: float = Field(gt=0)
    weight: float = Field(ge=0)
    categories: tuple[str, ...]
    # the citizen groups the need is about: a card gives this need as its "why here" only
    # if the project helps one of them (a park is not "because of the factories")
    groups: tuple[str, ...] = ()
    status: Literal["verified", "assumption"]
    source: str


class NewsEvent(_Frozen):
    id: str
    key: str
    text: str
    weight: float = Field(gt=0)
    clout: int = 0


class NewsBook(_Frozen):
    status: Literal["verified", "assumption"]
    source: str
    templates: dict[str, str]
    events: tuple[NewsEvent, ...]


class Benchmark(_Frozen):
    id: str
    label: str
    cost_per_net_job_low: float = Field(gt=0)
    cost_per_net_job_high: float = Field(gt=0)
    price_base: str
    status: Literal["verified", "assumption"]
    source: str


class RuleBook(_Frozen):
    rules: GameRules
    needs: tuple[NeedRule, ...]
    news: NewsBook
    benchmarks: tuple[Benchmark, ...]


def _read_csv(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))
    except OSError as exc:
        raise DataError(str(path), f"cannot read ({exc.strerror})") from exc


def _first_error(exc: ValidationError) -> tuple[str, str]:
    err = exc.errors()[0]
    return ".".join(str(p) for p in err["loc"]), err["msg"]


def load_rules(data_dir: Path | None = None) -> GameRules:
    path = (data_dir or DATA_DIR) / "rules.csv"
    values: dict[str, str] = {}
    for i, row in enumerate(_read_csv(path), start=2):
        key = (row.get("key") or "").strip()
        if key not in GameRules.model_fields:
            raise DataError(str(path), f"unknown rule '{key}'", row=i, column="key")
        if row.get("status") not in ("verified", "assumption"):
            raise DataError(str(path), "status must be verified or assumption", row=i)
        values[key] = (row.get("value") or "").strip()
    try:
        return GameRules.model_validate(values)
    except ValidationError as exc:
        loc, msg = _first_error(exc)
        raise DataError(str(path), msg, column=loc) from exc


def load_needs(data_dir: Path | None = None) -> tuple[NeedRule, ...]:
    path = (data_dir or DATA_DIR) / "needs.csv"
    out = []
    for i, row in enumerate(_read_csv(path), start=2):
        try:
            cats = tuple(c.strip().lower() for c in row.get("categories", "").split(";") if c)
            groups = tuple(g.strip() for g in (row.get("groups") or "").split(";") if g.strip())
            out.append(NeedRule.model_validate({**row, "categories": cats, "groups": groups}))
        except ValidationError as exc:
            loc, msg = _first_error(exc)
            raise DataError(str(path), msg, row=i, column=loc) from exc
    return tuple(out)


def load_news(data_dir: Path | None = None) -> NewsBook:
    path = (data_dir or DATA_DIR) / "strings.json"
    try:
        return NewsBook.model_validate_json(path.read_bytes())
    except OSError as exc:
        raise DataError(str(path), f"cannot read ({exc.strerror})") from exc
    except ValidationError as exc:
        loc, msg = _first_error(exc)
        raise DataError(str(path), msg, column=loc) from exc


def load_benchmarks(data_dir: Path | None = None) -> tuple[Benchmark, ...]:
    path = (data_dir or DATA_DIR) / "benchmarks.csv"
    out = []
    for i, row in enumerate(_read_csv(path), start=2):
        try:
            out.append(Benchmark.model_validate(row))
        except ValidationError as exc:
            loc, msg = _first_error(exc)
            raise DataError(str(path), msg, row=i, column=loc) from exc
    return tuple(out)


@lru_cache(maxsize=4)
def load_rulebook(data_dir: Path | None = None) -> RuleBook:
    return RuleBook(
        rules=load_rules(data_dir),
        needs=load_needs(data_dir),
        news=load_news(data_dir),
        benchmarks=load_benchmarks(data_dir),
    )


def english_templates(data_dir: Path | None = None) -> dict[str, str]:
    """Every news.* key with its English text, for the client's translation table."""
    book = load_news(data_dir)
    out = dict(book.templates)
    out.update({e.key: e.text for e in book.events})
    return out
