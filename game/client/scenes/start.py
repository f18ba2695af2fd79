"""Starting a game: a new one for the chosen area, or the autosaved one resumed. Both wait
behind a loading screen, then open the year screen (through app.screens)."""

from __future__ import annotations

import secrets

from game.client.context import full_collect
from game.client.dialogs import MessageDialog
from game.client.loading import LoadingScene
from game.client.scene import Host
from game.errors import CivicError
from game.play import GameSession, SaveFile
from game.store.saves import load_and_replay


class StartGameScene(LoadingScene):
    """Create the session in the background, autosave it, then show the first year."""

    name = "loading"

    def __init__(self, app: Host, area_code: str, area_name: str) -> None:
        super().__init__(
            app,
            app.ctx.tr("year.preparing", name=area_name),
            self._start,
            self._started,
            self._failed,
        )
        self.area_code = area_code
        ctx = app.ctx
        self.seed = ctx.seed if ctx.seed is not None else secrets.randbelow(2**31)

    def _start(self) -> GameSession:
        ctx = self.ctx
        ctx.session = None
        full_collect()  # the previous game's garbage, while the loading screen shows
        session = ctx.session_factory(ctx.world, self.area_code, self.seed)
        ctx.session = session
        ctx.autosave()
        return session

    def _started(self, _session: object) -> None:
        self.app.stack.reset(self.app.screens.year())
        # a first game (and every visitor at a stand) starts with how to play
        if self.ctx.kiosk is not None or not self.ctx.settings.seen_how_to_play:
            self.app.stack.push(self.app.screens.how_to_play())

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, CivicError):
            raise exc
        self.app.stack.pop()
        self.app.stack.push(MessageDialog(self.app, self.t("year.start_failed"), str(exc)))


class ContinueScene(LoadingScene):
    """Load the autosave and replay it; a corrupt save gets a clear message and is kept."""

    name = "continue"

    def __init__(self, app: Host) -> None:
        super().__init__(
            app, app.ctx.tr("continue.loading"), self._load, self._loaded, self._failed
        )

    def _load(self) -> GameSession:
        self.ctx.session = None
        full_collect()
        world = self.ctx.world
        # any failure -- unreadable, malformed, or a replay that no longer matches -- sets
        # the file aside byte for byte and is reported in the dialog naming it
        return load_and_replay(
            self.ctx.save_path, SaveFile, lambda save: self.ctx.resume_factory(world, save)
        )

    def _loaded(self, session: GameSession) -> None:
        self.ctx.session = session
        # a finished game reopens at its final report, never as "Year 11 of 10"
        screen = self.app.screens.report("final") if session.finished else self.app.screens.year()
        self.app.stack.reset(screen)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, CivicError):
            raise exc
        self.app.stack.pop()
        self.app.stack.push(
            MessageDialog(
                self.app,
                self.t("continue.error_title"),
                self.t("continue.error_body", detail=str(exc)),
            )
        )
