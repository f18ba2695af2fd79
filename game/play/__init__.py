"""Game rules on top of the simulation: proposals, money and clout, newspaper, censuses,
endings, and the save file a game can be replayed from. No pygame, no file writes."""

from game.play.actions import Action, AdvanceYear, Consult, Defer, Fund, Reject, ThrowShock
from game.play.models import (
    ActionResult,
    ApprovalPoint,
    CensusReport,
    CheckResult,
    Consultation,
    ExplanationLine,
    FundedProject,
    GroupApproval,
    GroupStance,
    Headline,
    NewsItem,
    ProposalCard,
    SeriesPoint,
    YearSummary,
)
from game.play.rules import english_templates, load_rulebook
from game.play.savefile import SAVE_VERSION, SaveFile, SaveSettings
from game.play.session import GameSession

__all__ = [
    "SAVE_VERSION",
    "Action",
    "ActionResult",
    "ApprovalPoint",
    "AdvanceYear",
    "CensusReport",
    "CheckResult",
    "Consult",
    "Consultation",
    "Defer",
    "ExplanationLine",
    "Fund",
    "FundedProject",
    "GameSession",
    "GroupApproval",
    "GroupStance",
    "Headline",
    "NewsItem",
    "ProposalCard",
    "Reject",
    "SaveFile",
    "SaveSettings",
    "SeriesPoint",
    "ThrowShock",
    "YearSummary",
    "english_templates",
    "load_rulebook",
]
