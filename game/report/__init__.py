"""Report packs: the census report tables (pack.py) and the board-paper pack for a scenario,
a comparison or a finished game (HTML, PDF, XLSX, CSV). No pygame.

Other reports (a room's listening report) can reuse the machinery: build a `Pack` (summary
rows, `Table`s of DataFrames with units in the column names, `charts.Chart`s) and hand it
to `write_pack`, which renders every format into a temporary folder and moves it in place.
"""

from game.report.compare import build_comparison
from game.report.document import Pack, build_pack
from game.report.headlines import ScenarioRun, headlines
from game.report.pack import TABLES, export_csv, tables
from game.report.tables import Table
from game.report.writer import FORMATS, parse_formats, write_pack

__all__ = [
    "FORMATS",
    "TABLES",
    "Table",
    "Pack",
    "ScenarioRun",
    "build_comparison",
    "build_pack",
    "export_csv",
    "headlines",
    "parse_formats",
    "tables",
    "write_pack",
]
