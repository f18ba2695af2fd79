"""Project labels: the name a funded card's project has in the engine's explanations
(unique within a game), and the card behind such a label."""

from __future__ import annotations

from collections.abc import Iterable

from game.play.models import FundedProject, ProposalCard


def project_label(card: ProposalCard, funded: list[FundedProject]) -> str:
    """The project's name in the engine's explanations; unique within the game."""
    # A second park of the same size reads "New town park (5 ha) #2", not an internal id.
    taken = {p.label for p in funded}
    label, n = card.title, 1
    while label in taken:
        n += 1
        label = f"{card.title} #{n}"
    return label


def card_id_for(
    label: str, funded: list[FundedProject], open_cards: Iterable[ProposalCard]
) -> str | None:
    """A funded project's card id by its label, else an open card's as if it were funded."""
    for p in funded:
        if p.label == label:
            return p.card_id
    for c in open_cards:
        if project_label(c, funded) == label:
            return c.id
    return None
