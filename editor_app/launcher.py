"""`python -m editor_app COMMAND ...` and `qingyang COMMAND ...`: every command.

The command line and the Qt shell are peers that know nothing of each other. The
benchmark drives both (its window figures come from a probe in the Qt shell), so its
command joins the others here, above both.
"""

from __future__ import annotations

from editor_app import cli
from editor_app.bench import command as bench_command

COMMAND_MODULES = (*cli.COMMAND_MODULES, bench_command)


def main(argv: list[str] | None = None) -> int:
    return cli.main(argv, COMMAND_MODULES)
