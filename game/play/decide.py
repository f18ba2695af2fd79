"""A year's decisions: check, act and undo (GameSession's methods of those names).

Every decision is a command that can be test-run (check) before it changes anything. The
last Fund, Reject or Defer of the year can be taken back (undo): the game is then exactly
as if it had never been made, and the decision leaves the command log, so a save replays
to the same game. Consulting is not undone: it bought information, and clout paid for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.play import fmt
from game.play.actions import Action, Consult, Defer, Fund, Reject
from game.play.models import (
    ActionResult,
    CheckResult,
    Consultation,
    ExplanationLine,
    FundedProject,
    ProposalCard,
)

# The session arrives as `s` (a game.play.session.GameSession), typed loosely: importing
# it here, even for type checking, would make an import cycle in the rules layer.
GameSession = Any


@dataclass(frozen=True)
class UndoRecord:
    """What one decision changed, so it can be put back."""

    action: Fund | Reject | Defer
    log_index: int
    card: ProposalCard  # the card as it was before the decision
    position: int  # its place among the open cards
    money: float  # money the decision took
    clout: int  # clout the decision took
    rejected_before: int | None  # the type's previous rejection year (Reject only)


def _fail(s: GameSession, key: str, **params: Any) -> CheckResult:
    return CheckResult(
        ok=False, reason=fmt.render(s.templates, key, params), reason_key=key, reason_params=params
    )


def final_year(s: GameSession) -> int:
    """The year of the final census (Census 2031 in a ten-year game)."""
    return s._snapshots[0].year + s.years


def _check_fund(s: GameSession, card: ProposalCard) -> CheckResult:
    if not fmt.affordable(card.cost, s.money):
        return _fail(s, "card.error.no_money", cost=fmt.money(card.cost), money=fmt.money(s.money))
    if card.clout_to_fund > s.clout:
        return _fail(s, "card.error.no_clout", clout_cost=card.clout_to_fund, clout=s.clout)
    if s.upkeep + card.running_cost > s.upkeep_cap + 1e-6:
        return _fail(s, "card.error.upkeep", cap=fmt.money(s.upkeep_cap))
    ok, why = s.engine.check_fund(card.type_id, card.scale, s._label_for(card))
    if not ok:
        return _fail(s, "card.error.engine", reason=why)
    res = CheckResult(ok=True, cost=card.cost, clout_cost=card.clout_to_fund)
    opens, census = s.year + card.build_years, final_year(s)
    if opens > census:
        # Its jobs would not count in the final report: say so before the money goes.
        key = "card.warn.after_census"
        params: dict[str, str | int | float] = {"opens": opens, "census": census}
        res.warning = fmt.render(s.templates, key, params)
        res.warning_key, res.warning_params = key, params
    return res


def check(s: GameSession, action: Action) -> CheckResult:
    """Would this action succeed, and what would it cost? Never changes the game."""
    if s.finished:
        return _fail(s, "card.error.finished")
    card = s._cards.get(action.card_id)
    if card is None:
        return _fail(s, "card.error.unknown_card", card_id=action.card_id)
    if isinstance(action, Fund):
        return _check_fund(s, card)
    if isinstance(action, Reject):
        if card.clout_to_reject > s.clout:
            return _fail(s, "card.error.no_clout", clout_cost=card.clout_to_reject, clout=s.clout)
        return CheckResult(ok=True, clout_cost=card.clout_to_reject)
    if isinstance(action, Defer):
        if card.defers >= s.rules.max_defers_per_card:
            return _fail(s, "card.error.defer_limit")
        return CheckResult(ok=True)
    if isinstance(action, Consult):
        if action.group_id not in s.area.groups:
            return _fail(s, "card.error.unknown_group", group_id=action.group_id)
        if s.rules.clout_consult > s.clout:
            return _fail(s, "card.error.no_clout", clout_cost=s.rules.clout_consult, clout=s.clout)
        return CheckResult(ok=True, clout_cost=s.rules.clout_consult)
    raise TypeError(f"not an action: {action!r}")


def act(s: GameSession, action: Action) -> ActionResult:
    res = check(s, action)
    if not res.ok:
        return ActionResult(
            ok=False,
            action=action,
            reason=res.reason,
            reason_key=res.reason_key,
            reason_params=res.reason_params,
            money=s.money,
            clout=s.clout,
        )
    card = s._cards[action.card_id]
    consultation = None
    if isinstance(action, Consult):
        consultation = _consult(s, card, action)
    else:
        _decide(s, card, action)
    s.log.append(action)
    return ActionResult(
        ok=True, action=action, money=s.money, clout=s.clout, consultation=consultation
    )


def _decide(s: GameSession, card: ProposalCard, action: Fund | Reject | Defer) -> None:
    money0, clout0 = s.money, s.clout
    position = list(s._cards).index(card.id)
    before = card.model_copy(deep=True)
    rejected_before = s._rejected.get(card.type_id)
    if isinstance(action, Fund):
        label = s._label_for(card)
        s.engine.submit_fund(card.type_id, card.scale, label)
        # max(): affordable() judges on the rounded figures shown, so a cost up to half
        # a shown digit above the money is allowed and leaves the bank at zero.
        s.money = max(0.0, s.money - card.cost)
        s.clout -= card.clout_to_fund
        s.funded.append(
            FundedProject(
                card_id=card.id,
                type_id=card.type_id,
                title=card.title,
                label=label,
                scale=card.scale,
                funded_year=s.year,
                opens_year=s.year + card.build_years,
                cost=card.cost,
                running_cost=card.running_cost,
                gross_jobs=0.0,
                net_jobs=0.0,
                net_jobs_planned=card.net_jobs,
            )
        )
        del s._cards[card.id]
    elif isinstance(action, Reject):
        s.clout -= card.clout_to_reject
        s._rejected[card.type_id] = s.year  # kept off the table for a while
        del s._cards[card.id]
    else:
        card.defers += 1
        card.expires_year += s.rules.defer_extension_years
    s._spent += money0 - s.money
    s._undo.append(
        UndoRecord(
            action,
            len(s.log),
            before,
            position,
            money0 - s.money,
            clout0 - s.clout,
            rejected_before,
        )
    )


def _consult(s: GameSession, card: ProposalCard, action: Consult) -> Consultation:
    s.clout -= s.rules.clout_consult
    preview = s.engine.preview(card.type_id, card.scale, s._label_for(card))
    delta, lines = preview.get(action.group_id, (0.0, []))
    lines = [group_reason(s.templates, card.category, action.group_id, ln) for ln in lines]
    consultation = Consultation(
        card_id=card.id,
        group_id=action.group_id,
        group_name=s.group_names.get(action.group_id, action.group_id),
        size=int(s.area.groups.get(action.group_id, 0)),
        delta=delta,
        lines=lines,
    )
    s.consultations.append(consultation)
    return consultation


# -- undo -------------------------------------------------------------------------------
def check_undo(s: GameSession) -> CheckResult:
    """Can the year's last Fund, Reject or Defer be taken back? Never changes the game."""
    if s.finished or not s._undo:
        return _fail(s, "card.error.nothing_to_undo")
    last = s._undo[-1]
    return CheckResult(ok=True, cost=-last.money, clout_cost=-last.clout)


def undo(s: GameSession) -> ActionResult:
    """Take back the year's last decision: money, clout and the card come back, and the
    decision leaves the log (a save replays as if it had never been made)."""
    res = check_undo(s)
    if not res.ok:
        return ActionResult(
            ok=False,
            action=Defer(card_id=""),
            reason=res.reason,
            reason_key=res.reason_key,
            money=s.money,
            clout=s.clout,
        )
    last = s._undo.pop()
    card = last.card
    if isinstance(last.action, Fund):
        project = next(p for p in reversed(s.funded) if p.card_id == card.id)
        s.funded.remove(project)
        s.engine.withdraw_fund(project.label)
    if isinstance(last.action, Reject):
        if last.rejected_before is None:
            s._rejected.pop(card.type_id, None)
        else:
            s._rejected[card.type_id] = last.rejected_before
    cards = [c for c in s._cards.values() if c.id != card.id]
    cards.insert(last.position, card.model_copy(deep=True))
    s._cards = {c.id: c for c in cards}
    s.money += last.money
    s.clout += last.clout
    s._spent -= last.money
    del s.log[last.log_index]  # earlier decisions sit before it in the log
    return ActionResult(ok=True, action=last.action, money=s.money, clout=s.clout)


def group_reason(
    templates: dict[str, str], category: str, group_id: str, line: ExplanationLine
) -> ExplanationLine:
    """A consultation gives the group's reason, not the project's name: the engine's
    direct effect of the project (indicator "project:...") becomes why this group likes
    or dislikes such a project ("card.why.<category>.<for|against>[.<group>]")."""
    if not line.indicator.startswith("project:"):
        return line
    side = "for" if line.delta >= 0 else "against"
    key = f"card.why.{category}.{side}.{group_id}"
    if key not in templates:
        key = f"card.why.{category}.{side}"
    if key not in templates:
        return line
    text = templates[key]
    sign = "+" if line.delta >= 0 else "-"
    return line.model_copy(
        update={"source": text, "key": key, "text": f"{text} {sign}{abs(line.delta):.1f}"}
    )
