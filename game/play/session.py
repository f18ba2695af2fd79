"""A game: ten yearly turns of proposals, money and clout on top of the simulation Engine.

All writes are actions (check, then act) or advance_year, and all are logged, so a save is
the settings, the seed and the log; replaying the log rebuilds the game exactly.
"""

from __future__ import annotations

import hashlib
import json
from typing import Protocol

import numpy as np
from pydantic import ValidationError

from game.errors import CivicError, SaveError
from game.model.area import AreaProfile
from game.model.world import World
from game.play import dealing, decide, fmt
from game.play.actions import Action, AdvanceYear, LogEntry
from game.play.engine_port import EnginePort, Snapshot
from game.play.labels import card_id_for, project_label
from game.play.models import (
    ActionResult,
    CensusReport,
    CheckResult,
    Consultation,
    ExplanationLine,
    FundedProject,
    Headline,
    JobsAccount,
    NewsItem,
    ProposalCard,
    ScoreSoFar,
    SeriesPoint,
    YearSummary,
)
from game.play.needs import NeedReading, national_shares, read_needs
from game.play.news import draw_event, newspaper
from game.play.replay import replay
from game.play.report_data import build_census_report, score_so_far
from game.play.rules import GameRules, RuleBook, load_rulebook
from game.play.savefile import Branch, SaveFile, SaveSettings
from game.play.shocks import ShockDef, shipped_shocks, throw
from game.play.year_end import (
    accumulate_explanations,
    census_due,
    clout_income_for,
    update_projects,
)
from game.scenarios import Catalogue, Scenario
from game.sim.records import Shock


class EngineFactory(Protocol):
    """Builds the game's engine port (EnginePort.open; tests pass a fake's factory)."""

    def __call__(
        self,
        world: World,
        area: str,
        seed: int,
        years: int,
        catalogue: Catalogue | None,
        budget: float | None = None,
    ) -> EnginePort: ...


_PROPOSAL_STREAM, _NEWS_STREAM = 0, 1


def yearly_fund(population: float, rules: GameRules, override: float | None, years: int) -> float:
    """The growth fund paid in each year: a scenario's budget spread over the game, or
    a per-resident amount, rounded so it reads cleanly."""
    if override is not None:
        return float(override) / years
    raw = max(rules.fund_min, population * rules.fund_per_resident)
    return float(round(raw / rules.fund_rounding) * rules.fund_rounding) or rules.fund_rounding


class GameSession:
    """Use GameSession.new(...) or GameSession.from_save(...)."""

    def __init__(
        self,
        world: World,
        settings: SaveSettings,
        seed: int,
        *,
        catalogue: Catalogue | None = None,
        engine_factory: EngineFactory | None = None,
        rulebook: RuleBook | None = None,
        shocks: dict[str, ShockDef] | None = None,
    ) -> None:
        from game.play.shipped import shipped_parameters
        from game.scenarios import scenario_catalogue

        self.world = world
        self.settings = settings
        self.seed = int(seed)
        self._shock_defs = shocks  # None: the shipped ones (read when a shock is thrown)
        self.book = rulebook or load_rulebook()
        self.rules = self.book.rules
        self.templates = dict(self.book.news.templates)
        self.area: AreaProfile = world.resolve(settings.area_query)
        self.scenario = (
            Scenario.model_validate(settings.scenario) if settings.scenario is not None else None
        )
        base = catalogue if catalogue is not None else shipped_parameters().catalogue
        self.catalogue = (
            scenario_catalogue(self.scenario, base=base) if self.scenario is not None else base
        )
        streams = np.random.SeedSequence(self.seed).spawn(2)
        self._rng_cards = np.random.default_rng(streams[_PROPOSAL_STREAM])
        self._rng_news = np.random.default_rng(streams[_NEWS_STREAM])

        national = national_shares(world.areas.values(), self.book.needs)
        self.needs: list[NeedReading] = read_needs(self.area, national, self.book.needs)
        defs = getattr(world, "group_definitions", [])
        self.group_names = {g.id: g.name for g in defs}  # English, for PLAY's English text
        self.types = sorted(self.catalogue.types.values(), key=lambda t: t.id)

        self.turn = 0
        self.finished = False
        population0 = float(self.area.population.total)
        fund_budget = self.scenario.budget if self.scenario is not None else None
        if settings.fund_override is not None:
            fund_budget = settings.fund_override * settings.years
        self.fund = yearly_fund(population0, self.rules, fund_budget, settings.years)
        self.money: float = self.fund * self.rules.opening_balance_years
        # The engine keeps its own budget indicator; give it at least everything the game
        # will ever pay in (the final year's fund is not paid), so only PLAY's year-by-year
        # money limits what can be funded.
        total_budget = self.fund * (self.rules.opening_balance_years + settings.years)
        factory = engine_factory or EnginePort.open
        self.engine: EnginePort = factory(
            world,
            area=self.area.code,
            seed=self.seed,
            years=settings.years,
            catalogue=self.catalogue,
            budget=total_budget,
        )
        self.clout: int = self.rules.clout_start
        self._cards: dict[str, ProposalCard] = {}
        self._card_counter = 0
        self._dealt: dict[str, ProposalCard] = {}  # every card ever dealt, by id
        self.funded: list[FundedProject] = []
        self.log: list[LogEntry] = []
        self.checksums: dict[int, str] = {}
        self.kept: list[Branch] = []  # "what if?" lines kept from before (game.play.branches)
        self.news_archive: list[NewsItem] = []
        self.consultations: list[Consultation] = []
        self.summaries: list[YearSummary] = []
        # group -> source -> summed approval change since 2021 (the report's "why")
        self.explanations_since_start: dict[str, dict[str, ExplanationLine]] = {}
        self._snapshots: list[Snapshot] = [self.engine.snapshot()]
        self._shock_news: list[NewsItem] = []  # apply_shock: printed in the next newspaper
        self._rejected: dict[str, int] = {}  # project type -> year last rejected
        # this year's decisions, newest last (game.play.decide)
        self._undo: list[decide.UndoRecord] = []
        self._spent = 0.0  # money this year's decisions took
        self._deal(self.rules.cards_first_year)

    # -- construction ---------------------------------------------------------------------
    @classmethod
    def new(
        cls,
        world: World,
        area_query: str = "Hartlepool",
        seed: int = 7,
        scenario: Scenario | None = None,
        catalogue: Catalogue | None = None,
        *,
        years: int | None = None,
        fund: float | None = None,
        language: str = "en",
        engine_factory: EngineFactory | None = None,
        shocks: dict[str, ShockDef] | None = None,
    ) -> GameSession:
        area = world.resolve(area_query)  # fail fast with UnknownAreaError
        settings = SaveSettings(
            area_query=area.code,
            years=years or (scenario.years if scenario is not None and scenario.years else 10),
            fund_override=fund,
            scenario=scenario.model_dump(mode="json") if scenario is not None else None,
            language=language,
        )
        return cls(
            world, settings, seed, catalogue=catalogue, engine_factory=engine_factory, shocks=shocks
        )

    @classmethod
    def from_save(
        cls,
        world: World,
        save: SaveFile,
        *,
        catalogue: Catalogue | None = None,
        engine_factory: EngineFactory | None = None,
        shocks: dict[str, ShockDef] | None = None,
    ) -> GameSession:
        """Rebuild a game by replaying its log; a checksum mismatch raises SaveError."""
        try:
            s = cls(
                world,
                save.settings,
                save.seed,
                catalogue=catalogue,
                engine_factory=engine_factory,
                shocks=shocks,
            )
        except (CivicError, ValidationError) as exc:
            first = str(exc).splitlines()[0]
            raise SaveError(f"the saved game cannot be rebuilt: {first}") from None
        replay(s, save)
        s.kept = list(save.branches)  # rebuilt on demand, each checked then
        return s

    def to_save(self) -> SaveFile:
        return SaveFile(
            settings=self.settings,
            seed=self.seed,
            area=self.area.code,
            area_name=self.area.name,
            turn=self.turn,
            commands=list(self.log),
            checksums=dict(self.checksums),
            branches=list(self.kept),
        )

    # -- reading --------------------------------------------------------------------------
    @property
    def year(self) -> int:
        return self.engine.year

    @property
    def years(self) -> int:
        return self.settings.years

    @property
    def proposals(self) -> list[ProposalCard]:
        return [c.model_copy(deep=True) for c in self._cards.values()]

    def card(self, card_id: str) -> ProposalCard | None:
        c = self._cards.get(card_id)
        return c.model_copy(deep=True) if c is not None else None

    @property
    def upkeep(self) -> float:
        """Running costs a year of everything funded (charged once a project opens)."""
        return float(sum(p.running_cost for p in self.funded))

    @property
    def upkeep_cap(self) -> float:
        return self.rules.upkeep_share_cap * self.fund

    def headline(self) -> Headline:
        snap = self._snapshots[-1]
        return Headline(
            population=snap.population,
            jobs=snap.jobs,
            unemployment_rate=snap.unemployment_rate,
            approval_overall=snap.approval_overall,
            jobs_baseline=snap.jobs_baseline,
            jobs_vs_baseline=snap.jobs - snap.jobs_baseline,
            jobs_2021=self._snapshots[0].jobs,
        )

    def score_so_far(self) -> ScoreSoFar:
        """The score's parts on this year's figures (game.play.report_data.score_game)."""
        return score_so_far(self, self.final_year())

    def pyramid(self, year: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        snap = self._snapshot_for(year)
        return snap.male.copy(), snap.female.copy()

    @property
    def snapshots(self) -> list[Snapshot]:
        """The engine readings of every year so far (read-only use)."""
        return self._snapshots

    def _snapshot_for(self, year: int | None) -> Snapshot:
        if year is None:
            return self._snapshots[-1]
        for snap in self._snapshots:
            if snap.year == year:
                return snap
        raise ValueError(
            f"no data for year {year}; years played: "
            f"{self._snapshots[0].year}..{self._snapshots[-1].year}"
        )

    def series(self, indicator: str = "jobs") -> list[SeriesPoint]:
        """Per-year scenario and baseline (low/high bands when the engine provides them)."""
        out = []
        for snap in self._snapshots:
            ind = snap.indicators
            if indicator == "population":
                value, base = snap.population, snap.population_baseline
            elif indicator == "jobs":
                value, base = snap.jobs, snap.jobs_baseline
            else:
                value = ind.get(indicator, 0.0)
                base = ind.get(f"{indicator}_baseline", value)
            out.append(
                SeriesPoint(
                    year=snap.year,
                    scenario=value,
                    baseline=base,
                    low=ind.get(f"{indicator}_low", value),
                    high=ind.get(f"{indicator}_high", value),
                )
            )
        return out

    def approvals(self) -> dict[str, tuple[float, list]]:
        snap = self._snapshots[-1]
        return {
            g: (v, [line.model_copy() for line in snap.explanations.get(g, [])])
            for g, v in sorted(snap.approvals.items())
        }

    def census_report(self, kind: str = "final") -> CensusReport:
        if kind == "midterm":
            return build_census_report(self, "midterm")
        if kind == "final":
            return build_census_report(self, "final")
        raise ValueError("kind must be 'midterm' or 'final'")

    # -- decisions (game.play.decide) -----------------------------------------------------
    def check(self, action: Action) -> CheckResult:
        """Would this action succeed, and what would it cost? Never changes the game."""
        return decide.check(self, action)

    def act(self, action: Action) -> ActionResult:
        return decide.act(self, action)

    def check_undo(self) -> CheckResult:
        """Can the year's last Fund, Reject or Defer be taken back? Never changes the game."""
        return decide.check_undo(self)

    def undo(self) -> ActionResult:
        """Take back the year's last decision (money, clout and the card come back)."""
        return decide.undo(self)

    def final_year(self) -> int:
        """The year of the final census (2031 in a ten-year game)."""
        return decide.final_year(self)

    def shock_defs(self) -> dict[str, ShockDef]:
        """The shocks this game can be thrown (the shipped data/play/shocks.csv unless the
        session was made with others)."""
        return self._shock_defs if self._shock_defs is not None else shipped_shocks()

    def throw_shock(self, shock_id: str) -> ShockDef:
        """Throw a defined shock (by id; KeyError if unknown), sized to this game's area and
        fund, and log it: a save replays it in its place (game.play.shocks.throw)."""
        return throw(self, shock_id)

    def apply_shock(self, shock: Shock, headline: str, cost: float = 0.0) -> None:
        """An outside event: the engine feels it from the next year, whose newspaper leads
        with `headline`; `cost` comes off the money now. Not logged, so a save does not
        replay it: a game that is saved throws shocks by id (throw_shock)."""
        if self.finished:
            raise RuntimeError("the game is finished")
        self.engine.apply_shock(shock)
        self.money = max(0.0, self.money - max(0.0, cost))
        params = {"shock_id": shock.id, "headline": headline, "area_code": self.area.code}
        self._shock_news.append(
            NewsItem(
                key="news.shock",
                params=params,
                text=fmt.render(self.templates, "news.shock", params),
            )
        )

    # -- the year turns -------------------------------------------------------------------
    def advance_year(self) -> YearSummary:
        if self.finished:
            raise RuntimeError("the game is finished; read census_report('final')")
        before = self._snapshots[-1]
        events = self.engine.advance()
        self.turn += 1
        snap = self.engine.snapshot()
        self._snapshots.append(snap)
        year = snap.year

        opened = update_projects(self.funded, snap)
        started = [
            p.card_id for p in self.funded if p.funded_year == year - 1 and p.card_id not in opened
        ]
        upkeep = float(sum(p.running_cost for p in self.funded if p.status == "open"))
        accumulate_explanations(self.explanations_since_start, snap)
        # Income first, then upkeep: upkeep is capped below the fund, so money stays >= 0.
        # The year that ends the game pays no fund: no decision follows it, so it could
        # never be spent (data/play/README.md "Money").
        income = 0.0 if self.turn >= self.years else self.fund
        # Upkeep is capped below the fund, so only the final year (no fund) can run short;
        # then what is paid is what there was, and the money line still adds up.
        money_end = self.money
        spent, self._spent, self._undo = self._spent, 0.0, []
        paid = min(upkeep, self.money + income)
        self.money = self.money + income - paid

        clout_income = clout_income_for(self.rules, snap.approval_overall)
        event = draw_event(self._rng_news, self.book.news, self.rules)
        event_clout = event.clout if event is not None else 0
        self.clout = int(min(self.rules.clout_max, max(0, self.clout + clout_income + event_clout)))

        expired = [c.id for c in self._cards.values() if c.expires_year < year]
        self._cards = {k: c for k, c in self._cards.items() if c.expires_year >= year}

        report_due = census_due(self.turn, self.years, self.rules.midterm_turn)
        news = newspaper(
            templates=self.templates,
            rules=self.rules,
            area=(self.area.code, self.area.name),
            titles={c: self.card_ever(c).title for c in (*opened, *started, *expired)},
            opened=opened,
            started=started,
            expired=expired,
            jobs=snap.jobs,
            jobs_change=snap.jobs - before.jobs,
            population=snap.population,
            population_change=snap.population - before.population,
            event=event,
            census=report_due,
            account=snap.jobs_account if report_due is not None else None,
        )
        news = [*self._shock_news, *news]
        self._shock_news = []
        self.news_archive.extend(news)
        if self.turn >= self.years:
            self.finished = True
            new_ids: list[str] = []
            self._cards.clear()
        else:
            new_ids = self._deal(self.rules.cards_per_year)
        self.log.append(AdvanceYear())
        self.checksums[self.turn] = self._checksum()
        summary = YearSummary(
            year=year,
            turn=self.turn,
            news=news,
            events=events,
            opened=opened,
            expired=expired,
            new_cards=new_ids,
            population_change=snap.population - before.population,
            jobs_change=snap.jobs - before.jobs,
            money_start=money_end + spent,
            spent=spent,
            income=income,
            upkeep=paid,
            upkeep_due=upkeep,
            clout_income=clout_income + event_clout,
            money=self.money,
            clout=self.clout,
            report_due=report_due,
        )
        self.summaries.append(summary)
        return summary

    def card_ever(self, card_id: str) -> ProposalCard:
        """Any card dealt in this game, by id: open, funded, rejected or lapsed (news and
        explanations name projects by card id; a client titles them in its language)."""
        return self._dealt[card_id]

    def card_id_for_label(self, label: str) -> str | None:
        """The card behind an engine project label (explanation lines name projects by the
        engine's label): a funded project's, or an open card's as if it were funded."""
        return card_id_for(label, self.funded, self._cards.values())

    def _label_for(self, card: ProposalCard) -> str:
        return project_label(card, self.funded)

    def jobs_account(self, year: int | None = None) -> JobsAccount:
        """Jobs created (gross), net new jobs and jobs located here vs no new projects,
        for a year played (default: now); projects not yet open are listed, not counted."""
        return self._snapshot_for(year).jobs_account.model_copy(deep=True)

    def _deal(self, n: int) -> list[str]:
        return dealing.deal(self, n)

    def _checksum(self) -> str:
        state = {
            "engine": self.engine.checksum(),
            "turn": self.turn,
            "money": round(self.money, 2),
            "clout": self.clout,
            "cards": [c.model_dump(mode="json") for c in self._cards.values()],
            "funded": [p.model_dump(mode="json") for p in self.funded],
            "news": [n.key for n in self.news_archive],
        }
        blob = json.dumps(state, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(blob.encode()).hexdigest()[:32]
