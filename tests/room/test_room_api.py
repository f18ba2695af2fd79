"""The hub's JSON API on loopback (a real uvicorn server): idempotent writes, 422 naming the
field, the size and rate limits, the facilitator token, and idea text shown as text."""

from __future__ import annotations

import httpx
import pytest
from room_samples import decision, idea, plan

from game.room.server import HubSettings, ServerThread, create_app


def _plan_json(n: int = 1) -> dict:
    return plan(n, [decision("funded", "park"), decision("rejected", "business_park")]).model_dump(
        mode="json"
    )


def test_a_plan_arrives_once_however_often_it_is_sent(hub):
    body = _plan_json()
    first = httpx.post(f"{hub.api}/plans", json=body, headers={"Idempotency-Key": body["plan_key"]})
    again = httpx.post(f"{hub.api}/plans", json=body)
    assert (first.status_code, first.json()["duplicate"]) == (201, False)
    assert (again.status_code, again.json()) == (200, {"id": first.json()["id"], "duplicate": True})
    assert httpx.get(hub.api).json()["plans"] == 1
    summary = httpx.get(f"{hub.api}/summary").json()
    assert summary["funded_by_category"] == {"green_space": 1}


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        (("outcome", "score"), 101, "outcome.score"),
        (("decisions", 0, "kind"), "bought", "decisions.0.kind"),
        (("label",), "call me on 07700 900123", "label"),
        (("about",), {"age_band": "ninety"}, "about.age_band"),
    ],
)
def test_a_malformed_plan_gets_422_naming_the_field(hub, path, value, field):
    body = _plan_json()
    target = body
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    r = httpx.post(f"{hub.api}/plans", json=body)
    assert r.status_code == 422
    assert r.json()["field"] == field and r.json()["error"].startswith(field + ":")
    assert httpx.get(hub.api).json()["plans"] == 0


def test_a_body_over_the_limit_is_refused(hub):
    body = _plan_json()
    body["area_name"] = "x" * 70_000
    r = httpx.post(f"{hub.api}/plans", json=body)
    assert r.status_code == 413 and "bytes" in r.json()["error"]


def test_requests_are_rate_limited_per_client(tmp_path):
    from game.room.store import RoomStore

    store = RoomStore(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    info, _ = store.create_room("r")
    with ServerThread(create_app(store, HubSettings(rate_per_minute=0.5, rate_burst=5))) as srv:
        codes = [httpx.get(f"{srv.url}/api/rooms/{info.code}").status_code for _ in range(7)]
        static = httpx.get(f"{srv.url}/static/room.css").status_code
    store.close()
    # one request back every 2 minutes: even a loaded CI machine cannot refill mid-test
    assert codes[:5] == [200] * 5 and codes[5:] == [429, 429]
    assert static == 200  # the page's own files are not counted


def test_only_the_facilitator_token_moderates_exports_and_deletes(hub):
    i = httpx.post(f"{hub.api}/ideas", json=idea(1).model_dump(mode="json")).json()["id"]
    for method, path, kw in [
        ("POST", f"/ideas/{i}/moderate", {"json": {"status": "approved"}}),
        ("GET", "/moderation", {}),
        ("GET", "/export", {}),
        ("DELETE", "", {}),
    ]:
        assert httpx.request(method, hub.api + path, **kw).status_code == 403
        wrong = {"Authorization": "Bearer not-the-token"}
        assert httpx.request(method, hub.api + path, headers=wrong, **kw).status_code == 403
    assert httpx.get(f"{hub.api}/ideas").json() == []  # pending: not public
    r = httpx.post(f"{hub.api}/ideas/{i}/moderate", json={"status": "approved"}, headers=hub.auth)
    assert r.json()["status"] == "approved"
    assert [x["id"] for x in httpx.get(f"{hub.api}/ideas").json()] == [i]
    assert httpx.get(f"{hub.api}/export", headers=hub.auth).json()["ideas"][0]["id"] == i
    assert httpx.delete(hub.api, headers=hub.auth).json()["ideas"] == 1
    assert httpx.get(hub.api).status_code == 404


def test_one_support_per_player_per_idea(hub):
    i = httpx.post(f"{hub.api}/ideas", json=idea(1).model_dump(mode="json")).json()["id"]
    pending = httpx.post(f"{hub.api}/ideas/{i}/support", json={"player_key": "player-0002"})
    assert pending.status_code == 404  # not approved yet
    httpx.post(f"{hub.api}/ideas/{i}/moderate", json={"status": "approved"}, headers=hub.auth)
    codes = [
        httpx.post(f"{hub.api}/ideas/{i}/support", json={"player_key": "player-0002"}).status_code
        for _ in range(3)
    ]
    assert codes == [201, 200, 200]
    assert httpx.get(f"{hub.api}/ideas").json()[0]["supports"] == 1


def test_script_in_an_idea_is_shown_as_text_on_both_pages(hub):
    evil = "<script>document.title='pwned'</script><b>bold</b>"
    i = httpx.post(f"{hub.api}/ideas", json=idea(1, evil).model_dump(mode="json")).json()["id"]
    with httpx.Client(base_url=hub.url, follow_redirects=True) as fac:
        opened = fac.get(f"/f/{hub.code}", params={"token": hub.token})
        assert opened.status_code == 200 and str(opened.url).endswith(f"/f/{hub.code}")
        queue = fac.get(f"/f/{hub.code}").text
        assert "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;&lt;b&gt;" in queue
        assert "<script>document" not in queue and "<b>bold" not in queue
        fac.post(f"/api/rooms/{hub.code}/ideas/{i}/moderate", json={"status": "approved"})
    shown = httpx.get(f"{hub.url}/r/{hub.code}").text
    assert "&lt;script&gt;document.title" in shown and "<script>document" not in shown


def test_the_projector_page_never_shows_a_pending_idea_and_the_facilitator_page_needs_the_token(
    hub,
):
    httpx.post(f"{hub.api}/ideas", json=idea(1, "Skate park by the marina").model_dump(mode="json"))
    assert "Skate park" not in httpx.get(f"{hub.url}/r/{hub.code}").text
    assert "Skate park" not in httpx.get(f"{hub.url}/f/{hub.code}").text  # no token, no queue
    wrong = httpx.get(f"{hub.url}/f/{hub.code}", params={"token": "nope"}).text
    assert "not this room" in wrong and "Skate park" not in wrong


def test_the_openapi_schema_is_the_plan_model(hub):
    schema = httpx.get(f"{hub.url}/openapi.json").json()
    plan_schema = schema["components"]["schemas"]["PlanIn"]
    assert {"plan_key", "decisions", "outcome", "about"} <= set(plan_schema["properties"])
    assert schema["components"]["schemas"]["AboutYou"]["additionalProperties"] is False


def test_you_and_the_room_over_the_api(hub):
    for n, kinds in enumerate([["funded"], ["funded"], ["rejected"]], start=1):
        p = plan(n, [decision(k, "park") for k in kinds], score=40 + 10 * n)
        httpx.post(f"{hub.api}/plans", json=p.model_dump(mode="json"))
    mine = plan(1, [decision("funded", "park")], score=50)
    out = httpx.post(f"{hub.api}/you", json=mine.model_dump(mode="json")).json()
    assert out["plans"] == 3
    assert out["decisions"][0]["plans_same"] == 2 and out["decisions"][0]["share"] == 2 / 3
    score = next(o for o in out["outcome"] if o["key"] == "score")
    assert (score["yours"], score["room_median"]) == (50, 60)


def test_the_hub_takes_extra_routers_for_other_room_kinds(tmp_path):
    from fastapi import APIRouter

    from game.room.store import RoomStore

    extra = APIRouter()

    @extra.get("/api/rooms/{code}/round")
    def current_round(code: str) -> dict:
        return {"code": code, "round": 1}

    store = RoomStore(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    info, _ = store.create_room("Year 9", kind="class")
    with ServerThread(create_app(store, routers=[extra])) as srv:
        assert httpx.get(f"{srv.url}/api/rooms/{info.code}/round").json()["round"] == 1
        assert httpx.get(f"{srv.url}/api/rooms/{info.code}").json()["kind"] == "class"
    store.close()


def test_pages_carry_a_strict_content_security_policy_and_the_code_form_finds_the_room(hub):
    page = httpx.get(f"{hub.url}/r/{hub.code}")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert page.headers["referrer-policy"] == "no-referrer"
    found = httpx.get(
        f"{hub.url}/r", params={"code": f" {hub.code.lower()} "}, follow_redirects=True
    )
    assert found.status_code == 200 and str(found.url).endswith(f"/r/{hub.code}")
    assert httpx.get(f"{hub.url}/docs").status_code == 404  # no CDN-backed docs page


def test_behind_a_named_proxy_the_rate_limit_counts_each_real_client(tmp_path):
    """The hub behind a reverse proxy (here: loopback, named with trusted_proxies, as
    `room host --trusted-proxy IP` does): each player named by X-Forwarded-For has its own
    allowance. Without the proxy named, the header is ignored: everyone is the proxy."""
    from game.room.store import RoomStore

    store = RoomStore(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    info, _ = store.create_room("r")
    settings = HubSettings(rate_per_minute=0.5, rate_burst=3)

    def calls(srv: ServerThread, player: str, n: int) -> list[int]:
        url = f"{srv.url}/api/rooms/{info.code}"
        return [httpx.get(url, headers={"X-Forwarded-For": player}).status_code for _ in range(n)]

    with ServerThread(create_app(store, settings), trusted_proxies=("127.0.0.1",)) as srv:
        a, b = calls(srv, "203.0.113.7", 4), calls(srv, "203.0.113.8", 3)
    with ServerThread(create_app(store, settings)) as srv:
        c, d = calls(srv, "203.0.113.7", 3), calls(srv, "203.0.113.8", 1)
    store.close()
    assert a == [200, 200, 200, 429] and b == [200] * 3  # two players, two allowances
    assert c == [200] * 3 and d == [429]  # proxy not named: one allowance for all
