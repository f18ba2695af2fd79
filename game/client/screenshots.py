"""Render every screen to PNG for a fixed seed and area, by playing a short scripted game.

No clock-dependent animation is drawn (ctx.animate=False), so the same inputs give the same
pixels; the screenshots double as the source of the golden images in tests/client/golden.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.client.app import App
from game.client.context import AppContext
from game.client.pilot import Pilot
from game.client.scene import Scene
from game.client.scenes.area_choice import AreaChoiceScene
from game.client.scenes.charts_scene import ChartsScene
from game.client.scenes.consult import ConsultDialog
from game.client.scenes.newspaper import NewspaperScene
from game.client.scenes.report import ReportScene
from game.client.scenes.year import YearScene
from game.client.settings import Settings
from game.model.world import World
from game.play import Fund, GameSession, ProposalCard


def make_context(
    seed: int, save_dir: Path, text_scale: float = 1.0, language: str = "en", **overrides: Any
) -> AppContext:
    return AppContext(
        settings=Settings(text_scale=text_scale, language=language),
        seed=seed,
        threaded=False,
        animate=False,
        persist_settings=False,
        save_path=save_dir / "autosave.json",
        **overrides,
    )


def best_card(session: GameSession) -> ProposalCard | None:
    """A deterministic card choice: the cheapest affordable one."""
    ok = [c for c in session.proposals if session.check(Fund(card_id=c.id)).ok]
    return min(ok, key=lambda c: (c.cost, c.id)) if ok else None


class _Script:
    """The scripted game: each step plays on from where the last one left the screen."""

    def __init__(self, app: App, out: Path, check: Callable[[str, Scene], None] | None) -> None:
        self.app, self.out, self.check = app, out, check
        self.pilot = Pilot(app)
        self.written: list[Path] = []

    @property
    def session(self) -> GameSession:
        assert self.app.ctx.session is not None
        return self.app.ctx.session

    def shot(self, name: str) -> None:
        self.pilot.frame()
        path = self.out / f"{name}.png"
        self.pilot.screenshot(path)
        self.written.append(path)
        if self.check is not None:
            self.check(name, self.pilot.scene)

    def fund_best(self) -> None:
        best = best_card(self.session)
        if best is not None:
            self.pilot.scene_as(YearScene).show_card(best.id)
            self.pilot.click(f"fund_{best.id}")

    def opening(self, area: str) -> None:
        pilot, shot = self.pilot, self.shot
        self.app.stack.push(self.app.screens.title())
        pilot.until_scene("title")
        shot("01_title")
        pilot.click("settings")
        pilot.until_scene("settings")
        shot("02_settings")
        pilot.click("back")
        pilot.click("credits")
        pilot.until_scene("credits")
        shot("03_credits")
        pilot.click("back")
        pilot.until_scene("title")
        pilot.click("new")
        pilot.until_scene("area_choice")
        pilot.until(lambda: pilot.scene_as(AreaChoiceScene).ready, "the map")
        pilot.click("keyboard")  # the on-screen keys a touch-only stand types with
        pilot.type(area)
        shot("03b_area_keyboard")
        scene = pilot.scene_as(AreaChoiceScene)
        pilot.click("result_0")  # choosing an area puts the keys away
        assert scene.map is not None and scene.selected is not None
        centre = scene.map.centre(scene.selected.code)
        assert centre is not None
        pilot.hover((centre[0] + 60, centre[1] + 140))
        shot("04_area_choice_map")

    def first_year(self) -> None:
        pilot, shot = self.pilot, self.shot
        pilot.click("start")
        pilot.until_scene("how_to_play")  # a first game opens with how to play
        for n in (1, 2, 3):
            shot(f"04b_how_to_play_{n}")
            pilot.click("howto_next")
        pilot.until_scene("year")
        shot("05_year_proposals")
        card = self.session.proposals[0]
        pilot.scene_as(YearScene).show_card(card.id)
        pilot.click(f"consult_{card.id}")
        pilot.until_scene("consult")
        stances = pilot.scene_as(ConsultDialog).card.stances
        pilot.click(f"group_{stances[0].group_id}")
        shot("06_consult_dialog")
        pilot.click("close")
        pilot.until_scene("year")
        for _ in range(2):
            self.fund_best()
        shot("07_year_after_funding")
        pilot.click("help")
        pilot.until_scene("help")
        shot("07b_help_glossary")
        pilot.click("close")
        pilot.until_scene("year")
        pilot.click("end_year")
        pilot.frame()
        if pilot.scene.name == "confirm":  # fundable cards left: the game asks first
            shot("07c_end_year_confirm")
            pilot.click("yes")
        pilot.until_scene("newspaper")
        shot("08_newspaper")
        pilot.click("next")
        pilot.until_scene("year")

    def midterm(self) -> None:
        pilot, shot = self.pilot, self.shot
        shot("09_midterm_census")
        if pilot.scene.find_button("more_summary"):  # the projector sizes: the pyramid
            pilot.click("more_summary")
            shot("09b_midterm_benchmarks")
            pilot.click("more_summary")
            shot("09c_midterm_pyramid")
        pilot.click("page_detail")
        shot("10_midterm_jobs_and_groups")
        pilot.click("done")
        pilot.until_scene("year")
        pilot.click("charts")
        pilot.until_scene("charts")
        shot("11_charts_population")
        pilot.click("tab_jobs")
        shot("12_charts_jobs")
        pilot.click("tab_approval")
        _select_group_with_reasons(pilot)
        shot("13_charts_approval_why")
        pilot.click("tab_projects")
        shot("14_charts_projects")
        pilot.click("tab_map")
        shot("15_charts_neighbours")
        pilot.click("back")
        pilot.until_scene("year")

    def play_to_the_end(self) -> None:
        pilot = self.pilot
        midterm_done = False
        while not self.session.finished:
            self.fund_best()
            pilot.end_year()
            pilot.until(lambda: pilot.scene.name in ("newspaper",), "the newspaper")
            if pilot.scene_as(NewspaperScene).summary.report_due == "final":
                self.shot("15b_last_newspaper")
            pilot.click("next")
            pilot.frame(2)
            if pilot.scene.name == "midterm_report" and not midterm_done:
                self.midterm()
                midterm_done = True
            if pilot.scene.name == "final_report":
                break

    def final(self) -> None:
        pilot, shot = self.pilot, self.shot
        pilot.until_scene("final_report")
        report = pilot.scene_as(ReportScene).report
        shot(f"16_final_report_{report.ending}")
        pilot.click("see_why")  # the verdict's route to the approval why-breakdown
        pilot.until_scene("charts")
        shot("16b_final_see_why")
        pilot.click("back")
        pilot.until_scene("final_report")
        pilot.click("page_summary")
        shot("17_final_report_summary")
        if pilot.scene.find_button("more_summary"):  # the projector sizes: the pyramid
            pilot.click("more_summary")
            shot("17b_final_report_benchmarks")
            pilot.click("more_summary")
            shot("17c_final_report_pyramid")
        pilot.click("page_detail")
        shot("18_final_report_jobs_and_groups")
        # The other endings, drawn from the same report with its verdict changed, so every
        # ending can be looked at without replaying until one happens.
        illustrations = {
            "parade": (74.0, {"approval": 81.0, "jobs": 70.0, "value": 66.0}),
            "mob": (24.0, {"approval": 38.0, "jobs": 12.0, "value": 10.0}),
        }
        for ending, (score, parts) in illustrations.items():
            if ending == report.ending:
                continue
            # without PLAY's verdict lines, which explain the real ending, not this one
            alt = report.model_copy(
                update={"ending": ending, "score": score, "score_parts": parts, "verdict_lines": []}
            )
            self.app.stack.reset(ReportScene(self.app, "final", alt))
            pilot.until_scene("final_report")
            shot(f"19_final_report_{ending}_illustration")


def render_all(
    out: Path,
    area: str = "Hartlepool",
    seed: int = 7,
    session_factory: Callable[[World, str, int], GameSession] | None = None,
    census_dir: Path | None = None,
    text_scale: float = 1.0,
    language: str = "en",
    check: Callable[[str, Scene], None] | None = None,
) -> list[Path]:
    """Play the script and save each screen; `check(name, scene)` (tests) sees every one."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        extra = {"session_factory": session_factory} if session_factory else {}
        ctx = make_context(seed, Path(tmp), text_scale, language, census_dir=census_dir, **extra)
        ctx.start_loading()
        app = App(ctx, headless=True)
        script = _Script(app, out, check)
        script.opening(area)
        script.first_year()
        script.play_to_the_end()
        script.final()
        app.close()
    return script.written


def _select_group_with_reasons(pilot: Pilot) -> None:
    """Hover the largest group that has a why-breakdown to show."""
    scene = pilot.scene_as(ChartsScene)
    session = pilot.app.ctx.session
    assert session is not None
    approvals = session.approvals()
    for gid, rect in zip(scene.group_ids, scene.row_rects, strict=True):
        if approvals[gid][1]:
            pilot.hover(rect.center)
            return


# -- class games (issue 12): the lobby and the year with its countdown, as still pictures --
_CLASS_TEAMS = ("Red", "Blue", "Green", "Yellow", "Tîm Coch", "Purple")


def still_class_state(
    session: GameSession,
    phase: str,
    remaining: float,
    round_: int,
    shock: tuple[str, str, str] | None = None,  # id, English name, description
) -> Any:
    """A class game's state as the hub would send it, for a still picture of its screens."""
    from game.room.classroom.models import ClassStatus, ShockOut, TeamPublic, TeamState

    teams = [
        TeamPublic(
            name=n,
            area_name=session.area.name,
            year=session.year,
            money=session.money,
            approval=50.0,
            net_jobs=0.0,
        )
        for n in _CLASS_TEAMS
    ]
    status = ClassStatus(
        code="ABC234",
        name="9X geography",
        area_name=session.area.name,
        phase=phase,
        round=round_,
        rounds=session.years,
        round_seconds=240.0,
        remaining_seconds=remaining,
        teams=teams,
        shock=ShockOut(id=shock[0], name=shock[1], description=shock[2], source="", status="")
        if shock
        else None,
    )
    return TeamState(
        status=status,
        team=_CLASS_TEAMS[0],
        year=session.year,
        finished=session.finished,
        money=session.money,
        clout=session.clout,
        proposals=session.proposals,
        funded=list(session.funded),
        news=session.summaries[-1].news if session.summaries else [],
        decided=[],
    )


def render_class(
    out: Path,
    seed: int = 7,
    text_scale: float = 1.0,
    language: str = "en",
    check: Callable[[str, Scene], None] | None = None,
    world_loader: Callable[[Path | None], World] | None = None,
) -> list[Path]:
    """The class game's screens, each from a still state (no hub): waiting in the lobby, the
    year with its countdown (running, the last half minute, paused), the lobby after a
    round with a shock thrown, and after the last round."""
    from game.client.classplay import ClassPlay

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        extra = {"world_loader": world_loader} if world_loader else {}
        ctx = make_context(seed, Path(tmp), text_scale, language, **extra)
        ctx.start_loading()
        ctx.clock = lambda: 0.0  # the countdown stands still between (absent) polls
        app = App(ctx, headless=True)
        script = _Script(app, out, check)
        session = GameSession.new(ctx.world, "Hartlepool", seed=seed, years=5)
        ctx.session = session
        play = ClassPlay(None, still_class_state(session, "lobby", 240.0, 0), clock=ctx.clock)
        ctx.class_game = play
        app.stack.push(app.screens.title())
        app.stack.push(app.screens.class_lobby())
        script.pilot.until_scene("class_lobby")
        script.shot("c1_class_lobby_waiting")
        app.stack.push(app.screens.class_year())
        for name, phase, left in (
            ("c2_class_year_countdown", "playing", 192.0),
            ("c3_class_year_last_seconds", "playing", 25.0),
            ("c4_class_year_paused", "paused", 131.0),
        ):
            play.state = still_class_state(session, phase, left, 1)
            script.pilot.until_scene("class_year")
            script.shot(name)
        play.state = still_class_state(session, "playing", 100.0, 1)
        script.pilot.click("charts")  # the countdown stays in sight over the charts
        script.pilot.until_scene("charts")
        script.shot("c4b_class_charts_countdown")
        app.stack.pop()
        app.stack.pop()
        session.advance_year()
        # a real shock id: the lobby shows its name in the player's language
        shock = (
            "employer_closes",
            "A large employer closes",
            "A big local employer shuts its site.",
        )
        play.state = still_class_state(session, "between", 0.0, 1, shock)
        script.pilot.until_scene("class_lobby")
        script.shot("c5_class_lobby_shock")
        while not session.finished:
            session.advance_year()
        play.state = still_class_state(session, "debrief", 0.0, 5)
        script.pilot.frame(2)
        script.shot("c6_class_lobby_over")
        app.close()
    return script.written
