"""Rooms: many players' plans and ideas pooled into what a growth body can hear.

models (the one schema), plans (a finished game -> a plan), aggregate ("what the room
chose", "you and the room"), store (SQLAlchemy), server (the hub), client (the game's side:
httpx + an outbox), report (the listening report). No pygame anywhere in here.
"""
