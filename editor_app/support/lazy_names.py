"""Names of a package that load their module on first use (a module-level `__getattr__`)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import import_module


def names_loaded_on_use(package: str, module_of: dict[str, str]) -> Callable[[str], object]:
    """The `__getattr__` of `package`: `name` is looked up in `package.<module_of[name]>`,
    imported then, and kept on the package, so the next lookup is an ordinary one."""

    def __getattr__(name: str):
        module = module_of.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f"{package}.{module}"), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
