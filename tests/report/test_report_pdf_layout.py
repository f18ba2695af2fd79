"""PDF page layout: a table's totals rows never stand alone at the top of a page."""

from __future__ import annotations

import io

import pandas as pd
from pypdf import PdfReader

from game.report.document import Pack
from game.report.render_pdf import render_pdf
from game.report.tables import Table

TOTAL = "All projects open by the end"


def _pack(n: int) -> Pack:
    """A pack with one wide (landscape) table of `n` project rows and two totals rows."""
    cols = ["project", "level", *(f"measure {k} (FTE)" for k in range(11))]
    rows = [
        [f"Project {i}", "local authority", *(float(i + k) for k in range(11))] for i in range(n)
    ]
    rows += [[TOTAL, level, *(1000.0 + k for k in range(11))] for level in ("lad", "wider")]
    return Pack(
        kind="comparison",
        title="Layout test",
        subtitle="totals rows",
        date="2026-01-01",
        version="test",
        columns=("A", "B", "A − B"),
        summary=[],
        proposed=["nothing"],
        gains=["-"],
        losses=["-"],
        benchmark_text="-",
        tables=[Table("t", "A long table", pd.DataFrame(rows, columns=cols))],
        charts=[],
    )


def test_totals_rows_keep_a_few_rows_of_their_table_on_their_page() -> None:
    lonely = []
    for n in range(20, 75):
        reader = PdfReader(io.BytesIO(render_pdf(_pack(n))))
        for k, page in enumerate(reader.pages):
            lines = page.extract_text().splitlines()
            if any(line.startswith(TOTAL) for line in lines):
                above = [line for line in lines if line.startswith("Project ")]
                if len(above) < 3:
                    lonely.append((n, k + 1, len(above)))
    assert lonely == [], "totals rows with fewer than 3 rows of their table on the page"
