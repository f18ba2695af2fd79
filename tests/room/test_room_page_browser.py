"""The facilitator's page in Debian's headless chromium (Playwright, never a downloaded
browser): a plan submitted through the API appears by itself, an idea is approved from
the keyboard, a <script> idea shows as text, and a screenshot is saved."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import httpx
from room_samples import decision, idea, plan


def test_the_facilitator_page_updates_itself_and_moderates(hub, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    page.goto(f"{hub.url}/f/{hub.code}?token={hub.token}")
    assert page.url.endswith(f"/f/{hub.code}")  # the token became a cookie
    assert page.get_by_test_id("code").inner_text() == hub.code
    assert page.get_by_test_id("plans").inner_text() == "0"
    assert page.locator(".qr svg").count() == 1

    p = plan(1, [decision("funded", "park", cost=2.5e6), decision("funded", "business_park")])
    httpx.post(f"{hub.api}/plans", json=p.model_dump(mode="json")).raise_for_status()
    # polls every 0.5 s here (<= 2 s by default): the plan shows without a reload
    page.get_by_test_id("plans").filter(has_text="1").wait_for(timeout=2500)
    assert "Urban park" in page.locator("section.chose").inner_text()

    evil = "<script>document.title='pwned'</script> More buses after 10pm"
    httpx.post(f"{hub.api}/ideas", json=idea(1, evil).model_dump(mode="json")).raise_for_status()
    queued = page.locator(".queue li.idea")
    queued.first.wait_for(timeout=2500)
    assert queued.first.locator(".text").inner_text() == evil  # shown as text
    page.locator(".queue button.approve").first.focus()
    page.keyboard.press("Enter")  # keyboard-usable
    shown = page.locator(".ideas li.approved .text")
    shown.first.wait_for(timeout=2500)
    assert shown.first.inner_text() == evil
    assert page.locator(".queue li.idea").count() == 0
    assert page.title() != "pwned"
    assert hub.store.ideas(hub.code)[0].status == "approved"

    shot = tmp_path / "facilitator.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    if os.environ.get("CIVIC_SHOTS_DIR"):  # keep it to look at
        Path(os.environ["CIVIC_SHOTS_DIR"]).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(os.environ["CIVIC_SHOTS_DIR"]) / "room_facilitator.png")

    projector = browser.new_page(viewport={"width": 1920, "height": 1080})
    projector.goto(f"{hub.url}/r/{hub.code}")
    assert projector.locator(".ideas li.approved .text").first.inner_text() == evil
    assert projector.locator(".queue").count() == 0  # no moderation on the shared screen
    projector.screenshot(path=str(tmp_path / "projector.png"))
    if os.environ.get("CIVIC_SHOTS_DIR"):
        shutil.copy(
            tmp_path / "projector.png", Path(os.environ["CIVIC_SHOTS_DIR"]) / "room_projector.png"
        )
    page.close()
    projector.close()


def test_a_busy_room_fits_one_projector_screen(hub, browser, tmp_path):
    """Twelve plans with all twenty groups' approvals and six ideas: at 1920x1080 the
    projector shows the charts and every idea without scrolling, and the approval chart
    names the most and least content groups (the facilitator's page keeps all twenty)."""
    from game.room.models import GroupOutcome
    from game.room.names import group_names

    groups = sorted(group_names())
    assert len(groups) == 20
    kinds = ["park", "business_park", "primary_school"]
    for n in range(1, 13):
        p = plan(n, [decision("funded", kinds[n % 3]), decision("rejected", kinds[(n + 1) % 3])])
        p.outcome.approvals = [
            GroupOutcome(group_id=g, approval=30 + (i * 3 + n) % 50) for i, g in enumerate(groups)
        ]
        httpx.post(f"{hub.api}/plans", json=p.model_dump(mode="json")).raise_for_status()
    texts = [f"Idea number {i}: more buses after 10pm on weekdays" for i in range(1, 7)]
    for i, text in enumerate(texts, start=1):
        httpx.post(
            f"{hub.api}/ideas", json=idea(i, text).model_dump(mode="json")
        ).raise_for_status()
    for it in hub.store.ideas(hub.code):
        r = httpx.post(
            f"{hub.api}/ideas/{it.id}/moderate", headers=hub.auth, json={"status": "approved"}
        )
        r.raise_for_status()

    projector = browser.new_page(viewport={"width": 1920, "height": 1080})
    projector.goto(f"{hub.url}/r/{hub.code}")
    assert projector.evaluate("document.documentElement.scrollHeight") <= 1080
    for text in texts:
        assert projector.get_by_text(text).is_visible()
        box = projector.get_by_text(text).bounding_box()
        assert box is not None and box["y"] + box["height"] <= 1080
    heading = projector.locator("h3", has_text="Average approval").inner_text()
    assert "3 most and 3 least content of 20" in heading
    assert projector.locator(".chose svg[aria-label*='approval'] rect").count() == 6
    # every plan ended "mixed": the chart says what that means, in words
    legend = projector.locator(".legend").inner_text()
    assert "Mixed reception: some groups gained, others lost out" in legend
    assert "Angry mob" not in legend  # only endings the room reached are explained
    projector.screenshot(path=str(tmp_path / "busy_projector.png"))
    if os.environ.get("CIVIC_SHOTS_DIR"):
        shutil.copy(
            tmp_path / "busy_projector.png",
            Path(os.environ["CIVIC_SHOTS_DIR"]) / "room_projector_busy.png",
        )
    facilitator = browser.new_page(viewport={"width": 1600, "height": 1000})
    facilitator.goto(f"{hub.url}/f/{hub.code}?token={hub.token}")
    assert facilitator.locator(".chose svg[aria-label*='approval'] rect").count() == 20
    projector.close()
    facilitator.close()
