"""``python -m adapters`` runs the quotebot CLI (used where the console script is not on PATH)."""

from .cli import main

main()
