"""The pages: the projector view (/r/CODE, public: no idea shows before approval) and the
facilitator's page (/f/CODE, token: adds the moderation queue and the export). Both are
server-rendered Jinja2 (autoescaped: idea text is always shown as text); room.js only
re-fetches the `live` fragment every poll_ms and posts the moderation buttons."""

from __future__ import annotations

from functools import cache
from typing import Any

import segno
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from game.room.aggregate import RoomSummary, summarise
from game.room.models import RoomInfo
from game.room.names import ENDINGS, category_name, ending_name, group_name
from game.room.server.auth import cookie_name, is_facilitator
from game.room.server.charts import OKABE_ITO, bars
from game.room.store import RoomStore

router = APIRouter(include_in_schema=False)


@cache
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("game.room.server", "templates"),
        autoescape=select_autoescape(["html"], default=True),
    )
    env.filters["group"] = group_name
    env.filters["category"] = category_name
    env.filters["money"] = _money
    return env


def _money(value: float) -> str:
    if abs(value) >= 1e6:
        return f"£{value / 1e6:,.1f}m"
    return f"£{value:,.0f}"


def _render(name: str, **ctx: Any) -> HTMLResponse:
    return HTMLResponse(_env().get_template(name).render(**ctx))


def join_url(request: Request, code: str) -> str:
    base = request.app.state.settings.public_url or str(request.base_url).rstrip("/")
    return f"{base.rstrip('/')}/r/{code}"


def _qr(url: str) -> Markup:
    svg = segno.make(url, error="m").svg_inline(scale=6, dark="#000", light="#fff", omitsize=True)
    return Markup(svg)


_SUMMARIES: dict[tuple[int, str], tuple[int, int, RoomSummary]] = {}  # (store, code) -> ..


def _summary(store: RoomStore, room: RoomInfo) -> RoomSummary:
    """The room's summary, recomputed only when a plan or player arrived: a room's plans
    only grow (or the room is deleted), so their number says whether anything changed."""
    key = (id(store), room.code)
    cached = _SUMMARIES.get(key)
    if cached is not None and cached[:2] == (room.plans, room.players):
        return cached[2]
    s = summarise(store.plans(room.code), players=room.players)
    _SUMMARIES[key] = (room.plans, room.players, s)
    return s


def _live_context(request: Request, code: str, facilitator: bool) -> dict[str, Any]:
    store: RoomStore = request.app.state.store
    room = store.room(code)
    s = _summary(store, room)
    ideas = store.ideas(code)
    approvals, approval_note = _approvals_shown(s.approval_by_group, facilitator)
    charts = {
        "funded": bars(
            [(category_name(c), n, str(n)) for c, n in s.funded_by_category.items()],
            title="Projects funded by category",
            colour=OKABE_ITO[0],
        ),
        "money": bars(
            [(category_name(c), v, _money(v)) for c, v in s.money_by_category.items()],
            title="Money by category",
            colour=OKABE_ITO[1],
        ),
        "types": bars(
            [(t.name, t.plans, f"{t.plans} of {s.plans}") for t in s.top_types],
            title="Most-funded projects (plans that funded each)",
            colour=OKABE_ITO[2],
            max_value=s.plans,
        ),
        "approval": bars(
            [(group_name(g), v, f"{v:.0f}") for g, v in approvals],
            title="Average final approval by citizen group",
            colour=OKABE_ITO[4],
            max_value=100,
        ),
        "scores": bars(_score_bins(s.scores), title="Scores", colour=OKABE_ITO[3]),
        "endings": bars(
            [(ending_name(e), n, str(n)) for e, n in s.endings.items()],
            title="Endings",
            colour=OKABE_ITO[5],
        ),
    }
    return {
        "room": room,
        "summary": s,
        "charts": charts,
        "approved": [i for i in ideas if i.status == "approved"],
        "queue": [i for i in ideas if i.status == "pending"] if facilitator else [],
        "rejected": [i for i in ideas if i.status == "rejected"] if facilitator else [],
        "facilitator": facilitator,
        "approval_note": approval_note,
        "endings": ENDINGS,
    }


SHOWN_GROUPS = 3


def _approvals_shown(
    by_group: dict[str, float], facilitator: bool
) -> tuple[list[tuple[str, float]], str]:
    """Most content first. The projector shows the three most and three least content
    groups, so twenty groups' bars do not push the ideas off a 1080p screen; the
    facilitator's page shows them all."""
    ranked = sorted(by_group.items(), key=lambda kv: (-kv[1], kv[0]))
    if facilitator or len(ranked) <= 2 * SHOWN_GROUPS:
        return ranked, ""
    n = SHOWN_GROUPS
    return ranked[:n] + ranked[-n:], f"{n} most and {n} least content of {len(ranked)}"


def _score_bins(scores: list[float]) -> list[tuple[str, float, str]]:
    if not scores:
        return []
    counts = [0] * 5
    for x in scores:
        counts[min(4, int(x // 20))] += 1
    return [(f"{i * 20}-{i * 20 + 20}", n, str(n)) for i, n in enumerate(counts)]


def _page(request: Request, code: str, facilitator: bool) -> HTMLResponse:
    ctx = _live_context(request, code, facilitator)
    url = join_url(request, ctx["room"].code)
    prefix = "f" if facilitator else "r"
    return _render(
        "room.html",
        **ctx,
        join_url=url,
        qr=_qr(url),
        live_url=f"/{prefix}/{ctx['room'].code}/live",
        poll_ms=request.app.state.settings.poll_ms,
    )


@router.get("/", response_class=HTMLResponse)
def index() -> HTMLResponse:
    return _render("index.html")


@router.get("/r")
def find_room(code: str = "") -> RedirectResponse:
    """The index page's form: /r?code=abc234 -> /r/ABC234."""
    return RedirectResponse(f"/r/{code.strip().upper()[:6]}", status_code=303)


@router.get("/r/{code}", response_class=HTMLResponse)
def projector(request: Request, code: str) -> HTMLResponse:
    return _page(request, code, facilitator=False)


@router.get("/r/{code}/live", response_class=HTMLResponse)
def projector_live(request: Request, code: str) -> HTMLResponse:
    return _render("live.html", **_live_context(request, code, facilitator=False))


@router.get("/f/{code}", response_class=HTMLResponse)
def facilitator(request: Request, code: str, token: str | None = None) -> Response:
    store: RoomStore = request.app.state.store
    room = store.room(code)
    if token is not None:
        if not store.check_token(room.code, token):
            return _render("token.html", room=room, wrong=True)
        # Swap the token link for a cookie and a clean address bar.
        response = RedirectResponse(f"/f/{room.code}", status_code=303)
        response.set_cookie(
            cookie_name(room.code), token, httponly=True, samesite="strict", path="/"
        )
        return response
    if not is_facilitator(request, room.code):
        return _render("token.html", room=room, wrong=False)
    return _page(request, room.code, facilitator=True)


@router.get("/f/{code}/live", response_class=HTMLResponse)
def facilitator_live(request: Request, code: str) -> HTMLResponse:
    facilitator = is_facilitator(request, code)
    return _render("live.html", **_live_context(request, code, facilitator=facilitator))
