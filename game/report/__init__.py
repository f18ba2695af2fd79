"""Report packs: the census report tables (pack.py) and the board-paper pack for a scenario,
a comparison or a finished game (HTML, PDF, XLSX, CSV). No pygame."""

from game.report.compare import build_comparison
from game.report.document import Pack, build_pack
from game.report.headlines import ScenarioRun, headlines
from game.report.pack import TABLES, export_csv, tables
from game.report.writer import FORMATS, parse_formats, write_pack

__all__ = [
    "FORMATS",
    "TABLES",
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
