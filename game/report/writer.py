"""Write a pack in the chosen formats: everything goes into a temporary folder beside the
target first and is moved into place only when every file is written, so a failure never
leaves half a pack (and never touches files already in the folder)."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from game.atomic import current_umask
from game.errors import DataError
from game.report.document import Pack

FORMATS = ("html", "pdf", "xlsx", "csv")
STEM = "report"


def parse_formats(text: str | None) -> tuple[str, ...]:
    if not text:
        return FORMATS
    wanted = tuple(dict.fromkeys(f.strip().lower() for f in text.split(",") if f.strip()))
    bad = [f for f in wanted if f not in FORMATS]
    if bad or not wanted:
        raise DataError(
            "--format",
            f"unknown format '{', '.join(bad) or text}'",
            hint=f"choose from {','.join(FORMATS)}",
        )
    return wanted


def _render(pack: Pack, formats: Iterable[str], folder: Path) -> list[Path]:
    written = []
    for f in formats:
        if f == "html":
            from game.report.render_html import render_html

            path = folder / f"{STEM}.html"
            path.write_text(render_html(pack), encoding="utf-8")
        elif f == "pdf":
            from game.report.render_pdf import render_pdf

            path = folder / f"{STEM}.pdf"
            path.write_bytes(render_pdf(pack))
        elif f == "xlsx":
            from game.report.render_xlsx import render_xlsx

            path = folder / f"{STEM}.xlsx"
            path.write_bytes(render_xlsx(pack))
        else:
            path = folder / "csv"
            path.mkdir()
            for t in pack.tables:
                (path / f"{t.name}.csv").write_text(
                    t.frame.to_csv(index=False, float_format="%.10g", lineterminator="\n"),
                    encoding="utf-8",
                )
        written.append(path)
    return written


def write_pack(pack: Pack, out: Path | str, formats: Iterable[str] = FORMATS) -> list[Path]:
    """Write the pack into `out` (created if missing); returns the paths written there."""
    out = Path(out)
    parent = out.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=parent))
    except OSError as exc:
        raise DataError(
            str(out), f"cannot write the report pack here ({exc.strerror or exc})"
        ) from None
    try:
        os.chmod(tmp, 0o777 & ~current_umask())
        names = [p.name for p in _render(pack, formats, tmp)]
        if not out.exists():
            os.rename(tmp, out)
        else:
            if not out.is_dir():
                raise DataError(str(out), "exists and is not a folder")
            for name in names:
                target = out / name
                if target.is_dir():
                    shutil.rmtree(target)
                os.replace(tmp / name, target)
        return [out / n for n in names]
    except OSError as exc:
        raise DataError(str(out), f"cannot write the report pack ({exc.strerror or exc})") from None
    finally:
        with contextlib.suppress(OSError):
            if tmp.exists():
                shutil.rmtree(tmp)
