"""Reading a page image back with tesseract (chi_sim, automatic page segmentation, hOCR)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

LANGUAGE = "chi_sim"
PAGE_SEGMENTATION = "3"


def tesseract() -> str | None:
    """The tesseract executable, or None when it is not installed."""
    return shutil.which("tesseract")


def read_image(image: Path, *, alto: bool = False) -> float:
    """Write IMAGE's stem + .hocr (and .xml, ALTO, when asked); returns the seconds it took.

    One thread per tesseract: pages run side by side in processes instead.
    """
    executable = tesseract()
    if executable is None:
        raise RuntimeError("tesseract is not installed")
    out_base = image.with_suffix("")
    formats = ["hocr"] + (["alto"] if alto else [])
    command = [executable, str(image), str(out_base), "-l", LANGUAGE, "--psm", PAGE_SEGMENTATION]
    environment = dict(os.environ, OMP_THREAD_LIMIT="1")
    started = time.perf_counter()
    subprocess.run(command + formats, check=True, capture_output=True, env=environment)
    return time.perf_counter() - started
