"""Scheduling: digests, follow alerts, their store, settings file, delivery and chart. Uses
:mod:`bot.answering` (cards, commands, topics); answering never imports this package."""
