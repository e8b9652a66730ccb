"""`make translations`: refresh the .ts sources from the code, compile them to .qm.

pyside6-lupdate collects every self.tr / QCoreApplication.translate / QT_TRANSLATE_NOOP
string of editor_app/qt into resources/translations/qingyang_zh_CN.ts, keeping the
translations already there; translators edit the .ts (Qt Linguist); pyside6-lrelease
compiles it to the .qm the application loads. Both files are committed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from editor_app.qt.i18n import TRANSLATIONS

QT_PACKAGE = Path(__file__).resolve().parent
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    """A Qt tool from this environment's bin folder, else from PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(QT_PACKAGE.parents[1])) for p in QT_PACKAGE.rglob("*.py"))


def build() -> list[Path]:
    root = QT_PACKAGE.parents[1]
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    compiled = []
    for language in LANGUAGES:
        ts = TRANSLATIONS / f"qingyang_{language}.ts"
        qm = ts.with_suffix(".qm")
        subprocess.run(
            [tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-ts", str(ts)],
            check=True,
            cwd=root,
        )
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, cwd=root)
        compiled.append(qm)
    return compiled


if __name__ == "__main__":
    for path in build():
        print(path)
