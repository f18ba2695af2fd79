"""An area's census facts in a sentence each, for the stand's attract screen.

Every fact is a translation key with params in ids and numbers (the area by `area_code`,
the industry by its SIC `section`: a client words them in its own language) and an English
text, built from the same census readings that steer the proposal cards (needs.csv), so
what the stand says about a place is what the game then plays on.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from game.model.area import AreaProfile
from game.play import fmt
from game.play.models import NewsItem
from game.play.needs import national_shares, read_needs
from game.play.rules import RuleBook, load_rulebook


def area_facts(
    area: AreaProfile,
    areas: Iterable[AreaProfile],
    book: RuleBook | None = None,
    section_names: dict[str, str] | None = None,
) -> list[NewsItem]:
    """Population first, then the biggest industry, then each census need with the
    England and Wales figure beside it, most unusual first."""
    book = book or load_rulebook()
    templates = book.news.templates
    # {area_in} is the whole "in <place>" phrase, so Welsh can mutate it ("yng Nghaerdydd")
    english = {"area": area.name, "area_in": f"in {area.name}"}

    def item(key: str, params: dict[str, Any], **names: str) -> NewsItem:
        params = {"area_code": area.code, **params}
        text = fmt.render(templates, key, {**params, **english, **names})
        return NewsItem(key=key, params=params, text=text)

    facts = [item("fact.population", {"population": fmt.count(area.population.total)})]
    industry = {k: v for k, v in area.industry.items() if v > 0}
    if industry:
        top = max(sorted(industry), key=lambda k: industry[k])
        share = industry[top] / max(sum(industry.values()), 1)
        industry_name = (section_names or {}).get(top, top)
        facts.append(
            item(
                "fact.industry",
                {"section": top, "share": fmt.pct(share, 0)},
                industry=industry_name,
            )
        )
    national = national_shares(areas, book.needs)
    readings = read_needs(area, national, book.needs)
    for r in sorted(readings, key=lambda r: (-abs(r.index - 1.0), r.need)):
        key = f"fact.{r.need}"
        if key in templates and r.national_value > 0:
            params = {"value": fmt.pct(r.area_value, 0), "national": fmt.pct(r.national_value, 0)}
            facts.append(item(key, params))
    return facts
