"""An area's census facts in a sentence each, for the stand's attract screen.

Every fact is a translation key with params (the client renders it in English or Welsh)
and an English text, built from the same census readings that steer the proposal cards
(needs.csv), so what the stand says about a place is what the game then plays on.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.model.area import AreaProfile
from game.play import fmt
from game.play.models import NewsItem
from game.play.needs import national_shares, read_needs
from game.play.news import item
from game.play.rules import RuleBook, load_rulebook


def area_facts(
    area: AreaProfile, areas: Iterable[AreaProfile], book: RuleBook | None = None,
    section_names: dict[str, str] | None = None,
) -> list[NewsItem]:  # fmt: skip
    """Population first, then the biggest industry, then each census need with the
    England and Wales figure beside it, most unusual first."""
    book = book or load_rulebook()
    templates = book.news.templates
    name = {"area": area.name, "area_cy": area.name_cy or area.name, "area_in": f"in {area.name}"}
    facts = [item(templates, "fact.population",
                  {**name, "population": fmt.count(area.population.total)})]  # fmt: skip
    industry = {k: v for k, v in area.industry.items() if v > 0}
    if industry:
        top = max(sorted(industry), key=lambda k: industry[k])
        share = industry[top] / max(sum(industry.values()), 1)
        facts.append(item(templates, "fact.industry", {**name, "section": top, "share": fmt.pct(
            share, 0), "industry": (section_names or {}).get(top, top)}))  # fmt: skip
    national = national_shares(areas, book.needs)
    readings = read_needs(area, national, book.needs)
    for r in sorted(readings, key=lambda r: (-abs(r.index - 1.0), r.need)):
        key = f"fact.{r.need}"
        if key in templates and r.national_value > 0:
            params = {**name, "value": fmt.pct(r.area_value, 0),
                      "national": fmt.pct(r.national_value, 0)}  # fmt: skip
            facts.append(item(templates, key, params))
    return facts
