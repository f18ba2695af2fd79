"""The client benchmark's scripted game: every screen timed, and the frames while a year is
simulated. Imported by game.client.bench only after it has made SDL headless."""

from __future__ import annotations

import time

import pygame

from game.client.app import App
from game.client.pilot import Pilot
from game.client.scenes.area_choice import AreaChoiceScene
from game.client.scenes.consult import ConsultDialog
from game.client.scenes.report import ReportScene
from game.client.scenes.year import YearScene
from game.client.screenshots import best_card, make_context

__all__ = [
    "App",
    "Pilot",
    "attract",
    "final_report",
    "first_screens",
    "make_context",
    "play_years",
    "projector",
]


def _time_frames(app: App, frames: int, wiggle: bool = True) -> list[float]:
    out = []
    for i in range(frames):
        events = []
        if wiggle:  # a moving mouse exercises hover and hit-testing every frame
            pos = (200 + (i * 37) % 900, 150 + (i * 23) % 500)
            events.append(
                pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(1, 1), buttons=(0, 0, 0))
            )
        t = time.perf_counter()
        app.step(events=events)
        out.append((time.perf_counter() - t) * 1000.0)
    return out


def first_screens(app: App, pilot: Pilot, per_screen: dict[str, list[float]], n: int) -> None:
    """Title, area choice, the first year and a consultation."""
    app.stack.push(app.screens.title())
    pilot.until_scene("title")
    per_screen["title"] = _time_frames(app, n)
    pilot.click("new")
    pilot.until_scene("area_choice")
    pilot.until(lambda: pilot.scene_as(AreaChoiceScene).ready, "the map")
    pilot.type("Hartlepool")
    pilot.click("result_0")
    per_screen["area_choice"] = _time_frames(app, n)
    pilot.click("start")
    pilot.until(lambda: pilot.scene.name in ("how_to_play", "year"), "the first year")
    if pilot.scene.name == "how_to_play":  # a first game opens with how to play
        per_screen["how_to_play"] = _time_frames(app, n)
        for _ in range(3):
            pilot.click("howto_next")
    pilot.until_scene("year")
    per_screen["year"] = _time_frames(app, n)
    projector(app, pilot, per_screen, n)
    assert app.ctx.session is not None
    card = app.ctx.session.proposals[0]
    pilot.scene_as(YearScene).show_card(card.id)
    pilot.click(f"consult_{card.id}")
    pilot.until_scene("consult")
    pilot.click(f"group_{pilot.scene_as(ConsultDialog).card.stances[0].group_id}")
    per_screen["consult"] = _time_frames(app, n)
    pilot.click("close")
    pilot.until_scene("year")


def projector(app: App, pilot: Pilot, per_screen: dict[str, list[float]], n: int) -> None:
    """The year screen and the newspaper-sized furniture at the projector's 200% text (one
    wide card, every group listed), then back to 100% for the rest of the run."""
    settings = app.ctx.settings
    before = settings.text_scale
    settings.text_scale = 2.0
    app.apply_language_and_scale()
    pilot.frame(2)
    per_screen["year_projector_200"] = _time_frames(app, n)
    app.stack.push(app.screens.help())
    pilot.until_scene("help")
    per_screen["help_projector_200"] = _time_frames(app, n)
    pilot.click("close")
    pilot.until_scene("year")
    settings.text_scale = before
    app.apply_language_and_scale()
    pilot.frame(2)


def attract(app: App, pilot: Pilot, per_screen: dict[str, list[float]], n: int) -> None:
    """The stand's attract screen (map and census facts), at 100% and at 200% text."""
    for scale in (1.0, 2.0):
        app.ctx.settings.text_scale = scale
        app.apply_language_and_scale()
        app.stack.reset(app.screens.attract())
        pilot.until_scene("attract")
        pilot.frame(3)
        key = "attract" if scale == 1.0 else "attract_projector_200"
        per_screen[key] = _time_frames(app, n, wiggle=False)
    app.ctx.settings.text_scale = 1.0
    app.apply_language_and_scale()


def play_years(
    app: App,
    pilot: Pilot,
    per_screen: dict[str, list[float]],
    stalls: list[tuple[float, str]],
    n: int,
) -> None:
    """Every year to the end, timing each frame while the worker simulates the year."""

    session = app.ctx.session
    assert session is not None
    while not session.finished:
        best = best_card(session)
        if best is not None:
            pilot.scene_as(YearScene).show_card(best.id)
            pilot.click(f"fund_{best.id}")
        pilot.end_year()
        # every frame while the worker simulates the year is a potential stall
        last = time.perf_counter()
        while pilot.scene.name != "newspaper":
            app.step()
            now = time.perf_counter()
            stalls.append(((now - last) * 1000.0, pilot.scene.name))
            last = now
        if "newspaper" not in per_screen:
            per_screen["newspaper"] = _time_frames(app, n)
        pilot.click("next")
        pilot.frame(2)
        if pilot.scene.name == "midterm_report":
            per_screen["midterm_report"] = _time_frames(app, n)
            pilot.click("done")
            pilot.until_scene("year")
            for tab in ("population", "jobs", "approval", "projects", "map"):
                app.stack.push(app.screens.charts(tab))
                pilot.until_scene("charts")
                per_screen[f"charts_{tab}"] = _time_frames(app, n)
                pilot.click("back")
                pilot.until_scene("year")
        if pilot.scene.name == "final_report":
            break


def final_report(app: App, pilot: Pilot, per_screen: dict[str, list[float]], n: int) -> None:

    pilot.until_scene("final_report")
    for page in ("verdict", "summary", "detail"):
        pilot.click(f"page_{page}")
        per_screen[f"final_{page}"] = _time_frames(app, n)
    report = pilot.scene_as(ReportScene).report
    alt = "mob" if report.ending == "parade" else "parade"
    app.stack.reset(ReportScene(app, "final", report.model_copy(update={"ending": alt})))
    pilot.until_scene("final_report")
    per_screen[f"final_{alt}"] = _time_frames(app, n)
