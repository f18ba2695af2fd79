"""`python -m game`: the same command line as `civic-futures` and `python main.py`."""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main(prog="python -m game"))
