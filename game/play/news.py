"""The local newspaper: 2-4 headlines a year from templates and seeded local events."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from game.play import fmt
from game.play.models import JobsAccount, NewsItem
from game.play.rules import GameRules, NewsBook, NewsEvent


def item(
    templates: Mapping[str, str],
    key: str,
    params: dict[str, Any],
    english: dict[str, Any] | None = None,
) -> NewsItem:
    """A message in ids and numbers (`params`); `english` holds the English names of those
    ids (area, project, winner...), used only to render the English text."""
    text = fmt.render(templates, key, {**params, **(english or {})})
    return NewsItem(key=key, params=params, text=text)


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
    templates: Mapping[str, str],
    rules: GameRules,
    area: tuple[str, str],
    titles: dict[str, str],
    opened: Sequence[str],
    started: Sequence[str],
    expired: Sequence[str],
    jobs: float,
    jobs_change: float,
    population: float,
    population_change: float,
    event: NewsEvent | None,
    census: str | None = None,
    account: JobsAccount | None = None,
) -> list[NewsItem]:
    """Most newsworthy first: a census result, openings, the local event, jobs, population,
    then the rest. `area` is the played area's (code, English name); opened, started and
    expired are card ids, `titles` their English titles."""
    area_code, area_name = area
    at = {"area_code": area_code}
    in_english = {"area": area_name}

    def project(card_id: str) -> tuple[dict[str, str], dict[str, str]]:
        return {"card_id": card_id}, {"project": titles.get(card_id, card_id)}

    items: list[NewsItem] = []
    if census is not None:
        items.append(
            item(
                templates,
                f"news.{census}_census",
                {**at, "population": fmt.count(population)},
                in_english,
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
    for card_id in opened[:2]:
        ids, names = project(card_id)
        items.append(item(templates, "news.project_opened", {**ids, **at}, {**names, **in_english}))
    if event is not None:
        items.append(NewsItem(key=event.key, params=at, text=event.text.format(area=area_name)))
    jobs_key = f"news.jobs_{_trend(jobs_change, jobs)}"
    items.append(
        item(
            templates,
            jobs_key,
            {**at, "change": fmt.count(abs(jobs_change)), "jobs": fmt.count(jobs)},
            in_english,
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
    for card_id in started[:1]:
        items.append(item(templates, "news.project_started", *project(card_id)))
    for card_id in expired[:1]:
        items.append(item(templates, "news.card_expired", *project(card_id)))
    return items[: rules.news_max_headlines]
