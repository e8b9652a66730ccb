"""An import reads an OCR page's text without making its words where it can: the raw text,
line boxes and refusals are the same as the full reading's, whatever the page holds."""

from __future__ import annotations

import pytest
from lxml import etree

from editor_app.bench.alto_pages import alto_page
from editor_app.ingest.ocr_alto import read_alto_text
from editor_app.ingest.ocr_read import OcrFormatError, read_ocr, read_ocr_text
from editor_app.ingest.ocr_text import join_words, page_text
from tests.ocr.pages import TESSERACT, TRANSCRIBED


def _outcome(read, data: bytes):
    try:
        return read(data, "page-03.xml")
    except OcrFormatError as error:
        return ("refused", str(error))


def _assert_read_alike(data: bytes):
    full = _outcome(lambda d, n: page_text(read_ocr(d, n)), data)
    assert _outcome(read_ocr_text, data) == full
    return full


def _string(text: str, x: int, y: int = 10, width: int = 40) -> str:
    return f'<String CONTENT="{text}" HPOS="{x}" VPOS="{y}" WIDTH="{width}" HEIGHT="20"/>'


def _line(strings: str, y: int = 10, extra: str = "") -> str:
    return f'<TextLine HPOS="10" VPOS="{y}" WIDTH="900" HEIGHT="20">{strings}{extra}</TextLine>'


def _alto(blocks: str, size: str = 'WIDTH="1000" HEIGHT="800"') -> bytes:
    return (
        '<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Description>'
        f"<MeasurementUnit>pixel</MeasurementUnit></Description><Layout><Page {size}>"
        f"<PrintSpace>{blocks}</PrintSpace></Page></Layout></alto>"
    ).encode()


def _block(*lines: str, boxed: bool = True) -> str:
    box = ' HPOS="10" VPOS="10" WIDTH="900" HEIGHT="600"' if boxed else ""
    return f"<TextBlock{box}>{''.join(lines)}</TextBlock>"


def test_a_tesseract_page_is_read_plainly_to_the_same_text_and_boxes():
    data = TESSERACT["alto"].read_bytes()
    assert read_alto_text(etree.fromstring(data), "p.xml") is not None
    page = _assert_read_alike(data)
    assert page.text.startswith("城市副中心新建三座公园\n\n本报讯")
    assert page.line_boxes[1] == ()


@pytest.mark.parametrize("number", range(4))
def test_generated_bench_pages_read_alike(number):
    text = "本报讯（记者 王明）今天，城市副中心新建三座公园。\nThe 2024 plan: 3 parks, 12 km.\n"
    _assert_read_alike(alto_page(text * (number + 1), number))


@pytest.mark.parametrize(
    "path", [TESSERACT["hocr"], TRANSCRIBED["alto2"], *map(TRANSCRIBED.get, ("page2019",))]
)
def test_other_pages_read_alike(path):
    """hOCR, PAGE and ALTO in mm10 are read in full; the result is the same."""
    _assert_read_alike(path.read_bytes())


LINES = {
    "Chinese characters": _line(_string("新", 10) + _string("华", 60) + _string("社", 110)),
    "Latin words": _line(_string("The", 10) + _string("exam", 60, width=60)),
    "a hyphen at the end": _line(_string("exam", 10), extra="<HYP CONTENT='-'/>"),
    "a hyphen first": _line("<HYP CONTENT='-'/>" + _string("ple", 10)),
    "spaces inside": _line(_string("记 者", 10) + _string(" 王明 ", 60) + _string("a\tb", 110)),
    "an ideographic space": _line(_string("记\u3000者", 10) + _string("x", 60)),
    "an em space": _line(_string("记\u2003者", 10)),
    "empty strings": _line(_string("", 10) + _string("字", 60) + _string("", 110)),
    "a line of spaces": _line(_string(" ", 10) + _string("&#10;", 60)),
    "a string without text": _line('<String HPOS="10" VPOS="10" WIDTH="5" HEIGHT="5"/>'),
    "a line break inside": _line(_string("新&#13;&#10;华", 10)),
    "mixed": _line(_string("2024年", 10) + _string("3月", 60) + _string("GDP", 110)),
    "decimals": _line(_string("字", 10).replace('HPOS="10"', 'HPOS="10.4"')),
    "a word past the edge": _line(_string("字", 990)),
    "a word rounded onto the page": _line(_string("字", 10).replace('"40"', '"990.4"')),
    "a word without a box": _line('<String CONTENT="字" HPOS="10"/>'),
    "a word of negative width": _line(_string("字", 100, width=-20)),
    "a line without a box": f"<TextLine>{_string('字', 10)}</TextLine>",
}


@pytest.mark.parametrize("line", LINES.values(), ids=LINES.keys())
def test_unusual_lines_read_alike(line):
    empty = _line(_string("  ", 10), y=40)
    _assert_read_alike(_alto(_block(line, empty, _line(_string("行", 10), y=70))))
    _assert_read_alike(_alto(_block(line, boxed=False) + _block(_line(_string("段", 10)))))


@pytest.mark.parametrize(
    "data",
    [
        _alto(_block(_line(_string("字", 10))).replace('HEIGHT="600"', 'HEIGHT="900"')),
        _alto(_block(_line(_string("字", 10))), size='WIDTH="0" HEIGHT="800"'),
        _alto(_block(_line(_string(" ", 10)))),
        _alto(""),
    ],
    ids=["a block past the edge", "no width", "no text", "no blocks"],
)
def test_refusals_are_the_same(data):
    assert _assert_read_alike(data)[0] == "refused"


@pytest.mark.parametrize(
    "words",
    [
        ["新", "华", "社"],
        ["The", "2024", "年", "计划", "。", "Plan"],
        ["", "字", "", "", "a"],
        ["a b", "字 字", "\u3000", "x\ny"],
        [],
    ],
)
def test_joined_words_are_the_derived_paragraph(words):
    blocks = _block(_line("".join(_string(w, 10 + 30 * i, width=20) for i, w in enumerate(words))))
    full = _outcome(lambda d, n: page_text(read_ocr(d, n)), _alto(blocks))
    assert join_words(words) == (full.text if full[0] != "refused" else "")
