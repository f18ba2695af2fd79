"""Every screen by name: the one module that knows all the scene classes.

Scenes open each other through `app.screens` (the Screens protocol in game.client.scene),
so no scene imports another; the import-linter contracts in pyproject.toml hold that.
"""

from __future__ import annotations

from game.client.scene import Host, Scene
from game.client.scenes.advance import AdvanceScene
from game.client.scenes.area_choice import AreaChoiceScene
from game.client.scenes.charts_scene import ChartsScene
from game.client.scenes.class_lobby import ClassLobbyScene
from game.client.scenes.consult import ClassConsultDialog, ConsultDialog
from game.client.scenes.credits import CreditsScene
from game.client.scenes.futures import FuturesScene, GoBackDialog
from game.client.scenes.help import HelpDialog
from game.client.scenes.how_to_play import HowToPlayDialog
from game.client.scenes.menu import MenuDialog
from game.client.scenes.newspaper import NewspaperScene
from game.client.scenes.report import ReportScene
from game.client.scenes.room_ideas import IdeasScene
from game.client.scenes.room_join import AboutYouScene, JoinRoomScene
from game.client.scenes.settings_scene import SettingsScene
from game.client.scenes.stand import AttractScene, StaffPinDialog, StillThereDialog
from game.client.scenes.start import ContinueScene, StartGameScene
from game.client.scenes.title import TitleScene
from game.client.scenes.year import YearScene
from game.client.scenes.year.class_year import ClassYearScene
from game.client.scenes.you_and_room import YouAndRoomScene
from game.play import YearSummary


class SceneFactory:
    """Builds each screen for one application (implements game.client.scene.Screens)."""

    def __init__(self, app: Host) -> None:
        self.app = app

    def title(self) -> Scene:
        # at a public stand the attract screen stands in for the title everywhere
        if self.app.ctx.kiosk is not None:
            return AttractScene(self.app)
        return TitleScene(self.app)

    def attract(self) -> Scene:
        return AttractScene(self.app)

    def still_there(self) -> Scene:
        return StillThereDialog(self.app)

    def staff_pin(self) -> Scene:
        return StaffPinDialog(self.app)

    def area_choice(self) -> Scene:
        return AreaChoiceScene(self.app)

    def start_game(self, area_code: str, area_name: str) -> Scene:
        return StartGameScene(self.app, area_code, area_name)

    def continue_game(self) -> Scene:
        return ContinueScene(self.app)

    def year(self) -> Scene:
        return YearScene(self.app)

    def advance(self) -> Scene:
        return AdvanceScene(self.app)

    def newspaper(self, summary: YearSummary) -> Scene:
        return NewspaperScene(self.app, summary)

    def report(self, kind: str) -> Scene:
        return ReportScene(self.app, kind)

    def charts(self, tab: str = "population", group: str | None = None) -> Scene:
        return ChartsScene(self.app, tab, group)

    def go_back(self) -> Scene:
        return GoBackDialog(self.app)

    def futures(self) -> Scene:
        return FuturesScene(self.app)

    def consult(self, card_id: str) -> Scene:
        if self.app.ctx.class_game is not None:  # the hub answers in a class game
            return ClassConsultDialog(self.app, card_id)
        return ConsultDialog(self.app, card_id)

    def menu(self) -> Scene:
        return MenuDialog(self.app)

    def help(self) -> Scene:
        return HelpDialog(self.app)

    def how_to_play(self) -> Scene:
        return HowToPlayDialog(self.app)

    def settings(self) -> Scene:
        return SettingsScene(self.app)

    def credits(self) -> Scene:
        return CreditsScene(self.app)

    # rooms (issue 11)
    def join_room(self) -> Scene:
        return JoinRoomScene(self.app)

    def about_you(self) -> Scene:
        return AboutYouScene(self.app)

    def room_ideas(self) -> Scene:
        return IdeasScene(self.app)

    def you_and_room(self) -> Scene:
        return YouAndRoomScene(self.app)

    # class games (issue 12)
    def class_lobby(self) -> Scene:
        return ClassLobbyScene(self.app)

    def class_year(self) -> Scene:
        return ClassYearScene(self.app)
