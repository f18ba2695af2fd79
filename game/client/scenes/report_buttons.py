"""The final report's buttons (report pack, you and the room, see why, finish) and the
what-if buttons beside the tabs: apart from the report screen's drawing."""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path

from game.client.scene import H, Scene, W

# the final report's last button: a stand readies for the next visitor, a class game goes
# back to its lobby, a solo game to the title
_DONE_KEY = {
    "stand": "report.finish_stand",
    "class": "class.report.done",
    "solo": "report.to_title",
}


class ReportButtons(Scene):
    """The report screen's buttons; ReportScene (scenes/report.py) supplies the page, the
    pack being written and the actions."""

    page: str
    pack: Future[Path] | None

    def write_pack(self) -> None: ...
    def you_and_room(self) -> None: ...
    def see_why(self) -> None: ...
    def to_title(self) -> None: ...

    def _done_kind(self) -> str:
        if self.ctx.class_game is not None:
            return "class"
        return "stand" if self.ctx.kiosk is not None else "solo"

    def final_buttons(self) -> None:
        # at a public stand the pack would be written onto the stand's own disk, where
        # the visitor cannot take it: no button (the finished game is recorded anyway)
        if self.ctx.session is not None and self.ctx.kiosk is None:
            busy = self.pack is not None and not self.pack.done()
            self.button(
                (24, H - 66, 300, 54),
                self.t("report.pack_writing" if busy else "report.write_pack"),
                self.write_pack,
                cls="secondary",
                name="write_pack",
                enabled=not busy,
            )
        room, session = self.ctx.room, self.ctx.session
        if room is not None and session is not None and session.finished:
            room.finish(session)  # the plan goes to the room once, on a worker thread
            self.button(
                (340, H - 66, 280, 54),
                self.t("report.you_and_room"),
                self.you_and_room,
                cls="secondary",
                name="you_and_room",
            )
        if self.page == "verdict" and self.ctx.session is not None:
            self.button(
                (W - 344 - 300, H - 66, 284, 54),
                self.t("report.see_why"),
                self.see_why,
                cls="secondary",
                name="see_why",
            )
        self.button(
            (W - 344, H - 66, 320, 54),
            self.t(_DONE_KEY[self._done_kind()]),
            self.to_title,
            cls="big",
            name="done",
        )

    def what_if_buttons(self) -> int:
        """Go back to an earlier year (the game so far is kept), and, once a line is kept,
        the two futures side by side. Returns the left edge of what it placed."""
        s = self.ctx.session
        if s is None or s.turn < 1 or self.ctx.class_game is not None:  # a class: one line
            return W - 24
        self.button(
            (W - 24 - 240, 76, 240, 48),
            self.t("report.what_if"),
            lambda: self.app.stack.push(self.app.screens.go_back()),
            cls="secondary",
            name="what_if",
        )
        if s.kept:
            self.button(
                (W - 24 - 490, 76, 240, 48),
                self.t("report.futures"),
                lambda: self.app.stack.push(self.app.screens.futures()),
                cls="secondary",
                name="futures",
            )
            return W - 24 - 490
        return W - 24 - 240
