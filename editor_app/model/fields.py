"""Every field of an article, once: what it holds and where it goes.

Each entry says what kind of value a field is, whether editors edit it (and so the form
shows it), its label in Chinese and English, how each export writes it, whether search
covers it and whether the segmenter proposes it. The model, the storage, the exports and
the form derive their lists from here; a new field is a new entry plus its migration
(storage/schema.py adds its column to a project file).

The SQL column of a field has the field's name. Lists are stored as JSON arrays, flags
as 0/1. The span of an article (its lines and offsets) and its ids are not fields: they
place the article in its document (see SPAN_COLUMNS).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

TEXT = "text"  # one line of text
NAMES = "names"  # a list of personal names
FLAG = "flag"  # yes or no
NUMBER = "number"  # a real number
CHOICE = "choice"  # one of a fixed set of values (kinds, statuses)
BODY = "body"  # the article's text

# Columns of the articles table that place an article rather than describe it.
SPAN_COLUMNS = ("id", "document_id", "start_line", "end_line", "start_offset", "end_offset")


@dataclass(frozen=True, slots=True)
class Field:
    """One article field.

    `jsonl`: the key in a JSONL record (a dotted path for a nested one), or "".
    `csv`: the CSV column, or "". `tei`: (element, type) in the TEI header, or None.
    `credit`: for a list of names, the label the text export puts before them.
    `printed_byline`: the names come from the printed byline, which the text export
    copies as printed; other credits get a line of their own.
    """

    name: str
    kind: str
    zh: str
    en: str
    editable: bool = False
    shown: bool = False
    proposed: bool = False
    searched: bool = False
    gold: bool = False
    jsonl: str = ""
    csv: str = ""
    tei: tuple[str, str] | None = None
    credit: str = ""
    printed_byline: bool = False

    @property
    def sql_default(self) -> str:
        """The column's SQL type and default as a fresh column is declared."""
        return _SQL_DEFAULTS[self.kind]

    def loaded(self, value):
        """The column's value as the model holds it (lists, booleans, "" for NULL text)."""
        if self.kind == NAMES:
            return json.loads(value) if value and value != "[]" else []
        if self.kind == FLAG:
            return bool(value)
        if self.kind == TEXT:
            return value or ""
        return value

    def stored(self, value):
        """The Python value as its column holds it (lists as JSON text, flags as 0/1)."""
        if self.kind == NAMES:
            return names_json(value)
        if self.kind == FLAG:
            return int(bool(value))
        return value


# Columns a migration can add from the registry alone (add_article_field); a new choice
# needs its own default, the text column is no field to add.
_SQL_DEFAULTS = {
    TEXT: "TEXT DEFAULT ''",
    NAMES: "TEXT DEFAULT '[]'",
    FLAG: "INTEGER DEFAULT 0",
    NUMBER: "REAL DEFAULT 1.0",
}


def _names(name: str, zh: str, en: str, role: str, *, printed_byline: bool = True) -> Field:
    return Field(
        name,
        NAMES,
        zh,
        en,
        editable=True,
        shown=True,
        proposed=True,
        searched=True,
        gold=printed_byline,  # the gold pages name no photographers
        jsonl=name,
        csv=name,
        tei=("author", role),
        credit=zh,
        printed_byline=printed_byline,
    )


def _text(name: str, zh: str, en: str, **more) -> Field:
    values = {"editable": True, "shown": True, "searched": True, "jsonl": name, "csv": name}
    return Field(name, TEXT, zh, en, **(values | more))


# In this order: the CSV columns, the form's rows and the JSONL keys' source order.
FIELDS = (
    Field(
        "kind",
        CHOICE,
        "类型",
        "Kind",
        editable=True,
        shown=True,
        proposed=True,
        gold=True,
        jsonl="kind",
        csv="kind",
    ),
    Field("status", CHOICE, "状态", "Status", shown=True, jsonl="status", csv="status"),
    _text("kicker", "引题", "Kicker", proposed=True, gold=True, tei=("title", "kicker")),
    _text("title", "主题", "Title", proposed=True, gold=True, tei=("title", "main")),
    _text("subtitle", "副题", "Subtitle", proposed=True, gold=True, tei=("title", "sub")),
    _text("dateline", "电头", "Dateline", proposed=True, gold=True, tei=("note", "dateline")),
    _names("reporters", "记者", "Reporters", "reporter"),
    _names("correspondents", "通讯员", "Correspondents", "correspondent"),
    _names("interns", "实习记者", "Interns", "intern"),
    _names("photographers", "摄影", "Photographers", "photographer", printed_byline=False),
    _text("section", "栏目", "Section", tei=("note", "section")),
    Field(
        "truncated",
        FLAG,
        "残缺",
        "Truncated",
        editable=True,
        shown=True,
        proposed=True,
        gold=True,
        jsonl="flags.truncated",
        csv="truncated",
        tei=("note", "truncated"),
    ),
    Field(
        "lost_text",
        FLAG,
        "缺文",
        "Lost text",
        editable=True,
        shown=True,
        jsonl="flags.lost_text",
        csv="lost_text",
        tei=("note", "lost_text"),
    ),
    _text("note", "备注", "Note", tei=("note", "editorial")),
    # NULL while the article's text is its raw span; see Article.text for the text itself.
    Field("corrected_text", BODY, "正文", "Corrected text", searched=True),
    Field("confidence", NUMBER, "置信度", "Confidence", proposed=True),
    Field("reason", TEXT, "依据", "Reason", proposed=True),
)
BY_NAME = {field.name: field for field in FIELDS}


def names_of(fields) -> tuple[str, ...]:
    return tuple(field.name for field in fields)


def field(name: str) -> Field:
    return BY_NAME[name]


def of_kind(*kinds: str) -> tuple[Field, ...]:
    return tuple(f for f in FIELDS if f.kind in kinds)


EDITABLE = tuple(f for f in FIELDS if f.editable)
SHOWN = tuple(f for f in FIELDS if f.shown)
PROPOSED = tuple(f for f in FIELDS if f.proposed)
SEARCHED = tuple(f for f in FIELDS if f.searched)
GOLD = tuple(f for f in FIELDS if f.gold)
NAME_LISTS = of_kind(NAMES)
EXPORTED = tuple(f for f in FIELDS if f.jsonl or f.csv or f.tei)
COLUMNS = names_of(FIELDS)  # the SQL columns of the fields, after SPAN_COLUMNS


def names_json(names) -> str:
    """A list of names as its column holds it: a JSON array, "[]" when empty."""
    if not names:
        return "[]"  # most articles name no correspondent or intern: skip the encoder
    return json.dumps(list(names), ensure_ascii=False)


def label(name: str, chinese: bool) -> str:
    """The field's label in Chinese or English."""
    found = BY_NAME[name]
    return found.zh if chinese else found.en
