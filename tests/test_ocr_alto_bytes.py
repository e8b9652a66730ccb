"""A plain ALTO page read from its bytes gives what the full reading gives: the same raw
text and line boxes, or the same refusal, whatever shape the page is written in."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from editor_app.bench.alto_pages import alto_page
from editor_app.ingest.ocr_read import OcrFormatError, _read_alto_bytes, read_ocr, read_ocr_text
from editor_app.ingest.ocr_text import page_text

TESTS = Path(__file__).resolve().parent
ALTO_FILES = sorted(
    path
    for path in TESTS.rglob("*.xml")
    if b"<alto" in path.read_bytes()[:4096] or b":alto" in path.read_bytes()[:4096]
)
TEXT = "本报讯（记者 王明）今天，城市副中心新建三座公园。\nThe 2024 plan: 3 parks, 12 km & more.\n"


def _outcome(read, data: bytes):
    try:
        return read(data, "page-03.xml")
    except OcrFormatError as error:
        return ("refused", str(error))


def _assert_read_alike(data: bytes):
    full = _outcome(lambda d, n: page_text(read_ocr(d, n)), data)
    assert _outcome(read_ocr_text, data) == full
    return full


@pytest.mark.parametrize("path", ALTO_FILES, ids=lambda p: p.name)
def test_every_alto_file_of_the_tests_reads_alike(path):
    _assert_read_alike(path.read_bytes())


def test_the_tesseract_page_is_read_from_its_bytes():
    data = (TESTS / "ocr" / "data" / "two-columns.alto.xml").read_bytes()
    assert _read_alto_bytes(data, "p.xml") is not None
    _assert_read_alike(data)


@pytest.mark.parametrize("chars_per_string", [1, 4])
def test_the_bench_pages_are_read_from_their_bytes_alike(chars_per_string):
    data = alto_page(TEXT * 3, 7, chars_per_string)
    assert _read_alto_bytes(data, "p.xml") is not None
    assert _assert_read_alike(data).text.startswith("本报讯（记者")


NAMESPACES = [
    "",
    "http://www.loc.gov/standards/alto/ns-v2#",
    "http://www.loc.gov/standards/alto/ns-v3#",
    "http://www.loc.gov/standards/alto/ns-v4#",
]
CONTENTS = ["新", "华", "社", "The", "a&amp;b", "&#x4E2D;", "&#20013;", "x&lt;y", "", " ", "记 者"]
SPOILERS = [  # each makes the page one the bytes reader must leave to the full reading
    ("", ""),
    ('CONTENT="', 'CONTENT="&#0;'),
    ('CONTENT="', 'CONTENT="&bogus;'),
    ('CONTENT="', 'CONTENT="a&b'),
    ('HPOS="', 'HPOS="-'),
    ('HPOS="', 'HPOS="9'),
    ('VPOS="', 'VPOS="99999'),
    ("<String ", '<String HPOS="1" '),
    ("<String ", "<String\n  "),
    ("/></TextLine>", "/><!-- c --></TextLine>"),
    ("/></TextLine>", "/>text &amp; more</TextLine>"),
    ("/></TextLine>", "/>]]></TextLine>"),
    ("/></TextLine>", "/><HYP CONTENT='-'/></TextLine>"),
    ("/></TextLine>", '/><HYP CONTENT="-"/></TextLine>'),
    ("/></TextLine>", "/></TextLin>"),
    ("</TextBlock>", ""),
    ("<TextLine ", "<TextLine xmlns='urn:x' "),
    ('WIDTH="', "WIDTH='"),
    ("\u00e9", "\x01"),
    ("<alto", '<!DOCTYPE alto [<!ENTITY e "x">]><alto'),
]


def _random_page(rng: random.Random) -> str:
    namespace = rng.choice(NAMESPACES)
    unit = rng.choice(["pixel"] * 6 + ["mm10", "inch1200"])
    blocks = []
    order = rng.choice([0, 0, 1, 2])
    for b in range(rng.choice([0, 1, 2, 3, 4, 4, 4])):
        lines = []
        for n in range(rng.choice([0, 1, 2, 3, 3])):
            y = 10 + 40 * (b * 3 + n)
            parts = []
            for i in range(rng.choice([0, 1, 3, 6, 6])):
                order = order if rng.random() < 0.97 else rng.random()
                attributes = [
                    f'ID="s{b}_{n}_{i}"',
                    f'HPOS="{10 + 40 * i}"',
                    f'VPOS="{y}"',
                    f'WIDTH="{rng.choice([30, 38])}"',
                    f'HEIGHT="{rng.choice([30, 32])}"',
                    f'CONTENT="{rng.choice(CONTENTS)}"',
                    'WC="0.9"',
                ]
                random.Random(order).shuffle(attributes)  # one order a page, mostly
                parts.append(f"<String {' '.join(attributes)}/>")
                if rng.random() < 0.3:
                    parts.append(f'<SP WIDTH="10" VPOS="{y}" HPOS="{40 + 40 * i}"/>')
            separator = rng.choice(["", "", "\n  "])
            lines.append(
                f'<TextLine ID="l{b}_{n}" HPOS="10" VPOS="{y}" WIDTH="300" HEIGHT="36">'
                f"{separator.join(parts)}</TextLine>"
            )
        if rng.random() < 0.1:
            lines.append('<TextLine HPOS="10" VPOS="10" WIDTH="300" HEIGHT="36"/>')
        boxed = ' HPOS="5" VPOS="5" WIDTH="400" HEIGHT="600"' if rng.random() < 0.7 else ""
        blocks.append(f'<TextBlock ID="b{b}"{boxed}>{"".join(lines)}</TextBlock>')
    xmlns = f' xmlns="{namespace}"' if namespace else ""
    declaration = rng.choice(["", '<?xml version="1.0" encoding="UTF-8"?>\n'])
    return (
        f"{declaration}<alto{xmlns}><Description><MeasurementUnit>{unit}</MeasurementUnit>"
        "<sourceImageInformation><fileName>café.png</fileName></sourceImageInformation>"
        f'</Description><Layout><Page WIDTH="800" HEIGHT="1000"><PrintSpace>'
        f"{''.join(blocks)}</PrintSpace></Page></Layout></alto>"
    )


@pytest.mark.parametrize("seed", range(150))
def test_random_pages_read_alike(seed):
    rng = random.Random(seed)
    page = _random_page(rng)
    before, after = rng.choice(SPOILERS) if rng.random() < 0.6 else ("", "")
    if before and before in page:
        at = rng.choice([i for i in range(len(page)) if page.startswith(before, i)])
        page = page[:at] + after + page[at + len(before) :]
    _assert_read_alike(page.encode())


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.95])
def test_a_page_cut_short_is_refused_alike(cut):
    data = alto_page(TEXT * 2, 1)
    outcome = _assert_read_alike(data[: int(len(data) * cut)])
    assert outcome[0] == "refused" and "malformed XML" in outcome[1]


def test_a_string_outside_the_page_is_refused_alike():
    data = alto_page(TEXT, 1).replace(b'HPOS="30"', b'HPOS="9000"', 1)
    outcome = _assert_read_alike(data)
    assert outcome[0] == "refused" and "outside the page" in outcome[1]
