"""One line of a JSONL corpus export (an article) as typed records, and what ties its numbers.

`decode_record` turns a line into an `ArticleRecord` or refuses it with a `RecordError`
naming the field: a wrong type, a missing or unknown field, a number out of range, a kind,
status or line role the model does not know. `check_record` then checks what one record
says about itself: its span lies inside its document, its raw text fills the span, its
paragraphs, line roles and alignment runs lie inside the span.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

import msgspec

from editor_app.model import ROLES, fields

SCHEMA_PREFIX = "qingyang-article/"
SCHEMA = f"{SCHEMA_PREFIX}1"
NOT_AN_ARTICLE = f'not an article of a Qingyang JSONL export (no "schema": "{SCHEMA}")'
# The largest integer every JSON reader keeps exact; an id this high still leaves SQLite
# room to number the rows added after it.
MAX_INTEGER = 2**53 - 1

Id = Annotated[int, msgspec.Meta(ge=1, le=MAX_INTEGER)]
Number = Annotated[int, msgspec.Meta(ge=1, le=MAX_INTEGER)]  # lines, orders
Offset = Annotated[int, msgspec.Meta(ge=0, le=MAX_INTEGER)]
Name = Annotated[str, msgspec.Meta(min_length=1)]
Sha256 = Annotated[str, msgspec.Meta(pattern="^[0-9a-f]{64}$")]
Role = Literal[ROLES]
# (position in the article's text, offset in the document's raw text, length)
Run = tuple[Offset, Offset, Offset]


class _Record(msgspec.Struct, forbid_unknown_fields=True):
    """Every record refuses fields it does not know: a typo is named, not dropped."""


class DocumentRecord(_Record):
    id: Id
    file_name: Name
    sha256: Sha256
    publication: str
    date: str
    page: str
    edition: str
    raw_length: Offset
    line_count: Number


class ParagraphRecord(_Record):
    role: Role
    text: str
    raw_start: Offset
    raw_end: Offset
    line: Number


class PageRecord(_Record):
    """The OCR page an article was read from, and its image (as the OCR file names it)."""

    format: Literal["alto", "hocr", "page"]
    width: Number
    height: Number
    image: str
    image_sha256: Sha256 | None


# A printed line's box on the page: x0, y0, x1, y1 in pixels.
LineBox = tuple[int, int, int, int]


class Provenance(_Record):
    start_line: Number
    end_line: Number
    raw_start: Offset
    raw_end: Offset
    raw_text: str
    corrected_text: str | None
    line_roles: list[tuple[Number, Role]]
    alignment: list[Run]
    # Only for articles of OCR pages: the page, and per paragraph its printed lines' boxes.
    page: PageRecord | None = None
    paragraph_boxes: list[list[LineBox]] | None = None


def _value_type(field: fields.Field):
    """The type a JSONL value of the field must have; a choice must be one of its values."""
    if field.kind == fields.CHOICE:
        return Literal[field.choices]
    return field.python_type


def _registry_keys(registry, path: str = "") -> tuple[list[tuple], list[tuple]]:
    """(key, type) of the fields under `path`, and (key, type, default) of optional ones.

    The fields are those of model/fields.py with a JSONL key, in the registry's order. A
    dotted key (`flags.truncated`) nests in a record of its own (`Flags`), which stands
    where the first of its fields does. Optional fields (added after the first exports)
    come after every other key: a record without them reads as their default.
    """
    required: list[tuple] = []
    optional: list[tuple] = []
    prefix = f"{path}." if path else ""
    for field in registry:
        if not field.jsonl.startswith(prefix):
            continue
        key = field.jsonl.removeprefix(prefix)
        outer, dot, _ = key.partition(".")
        if dot:
            if outer not in (name for name, _ in required):
                required.append((outer, _nested_record(registry, prefix + outer)))
        elif field.optional_in_jsonl:
            optional.append((key, _value_type(field), field.default))
        else:
            required.append((key, _value_type(field)))
    return required, optional


def _nested_record(registry, path: str) -> type[_Record]:
    required, optional = _registry_keys(registry, path)
    name = path.rsplit(".", 1)[-1].title()
    return msgspec.defstruct(name, [*required, *optional], bases=(_Record,), module=__name__)


_REQUIRED, _OPTIONAL = _registry_keys(
    [f for f in fields.made_from_registry("ArticleRecord") if f.jsonl]
)
ArticleRecord = msgspec.defstruct(
    "ArticleRecord",
    [
        ("schema", Literal[SCHEMA]),
        ("project", Name),
        ("document", DocumentRecord),
        ("id", Id),
        ("order", Number),
        *_REQUIRED,
        ("paragraphs", list[ParagraphRecord]),
        ("text", str),
        ("script", Name),
        ("editors", list[str]),
        ("last_changed", str | None),
        ("provenance", Provenance),
        *_OPTIONAL,
    ],
    bases=(_Record,),
    module=__name__,
    namespace={"__doc__": "One line; its article fields are the registry's with a JSONL key."},
)
Flags = dict(_REQUIRED)["flags"]


class RecordError(ValueError):
    """What is wrong with one record: the field (a dotted path) and the problem."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}" if field else problem)


# A strict decoder: no int for a str, no float for an int, no unknown field. Every value
# has a type of bounded depth, so deep nesting fails at its first bracket (no recursion).
_DECODER = msgspec.json.Decoder(ArticleRecord)
_AT = re.compile(r"^(?P<problem>.*?)(?: - at `\$(?P<path>[^`]*)`)?$", re.DOTALL)
_SCHEMA_KEY = re.compile(rb'"schema"\s*:\s*"' + re.escape(SCHEMA_PREFIX.encode()))
_CHOICES = {
    **{f.jsonl.rsplit(".", 1)[-1]: f.choices for f in fields.FIELDS if f.choices and f.jsonl},
    "role": ROLES,
    "schema": (SCHEMA,),
}


def decode_record(data: bytes) -> ArticleRecord:
    """The record of one line, or a RecordError naming the field."""
    try:
        return _DECODER.decode(data)
    except msgspec.ValidationError as error:
        if not _SCHEMA_KEY.search(data):
            raise RecordError("", NOT_AN_ARTICLE) from None
        raise _validation_error(str(error)) from None
    except msgspec.DecodeError as error:
        raise RecordError("", _decode_problem(data, str(error))) from None


def _validation_error(message: str) -> RecordError:
    match = _AT.match(message)
    field = (match["path"] or "").lstrip(".")
    problem = match["problem"]
    missing = re.match(r"Object missing required field `(.*)`$", problem, re.DOTALL)
    unknown = re.match(r"Object contains unknown field `(.*)`$", problem, re.DOTALL)
    if missing or unknown:
        name = brief((missing or unknown)[1])
        field = f"{field}.{name}" if field else name
        problem = "missing" if missing else "not a field of a Qingyang JSONL export"
    elif problem.startswith("Invalid enum value "):
        value = brief(problem.removeprefix("Invalid enum value "))
        problem = f"{value} is not one of {_choices(field)}"
    else:
        problem = brief(problem[0].lower() + problem[1:], 200)
    if not field:
        return RecordError("", f"not an article of a Qingyang JSONL export ({problem})")
    return RecordError(field, problem)


def _choices(field: str) -> str:
    if field.endswith("]"):  # provenance.line_roles[i][1]
        return ", ".join(ROLES)
    return ", ".join(_CHOICES[field.rsplit(".", 1)[-1]])


def brief(text: str, limit: int = 60) -> str:
    """A value short enough to quote in a message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _decode_problem(data: bytes, message: str) -> str:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return f"not UTF-8 (byte {error.start} of the line)"
    if message == "Input data was truncated":
        return "not JSON: the line ends before the record does"
    message = message.removeprefix("JSON is malformed: ")
    return "not JSON: " + re.sub(r" \(byte (\d+)\)$", r" at byte \1", message)


def check_record(record: ArticleRecord) -> None:
    """Refuse a record whose span, paragraphs, roles or alignment contradict each other."""
    _check_span_in_document(record)
    _check_span(record.provenance)
    _check_line_roles(record.provenance)
    _check_paragraphs(record)
    _check_alignment(record)


def _check_span_in_document(record: ArticleRecord) -> None:
    span, document = record.provenance, record.document
    where = f"lies outside document {document.file_name}"
    for name in ("start_line", "end_line"):
        value = getattr(span, name)
        if value > document.line_count:
            raise RecordError(
                f"provenance.{name}", f"{value} {where} ({document.line_count} lines)"
            )
    for name in ("raw_start", "raw_end"):
        value = getattr(span, name)
        if value > document.raw_length:
            raise RecordError(
                f"provenance.{name}", f"{value} {where} ({document.raw_length} characters)"
            )


def _check_span(span: Provenance) -> None:
    if span.end_line < span.start_line:
        raise RecordError(
            "provenance.end_line", f"{span.end_line} comes before start_line {span.start_line}"
        )
    if span.raw_end < span.raw_start:
        raise RecordError(
            "provenance.raw_end", f"{span.raw_end} comes before raw_start {span.raw_start}"
        )
    length = span.raw_end - span.raw_start
    if len(span.raw_text) != length:
        raise RecordError(
            "provenance.raw_text",
            f"{_count(len(span.raw_text), 'character')}, but raw_start {span.raw_start} "
            f"to raw_end {span.raw_end} is {_count(length, 'character')}",
        )
    lines = span.raw_text.count("\n") + 1
    if lines != span.end_line - span.start_line + 1:
        raise RecordError(
            "provenance.raw_text",
            f"{_count(lines, 'line')}, but start_line {span.start_line} to end_line "
            f"{span.end_line} is {_count(span.end_line - span.start_line + 1, 'line')}",
        )
    if "\r" in span.raw_text:
        raise RecordError("provenance.raw_text", "holds a carriage return (raw text has none)")


def _check_line_roles(span: Provenance) -> None:
    previous = 0
    for index, (line, _role) in enumerate(span.line_roles):
        field = f"provenance.line_roles[{index}][0]"
        if not span.start_line <= line <= span.end_line:
            raise RecordError(field, f"line {line} {_outside_lines(span)}")
        if line <= previous:
            raise RecordError(field, f"line {line} comes after line {previous}")
        previous = line


def _check_paragraphs(record: ArticleRecord) -> None:
    span = record.provenance
    for index, paragraph in enumerate(record.paragraphs):
        field = f"paragraphs[{index}]"
        if not span.start_line <= paragraph.line <= span.end_line:
            raise RecordError(f"{field}.line", f"{paragraph.line} {_outside_lines(span)}")
        for name in ("raw_start", "raw_end"):
            value = getattr(paragraph, name)
            if not span.raw_start <= value <= span.raw_end:
                raise RecordError(f"{field}.{name}", f"{value} {_outside_offsets(span)}")
        if paragraph.raw_end < paragraph.raw_start:
            raise RecordError(
                f"{field}.raw_end",
                f"{paragraph.raw_end} comes before raw_start {paragraph.raw_start}",
            )
    if record.text != "\n".join(paragraph.text for paragraph in record.paragraphs):
        raise RecordError("text", "is not the paragraphs' texts joined by line breaks")


def _check_alignment(record: ArticleRecord) -> None:
    span, length_of_text = record.provenance, len(record.text)
    for index, (text_pos, raw_pos, length) in enumerate(span.alignment):
        field = f"provenance.alignment[{index}]"
        if text_pos > length_of_text:
            raise RecordError(f"{field}[0]", f"{text_pos} {_past_text(length_of_text)}")
        if text_pos + length > length_of_text:
            raise RecordError(f"{field}[2]", f"{text_pos}+{length} {_past_text(length_of_text)}")
        if not span.raw_start <= raw_pos <= span.raw_end:
            raise RecordError(f"{field}[1]", f"{raw_pos} {_outside_offsets(span)}")
        if raw_pos + length > span.raw_end:
            raise RecordError(f"{field}[2]", f"{raw_pos}+{length} {_outside_offsets(span)}")


def _past_text(length: int) -> str:
    return f"lies past the text ({_count(length, 'character')})"


def _outside_lines(span: Provenance) -> str:
    return f"lies outside the article's lines {span.start_line}–{span.end_line}"


def _outside_offsets(span: Provenance) -> str:
    return f"lies outside the article's raw text {span.raw_start}–{span.raw_end}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
