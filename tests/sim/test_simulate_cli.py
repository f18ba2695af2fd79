"""`python main.py simulate` end to end (subprocess): outputs, summary, clear errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from game.play.shipped import shipped_parameters
from game.resources import data_dir

PARAMS = shipped_parameters()

REPO = Path(__file__).resolve().parents[2]  # the checkout, where main.py is
SCENARIO = data_dir() / "scenarios" / "hartlepool_business_park_skills.json"


def simulate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "main.py"), "simulate", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )


@pytest.fixture(scope="module")
def hartlepool_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    proc = simulate(
        "--area", "Hartlepool", "--scenario", str(SCENARIO), "--years", "10", "--out", str(out)
    )
    return proc, out


def test_hartlepool_summary_and_csvs(hartlepool_run) -> None:
    proc, out = hartlepool_run
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout
    for needle in (
        "Hartlepool",
        "2031 baseline",
        "Population",
        "Unemployment rate",
        "deadweight",
        "leakage",
        "displacement",
        "multiplier",
        "cost per net job",
        "Approval in 2031",
    ):
        assert needle in text, needle
    pop = pd.read_csv(out / "population.csv")
    assert set(pop["run"]) == {"baseline", "scenario"}
    assert set(pop["year"]) == set(range(2021, 2032)) and len(pop) == 2 * 11 * 2 * 91
    comps = pd.read_csv(out / "components.csv")
    assert set(comps["variant"]) == {"low", "central", "high"}
    row = comps.iloc[0]
    balance = (
        row.population_start
        + row.births
        - row.deaths
        + row.internal_in
        - row.internal_out
        + row.international_in
        - row.international_out
        + row.extra_migrants
    )
    assert balance == pytest.approx(row.population_end, abs=0.01)
    jobs = pd.read_csv(out / "project_jobs.csv")
    assert "ALL" not in set(jobs.project_id)  # totals have their own file
    totals = pd.read_csv(out / "project_jobs_totals.csv")
    total = totals[(totals.part == "total") & (totals.variant == "central")]
    # the totals file is the sum of the counted project rows
    counted = jobs[jobs.counted & (jobs.part == "total") & (jobs.variant == "central")]
    assert total.net_additional.sum() == pytest.approx(counted.net_additional.sum())
    assert "local_gva_impact_indicative" in jobs.columns and "bcr" not in jobs.columns
    case = pd.read_csv(out / "economic_case.csv")
    assert set(case.project_id) == set(jobs.project_id)
    park = case[(case.type_id == "business_park") & (case.variant == "central")].iloc[0]
    assert pd.isna(park.bcr) and park.benefits_not_valued == "land value uplift"
    assert park.cost_per_net_job_whole_life_public_cost > park.cost_per_net_job_capital_only
    assert set(total["level"]) == {"lad", "sub_region"}
    la = total.set_index("level")
    assert la.loc["lad", "net_additional"] != pytest.approx(la.loc["sub_region", "net_additional"])
    rebuilt = (
        la.gross
        - la.deadweight
        - la.leakage
        - la.displacement
        - la.substitution
        + la.multiplier_effect
    )
    assert rebuilt.to_numpy() == pytest.approx(la.net_additional.to_numpy())
    appr = pd.read_csv(out / "approvals.csv")
    assert {"group", "approval", "change", "explanation"} <= set(appr.columns)
    expl = pd.read_csv(out / "approval_explanations.csv")
    one = expl[
        (expl.run == "scenario")
        & (expl.variant == "central")
        & (expl.year == 2024)
        & (expl.group == "retired")
    ]
    change = appr[
        (appr.run == "scenario")
        & (appr.variant == "central")
        & (appr.year == 2024)
        & (appr.group == "retired")
    ]["change"].iloc[0]
    assert one["delta"].sum() == pytest.approx(change, abs=0.05)
    ind = pd.read_csv(out / "indicators.csv")
    assert {
        "gp_capacity_per_person",
        "homes_per_household",
        "school_places_per_child",
        "broadband_gigabit_share",
        "budget_remaining",
    } <= set(ind["indicator"])


def _base_file(tmp: Path, name: str, code: str, count: str) -> Path:
    rows = ["area_code,sex,age,count"]
    for sex in ("male", "female"):
        for age in range(91):
            rows.append(f"{code},{sex},{age},{count if age == 30 else 100}")
    path = tmp / name
    path.write_text("\n".join(rows) + "\n")
    return path


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, subprocess.CompletedProcess[str]]:
    """Every bad-input case (and a JSON run) as subprocesses started together: the
    interpreter start-up dominates, so running them side by side keeps the suite fast."""
    tmp = tmp_path_factory.mktemp("bad")
    (tmp / "unknown.json").write_text(
        json.dumps({"name": "x", "area": "Hartlepool", "projects": [{"type": "moon_base"}]})
    )
    (tmp / "negative.json").write_text(
        json.dumps(
            {
                "name": "x",
                "area": "Hartlepool",
                "overrides": [{"id": "new_park", "capital_cost": -1}],
            }
        )
    )
    (tmp / "malformed.json").write_text('{"name": "x",\n "projects": [}\n')
    binary = tmp / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00\x01 not text")
    unknown_code = _base_file(tmp, "base_unknown.csv", "E99999999", "100")
    other_area = _base_file(tmp, "base_other.csv", "E06000002", "100")
    negative = _base_file(tmp, "base_negative.csv", "E06000001", "-5")
    cases = {
        "unknown_id": ["--scenario", str(tmp / "unknown.json")],
        "negative_cost": ["--scenario", str(tmp / "negative.json")],
        "malformed": ["--scenario", str(tmp / "malformed.json")],
        "unknown_area": ["--area", "Hartlepoool"],
        "base_unknown": [
            "--area",
            "Hartlepool",
            "--base-population",
            str(unknown_code),
            "--base-year",
            "2023",
        ],
        "base_negative": [
            "--area",
            "Hartlepool",
            "--base-population",
            str(negative),
            "--base-year",
            "2023",
        ],
        "base_other_area": [
            "--area",
            "Hartlepool",
            "--base-population",
            str(other_area),
        ],
        "base_year_alone": ["--area", "Hartlepool", "--base-year", "2025"],
        "base_year_1800": [
            "--area",
            "Hartlepool",
            "--base-population",
            str(negative),
            "--base-year",
            "1800",
        ],
        "binary_scenario": ["--scenario", str(binary)],
        "area_mismatch": [
            "--scenario",
            str(SCENARIO),
            "--area",
            "Middlesbrough",
            "--years",
            "1",
            "--allow-dropped",
        ],
    }
    procs = {
        k: subprocess.Popen(
            [sys.executable, str(REPO / "main.py"), "simulate", *a],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for k, a in cases.items()
    }
    out = {}
    for k, p in procs.items():
        stdout, stderr = p.communicate(timeout=120)
        out[k] = subprocess.CompletedProcess(p.args, p.returncode, stdout, stderr)
    return out


def test_json_summary_is_valid_and_matches_the_engine(capsys) -> None:
    # In-process through the same dispatcher (the subprocess path is covered above).
    from game.census import load_world
    from game.cli import main
    from game.sim.runs import run_low_central_high

    assert main(["simulate", "--area", "Hartlepool", "--years", "2", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["area"]["code"] == "E06000001" and data["level"] == "lad"
    engines = run_low_central_high(load_world(), "Hartlepool", years=2, seed=1, params=PARAMS)
    assert data["checksum"] == engines["central"].checksum()


def _assert_one_line_error(proc: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert proc.returncode != 0
    err = proc.stderr.strip()
    assert "Traceback" not in err and len(err.splitlines()) == 1, err
    for n in needles:
        assert n in err, (n, err)


def test_unknown_project_id(runs) -> None:
    _assert_one_line_error(runs["unknown_id"], "moon_base")


def test_negative_cost(runs) -> None:
    _assert_one_line_error(runs["negative_cost"], "capital_cost", "negative.json")


def test_malformed_json(runs) -> None:
    _assert_one_line_error(runs["malformed"], "malformed.json", "line 2", "column")


def test_unknown_area(runs) -> None:
    _assert_one_line_error(runs["unknown_area"], "Hartlepoool", "Hartlepool")


def test_base_population_with_unknown_code(runs) -> None:
    _assert_one_line_error(runs["base_unknown"], "E99999999", "base_unknown.csv")


def test_base_population_with_negative_count(runs) -> None:
    _assert_one_line_error(runs["base_negative"], "base_negative.csv", "-5")


def test_projects_beyond_the_run_are_reported_not_dropped_silently(capsys) -> None:
    from game.cli import main

    argv = ["simulate", "--scenario", str(SCENARIO), "--years", "2", "--allow-dropped"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "high_street_regeneration is planned for 2024" in out
    assert "Queens Meadow business park" in out  # funded in 2021, so it is listed
    # ... but it opens in 2024, after this run's end, so it counts in no total.
    assert "Not counted: Queens Meadow business park opens 2024, after 2023" in out
    assert "All projects open by 2023" in out


def test_grouping_outputs_cover_every_member_and_conserve_people() -> None:
    from game.census import load_world
    from game.scenarios import PlannedProject, Scenario
    from game.sim.outputs import components_table, population_table, project_jobs_table
    from game.sim.runs import run_low_central_high

    world = load_world()
    sc = Scenario(name="t", projects=(PlannedProject(type="affordable_homes", scale=3),))
    engines = run_low_central_high(world, "Tees Valley", years=3, scenario=sc, params=PARAMS)
    pop = population_table(engines)
    assert pop["area_code"].nunique() == 5 and len(pop) == 5 * 2 * 91 * 4 * 2
    comps = components_table(engines)
    assert len(comps) == 3 * 2 * 5 * 3  # variants x runs x areas x years
    flows = (
        comps.births
        - comps.deaths
        + comps.internal_in
        - comps.internal_out
        + comps.international_in
        - comps.international_out
        + comps.extra_migrants
    )
    assert (comps.population_start + flows - comps.population_end).abs().max() < 0.01
    assert comps[comps.run == "baseline"]["extra_migrants"].abs().max() == 0
    assert comps[(comps.run == "scenario") & (comps.year == 2024)]["extra_migrants"].sum() > 600
    jobs = project_jobs_table(engines)
    assert set(jobs["level"]) == {"sub_region", "region"}


def test_base_population_missing_the_area_names_the_file(runs) -> None:
    _assert_one_line_error(runs["base_other_area"], "base_other.csv", "E06000001")


def test_base_year_needs_a_base_population_and_a_sane_year(runs) -> None:
    _assert_one_line_error(runs["base_year_alone"], "--base-year needs --base-population")
    _assert_one_line_error(runs["base_year_1800"], "--base-year", "2011", "1800")


def test_binary_scenario_is_one_line(runs) -> None:
    _assert_one_line_error(runs["binary_scenario"], "binary.json", "not UTF-8")


def test_scenario_for_another_area_warns(runs) -> None:
    proc = runs["area_mismatch"]
    assert proc.returncode == 0, proc.stderr
    assert "Warning: scenario" in proc.stderr and "Hartlepool" in proc.stderr
    assert "running for Middlesbrough" in proc.stdout


def test_approval_section_names_groups_as_the_census_defines_them(hartlepool_run) -> None:
    """Display names from the census group definitions, not ids, and the numbers line up
    however long the longest name is."""
    from game.census import load_world

    proc, _ = hartlepool_run
    section = proc.stdout.split("Approval in 2031", 1)[1].split("\n\n", 1)[0]
    rows = [ln for ln in section.splitlines()[1:] if ln.startswith("  ") and "(baseline" in ln]
    assert rows
    names = {g.id: g.name for g in load_world().group_definitions}
    for row in rows:
        shown = row[2:].split("  ", 1)[0].strip()
        assert shown in names.values(), shown
        assert "_" not in shown
    # every score starts in the same column (no name pushes its row out of line)
    starts = {row.index("(baseline") for row in rows}
    assert len(starts) == 1
