"""Answering: a request in, a reply out — commands, query parsing, quote cards, button state,
topic aliases and the :class:`~bot.answering.core.Core`. Never imports :mod:`bot.scheduling`."""
