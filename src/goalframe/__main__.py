"""Run the command line: ``python -m goalframe``."""

from goalframe.cli import main

main()
