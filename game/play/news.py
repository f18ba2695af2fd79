"""The local newspaper: 2-4 headlines a year from templates and seeded local events."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from game.play import fmt
from game.play.models import JobsAccount, NewsItem
from game.play.rules import GameRules, NewsBook, NewsEvent


def item(templates: Mapping[str, str], key: str, params: dict[str, Any]) -> NewsItem:
    return NewsItem(key=key, params=params, text=fmt.render(templates, key, params))


def _trend(change: float, level: float) -> str:
    # Changes under 0.1% of the level read as "steady" rather than noise.
    if abs(change) < max(1.0, 0.001 * abs(level)):
        return "flat"
    return "up" if change > 0 else "down"


def draw_event(rng: np.random.Generator, book: NewsBook, rules: GameRules) -> NewsEvent | None:
    # Always draw both numbers so the stream advances the same way whatever happens.
    roll = rng.random()
    weights = np.array([e.weight for e in book.events], dtype=np.float64)
    pick = int(rng.choice(len(book.events), p=weights / weights.sum())) if len(weights) else -1
    if pick < 0 or roll >= rules.news_event_probability:
        return None
    return book.events[pick]


def newspaper(
    *,
    templates: dict[str, str],
    rules: GameRules,
    area_name: str,
    opened: Sequence[str],
    started: Sequence[str],
    expired: Sequence[str],
    jobs: float,
    jobs_change: float,
    population: float,
    population_change: float,
    event: NewsEvent | None,
    census: str | None = None,
    names_cy: dict[str, str] | None = None,
    account: JobsAccount | None = None,
) -> list[NewsItem]:
    """Most newsworthy first: a census result, openings, the local event, jobs, population,
    then the rest."""
    cy = names_cy or {}

    def project(name: str) -> dict[str, str]:
        return {"project": name, "project_cy": cy.get(name, name)}

    items: list[NewsItem] = []
    if census is not None:
        items.append(
            item(
                templates,
                f"news.{census}_census",
                {"area": area_name, "population": fmt.count(population)},
            )
        )
        if account is not None and account.projects:
            # the census verdict on the plan's jobs, in the one jobs vocabulary
            items.append(
                item(
                    templates,
                    "news.census_jobs",
                    {
                        "net": fmt.count(account.net_additional),
                        "gross": fmt.count(account.gross_total),
                    },
                )
            )
    for name in opened[:2]:
        items.append(item(templates, "news.project_opened", {**project(name), "area": area_name}))
    if event is not None:
        items.append(
            NewsItem(
                key=event.key, params={"area": area_name}, text=event.text.format(area=area_name)
            )
        )
    jobs_key = f"news.jobs_{_trend(jobs_change, jobs)}"
    items.append(
        item(
            templates,
            jobs_key,
            {"area": area_name, "change": fmt.count(abs(jobs_change)), "jobs": fmt.count(jobs)},
        )
    )
    if census is None:  # a census headline already gives the population
        pop_key = f"news.population_{_trend(population_change, population)}"
        items.append(
            item(
                templates,
                pop_key,
                {"change": fmt.count(abs(population_change)), "population": fmt.count(population)},
            )
        )
    for name in started[:1]:
        items.append(item(templates, "news.project_started", project(name)))
    for name in expired[:1]:
        items.append(item(templates, "news.card_expired", project(name)))
    return items[: rules.news_max_headlines]
