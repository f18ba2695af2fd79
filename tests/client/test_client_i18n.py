"""Every visible string comes from the gettext catalogues; Welsh has its six plural forms;
a key missing from either language fails here; a new language is only a new file."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pygame
import pytest
from babel.messages.pofile import read_po

from game.client import i18n
from game.client.i18n import I18N_DIR, Translator, catalogue_path
from game.client.scenes.area_choice import MEASURES, MODES
from game.client.scenes.charts_scene import TABS
from game.client.scenes.help import TERMS as HELP_TERMS
from game.client.settings import Settings
from game.client.text import title_text
from game.play.cards import describe
from game.resources import data_dir
from game.scenarios import load_catalogue

CODE = Path(i18n.__file__).parent  # game/client: the code that asks for keys


def _keys_in_code() -> set[str]:
    keys = set()
    pattern = re.compile(r"""\bt(?:\.plural)?\(\s*"([a-z0-9_]+\.[a-z0-9_.]+)\"""")
    for path in CODE.rglob("*.py"):
        keys.update(pattern.findall(path.read_text(encoding="utf-8")))
    families = {
        "area.mode": MODES,
        "area.measure": MEASURES,
        "charts.tab": TABS,
        "report.page": ("verdict", "summary", "detail"),
        "report.ending_title": ("parade", "mob", "mixed"),
        "report.ending_body": ("parade", "mob", "mixed"),
        "report.part": ("approval", "jobs", "value"),
        "help.term": tuple(k for k in HELP_TERMS if k != "jobs_measures"),
        "project": tuple(load_catalogue().types),
    }
    for prefix, names in families.items():
        keys.update(f"{prefix}.{n}" for n in names)
    return keys


def _entries(lang: str, directory: Path = I18N_DIR) -> dict[str, tuple[str, ...]]:
    """key -> its text(s): one for a message, one per plural form for a counted one."""
    with catalogue_path(lang, directory).open("rb") as fh:
        cat = read_po(fh, locale=lang)
    out = {}
    for m in cat:
        if m.id:
            key = m.id[0] if isinstance(m.id, tuple) else m.id
            out[key] = tuple(m.string) if isinstance(m.string, tuple) else (m.string,)
    return out


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_key_the_client_uses_is_in_english_and_welsh():
    used = _keys_in_code()
    assert len(used) > 150
    for lang in ("en", "cy"):
        entries = _entries(lang)
        missing = sorted(k for k in used if not all(entries.get(k, ("",))))
        assert missing == [], f"{lang}: {missing}"


def test_english_and_welsh_have_the_same_keys_and_no_empty_text():
    en, cy = _entries("en"), _entries("cy")
    assert sorted(set(en) ^ set(cy)) == []
    for key, forms in cy.items():
        assert all(forms), f"untranslated Welsh: {key}"
        # a translation uses no field the English does not give (n: a plural's count)
        english = set().union(*(_fields(f) for f in en[key]))
        for form in forms:
            assert _fields(form) <= english | {"n"}, key


def test_welsh_has_six_plural_forms_and_counts_choose_them():
    with catalogue_path("cy").open("rb") as fh:
        cat = read_po(fh, locale="cy")
    assert cat.num_plurals == 6
    plural = [m for m in cat if m.id and isinstance(m.id, tuple)]
    assert len(plural) > 40 and all(len(m.string) == 6 for m in plural)
    en, cy = Translator("en"), Translator("cy")
    assert en("advance.building", n=1) == "The year goes by… 1 project being built"
    assert en("advance.building", n=3) == "The year goes by… 3 projects being built"
    assert en.plural("card.output.homes", 1) == "1 home"
    assert en.plural("card.output.homes", 1260, n="1,260") == "1,260 homes"
    # the catalogue's own rule picks the form: n=6 is Welsh form 4, n=7 form 5
    assert cy.catalogue.ngettext("year.confirm_body", "x", 6) == cat["year.confirm_body"].string[4]
    # one is not many in Welsh either: "ei adeiladu" for one project, "eu hadeiladu" for more
    assert cy("advance.building", n=1).endswith("1 prosiect yn cael ei adeiladu")
    assert cy("advance.building", n=4).endswith("4 prosiect yn cael eu hadeiladu")
    assert (cy.plural("card.output.homes", 1), cy.plural("card.output.homes", 50)) == (
        "1 cartref",
        "50 o gartrefi",
    )
    assert cy.plural("project.primary_school_new", 1) == "Ysgol gynradd newydd (420 lle)"
    assert cy.plural("project.primary_school_new", 3) == "ysgol gynradd newydd (420 lle)"


def test_project_names_are_the_catalogue_english_and_welsh_counts_quote_its_numbers():
    """catalogue.json keeps the English (the rules' text); the catalogues word it: English
    agrees with it, and each Welsh count form quotes the numbers the Welsh name does."""
    types = load_catalogue().types
    en, cy = _entries("en"), _entries("cy")
    number = re.compile(r"\d[\d,]*")
    for t in types.values():
        key = f"project.{t.id}"
        assert en[key] == (t.name, t.name_plural or t.name), t.id
        assert all(number.findall(f) == number.findall(cy[key][1]) for f in cy[key]), t.id
    raw = json.loads((data_dir() / "projects" / "catalogue.json").read_text(encoding="utf-8"))
    assert not any("name_cy" in t or "name_plural_cy" in t for t in raw["project_types"])


def test_group_names_are_catalogue_entries_matching_the_census_table(world):
    en, cy = _entries("en"), _entries("cy")
    for g in world.group_definitions:
        assert en[f"group.{g.id}"] == (g.name,), g.id
        assert cy[f"group.{g.id}"] == (g.name_cy or g.name,), g.id


def test_every_shock_is_in_both_catalogues_matching_its_data_row():
    """The hub sends a shock's English (data/play/shocks.csv); the game shows the
    catalogue's words for it, so a new shock row without catalogue entries fails here."""
    from game.play.shocks import load_shocks

    en, cy = _entries("en"), _entries("cy")
    for shock in load_shocks().values():
        for part in ("name", "headline", "description"):
            key = f"shock.{shock.id}.{part}"
            assert en[key] == (getattr(shock, part),), key
            assert cy[key] != en[key] and cy[key][0], key


def test_a_shock_leads_the_welsh_newspaper_in_welsh(make_app, world):
    """A Welsh pupil's newspaper after the teacher throws the recession: the headline in
    Welsh with the Welsh place name, not the hub's English."""
    from game.client.text import headline_text

    app, _ = make_app(settings=Settings(language="cy", seen_how_to_play=True))
    ctx = app.ctx
    ctx.session = ctx.session_factory(world, "Cardiff", 3)
    ctx.session.throw_shock("recession")
    summary = ctx.session.advance_year()
    lead = next(n for n in summary.news if n.key == "news.shock")
    assert "Recession" in lead.text  # the hub's English, as the hub sends it
    assert headline_text(ctx, lead) == ("Dirwasgiad yn taro Caerdydd wrth i'r economi grebachu")


def test_welsh_card_titles_are_worded_from_ids(make_app, world):
    """PLAY sends the type id, count and scale; the client puts them into Welsh."""
    app, _ = make_app(settings=Settings(language="cy", seen_how_to_play=True))
    ctx = app.ctx
    ctx.session = ctx.session_factory(world, "Birmingham", 3)
    templates = ctx.session.templates
    types = ctx.session.catalogue.types
    title, key, params = describe(types["secondary_school_new"], 12.0, templates)
    assert title == "12 new secondary schools (10,800 places)"
    assert title_text(ctx, title, key, params) == "12 ysgol uwchradd newydd (10,800 lle)"
    title, key, params = describe(types["health_centre"], 3.0, templates)
    assert title_text(ctx, title, key, params) == (
        "3 canolfan iechyd gymunedol (lle i 36,000 o gleifion)"
    )
    title, key, params = describe(types["new_park"], 3.0, templates)
    assert title_text(ctx, title, key, params) == "Parc tref newydd (15 ha)"


def test_missing_key_shows_the_key_and_is_recorded():
    t = Translator("en")
    assert t("no.such.key") == "no.such.key"
    assert "no.such.key" in t.missing


def _po(
    path: Path, lang: str, plural_forms: str, entries: dict[str, str | tuple[str, ...]]
) -> None:
    lines = [
        'msgid ""',
        'msgstr ""',
        f'"Language: {lang}\\n"',
        f'"Plural-Forms: {plural_forms}\\n"',
        '"Content-Type: text/plain; charset=utf-8\\n"',
        "",
    ]
    for key, text in entries.items():
        if isinstance(text, tuple):
            lines += [f'msgid "{key}"', f'msgid_plural "{key}"']
            lines += [f'msgstr[{i}] "{form}"' for i, form in enumerate(text)]
        else:
            lines += [f'msgid "{key}"', f'msgstr "{text}"']
        lines.append("")
    path.parent.mkdir(parents=True)
    path.write_text("\n".join(lines), encoding="utf-8")


def test_a_third_language_is_only_a_new_file(tmp_path):
    """A tiny made-up catalogue beside a tiny English one: found, used, with its own plural
    rule, and English wherever it has no text yet."""
    en_rule = "nplurals=2; plural=(n != 1);"
    english = {"x.hello": "Hello", "x.bye": "Goodbye", "x.apples": ("{n} apple", "{n} apples")}
    _po(catalogue_path("en", tmp_path), "en", en_rule, english)
    # three forms: one, few (2-4), many
    rule = "nplurals=3; plural=(n==1 ? 0 : n>=2 && n<=4 ? 1 : 2);"
    other = {"x.hello": "Ahoj", "x.bye": "", "x.apples": ("{n} jablko", "{n} jablka", "{n} jablek")}
    _po(catalogue_path("xx", tmp_path), "xx", rule, other)
    assert i18n.languages(tmp_path) == ("en", "xx")
    t = Translator("xx", tmp_path)
    assert t.lang == "xx" and t("x.hello") == "Ahoj"
    assert t("x.bye") == "Goodbye"  # untranslated: English
    assert [t("x.apples", n=n) for n in (1, 3, 5)] == ["1 jablko", "3 jablka", "5 jablek"]
    assert Translator("zz", tmp_path).lang == "en"  # no catalogue: English


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_shipped_catalogues_compile(lang):
    """Babel reads each .po and compiles it to gettext's .mo form (at run time, in memory:
    nothing is written, so an installed wheel needs only the .po files)."""
    assert not catalogue_path(lang).with_suffix(".mo").exists()
    t = Translator(lang)
    assert t.lang == lang and t("app.title")


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


def test_the_command_line_offers_every_catalogue_and_refuses_others(data_dir, tmp_path, capsys):
    from game.cli import main

    out = tmp_path / "shots"
    assert main(["screenshots", "--out", str(out), "--language", "xx"]) == 2
    assert capsys.readouterr().err.strip() == "error: --language xx: no catalogue (have en, cy)"
    assert main(["play", "--lang", "xx"]) == 2
    assert not out.exists()  # nothing written
