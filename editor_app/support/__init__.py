"""Small utilities every layer may use: worker processes, the cache folder, readable errors.

The bottom of the layers: it imports nothing else of editor_app.
"""
