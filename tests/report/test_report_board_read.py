"""What a board member sees in the pack: text inside the page margins, the BCR's coverage
next to the BCR, the impact chart, the references' figures in "How sure are we?", census
sources without markdown, and totals rows kept with their table. Each file is opened the way
a reader opens it (pdfplumber / pypdf for the PDF, the HTML text)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from game.cli import main
from game.report.render_pdf import MARGIN

SCENARIO = "data/scenarios/hartlepool_business_park_skills.json"
OTHER = "data/scenarios/hartlepool_town_centre_homes.json"


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pack") / "one"
    argv = ["report", "--area", "Hartlepool", "--scenario", SCENARIO, "--out", str(out)]
    assert main([*argv, "--format", "html,pdf,csv"]) == 0
    return out


@pytest.fixture(scope="module")
def comparison(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pack") / "cmp"
    argv = ["report", "--compare", SCENARIO, OTHER, "--out", str(out), "--format", "html,pdf"]
    assert main(argv) == 0
    return out


@pytest.fixture(scope="module")
def sim() -> dict:
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        main(["simulate", "--area", "Hartlepool", "--scenario", SCENARIO, "--json"])
    return json.loads(buf.getvalue())


def _words(text: str) -> str:
    return " ".join(text.split())


def _page_text(pdf: Path, n: int) -> str:
    return _words(PdfReader(pdf).pages[n].extract_text())


def _outside_margins(pdf: Path) -> list[str]:
    """Every character or shaded box drawn outside the page's margins (the footer sits in
    the bottom margin on purpose, so only the left, right and top edges are checked)."""
    bad = []
    with pdfplumber.open(pdf) as doc:
        for i, page in enumerate(doc.pages, start=1):
            chars = [
                c
                for c in page.chars
                if c["x1"] > page.width - MARGIN + 0.5 or c["x0"] < MARGIN - 0.5 or c["top"] < 20
            ]
            if chars:
                bad.append(f"page {i}: {''.join(c['text'] for c in chars)[:80]!r}")
            boxes = [  # shaded boxes (the caveat, table headers) stay inside too
                r
                for r in page.rects
                if r["x0"] < MARGIN - 0.5 or r["x1"] > page.width - MARGIN + 0.5
            ]
            if boxes:
                bad.append(f"page {i}: box from {boxes[0]['x0']:.1f} to {boxes[0]['x1']:.1f} pt")
    return bad


def test_no_text_beyond_the_margins(pack: Path, comparison: Path, tmp_path: Path) -> None:
    """Long words (a URL, a file name) and long project names wrap inside the frame."""
    scenario = json.loads(Path(SCENARIO).read_text(encoding="utf-8"))
    scenario["description"] = (
        "See https://www.hartlepool.gov.uk/downloads/file/1234/local-plan-2018-2033-adopted-"
        "version-with-all-appendices-and-policies-map.pdf and BOARD_PAPER_FINAL_APPROVED_"
        "VERSION_2024_11_03_REVISED_WITH_ANNEXES.docx. " + scenario["description"]
    )
    scenario["projects"][0]["label"] = "Queens Meadow phase one " * 6
    path = tmp_path / "long.json"
    path.write_text(json.dumps(scenario), encoding="utf-8")
    out = tmp_path / "long"
    argv = ["report", "--area", "Hartlepool", "--scenario", str(path), "--out", str(out)]
    assert main([*argv, "--format", "pdf"]) == 0
    for pdf in (pack / "report.pdf", comparison / "report.pdf", out / "report.pdf"):
        assert _outside_margins(pdf) == [], pdf


def _coverage(sim: dict) -> str:
    ec = sim["economic_case"]
    n_valued, n = len(ec["valued_projects"]), len(ec["valued_projects"] + ec["not_valued_projects"])
    share = ec["pv_costs_valued"] / ec["pv_costs_all"]
    return f"covers {n_valued} of {n} projects, {share:.0%} of costs"


def test_bcr_says_what_it_covers_beside_the_ratio(pack: Path, sim: dict, capsys) -> None:
    """The 28.00 comes from the apprenticeships alone: page 1 says so next to the ratio."""
    ec = sim["economic_case"]
    assert ec["pv_costs_valued"] < 0.5 * ec["pv_costs_all"]  # the case this guards
    cover = _coverage(sim)
    first = _page_text(pack / "report.pdf", 0)
    bcr = f"{ec['bcr_valued_projects']:.2f}"
    at = first.index("Benefit-cost ratio")
    assert cover in first[at : at + 400], first[at : at + 400]
    assert bcr in first[at : at + 400]
    assert "valued projects only, not the whole plan" in first[at : at + 400].lower()
    assert "the rest are not valued" in first[at : at + 400]
    html = (pack / "report.html").read_text(encoding="utf-8")
    summary = re.search(r'<section id="summary">(.*?)</section>', html, re.S)
    assert summary and cover in summary.group(1)
    capsys.readouterr()
    assert main(["simulate", "--area", "Hartlepool", "--scenario", SCENARIO]) == 0
    out = capsys.readouterr().out
    assert f"BCR {bcr} — {cover}; the rest are not valued" in out


def test_comparison_bcr_says_what_each_covers(comparison: Path) -> None:
    first = _page_text(comparison / "report.pdf", 0)
    at = first.index("Benefit-cost ratio")
    window = first[at : at + 500]
    assert re.search(r"A: covers 1 of 6 projects, \d+% of costs", window), window
    assert re.search(r"B: covers 1 of \d+ projects, \d+% of costs", window), window
    assert "28.00 28.00 not comparable" in window  # two partial ratios' gap means nothing


def test_impact_chart_and_table(pack: Path, sim: dict) -> None:
    """The board's question is the difference the plan makes: scenario minus baseline."""
    html = (pack / "report.html").read_text(encoding="utf-8")
    assert '<figure id="impact_chart">' in html
    assert "What difference the plan makes: extra residents and net new jobs" in html
    pdf = " ".join(_words(p.extract_text()) for p in PdfReader(pack / "report.pdf").pages)
    assert "What difference the plan makes" in pdf
    with (pack / "csv" / "impact.csv").open(encoding="utf-8") as fh:
        rows = list(csv_rows(fh))
    last = rows[-1]
    assert float(last["net new jobs central (FTE)"]) == pytest.approx(
        sim["headline"]["net_additional_jobs"]["scenario"], abs=0.01
    )
    lo, hi = (
        float(last["extra residents low (people)"]),
        float(last["extra residents high (people)"]),
    )
    assert lo <= float(last["extra residents central (people)"]) <= hi
    assert lo < hi  # a band, not a line
    assert float(rows[0]["net new jobs central (FTE)"]) <= float(last["net new jobs central (FTE)"])


def csv_rows(fh):  # noqa: ANN001, ANN201 - tiny helper
    import csv

    return csv.DictReader(fh)


def test_how_sure_shows_the_references_share_off(pack: Path) -> None:
    from game.sim.backtest import load_how_sure

    f = load_how_sure()["figures"]
    html = (pack / "report.html").read_text(encoding="utf-8")
    section = re.search(r'<section id="how-sure">(.*?)</section>', html, re.S)
    assert section
    for ref, key in (
        ("Reference: no change", "no_change_share_off_10pct"),
        ("Reference: same growth everywhere", "uniform_growth_share_off_10pct"),
    ):
        row = re.search(rf"<td>{ref}</td>(.*?)</tr>", section.group(1), re.S)
        assert row, ref
        assert f'<td class="num">{f[key]:.1f}%</td>' in row.group(1), row.group(1)
    pdf = " ".join(_words(p.extract_text()) for p in PdfReader(pack / "report.pdf").pages)
    assert f"Reference: no change {f['no_change_mape_percent']:.1f}% " in pdf
    assert f"{f['no_change_share_off_10pct']:.1f}%" in pdf


def test_census_sources_carry_no_markdown(pack: Path) -> None:
    html = (pack / "report.html").read_text(encoding="utf-8")
    section = re.search(
        r'<section class="table" id="table-census_sources">(.*?)</section>', html, re.S
    )
    assert section
    text = section.group(1)
    assert "**" not in text and "`" not in text and "](" not in text
    assert "derived/lad21_to_lep21_derived.csv" in text  # the content is kept, as text
    pdf = " ".join(_words(p.extract_text()) for p in PdfReader(pack / "report.pdf").pages)
    at = pdf.index("Census tables behind the area's profile")
    assert "**" not in pdf[at:] and "`" not in pdf[at:]


def test_markdown_links_become_links() -> None:
    from game.report.markup import html_cell, pdf_cell, plain

    md = "See [ONS TS001](https://www.ons.gov.uk/ts001) and **derived** `a.csv`"
    assert plain(md) == "See ONS TS001 (https://www.ons.gov.uk/ts001) and derived a.csv"
    assert '<a href="https://www.ons.gov.uk/ts001">https://www.ons.gov.uk/ts001</a>' in str(
        html_cell(plain(md))
    )
    assert '<link href="https://www.ons.gov.uk/ts001"' in pdf_cell(plain(md))
    assert "<script>" not in str(html_cell("<script>x</script>"))


def test_simulate_compare_text_says_what_each_bcr_covers(capsys) -> None:
    capsys.readouterr()
    assert main(["simulate", "--compare", SCENARIO, OTHER]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "28.00 28.00 not comparable" in out
    assert "A: covers 1 of 6 projects, 3% of costs; the rest are not valued." in out
