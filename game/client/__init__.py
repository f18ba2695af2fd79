"""The pygame client: the only package that imports pygame / pygame_gui.

Entry points: `game.client.app.run_game()` (the window), `game.client.screenshots.render_all()`
and `game.client.bench.run_client_bench()`.
"""

import os

# pygame prints a banner on import unless told not to; the game has its own title screen.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
