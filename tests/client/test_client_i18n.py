"""Every visible string comes from the translation tables; Welsh falls back key by key."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pygame

from game.client.i18n import Translator
from game.client.scenes.area_choice import MEASURES, MODES
from game.client.scenes.charts_scene import TABS
from game.client.scenes.help import TERMS as HELP_TERMS

ROOT = Path(__file__).resolve().parents[2]
EN = json.loads((ROOT / "assets/i18n/en.json").read_text(encoding="utf-8"))
CY = json.loads((ROOT / "assets/i18n/cy.json").read_text(encoding="utf-8"))


def _keys_in_code() -> set[str]:
    keys = set()
    pattern = re.compile(r"""\bt\(\s*"([a-z0-9_]+\.[a-z0-9_.]+)\"""")
    for path in (ROOT / "game/client").rglob("*.py"):
        keys.update(pattern.findall(path.read_text(encoding="utf-8")))
    families = {
        "area.mode": MODES, "area.measure": MEASURES, "charts.tab": TABS,
        "report.page": ("verdict", "summary", "detail"),
        "report.ending_title": ("parade", "mob", "mixed"),
        "report.ending_body": ("parade", "mob", "mixed"),
        "report.part": ("approval", "jobs", "value"),
    }  # fmt: skip
    for prefix, names in families.items():
        keys.update(f"{prefix}.{n}" for n in names)
    return keys


def test_every_key_the_client_uses_is_in_english():
    used = _keys_in_code()
    assert len(used) > 150
    missing = sorted(k for k in used if not EN.get(k))
    assert missing == []


def test_welsh_file_translates_every_key_and_falls_back_to_english(tmp_path):
    used = _keys_in_code() | {f"help.term.{k}" for k in HELP_TERMS if k != "jobs_measures"}
    assert sorted(k for k in used if k not in CY) == []
    # P2: every string in en.json has a Welsh translation (none left empty)
    assert sorted(k for k in EN if not k.startswith("_") and not CY.get(k)) == []
    t = Translator("cy")
    assert t("title.new_game") == "Gêm newydd"
    assert t("year.turn", turn=3, years=10) == "Blwyddyn 3 o 10"
    assert t("paper.to_final") == "Gweld Cyfrifiad 2031 ▶"
    # a key with no Welsh yet still shows English, never an empty label
    (tmp_path / "en.json").write_text('{"x.y": "Hello"}', encoding="utf-8")
    (tmp_path / "cy.json").write_text('{"x.y": ""}', encoding="utf-8")
    assert Translator("cy", tmp_path)("x.y") == "Hello"


def test_missing_key_shows_the_key_and_is_recorded():
    t = Translator("en")
    assert t("no.such.key") == "no.such.key"
    assert "no.such.key" in t.missing


def test_switching_to_welsh_relabels_the_screens(title):
    app, pilot = title
    pilot.click("settings")
    pilot.until_scene("settings")
    pilot.click("language")
    assert "Cymraeg" in pilot.texts() and "Iaith" in pilot.texts()
    pilot.click("back")
    pilot.until_scene("title")
    assert "Gêm newydd" in pilot.texts() and "Parhau" in pilot.texts()
    assert app.ctx.settings.language == "cy"


def test_language_can_change_in_the_middle_of_a_game(make_app, world):
    from game.client.scenes.year import YearScene

    app, pilot = make_app()
    ctx = app.ctx
    ctx.session = ctx.session_factory(world, "Hartlepool", 7)
    app.stack.push(YearScene(app))
    pilot.until_scene("year")
    pilot.press(pygame.K_ESCAPE)  # Esc opens the menu
    pilot.until_scene("menu")
    pilot.click("settings")
    pilot.until_scene("settings")
    pilot.click("language")
    pilot.click("back")
    pilot.until_scene("menu")
    assert "Yn ôl i'r gêm" in pilot.texts()
    pilot.click("resume")
    pilot.until_scene("year")
    texts = pilot.texts()
    assert "Ariannu" in texts and "Blwyddyn 1 o 10" in texts
    assert ctx.session.turn == 0  # the game itself is untouched


def test_welsh_play_through_names_projects_and_benchmarks_in_welsh(title, tmp_path):
    """The second play-test's Welsh gaps: project names in the paper and in consult's
    reasons, benchmark names, the help button, the neighbours line; and the summary says
    which cost its cost per net job divides."""
    from game.client.screenshots import render_all

    texts: dict[str, list[str]] = {}

    def check(name: str, scene) -> None:
        texts[name] = scene.visible_text()

    render_all(tmp_path, area="Hartlepool", seed=7, language="cy", check=check)
    paper = " ".join(texts["08_newspaper"])
    assert "• Parc tref newydd (5 ha)" in paper and "New town park" not in paper
    consult = " ".join(texts["06_consult_dialog"])
    assert "Parc tref newydd (5 ha)" in consult and "New town park" not in consult
    summary = " ".join(texts["09_midterm_census"])
    assert "Cronfa Twf Rhanbarthol" in summary and "Regional Growth Fund" not in summary
    assert "prosiectau agored:" in summary and "heb brosiectau" not in summary
    assert "? Cymorth" in texts["05_year_proposals"]
    neighbours = " ".join(texts["15_charts_neighbours"])
    assert "gweithio yma" in neighbours and "gweithio yn gweithio" not in neighbours


def test_project_total_is_the_sum_of_its_rows_and_cost_per_job_says_what_it_divides(
    title, tmp_path
):
    from game.client import fmt
    from game.client.screenshots import render_all

    seen: dict[str, tuple] = {}

    def check(name: str, scene) -> None:
        if name in ("14_charts_projects", "09_midterm_census"):
            s = scene.ctx.session
            rows = [round(p.net_jobs) for p in s.funded if p.status == "open"]
            seen[name] = (list(scene.drawn_text), rows, s.jobs_account())

    render_all(tmp_path, area="Hartlepool", seed=7, check=check)
    drawn, rows, acc = seen["14_charts_projects"]
    assert fmt.count(sum(rows)) in drawn  # the Total row adds up to the rows shown
    if round(acc.net_additional) != sum(rows):
        assert any(f"unrounded total is {fmt.count(acc.net_additional)}" in d for d in drawn)
    drawn, _, acc = seen["09_midterm_census"]
    assert f"Cost per net job (open projects: {fmt.money(acc.cost_to_date)}):" in drawn
