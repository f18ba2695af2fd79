"""The engine: population, labour market, project impacts and approval (numpy, no pygame).

Import the submodules directly (game.sim.population, game.sim.labour, ...); this package
deliberately imports nothing so `import game.sim` stays cheap.
"""
