"""Reading ALTO, hOCR and PAGE XML pages: formats told by content, text, boxes, bad files."""

from __future__ import annotations

import pytest

from editor_app.ingest.ocr_read import (
    Box,
    OcrFormatError,
    read_ocr,
    sniff_ocr_format,
)
from editor_app.ingest.ocr_text import derive_text
from tests.ocr.pages import TESSERACT, TRANSCRIBED, printed_raw_text


def _page(path):
    return read_ocr(path.read_bytes(), path.name)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (TESSERACT["hocr"], "hocr"),
        (TESSERACT["alto"], "alto"),
        (TRANSCRIBED["alto2"], "alto"),
        (TRANSCRIBED["page2019"], "page"),
        (TRANSCRIBED["page2013"], "page"),
    ],
)
def test_the_format_is_told_by_the_content(path, expected):
    assert sniff_ocr_format(path.read_bytes()) == expected


@pytest.mark.parametrize(
    "data",
    [b"", "本报讯 今天".encode(), b"<?xml version='1.0'?><mets/>", b"<html><body>x</body></html>"],
)
def test_other_content_is_no_ocr_format(data):
    assert sniff_ocr_format(data) is None


def test_hocr_and_alto_of_one_tesseract_run_give_the_same_raw_text_and_boxes():
    hocr, alto = (derive_text(_page(TESSERACT[kind])) for kind in ("hocr", "alto"))
    assert hocr.text == alto.text
    assert hocr.line_boxes == alto.line_boxes
    assert hocr.char_boxes == alto.char_boxes
    assert hocr.text.startswith("城市副中心新建三座公园\n\n本报讯")
    assert hocr.text.count("\n\n") == 2  # title, left column, right column


@pytest.mark.parametrize("name", sorted(TRANSCRIBED))
def test_transcriptions_give_the_printed_text_in_reading_order(name):
    """PAGE 2013 writes the right column first; its ReadingOrder puts it last."""
    assert derive_text(_page(TRANSCRIBED[name])).text == printed_raw_text()


def test_alto_in_tenths_of_a_millimetre_lands_on_the_same_pixels():
    """The ALTO v2 file measures a 300 dpi scan in mm10; PAGE measures it in pixels."""
    alto, page = _page(TRANSCRIBED["alto2"]), _page(TRANSCRIBED["page2019"])
    assert abs(alto.width - page.width) <= 1 and abs(alto.height - page.height) <= 1
    for ours, theirs in zip(
        derive_text(alto).line_boxes, derive_text(page).line_boxes, strict=True
    ):
        for a, b in zip(ours, theirs, strict=True):
            assert max(abs(x - y) for x, y in zip(a, b, strict=True)) <= 2


def test_every_character_maps_to_its_word_box_and_newlines_to_none():
    derived = derive_text(_page(TESSERACT["hocr"]))
    assert len(derived.char_boxes) == len(derived.text)
    for char, where in zip(derived.text, derived.char_boxes, strict=True):
        assert (where is None) == (char == "\n")
    paragraph, line, box = derived.char_boxes[derived.text.index("骑")]
    assert (paragraph, line) == (1, 3)  # the left column's fourth printed line
    assert box.x0 < box.x1 and box.y0 < box.y1
    assert derived.line_boxes[2][3].x0 <= box.x0 and box.x1 <= derived.line_boxes[2][3].x1


def test_the_image_the_file_names_is_kept():
    assert _page(TESSERACT["hocr"]).image == "two-columns.png"
    assert _page(TESSERACT["alto"]).image == "two-columns.png"
    assert _page(TRANSCRIBED["page2019"]).image == "two-columns.png"


def _alto(body: str, unit: str = "pixel", size: str = 'WIDTH="1000" HEIGHT="800"') -> bytes:
    return (
        '<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Description>'
        f"<MeasurementUnit>{unit}</MeasurementUnit></Description><Layout>"
        f"<Page {size}><PrintSpace>{body}</PrintSpace></Page></Layout></alto>"
    ).encode()


def _string(text: str, x: int, y: int = 10, **extra) -> str:
    attributes = "".join(f' {k}="{v}"' for k, v in extra.items())
    return f'<String CONTENT="{text}" HPOS="{x}" VPOS="{y}" WIDTH="40" HEIGHT="20"{attributes}/>'


def test_latin_words_keep_their_spaces_and_a_hyphen_at_the_line_end():
    block = (
        "<TextBlock ID='b1'><TextLine>"
        f"{_string('The', 10)}<SP/>{_string('exam', 60)}<HYP CONTENT='-'/></TextLine>"
        f"<TextLine>{_string('ple', 10, 40)}<SP/>{_string('中文', 60, 40)}</TextLine></TextBlock>"
    )
    assert derive_text(read_ocr(_alto(block), "latin.xml")).text == "The exam- ple 中文"


def test_alto_reading_order_puts_blocks_in_its_order():
    blocks = (
        f"<TextBlock ID='b1'><TextLine>{_string('后', 10)}</TextLine></TextBlock>"
        f"<TextBlock ID='b2'><TextLine>{_string('先', 10, 50)}</TextLine></TextBlock>"
    )
    data = _alto(blocks).replace(
        b"<Layout>",
        b"<ReadingOrder><OrderedGroup ID='o'><ElementRef ID='e1' REF='b2'/>"
        b"<ElementRef ID='e2' REF='b1'/></OrderedGroup></ReadingOrder><Layout>",
    )
    assert derive_text(read_ocr(data, "order.xml")).text == "先\n\n后"


def test_mm10_boxes_are_scaled_to_pixels():
    block = f"<TextBlock><TextLine>{_string('字', 254)}</TextLine></TextBlock>"
    page = read_ocr(_alto(block, "mm10", 'WIDTH="2540" HEIGHT="2540"'), "mm10.xml")
    assert (page.width, page.height) == (3000, 3000)  # 254 mm at 300 dpi
    word = page.paragraphs[0].lines[0].words[0]
    assert word.box == Box(300, 12, 347, 35)  # 25.4 mm in: an inch


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (_alto("<TextBlock><TextLine>")[:-30], "malformed XML"),
        (b"<?xml version='1.0'?><TEI xmlns='http://www.tei-c.org/ns/1.0'/>", "unknown schema"),
        (
            _alto(f"<TextBlock><TextLine>{_string('字', 990)}</TextLine></TextBlock>"),
            "coordinates outside the page",
        ),
        (_alto("<TextBlock><TextLine/></TextBlock>"), "holds no text"),
        (
            _alto(f"<TextBlock><TextLine>{_string('字', 10)}</TextLine></TextBlock>", size=""),
            "no WIDTH",
        ),
    ],
)
def test_bad_files_are_refused_with_the_reason_and_the_name(data, reason):
    with pytest.raises(OcrFormatError) as caught:
        read_ocr(data, "page-07.xml")
    assert reason in caught.value.reason
    assert "page-07.xml" in str(caught.value)


PLAIN_HTML_HOCR = (
    "<html><head><meta name='ocr-system' content='ocropus'></head><body>"
    "<div class='ocr_page' title='bbox 0 0 500 400'>"
    "<span class='ocr_line' title='bbox 10 10 200 40'>新 华 社</span><br>"
    "<span class='ocr_line' title='bbox 10 50 200 80'>北 京 电</span>"
    "</div></body></html>"
)


def test_hocr_written_as_plain_html_is_read():
    page = read_ocr(PLAIN_HTML_HOCR.encode(), "ocropus.html")
    assert derive_text(page).text == "新华社\n\n北京电"


def test_an_html_hocr_cut_off_mid_page_is_refused_not_read_as_a_shorter_page():
    whole = PLAIN_HTML_HOCR.encode()
    assert derive_text(read_ocr(whole, "ocropus.html")).text == "新华社\n\n北京电"
    cut = whole[: whole.index("北".encode())]
    with pytest.raises(OcrFormatError) as caught:
        read_ocr(cut, "ocropus.html")
    assert "malformed XML" in caught.value.reason and "</html>" in caught.value.reason


def test_a_damaged_xhtml_hocr_is_refused_rather_than_mended_as_html():
    whole = TESSERACT["hocr"].read_bytes()
    middle = len(whole) // 2
    damaged = whole[:middle] + whole[middle : middle + 400] * 2 + whole[middle + 400 :]
    with pytest.raises(OcrFormatError) as caught:
        read_ocr(damaged, "page-07.hocr")
    assert "malformed XML" in caught.value.reason


def test_tesseracts_xhtml_hocr_is_read_as_xml_with_its_doctype():
    data = TESSERACT["hocr"].read_bytes()
    assert b"<!DOCTYPE html" in data[:300]
    damaged = data.replace(b"</body>", b"</bdy>")  # mended by an HTML parser, not by XML
    assert read_ocr(data, "page.hocr").paragraphs
    with pytest.raises(OcrFormatError):
        read_ocr(damaged, "page.hocr")
