"""The client's words: PLAY's ids and keys in the player's language, below every screen.

Screens draw; this module decides what a card, a project, an area, a group or a refused
action is called. It knows the translator, the running game and the census world, and no
screen (so any screen can use it without reaching into another).
"""

from __future__ import annotations

import re

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
from game.play.cards import describe

__all__ = [
    "area_name",
    "card_title",
    "category_name",
    "chart_labels",
    "group_name",
    "headline_text",
    "indicator_label",
    "project_title",
    "reason_label",
    "reason_text",
    "remember_title",
    "title_by_english",
]


def reason_text(t: Translator, result: CheckResult | ActionResult) -> str:
    """PLAY's reason for a refused action, in the player's language (key + params)."""
    if result.reason_key:
        return t.maybe(result.reason_key, result.reason, **result.reason_params)
    return result.reason


def _title(t: Translator, type_id: str, english: str, key: str, params: dict) -> str:
    """A card title from PLAY's key and params: the Welsh project name, and the quantity
    it buys through its "card.output.*" key."""
    params = dict(params)
    if not key or not t.has(key):
        return t.maybe(f"project.{type_id}", english)
    if t.lang == "cy" and params.get("name_cy"):
        params["name"] = params["name_cy"]
    if key == "card.title_scaled" and params.get("output_key") and t.has(params["output_key"]):
        params["quantity"] = t(params["output_key"], n=params.get("n", ""))
    return t(key, **params)


def card_title(t: Translator, card: ProposalCard) -> str:
    """The card's title in the player's language."""
    return _title(t, card.type_id, card.title, card.title_key, card.title_params)


def remember_title(ctx: AppContext, card: ProposalCard) -> None:
    """Keep a funded card's title key, so the project lists can show it in Welsh too."""
    ctx.cache.setdefault("card_titles", {})[card.id] = card


def project_title(ctx: AppContext, project: FundedProject) -> str:
    """A funded project's title in the player's language: from the card it was funded
    from, else rebuilt the way PLAY titles cards (type + scale), e.g. after a reload."""
    card = ctx.cache.get("card_titles", {}).get(project.card_id)
    if card is not None:
        return card_title(ctx.tr, card)
    session = ctx.session
    ptype = session.catalogue.types.get(project.type_id) if session is not None else None
    if session is None or ptype is None:
        return project.title
    try:
        _, key, params = describe(ptype, project.scale, session.templates)
    except (KeyError, TypeError, ValueError):
        return project.title
    return _title(ctx.tr, project.type_id, project.title, key, params)


def title_by_english(ctx: AppContext, english: str) -> str:
    """A project named in PLAY's English text (news, explanations) in the player's language."""
    session = ctx.session
    if session is None:
        return english
    for p in session.funded:
        if english in (p.title, p.label):
            return project_title(ctx, p)
    for c in session.proposals:
        if english == c.title:
            return card_title(ctx.tr, c)
    return english


def category_name(t: Translator, category: str) -> str:
    return t.maybe(f"category.{category}", category.replace("_", " ").capitalize())


def headline_text(t: Translator, item: NewsItem) -> str:
    """PLAY's (key, params) in the current language; its English text when untranslated."""
    return t(item.key, **item.params) if t.has(item.key) else item.text


def chart_labels(t: Translator) -> dict[str, str]:
    """The words the chart drawings need (legends and axis notes)."""
    keys = ("male", "female", "now", "then", "scenario", "baseline", "band", "band_narrow")
    return {k: t(f"charts.{k}") for k in keys}


def area_name(ctx: AppContext, area: AreaProfile | str) -> str:
    """An area's name in the player's language (Welsh where ONS publishes one); a code is
    looked up in the census world once it is loaded."""
    if isinstance(area, str):
        if not ctx.world_ready or area not in ctx.world.areas:
            return area
        area = ctx.world.areas[area]
    if ctx.tr.lang == "cy" and area.name_cy:
        return area.name_cy
    return area.name


def group_name(ctx: AppContext, group_id: str) -> str:
    """A citizen group's display name in the current language (census group table)."""
    names = ctx.cache.get("group_names")
    if names is None and ctx.world_ready:
        names = {}
        for g in ctx.world.group_definitions:
            names[g.id] = {"en": g.name, "cy": g.name_cy or g.name}
        ctx.cache["group_names"] = names
    entry = (names or {}).get(group_id)
    if entry:
        return entry.get(ctx.tr.lang, entry["en"])
    return group_id.replace("_", " ").capitalize()


def reason_label(line: ExplanationLine) -> str:
    """An explanation line's cause without the number PLAY appends to its English text."""
    return line.source or re.sub(r"\s*[+\-−]?\d+(\.\d+)?$", "", line.text)


def indicator_label(ctx: AppContext, line: ExplanationLine) -> str:
    """A why-breakdown cause in the player's language: indicators have keys; a project
    keeps its own (card) title."""
    if ctx.session is not None and line.source:
        named = title_by_english(ctx, line.source)
        if named != line.source:
            return named
    if line.indicator and ctx.tr.has(f"indicator.{line.indicator}"):
        return ctx.tr(f"indicator.{line.indicator}")
    return reason_label(line)
