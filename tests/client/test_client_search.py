"""Issue 10, point 3 in the window: the names people know, and "did you mean"."""

from __future__ import annotations

from pathlib import Path

import pygame
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


@pytest.mark.parametrize("query", ["TS24", "ts24 8aa", "SW1A 1AA"])
def test_a_postcode_says_postcode_search_is_not_available(search, query):
    """No postcode-to-council lookup is shipped (none with a clear licence in the sources):
    the window says so, and guesses no "did you mean" from the letters."""
    app, pilot = search
    pilot.type(query)
    pilot.frame()
    assert _labels(pilot) == []
    assert any("looks like a postcode" in t and "isn't available" in t for t in pilot.texts())


def test_a_name_with_no_match_says_so(search):
    app, pilot = search
    pilot.type("Xqzzyq")
    pilot.frame()
    assert _labels(pilot) == []
    assert any(t.startswith("No place called “Xqzzyq”") for t in pilot.texts())


def test_the_hints_say_tap_once_a_finger_is_used(search):
    """A pointer's words ("Point at the map… click") until a finger taps; then "tap"."""
    import pygame

    app, pilot = search
    pilot.frame()
    assert any("click it to choose" in t for t in pilot.texts())
    common = dict(touch_id=1, finger_id=1, x=0.5, y=0.05, dx=0.0, dy=0.0, pressure=1.0)
    for kind in (pygame.FINGERDOWN, pygame.FINGERUP):
        app.step(events=[pygame.event.Event(kind, **common)])
    pilot.frame()
    texts = pilot.texts()
    assert not any("click" in t or "Point at" in t or "Press Enter" in t for t in texts)
    assert any(t.startswith("Tap a place on the map to choose it") for t in texts)
    assert any(t.startswith("Tap the box above") for t in texts)


def test_the_keyboard_button_shows_the_keys_away_from_a_stand(search):
    app, pilot = search
    scene = pilot.scene
    assert not scene.find_button("osk_a").visible
    pilot.click_at(scene.entry.rect.center)  # a mouse click on the box: no keys
    assert not scene.find_button("osk_a").visible
    pilot.click("keyboard")
    assert scene.find_button("osk_a").visible
    pilot.click("osk_h")
    pilot.click("osk_u")
    pilot.click("osk_l")
    pilot.click("osk_l")
    assert scene.find_button("result_0").text == "Hull → Kingston upon Hull, City of"
    pilot.click("keyboard")
    assert not scene.find_button("osk_a").visible


def test_the_year_explains_the_population_is_not_the_census_count(search, world):
    """The picker showed the Census 2021 count; year 1 shows ONS's mid-2021 estimate. The
    "?" on the Population tile says why, with both numbers."""
    app, pilot = search
    pilot.type("Grimsby")
    pilot.click("result_0")
    assert "Census 2021 count (21 March): 156,966" in pilot.texts()
    pilot.click("start")
    pilot.until_scene("year")
    assert "157,197" in pilot.texts()
    pilot.click("why_population")
    pilot.until_scene("message")
    body = " ".join(pilot.texts())
    assert "The census counted 156,966 people in North East Lincolnshire on 21 March 2021" in body
    assert "30 June 2021, 157,197" in body and "births, deaths and moves" in body
    area = world.areas["E06000012"]
    assert (area.census_population, area.population_estimate) == (156_966, 157_197)


@pytest.mark.parametrize(
    ("language", "says", "never"),
    [
        ("en", "the 3 districts it replaced, as they were at the Census 2021", "replaced in 2021"),
        ("cy", "fel y 3 ardal a ddisodlwyd ganddo", "fel yr 3"),
    ],
)
def test_a_2023_council_says_when_it_replaced_its_districts(make_app, language, says, never):
    """Review of issue 10: "Cumberland Council (since 2023) is played as the 3 districts it
    replaced in 2021" dates the change wrongly (April 2023; 2021 is the census), and the
    Welsh had "yr" before a number said with a consonant ("y tair ardal")."""
    from game.client.settings import Settings

    app, pilot = make_app(settings=Settings(language=language))
    app.stack.push(app.screens.area_choice())
    pilot.until_scene("area_choice")
    pilot.until(lambda: pilot.scene.ready, "the map")
    pilot.type("Cumberland")
    pilot.press(pygame.K_RETURN)
    pilot.frame()
    note = next(t for t in pilot.texts() if "Cumberland" in t and "2023)" in t)
    assert says in note and never not in note, note
