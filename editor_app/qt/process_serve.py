"""The worker's side of a ProcessJob: no Qt here, so a worker imports only what it runs."""

from __future__ import annotations

from collections.abc import Callable
from multiprocessing.connection import Connection


def serve(writer: Connection, function: Callable[..., object], args: tuple) -> None:
    """Run function(*args, progress); send its progress, then its result or its error."""

    def progress(done: int, total: int) -> None:
        writer.send(("progress", done, total))

    try:
        result = function(*args, progress)
    except Exception as error:  # the window shows it
        writer.send(("error", type(error).__name__, str(error)))
    else:
        writer.send(("done", result))
    finally:
        writer.close()
