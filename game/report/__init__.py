"""Report pack: census report tables (pandas) and CSV export. No pygame."""

from game.report.pack import TABLES, export_csv, tables

__all__ = ["TABLES", "export_csv", "tables"]
