"""The layers contract names every part of editor_app, so a new package cannot slip outside it.

`make test` runs lint-imports itself; these tests keep the contract complete.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "editor_app"


def contracts() -> list[dict]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return config["tool"]["importlinter"]["contracts"]


def layers_contract() -> dict:
    (found,) = [contract for contract in contracts() if contract["type"] == "layers"]
    return found


def named_in_layers() -> set[str]:
    return {
        name.strip()
        for layer in layers_contract()["layers"]
        for name in re.split(r"[|:]", layer.strip("()"))
    }


def parts_of_editor_app() -> set[str]:
    """Every package and every top-level module of editor_app."""
    folders = {path.name for path in PACKAGE.iterdir() if path.is_dir() and any(path.rglob("*.py"))}
    modules = {path.stem for path in PACKAGE.glob("*.py") if path.name != "__init__.py"}
    return folders | modules


def test_every_package_of_editor_app_has_a_layer():
    missing = parts_of_editor_app() - named_in_layers()
    assert not missing, f"give these a layer in pyproject.toml: {sorted(missing)}"


def test_the_layers_contract_names_nothing_that_is_gone():
    assert named_in_layers() <= parts_of_editor_app()


def test_every_folder_of_code_is_a_package():
    """A folder without __init__.py is a namespace package the linter does not see."""
    for name in parts_of_editor_app():
        folder = PACKAGE / name
        if folder.is_dir():
            assert (folder / "__init__.py").is_file(), folder


def test_the_linter_checks_the_layers_exhaustively():
    """lint-imports itself then fails for a package that is not given a layer."""
    contract = layers_contract()
    assert contract["containers"] == ["editor_app"]
    assert contract["exhaustive"] is True


def forbidden_contracts() -> list[dict]:
    return [contract for contract in contracts() if contract["type"] == "forbidden"]


def test_the_third_party_contracts_start_from_the_whole_of_editor_app():
    """New packages are covered without editing the contracts; exceptions are named."""
    third_party = [
        c for c in forbidden_contracts() if not c["forbidden_modules"][0].startswith("editor_app")
    ]
    assert {tuple(contract["forbidden_modules"]) for contract in third_party} == {
        ("PySide6",),
        ("sqlite_utils", "sqlite3"),
    }
    for contract in third_party:
        assert contract["source_modules"] == ["editor_app"]


def layers_above(name: str) -> set[str]:
    """The parts of editor_app in the layers above `name`'s layer."""
    above: set[str] = set()
    for layer in layers_contract()["layers"]:
        names = {part.strip() for part in re.split(r"[|:]", layer.strip("()"))}
        if name in names:
            return above
        above |= names
    raise AssertionError(f"{name} has no layer")


def test_every_layer_above_storage_keeps_to_the_storage_package_root():
    """A new package above storage must be named in the contract that keeps it off storage's modules."""
    (contract,) = [
        c for c in forbidden_contracts() if c["forbidden_modules"] == ["editor_app.storage.*"]
    ]
    named = {source.removeprefix("editor_app.") for source in contract["source_modules"]}
    assert named == layers_above("storage")
