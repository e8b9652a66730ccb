"""Review widgets the main window embeds: history, search and replace, statistics, filters.

Each widget takes an open Project and reads through it; writes go through a `run`
callable (the window's OperationRunner.run), so every change is one Project operation.
"""
