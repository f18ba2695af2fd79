"""The pack prints one present value of costs and one programme BCR line: the economic
case's, exactly as `simulate` writes them, for a scenario whose plan is at outline stage."""

from __future__ import annotations

import contextlib
import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

from game.cli import main

SCENARIO = Path("data/scenarios/hartlepool_business_park_skills.json")


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict]:
    root = tmp_path_factory.mktemp("outline")
    data = json.loads(SCENARIO.read_text())
    data["economic_case"] = {"stage": "outline"}
    scenario = root / "outline.json"
    scenario.write_text(json.dumps(data))
    sim_out, pack = root / "sim", root / "pack"
    args = ["--area", "Hartlepool", "--scenario", str(scenario)]
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert main(["simulate", *args, "--out", str(sim_out), "--json"]) == 0
    assert main(["report", *args, "--out", str(pack)]) == 0
    return sim_out, pack, json.loads(buf.getvalue())


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_pack_pv_of_costs_is_the_economic_cases(runs: tuple[Path, Path, dict]) -> None:
    sim_out, pack, sim = runs
    case = [r for r in _rows(sim_out / "economic_case.csv") if r["variant"] == "central"]
    assert case and all(r["stage"] == "outline" for r in case)
    want = {r["label"]: float(r["pv_costs_whole_life"]) for r in case}
    table = _rows(pack / "csv" / "appraisal.csv")
    got = {r["project"]: float(r["PV of costs (GBP)"]) for r in table}
    assert got == pytest.approx(want)
    wb = openpyxl.load_workbook(pack / "report.xlsx", read_only=True)
    head = {r[0]: r[2] for r in wb["headlines"].iter_rows(values_only=True)}
    assert head["Present value of costs (all funded projects)"] == pytest.approx(sum(want.values()))
    # at outline stage the case's figure is below the local GVA appraisal's (upper bound)
    gva = sum(p["local_gva_impact_indicative"]["pv_costs"] for p in sim["projects"])
    assert sum(want.values()) < gva
    html = (pack / "report.html").read_text(encoding="utf-8")
    assert f"{sum(want.values()):,.0f}" in html


def test_pack_programme_bcr_line_is_simulates(runs: tuple[Path, Path, dict]) -> None:
    from game.cli.simulate_text import _programme_case_line

    _, pack, sim = runs
    line = _programme_case_line(sim["economic_case"]).strip()
    assert line.startswith("Economic case: ") and "BCR 28.00" in line and "not valued" in line
    html = (pack / "report.html").read_text(encoding="utf-8")
    assert line in html  # under the BCR on the summary page
    line = line.removeprefix("Economic case: ")
    wb = openpyxl.load_workbook(pack / "report.xlsx", read_only=True)
    head = {r[0]: r for r in wb["headlines"].iter_rows(values_only=True)}
    bcr = head["Benefit-cost ratio (Green Book economic case)"]
    assert bcr[2] == pytest.approx(sim["economic_case"]["bcr_valued_projects"])
    assert bcr[5].startswith(line) and "upper value" in bcr[5]


def test_cost_per_job_bases_are_labelled(runs: tuple[Path, Path, dict]) -> None:
    from game.cli.simulate_text import _case_lines

    sim_out, pack, sim = runs
    case = [r for r in _rows(sim_out / "economic_case.csv") if r["variant"] == "central"]
    col = "cost per net job (GBP, whole-life public cost, present value)"
    got = {r["project"]: r[col] for r in _rows(pack / "csv" / "appraisal.csv")}
    for r in case:
        want = r["cost_per_net_job_whole_life_public_cost"]
        assert (float(got[r["label"]]) if got[r["label"]] else None) == (
            pytest.approx(float(want)) if want else None
        )
    jobs = _rows(pack / "csv" / "jobs_gross_to_net.csv")
    assert "cost per net job (GBP, capital, undiscounted)" in jobs[0]
    text = _case_lines(sim["projects"][0]["economic_case"])[1]
    assert "(capital, undiscounted)" in text and "(whole-life public cost, present value)" in text


def test_upper_value_bcr_carries_its_sources_caveat(runs: tuple[Path, Path, dict]) -> None:
    sim_out, pack, _ = runs
    case = [r for r in _rows(sim_out / "economic_case.csv") if r["variant"] == "central"]
    valued = [r["label"] for r in case if r["bcr"]]
    assert valued
    rows = {r["project"]: r for r in _rows(pack / "csv" / "appraisal.csv")}
    for label, r in rows.items():
        # only the valued apprenticeship row (source: "an upper value") carries the caveat
        assert ("upper value" in r["note"]) == (label in valued), label
    with Path("data/projects/economic_case.csv").open(newline="", encoding="utf-8") as f:
        row = next(r for r in csv.DictReader(f) if r["type_id"] == "apprenticeship_programme")
    assert "upper value" in row["source"] and row["status"] != "verified"


def test_population_table_carries_the_baselines_own_range(
    runs: tuple[Path, Path, dict],
) -> None:
    _, pack, _ = runs
    rows = _rows(pack / "csv" / "population.csv")
    last = rows[-1]
    lo, hi = float(last["baseline low (people)"]), float(last["baseline high (people)"])
    assert lo != hi  # the variants move the baseline too: its band is drawn, not a line
    assert min(lo, hi) <= float(last["baseline (people)"]) <= max(lo, hi)
