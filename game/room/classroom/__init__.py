"""Class rooms (issue 12): teams of pupils play the same area in timed rounds run from the
teacher's page; the hub holds every team's game (game.play.GameSession), so a team whose
PC crashes loses nothing and a team that did nothing still has its year ended at time-up.
No pygame here."""
