"""Issue 10, point 3 in the window: the names people know, and "did you mean"."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.client.scenes.title import TitleScene

SHOTS = Path("/tmp/kiosk-shots")


@pytest.fixture
def search(make_app):
    app, pilot = make_app()
    app.stack.push(TitleScene(app))
    pilot.until_scene("title")
    pilot.click("new")
    pilot.until_scene("area_choice")
    pilot.until(lambda: pilot.scene.ready, "the map")
    return app, pilot


def _labels(pilot) -> list[str]:
    return [b.text for b in pilot.scene.result_buttons if b.visible]


def test_a_town_name_finds_its_council_with_a_line_saying_so(search):
    app, pilot = search
    pilot.type("Grimsby")
    assert _labels(pilot)[0] == "Grimsby → North East Lincolnshire"
    pilot.click("result_0")
    assert pilot.scene.selected.code == "E06000012"
    assert "Grimsby is in North East Lincolnshire: the census counts the whole council area." in (
        pilot.texts()
    )


def test_st_helens_without_the_full_stop(search):
    app, pilot = search
    pilot.type("St Helens")
    assert _labels(pilot)[0] == "St. Helens"


def test_did_you_mean_in_the_window(search):
    app, pilot = search
    pilot.type("Grimbsy")
    assert _labels(pilot) == ["Did you mean Grimsby?"]
    pilot.click("result_0")
    assert pilot.scene.selected.code == "E06000012"


def test_a_2023_council_is_played_as_its_2021_districts(search):
    app, pilot = search
    pilot.type("North Yorkshire")
    assert _labels(pilot)[0] == "North Yorkshire (council since 2023: 7 districts)"
    pilot.click("result_0")
    assert pilot.scene.selected.code == "E06000065"
    assert any("Craven, Hambleton, Harrogate" in t for t in pilot.texts())
    pilot.click("start")
    pilot.until_scene("year")
    assert app.ctx.session.area.code == "E06000065"
    assert any(t.startswith("North Yorkshire") for t in pilot.texts())


def test_a_london_borough_can_be_picked_on_the_map_inset(search):
    """The 33 boroughs are specks on the national map; the inset makes each one a target
    a finger can hit."""
    from game.client.scenes.area_choice.measures import LONDON_RECT

    app, pilot = search
    scene = pilot.scene
    assert scene.london is not None and len(scene.london.codes) == 33
    centre = scene.london.centre("E09000033")  # Westminster
    assert centre is not None and LONDON_RECT.collidepoint(centre)
    pilot.click_at(centre)
    assert scene.selected.code == "E09000033"
    pilot.frame()
    pilot.screenshot(SHOTS / "area_choice_london_inset.png")
    assert "London" in pilot.texts()
