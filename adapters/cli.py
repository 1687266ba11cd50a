"""The ``quotebot`` command line: a thin shell over ``corpus`` and ``bot``.

Library errors become :class:`click.ClickException` here, at the edge.
"""

from __future__ import annotations

import click

from . import cli_corpus, cli_demo


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="quotebot")
def cli() -> None:
    """quotebot: who said what, from a corpus of news quotes.

    Every command takes --db FILE (default: $QUOTEBOT_DB, else ./quotebot.db).
    """


for module in (cli_corpus, cli_demo):
    module.register(cli)

try:  # commands whose modules arrive with later work register themselves when present
    from . import cli_bot
except ImportError:  # pragma: no cover - only while a room is being built
    pass
else:
    cli_bot.register(cli)


def main() -> None:
    cli(prog_name="quotebot")
