"""Rooms: many players' plans and ideas pooled into what a growth body can hear.

models (the one schema), plans (a finished game -> a plan), aggregate ("what the room
chose", "you and the room"), store (SQLAlchemy), server (the hub), client (the game's side:
httpx + an outbox, or the local store), report (the listening report). No pygame here.

Where a class room (issue 12) plugs in, without changing what is here:
- a room has a `kind` ("stand" | "class" | "consultation") and a JSON `settings` column
  (area, years, round minutes); teams are players with a label (the same filtered Label),
  rounds and shocks get their own tables in migration 0003;
- rounds and the timer belong in game/room/classroom.py as plain state driven by a clock
  passed in (never read), so the tests use a fake clock;
- the hub takes extra routers (`create_app(store, settings, routers=[class_router])`) and
  the page's live fragment is one template (`live.html`) a class view can extend;
- RoomLink is the game's single handle: a class client adds "current round" polling there.
"""
