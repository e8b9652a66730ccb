"""The learned join decision: a logistic model over the features of a cut (`join_features`).

The model file is plain text: a `#threshold` line, then one `feature<TAB>weight` line per
feature that weighs (log-odds of "goes on at the next line"). The shipped one is
`join_model.tsv` beside this module, described by `join_model.tsv.json` (the digest of the
data it was trained on); `python -m editor_app train-joins` makes both. Pages read from an OCR
file with their layout are decided by `join_model.layout.tsv` (`train-joins --layout`), which
learned the print's features (`g:…`) as well.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

from editor_app.cleanup.join_features import OCR_PREFIX
from editor_app.support.model_files import layout_model_path, open_shipped

DEFAULT_MODEL = Path(__file__).with_name("join_model.tsv")

DEFAULT_LAYOUT_MODEL = layout_model_path(DEFAULT_MODEL)
THRESHOLD_KEY = "#threshold"
DEFAULT_THRESHOLD = 0.5
# Readable reasons for the features that can weigh most towards a join, by name prefix;
# features of length alone explain nothing to an editor and are passed over.
REASONS = (
    (("x_", "xw="), "断行处前后的字组成一个词"),
    (("a_open_",), "上段的引号或括号未闭合"),
    (("b_closes_first",), "下段先闭合了上段的引号或括号"),
    (("col=", "g:fill=full", "g:fill1=full"), "上段写满一行便断开"),
    (("g:move=next", "g:ind=0", "g:left=0"), "下段在下一栏顶格接排，没有段首缩进"),
    (("aec=", "ae=", "ae2=", "tail="), "上段停在句子中间"),
    (("bs=", "bsc=", "head=", "aec|bsc="), "下段的开头接着上段"),
)
DEFAULT_REASON = "上段未以句末标点结束，下段接续"


class JoinModelError(ValueError):
    """A model file that cannot be read; the message says where."""


class JoinModel:
    def __init__(self, weights: dict[str, float], threshold: float = DEFAULT_THRESHOLD):
        self.weights = weights
        self.threshold = threshold

    @classmethod
    def from_text(cls, text: str) -> JoinModel:
        weights: dict[str, float] = {}
        threshold = DEFAULT_THRESHOLD
        for number, line in enumerate(text.splitlines(), 1):
            name, _, value = line.partition("\t")
            try:
                if name == THRESHOLD_KEY:
                    threshold = float(value)
                elif name:
                    weights[name] = float(value)
            except ValueError as error:
                raise JoinModelError(f"line {number}: {error}") from error
        return cls(weights, threshold)

    @classmethod
    def load(cls, path: str | Path) -> JoinModel:
        return cls.from_text(Path(path).read_text(encoding="utf-8"))

    def to_text(self) -> str:
        lines = [f"{THRESHOLD_KEY}\t{self.threshold!r}"]
        lines += [f"{name}\t{weight!r}" for name, weight in sorted(self.weights.items())]
        return "\n".join(lines) + "\n"

    def probability(self, features: list[str]) -> float:
        """P(the first line goes on at the second) for a cut's features."""
        get = self.weights.get
        score = sum(get(name, 0.0) for name in features)
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, score))))

    def decide(
        self, features: list[str], verdict: tuple[str, float] | None
    ) -> tuple[str, float] | None:
        """(reason, confidence) when the model joins; the rule's reason when it has one."""
        confidence = self.probability(features)
        if confidence < self.threshold:
            return None
        reason = verdict[0] if verdict is not None else self.reason(features)
        return reason, round(confidence, 3)

    def reason(self, features: list[str]) -> str:
        """What weighed most towards the join, in an editor's words."""
        ranked = sorted(((self.weights.get(name, 0.0), name) for name in features), reverse=True)
        for weight, name in ranked:
            if weight <= 0:
                break
            for prefixes, text in REASONS:
                if name.removeprefix(OCR_PREFIX).startswith(prefixes):
                    return text
        return DEFAULT_REASON


def shipped_join_model(with_layout: bool = False) -> JoinModel | None:
    """The model shipped in the package for pages without geometry, or with `with_layout`
    the one for pages that carry their layout (the text model when that file is missing or
    bad); None when neither can be read."""
    return open_shipped(DEFAULT_MODEL, DEFAULT_LAYOUT_MODEL, with_layout, _open)


@lru_cache(maxsize=2)
def _open(path: Path) -> JoinModel | None:
    """A shipped model file, read once; None when it is missing or bad."""
    try:
        return JoinModel.load(path)
    except (OSError, UnicodeDecodeError, JoinModelError):
        return None
