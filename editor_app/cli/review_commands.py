"""(commands registered here as they land)"""


def register(subparsers) -> None:
    """Add this module's sub-commands."""
