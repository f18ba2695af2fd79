"""Class room pages: the projector view (/c/CODE: teams side by side, no choices shown),
the teacher's page (/c/CODE/teacher, token: round controls and shocks), the debrief after
the last round (/c/CODE/debrief, and .pdf to print) and the teacher's pack (/teachers/).
Server-rendered, autoescaped; class.js only redraws the status it polls."""

from __future__ import annotations

from collections import Counter
from functools import cache
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from game.resources import docs_dir
from game.room.classroom.api import class_game
from game.room.classroom.charts import chart_lines, lines_svg
from game.room.classroom.debrief import Debrief, Fact, census_facts, plural
from game.room.classroom.game import ClassError
from game.room.names import ending_name
from game.room.numbers import half_up, signed
from game.room.server.auth import cookie_name, is_facilitator

router = APIRouter(include_in_schema=False)


@cache
def _env() -> Environment:
    return Environment(
        loader=PackageLoader("game.room.classroom", "templates"),
        autoescape=select_autoescape(["html"], default=True),
    )


def _render(name: str, http: int = 200, **ctx: Any) -> HTMLResponse:
    return HTMLResponse(_env().get_template(name).render(**ctx), status_code=http)


@router.get("/c/{code}", response_class=HTMLResponse)
def projector(request: Request, code: str) -> HTMLResponse:
    game = class_game(request, code)
    return _render("play.html", status=game.status(), teacher=False, shocks=[], facts=_facts(game))


def _facts(game) -> list[Fact]:  # noqa: ANN001 - a ClassGame
    """The class's area from its census, for the lesson's opening (the lesson plan and the
    worksheet's first question send pupils to the projector for them). None when each team
    plays its own area: there is no one place to show."""
    if game.settings.each_own_area:
        return []
    return census_facts(game.area, getattr(game.world, "section_names", {}))


@router.get("/c/{code}/teacher", response_class=HTMLResponse)
def teacher(request: Request, code: str, token: str | None = None) -> Response:
    game = class_game(request, code)
    if token is not None:
        if not game.store.check_token(game.code, token):
            return _render(
                "wait.html",
                403,
                title="Wrong link",
                text="That teacher's link is "
                "not this room's (a new one is printed each time the hub starts).",
            )
        # Swap the token link for a cookie and a clean address bar (as /f/CODE does).
        response = RedirectResponse(f"/c/{game.code}/teacher", status_code=303)
        response.set_cookie(cookie_name(game.code), token, httponly=True, samesite="strict")
        return response
    if not is_facilitator(request, game.code):
        return _render(
            "wait.html",
            403,
            title="Teacher's page",
            text="Open the teacher's link the hub printed when it started.",
        )
    shocks = sorted(game.shocks.values(), key=lambda s: s.name)
    return _render(
        "play.html", status=game.status(), teacher=True, shocks=shocks, facts=_facts(game)
    )


def debrief_context(d: Debrief) -> dict[str, Any]:
    groups = sorted({g for t in d.teams for g in t.approvals})
    return {
        "d": d,
        "baseline_name": d.baseline_label,
        "groups": groups,
        "decisions": [x for x in d.decisions if not x.auto],
        "auto": dict(Counter(x.team for x in d.decisions if x.auto)),
        "charts": {w: lines_svg(*chart_lines(d, w)) for w in ("population", "jobs")},
        "n": half_up,
        "sn": signed,
        "ending": ending_name,
        "plural": plural,
    }


@router.get("/c/{code}/debrief", response_class=HTMLResponse)
def debrief_page(request: Request, code: str) -> HTMLResponse:
    game = class_game(request, code)
    try:
        d = game.debrief()
    except ClassError as exc:
        return _render(
            "wait.html",
            409,
            title="Not yet",
            text=str(exc),
            link=f"/c/{game.code}",
            link_text="Back to the game",
        )
    return _render("debrief.html", code=game.code, **debrief_context(d))


@router.get("/c/{code}/debrief.pdf")
def debrief_pdf(request: Request, code: str) -> Response:
    from game.room.classroom.pdf import debrief_pdf_bytes

    game = class_game(request, code)
    try:
        d = game.debrief()
    except ClassError as exc:
        raise HTTPException(409, str(exc)) from None
    name = f"debrief-{game.code}.pdf"
    return Response(
        debrief_pdf_bytes(d),
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="{name}"'},
    )


# -- the teacher's pack -------------------------------------------------------------------
def _pack_pages() -> dict[str, str]:
    folder = docs_dir() / "teachers"
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md"))}


@router.get("/teachers/", response_class=HTMLResponse)
@router.get("/teachers/{page}", response_class=HTMLResponse)
def teachers_pack(page: str = "README") -> HTMLResponse:
    from markdown_it import MarkdownIt

    pages = _pack_pages()
    text = pages.get(page.removesuffix(".md"))
    if text is None:
        raise HTTPException(404, f"no page '{page}' in the teacher's pack")
    # html=False: the pack's Markdown is rendered, never passed through as raw HTML
    html = MarkdownIt("commonmark", {"html": False}).enable("table").render(text)
    html = html.replace('.md"', '"')  # links between pack pages
    return _render("pack.html", body=Markup(html), title=page)
