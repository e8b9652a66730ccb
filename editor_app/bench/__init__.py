"""Performance benchmark: `python -m editor_app bench`."""
