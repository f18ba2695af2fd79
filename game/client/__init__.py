"""The pygame client: the only package that imports pygame / pygame_gui.

Entry points: `game.client.app.run_game()` (the window), `game.client.screenshots.render_all()`
and `game.client.bench.run_client_bench()`.
"""
