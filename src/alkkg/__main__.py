"""``python -m alkkg``."""

from .cli import main

main()
