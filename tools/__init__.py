"""Data-making tools beside the application (not shipped with it)."""
