"""Class rooms (issue 12): teams of pupils play the same area (or each its own) in timed
rounds run from the teacher's page; the hub holds every team's game (game.play.GameSession)
and keeps it in the store, so a team whose PC crashes loses nothing, a hub restarted picks
the class up where it was, and a team that did nothing still has its year ended at time-up.
No pygame here."""
