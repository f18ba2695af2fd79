"""The client's words: PLAY's ids and keys in the player's language, below every screen.

Screens draw; this module decides what a card, a project, an area, a group or a refused
action is called. It knows the translator, the running game and the census world, and no
screen (so any screen can use it without reaching into another).
"""

from __future__ import annotations

import re
from typing import Any

from game.client.context import AppContext
from game.client.i18n import Translator
from game.model.area import AreaProfile
from game.play import (
    ActionResult,
    CheckResult,
    ExplanationLine,
    FundedProject,
    NewsItem,
    ProposalCard,
)

__all__ = [
    "area_name",
    "card_id_title",
    "card_reason",
    "card_title",
    "category_name",
    "chart_labels",
    "group_name",
    "headline_text",
    "indicator_label",
    "label_title",
    "message",
    "project_name",
    "project_title",
    "title_text",
    "reason_label",
    "reason_text",
]


def _resolve(ctx: AppContext, params: dict[str, Any]) -> dict[str, Any]:
    """PLAY's ids made words: area_code -> area, card_id -> project, group_id -> group,
    winner_id / loser_id -> winner / loser (the ids stay, for messages that quote them)."""
    out = dict(params)
    if "area_code" in params:
        out["area"] = area_name(ctx, str(params["area_code"]))
    if params.get("card_id"):
        out["project"] = card_id_title(ctx, str(params["card_id"]))
    for role in ("group", "winner", "loser"):
        gid = params.get(f"{role}_id")
        if gid:
            out[role] = group_name(ctx, str(gid))
    return out


def message(ctx: AppContext, key: str, params: dict[str, Any], english: str) -> str:
    """A message from PLAY (key, params in ids and numbers) in the player's language; its
    English rendering when no catalogue has the key (a scenario's own text, say)."""
    return ctx.tr.maybe(key, english, **_resolve(ctx, params))


def headline_text(ctx: AppContext, item: NewsItem) -> str:
    """A newspaper item or verdict line in the player's language. A teacher's shock comes
    with its English headline (from data/play/shocks.csv, the hub's language); the
    catalogue's own words for that shock are used where it has them."""
    if item.key == "news.shock":
        shock_id = str(item.params.get("shock_id", ""))
        return shock_text(ctx, shock_id, "headline", item.text, item.params)
    return message(ctx, item.key, item.params, item.text)


def shock_text(
    ctx: AppContext,
    shock_id: str,
    part: str,
    english: str,
    params: dict[str, Any] | None = None,
) -> str:
    """A shock's name, description or headline ("shock.<id>.<part>") in the player's
    language; the hub's English where the catalogue lacks the shock (a new data row)."""
    return message(ctx, f"shock.{shock_id}.{part}", params or {}, english)


def reason_text(ctx: AppContext, result: CheckResult | ActionResult) -> str:
    """PLAY's reason for a refused action, in the player's language (key + params)."""
    if result.reason_key:
        return message(ctx, result.reason_key, result.reason_params, result.reason)
    return result.reason


def card_reason(ctx: AppContext, card: ProposalCard) -> str:
    """Why this area got this card, in the player's language."""
    return message(ctx, card.reason_key, card.reason_params, card.reason)


def project_name(ctx: AppContext, type_id: str, count: int, scale: float) -> str | None:
    """A project type's name in the player's language ("project.<id>", the count form after
    a count), its own numbers scaled to the card ("(420 places)" -> "(1,260 places)"); None
    for a type no catalogue names (a scenario's own project)."""
    t = ctx.tr
    key = f"project.{type_id}"
    if not t.has(key):
        return None
    name = t.plural(key, count or 1)
    ptype = ctx.session.catalogue.types.get(type_id) if ctx.session is not None else None
    if ptype is not None:
        name = ptype.scale_numbers(name, scale)[0]
    return t("card.count_name", n=count, name=name) if count else name


def title_text(ctx: AppContext, english: str, key: str, params: dict[str, Any]) -> str:
    """A card title from PLAY's key and params (type id, count, scale, the quantity it
    quotes), in the player's language."""
    t = ctx.tr
    name = project_name(
        ctx,
        str(params.get("type_id", "")),
        int(params.get("count") or 0),
        float(params.get("scale", 1.0)),
    )
    if name is None or not t.has(key):
        return english
    if key == "card.title_scaled" and params.get("output_key"):
        amount = int(round(float(params.get("amount", 1))))
        quantity = t.plural(str(params["output_key"]), amount, n=params.get("n", amount))
        return t(key, name=name, quantity=quantity)
    return t(key, name=name)


def card_title(ctx: AppContext, card: ProposalCard) -> str:
    """The card's title in the player's language."""
    return title_text(ctx, card.title, card.title_key, card.title_params)


def card_id_title(ctx: AppContext, card_id: str) -> str:
    """The title of any card dealt in this game (open, funded or lapsed), by its id."""
    session = ctx.session
    if session is None:
        return card_id
    try:
        return card_title(ctx, session.card_ever(card_id))
    except KeyError:
        return card_id


def project_title(ctx: AppContext, project: FundedProject) -> str:
    """A funded project's title in the player's language (the card it was funded from)."""
    title = card_id_title(ctx, project.card_id)
    return project.title if title == project.card_id else title


def label_title(ctx: AppContext, label: str) -> str:
    """A project named by its engine label (explanation lines) in the player's language."""
    session = ctx.session
    card_id = session.card_id_for_label(label) if session is not None else None
    return card_id_title(ctx, card_id) if card_id is not None else label


def category_name(t: Translator, category: str) -> str:
    return t.maybe(f"category.{category}", category.replace("_", " ").capitalize())


def chart_labels(t: Translator) -> dict[str, str]:
    """The words the chart drawings need (legends and axis notes)."""
    keys = ("male", "female", "now", "then", "scenario", "baseline", "band", "band_narrow")
    return {k: t(f"charts.{k}") for k in keys}


def area_name(ctx: AppContext, area: AreaProfile | str) -> str:
    """An area's name in the player's language (Welsh where ONS publishes one); a code is
    looked up in the census world once it is loaded."""
    if isinstance(area, str):
        if ctx.session is not None and ctx.session.area.code == area:
            area = ctx.session.area  # the area played (a council or a grouping)
        elif ctx.world_ready and area in ctx.world.areas:
            area = ctx.world.areas[area]
        else:
            return area
    if ctx.tr.lang == "cy" and area.name_cy:
        return area.name_cy
    return area.name


def group_name(ctx: AppContext, group_id: str) -> str:
    """A citizen group's name in the player's language ("group.<id>"); a group no catalogue
    names (a census table extended since) keeps its English name from the census world."""
    if ctx.tr.has(f"group.{group_id}"):
        return ctx.tr(f"group.{group_id}")
    if ctx.world_ready:
        for g in ctx.world.group_definitions:
            if g.id == group_id:
                return g.name
    return group_id.replace("_", " ").capitalize()


def reason_label(line: ExplanationLine) -> str:
    """An explanation line's cause without the number PLAY appends to its English text."""
    return line.source or re.sub(r"\s*[+\-−]?\d+(\.\d+)?$", "", line.text)


def indicator_label(ctx: AppContext, line: ExplanationLine) -> str:
    """A why-breakdown cause in the player's language: indicators have keys; a project
    keeps its own (card) title. Approval reasons read in the words people use (reason.*),
    and a consultation's group reason has its own key (card.why.*)."""
    if line.key and ctx.tr.has(line.key):
        return ctx.tr(line.key)
    if line.indicator and ctx.tr.has(f"reason.{line.indicator}"):
        return ctx.tr(f"reason.{line.indicator}")
    if ctx.session is not None and line.source:
        named = label_title(ctx, line.source)
        if named != line.source:
            return named
    if line.indicator and ctx.tr.has(f"indicator.{line.indicator}"):
        return ctx.tr(f"indicator.{line.indicator}")
    return reason_label(line)
