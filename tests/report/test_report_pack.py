"""The board-paper pack (`python main.py report`): its files are opened with the libraries
a reader would use (openpyxl, pypdf, the HTML text), and its headline figures must equal
`simulate --json` for the same run."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from game.cli import main
from game.report.document import program_version

SCENARIO = "data/scenarios/hartlepool_business_park_skills.json"
OTHER = "data/scenarios/hartlepool_town_centre_homes.json"
SHEETS = [
    "about",
    "headlines",
    "plan",
    "jobs_gross_to_net",
    "appraisal",
    "benchmarks",
    "population",
    "jobs",
    "impact",
    "pyramid",
    "approval",
    "events",
    "assumptions",
    "census_sources",
]
CHARTS = [
    "impact_chart",
    "population_chart",
    "jobs_chart",
    "pyramid_chart",
    "net_jobs_chart",
    "approval_chart",
]


def simulate_json(capsys: pytest.CaptureFixture[str], scenario: str) -> dict:
    capsys.readouterr()
    assert main(["simulate", "--area", "Hartlepool", "--scenario", scenario, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture(scope="module")
def pack_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pack") / "hartlepool"
    assert main(["report", "--area", "Hartlepool", "--scenario", SCENARIO, "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def sim() -> dict:
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        main(["simulate", "--area", "Hartlepool", "--scenario", SCENARIO, "--json"])
    return json.loads(buf.getvalue())


def _headline_sheet(path: Path) -> dict[str, list]:
    wb = openpyxl.load_workbook(path, read_only=True)
    rows = list(wb["headlines"].iter_rows(values_only=True))
    assert rows[0][:5] == ("measure", "unit", "central", "low", "high")
    return {r[0]: list(r[1:]) for r in rows[1:]}


def test_all_four_formats_are_written(pack_dir: Path) -> None:
    names = sorted(p.name for p in pack_dir.iterdir())
    assert names == ["csv", "report.html", "report.pdf", "report.xlsx"]
    assert sorted(p.stem for p in (pack_dir / "csv").iterdir()) == sorted(SHEETS[1:])


def test_xlsx_sheets_units_and_numbers(pack_dir: Path, sim: dict) -> None:
    wb = openpyxl.load_workbook(pack_dir / "report.xlsx")
    assert wb.sheetnames == SHEETS
    jobs = wb["jobs_gross_to_net"]
    header = [c.value for c in jobs[1]]
    assert (
        "gross (FTE)" in header
        and "net (FTE)" in header
        and "cost per net job (GBP, capital, undiscounted)" in header
    )
    # numbers are stored as numbers, not text
    net_col = header.index("net (FTE)")
    values = [row[net_col].value for row in jobs.iter_rows(min_row=2)]
    assert values and all(isinstance(v, float) for v in values)
    # the totals row at the level played is the jobs account's net
    total = next(r for r in jobs.iter_rows(min_row=2, values_only=True) if r[0].startswith("All"))
    assert total[net_col] == pytest.approx(sim["totals"]["net_local"])
    h = _headline_sheet(pack_dir / "report.xlsx")
    assert h["Net new jobs (local authority)"][1] == pytest.approx(
        sim["headline"]["net_additional_jobs"]["scenario"]
    )


def test_headlines_equal_simulate_json(pack_dir: Path, sim: dict) -> None:
    h = _headline_sheet(pack_dir / "report.xlsx")
    hl = sim["headline"]
    pairs = {
        "Net new jobs (local authority)": hl["net_additional_jobs"],
        "Jobs created (gross)": hl["gross_jobs"],
        "Jobs located here vs no new projects": hl["jobs_vs_baseline"],
        "Population at the end": hl["population"],
        "Jobs located in the area at the end": hl["jobs"],
    }
    for label, want in pairs.items():
        unit, central, low, high, _ = h[label]
        band = want["scenario_band"].values()
        assert central == pytest.approx(want["scenario"]), label
        assert (low, high) == pytest.approx((min(band), max(band))), label
    cpj = h["Cost per net new job (local authority, capital, undiscounted)"][1]
    assert cpj == pytest.approx(sim["totals"]["cost_per_net_job_local"])
    pop = h["Population vs no new projects"][1]
    assert pop == pytest.approx(hl["population"]["scenario"] - hl["population"]["baseline"])
    # the PV of costs is the sum of the per-project economic cases simulate prints
    assert h["Present value of costs (all funded projects)"][1] == pytest.approx(
        sum(p["economic_case"]["pv_costs_whole_life"] for p in sim["projects"])
    )
    # the programme BCR line is simulate's: over the valued projects, the rest not valued
    bcr = h["Benefit-cost ratio (Green Book economic case)"]
    assert bcr[1] == pytest.approx(sim["economic_case"]["bcr_valued_projects"])
    n_not = len(sim["economic_case"]["not_valued_projects"])
    assert f"covers 1 of {n_not + 1} projects" in bcr[4] and "the rest are not valued" in bcr[4]
    assert "upper value" in bcr[4]  # the apprenticeship source's own caveat


def test_pdf_pages_carry_date_version_and_page_numbers(pack_dir: Path, sim: dict) -> None:
    reader = PdfReader(pack_dir / "report.pdf")
    n = len(reader.pages)
    assert 8 <= n <= 40
    first = reader.pages[0]
    box = first.mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    text = first.extract_text()
    net = sim["headline"]["net_additional_jobs"]["scenario"]
    assert "Net new jobs (local authority)" in text and f"{net:,.0f}" in text
    assert "Local GVA impact (indicative)" in text and "not valued" in text
    assert "Who gains" in text and "Who loses" in text
    version = program_version()
    for i, page in enumerate(reader.pages, start=1):
        t = page.extract_text()
        assert f"page {i} of {n}" in t
        assert version in t and re.search(r"generated \d{4}-\d\d-\d\d", t)
    whole = "\n".join(p.extract_text() for p in reader.pages)
    for heading in (
        "Gross to net jobs by project",
        "Assumptions and provenance",
        "What this model leaves out",
        "Census tables behind",
    ):
        assert heading in whole


def test_html_has_every_chart_and_table(pack_dir: Path) -> None:
    html = (pack_dir / "report.html").read_text(encoding="utf-8")
    for chart in CHARTS:
        m = re.search(
            rf'<figure id="{chart}"><img alt="[^"]+" src="data:image/png;base64,([A-Za-z0-9+/=]+)"',
            html,
        )
        assert m and len(m.group(1)) > 1000, chart
    for table in SHEETS[1:]:
        section = re.search(
            rf'<section class="table" id="table-{table}">(.*?)</section>', html, re.S
        )
        assert section and section.group(1).count("<tr>") >= 2, table
    assert 'id="leaves-out"' in html and "Who gains" in html


def test_csv_tables_hold_numbers(pack_dir: Path, sim: dict) -> None:
    with (pack_dir / "csv" / "population.csv").open() as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["year"] == "2021" and rows[-1]["year"] == "2031"
    end = float(rows[-1]["scenario central (people)"])
    assert end == pytest.approx(sim["headline"]["population"]["scenario"])
    with (pack_dir / "csv" / "assumptions.csv").open() as fh:
        prov = list(csv.DictReader(fh))
    assert {r["status"] for r in prov} <= {"verified", "derived", "assumption"}
    names = {r["parameter"] for r in prov}
    assert "business_park.capital_cost" in names and "discount_rate" in names


def test_comparison_is_the_difference_of_two_runs(tmp_path: Path, capsys) -> None:
    out = tmp_path / "cmp"
    assert main(["report", "--compare", SCENARIO, OTHER, "--out", str(out)]) == 0
    a, b = simulate_json(capsys, SCENARIO), simulate_json(capsys, OTHER)
    wb = openpyxl.load_workbook(out / "report.xlsx", read_only=True)
    rows = {r[0]: r for r in wb["comparison"].iter_rows(min_row=2, values_only=True)}
    checks = {
        "Net new jobs (local authority)": lambda s: s["headline"]["net_additional_jobs"][
            "scenario"
        ],
        "Jobs created (gross)": lambda s: s["headline"]["gross_jobs"]["scenario"],
        "Population at the end": lambda s: s["headline"]["population"]["scenario"],
        "Jobs located here vs no new projects": lambda s: s["headline"]["jobs_vs_baseline"][
            "scenario"
        ],
        "Capital cost of the projects counted": lambda s: s["totals"]["capital_cost"],
    }
    for label, get in checks.items():
        _, unit, va, vb, diff = rows[label]
        assert (va, vb) == pytest.approx((get(a), get(b))), label
        assert diff == pytest.approx(get(a) - get(b)), label
    decisions = list(wb["decisions"].iter_rows(min_row=2, values_only=True))
    kinds = [r[0] for r in decisions]
    assert kinds == sorted(kinds, key=lambda k: k == "same in both")  # differences first
    assert "same in both" in kinds and "only in A" in kinds and "only in B" in kinds
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "A − B" in html and "Better under A" in html
    for chart in CHARTS:
        assert f'<figure id="{chart}">' in html


def _fails(argv: list[str], capsys) -> str:
    capsys.readouterr()
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and "\n" not in err
    return err


def test_comparing_two_areas_is_refused(tmp_path: Path, capsys) -> None:
    out = tmp_path / "cmp"
    err = _fails(
        [
            "report",
            "--compare",
            SCENARIO,
            "data/scenarios/ceredigion_gigabit_transport.json",
            "--out",
            str(out),
        ],
        capsys,
    )
    assert "cannot compare across areas" in err and "Ceredigion" in err
    assert not out.exists()


def test_bad_input_exits_2_and_leaves_no_pack(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"name": "x", "projects": [', encoding="utf-8")
    out = tmp_path / "out"
    err = _fails(
        ["report", "--area", "Hartlepool", "--scenario", str(bad), "--out", str(out)], capsys
    )
    assert "bad.json" in err
    assert not out.exists()
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    err = _fails(
        [
            "report",
            "--area",
            "Hartlepool",
            "--scenario",
            SCENARIO,
            "--out",
            str(blocker / "pack"),
            "--format",
            "csv",
        ],
        capsys,
    )
    assert "a_file" in err
    err = _fails(
        [
            "report",
            "--area",
            "Hartlepool",
            "--scenario",
            SCENARIO,
            "--out",
            str(blocker),
            "--format",
            "csv",
        ],
        capsys,
    )
    assert "not a folder" in err
    assert blocker.read_text() == "not a folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a_file", "bad.json"]  # no temp left
    err = _fails(["report", "--area", "Hartlepool", "--out", str(out), "--format", "docx"], capsys)
    assert "docx" in err


def test_unknown_save_version_is_refused(tmp_path: Path, capsys) -> None:
    save = tmp_path / "game.json"
    save.write_text(json.dumps({"version": 99, "settings": {}}), encoding="utf-8")
    err = _fails(["report", "--save", str(save), "--out", str(tmp_path / "out")], capsys)
    assert "version 99" in err and "game.json" in err
    assert save.exists() and not (tmp_path / "out").exists()  # the save is left as it was


def test_existing_folder_keeps_other_files(tmp_path: Path) -> None:
    out = tmp_path / "pack"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    assert (
        main(
            [
                "report",
                "--area",
                "Hartlepool",
                "--scenario",
                SCENARIO,
                "--out",
                str(out),
                "--format",
                "xlsx,csv",
            ]
        )
        == 0
    )
    assert sorted(p.name for p in out.iterdir()) == ["csv", "notes.txt", "report.xlsx"]


def test_simulate_compare_json_is_the_difference(capsys) -> None:
    capsys.readouterr()
    assert main(["simulate", "--compare", SCENARIO, OTHER, "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    a, b = simulate_json(capsys, SCENARIO), simulate_json(capsys, OTHER)
    assert doc["a"]["headline"] == a["headline"] and doc["b"]["headline"] == b["headline"]
    net = doc["comparison"]["net_additional_jobs"]
    want = a["headline"]["net_additional_jobs"]["scenario"]
    want_b = b["headline"]["net_additional_jobs"]["scenario"]
    assert net["a_minus_b"] == pytest.approx(want - want_b)
    # the programme BCR as simulate gives it (over the valued projects only)
    assert doc["comparison"]["bcr"]["a"] == pytest.approx(a["economic_case"]["bcr_valued_projects"])


def test_readme_example_pack_command_works(tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    line = next(ln for ln in readme.splitlines() if ln.startswith("python main.py report --area"))
    argv = line.split()[2:]
    argv[argv.index("--out") + 1] = str(tmp_path / "pack")  # the rest exactly as written
    assert main(argv) == 0
    assert (tmp_path / "pack" / "report.pdf").stat().st_size > 10_000


def test_bench_report_prints_report_pack_seconds(capsys) -> None:
    capsys.readouterr()
    assert main(["bench", "--report", "--json", "--repeat", "1"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["report_pack_cpu_s"] > 0 and 0 < out["report_pack_s"] < 60


def test_how_sure_section_in_html_and_pdf(pack_dir: Path) -> None:
    """The back-test's plain-words panel, with this model's error beside the references'."""
    from game.sim.backtest import load_how_sure

    d = load_how_sure()
    f = d["figures"]
    figures = [
        f"{f['model_mape_percent']:.1f}%",
        f"{f['no_change_mape_percent']:.1f}%",
        f"{f['uniform_growth_mape_percent']:.1f}%",
        f"{f['model_share_off_10pct']:.1f}%",
    ]
    html = (pack_dir / "report.html").read_text(encoding="utf-8")
    section = re.search(r'<section id="how-sure">(.*?)</section>', html, re.S)
    assert section, "no How sure are we? section"
    text = section.group(1)
    assert "How sure are we?" in text and "no change" in text
    assert "The test is easier than real life" in text  # the honest caveat
    for v in figures:
        assert f'<td class="num">{v}</td>' in text, v
    reader = PdfReader(pack_dir / "report.pdf")
    whole = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "How sure are we?" in whole and "The test is easier than real life" in whole
    assert "same growth everywhere" in whole
    for v in figures:
        assert v in whole, v
