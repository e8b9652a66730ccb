"""Every field of an article, once: what it holds and where it goes.

Each entry says what kind of value a field is, whether editors edit it (and so the form
shows it), its label in Chinese and English, how each export writes it, whether search
covers it and whether the segmenter proposes it. The model, the storage, the exports and
the form derive their lists from here, and the classes that hold a field (model/article.py
`Article`, model/proposal.py `Segment`, export/records.py `ExportArticle`, the JSONL
import's `ArticleRecord`) are made from it. A new field is a new entry plus its migration
(storage/schema.py adds its column to a project file), and a parser when the segmenter
proposes it.

A program that extends Qingyang adds its fields with `register` before it imports anything
else of editor_app: the classes and lists are made once, as their modules are imported.

The SQL column of a field has the field's name. Lists are stored as JSON arrays, flags
as 0/1. The span of an article (its lines and offsets) and its ids are not fields: they
place the article in its document (see SPAN_COLUMNS).
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass

TEXT = "text"  # one line of text
NAMES = "names"  # a list of personal names
FLAG = "flag"  # yes or no
NUMBER = "number"  # a real number
CHOICE = "choice"  # one of a fixed set of values (kinds, statuses)
BODY = "body"  # the article's text

# The values of the two choices; a choice's first value is its default.
ARTICLE_KINDS = ("news", "feature", "commentary", "interview", "brief", "photo", "other")
NON_ARTICLE_KINDS = frozenset({"boilerplate", "noise"})
KINDS = (*ARTICLE_KINDS, *sorted(NON_ARTICLE_KINDS))
STATUSES = ("proposed", "edited", "reviewed", "approved")

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
    `choices`: the values of a choice, its default first.
    `optional_in_jsonl`: added after the first exports; a JSONL record without its key
    reads as the field's default.
    `from_lines`: a text the segmenter copies from the article's lines; a fix of those
    lines (a suggestion, a replace) is made to the field in the same operation.
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
    choices: tuple[str, ...] = ()
    optional_in_jsonl: bool = False
    from_lines: bool = False

    @property
    def sql_default(self) -> str:
        """The column's SQL type and default as a fresh column is declared."""
        if self.kind == CHOICE:
            return f"TEXT NOT NULL DEFAULT '{self.choices[0]}'"
        return _SQL_DEFAULTS[self.kind]

    @property
    def exported(self) -> bool:
        """Some export writes it: JSONL, CSV or TEI."""
        return bool(self.jsonl or self.csv or self.tei)

    @property
    def python_type(self) -> type:
        """The type of the value as the model holds it."""
        return _PYTHON_TYPES[self.kind]

    @property
    def default(self):
        """The value of a field nobody set: empty, no, 1.0, or a choice's first value."""
        if self.kind == CHOICE:
            return self.choices[0]
        if self.kind == NAMES:
            return []
        return _DEFAULTS[self.kind]

    def dataclass_default(self) -> dataclasses.Field:
        """The default as a dataclass field declares it (a fresh list for each instance)."""
        if self.kind == NAMES:
            return dataclasses.field(default_factory=list)
        return dataclasses.field(default=self.default)

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


# Columns a migration can add from the registry alone (add_article_field); the text
# column is no field to add.
_SQL_DEFAULTS = {
    TEXT: "TEXT DEFAULT ''",
    NAMES: "TEXT DEFAULT '[]'",
    FLAG: "INTEGER DEFAULT 0",
    NUMBER: "REAL DEFAULT 1.0",
}
_PYTHON_TYPES = {TEXT: str, NAMES: list[str], FLAG: bool, NUMBER: float, CHOICE: str, BODY: str}
_DEFAULTS = {TEXT: "", FLAG: False, NUMBER: 1.0, BODY: ""}


def _names(name: str, zh: str, en: str, role: str, *, printed_byline=True, **more) -> Field:
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
        **more,
    )


def _text(name: str, zh: str, en: str, **more) -> Field:
    values = {"editable": True, "shown": True, "searched": True, "jsonl": name, "csv": name}
    return Field(name, TEXT, zh, en, **(values | more))


def _from_lines(name: str, zh: str, en: str, tei: tuple[str, str]) -> Field:
    """A text the segmenter copies from the article's lines (a heading, the dateline)."""
    return _text(name, zh, en, proposed=True, from_lines=True, gold=True, tei=tei)


def _choice(name: str, zh: str, en: str, choices: tuple[str, ...], **more) -> Field:
    values = {"shown": True, "jsonl": name, "csv": name, "choices": choices}
    return Field(name, CHOICE, zh, en, **(values | more))


def _flag(name: str, zh: str, en: str, **more) -> Field:
    values = {"editable": True, "shown": True, "jsonl": f"flags.{name}", "csv": name}
    return Field(name, FLAG, zh, en, **(values | {"tei": ("note", name)} | more))


# In this order: the CSV columns, the form's rows and the JSONL keys' source order.
_BUILT_IN = (
    _choice("kind", "类型", "Kind", KINDS, editable=True, proposed=True, gold=True),
    _choice("status", "状态", "Status", STATUSES),
    _from_lines("kicker", "引题", "Kicker", ("title", "kicker")),
    _from_lines("title", "主题", "Title", ("title", "main")),
    _from_lines("subtitle", "副题", "Subtitle", ("title", "sub")),
    _from_lines("dateline", "电头", "Dateline", ("note", "dateline")),
    _names("reporters", "记者", "Reporters", "reporter"),
    _names("correspondents", "通讯员", "Correspondents", "correspondent"),
    _names("interns", "实习记者", "Interns", "intern"),
    _names(
        "photographers",
        "摄影",
        "Photographers",
        "photographer",
        printed_byline=False,
        optional_in_jsonl=True,
    ),
    _text("section", "栏目", "Section", tei=("note", "section")),
    _flag("truncated", "残缺", "Truncated", proposed=True, gold=True),
    _flag("lost_text", "缺文", "Lost text"),
    _text("note", "备注", "Note", tei=("note", "editorial")),
    # NULL while the article's text is its raw span; see Article.text for the text itself.
    Field("corrected_text", BODY, "正文", "Corrected text", searched=True),
    Field("confidence", NUMBER, "置信度", "Confidence", proposed=True),
    Field("reason", TEXT, "依据", "Reason", proposed=True),
)

# The registry and the lists made from it, in its order; register() sets them.
FIELDS: tuple[Field, ...] = ()
BY_NAME: dict[str, Field] = {}
EDITABLE = SHOWN = PROPOSED = SEARCHED = GOLD = NAME_LISTS = EXPORTED = FIELDS
COLUMNS: tuple[str, ...] = ()  # the SQL columns of the fields, after SPAN_COLUMNS
_made: list[str] = []  # the classes already made from the registry


def register(*new: Field) -> None:
    """Add fields after those the registry has: the built-in ones, or an extension's.

    Call it before importing the rest of editor_app (the model's classes, the JSONL
    schema and the lists other modules keep are made once, from the registry as it is
    then), and give each field its column with a migration (storage/schema.py
    `migration` and `add_article_field`).
    """
    global FIELDS, BY_NAME, EDITABLE, SHOWN, PROPOSED, SEARCHED, GOLD, NAME_LISTS, EXPORTED
    global COLUMNS
    if _made:
        raise RuntimeError(f"register fields before {', '.join(_made)} are made from them")
    taken = {*SPAN_COLUMNS, *BY_NAME}
    for added in new:
        if added.name in taken:
            raise ValueError(f"an article already has a field or column {added.name!r}")
        taken.add(added.name)
    FIELDS = (*FIELDS, *new)
    BY_NAME = {f.name: f for f in FIELDS}
    EDITABLE = tuple(f for f in FIELDS if f.editable)
    SHOWN = tuple(f for f in FIELDS if f.shown)
    PROPOSED = tuple(f for f in FIELDS if f.proposed)
    SEARCHED = tuple(f for f in FIELDS if f.searched)
    GOLD = tuple(f for f in FIELDS if f.gold)
    NAME_LISTS = of_kind(NAMES)
    EXPORTED = tuple(f for f in FIELDS if f.exported)
    COLUMNS = names_of(FIELDS)


def made_from_registry(class_name: str) -> tuple[Field, ...]:
    """The registry, read by `class_name` to make its fields; no field can be added after."""
    _made.append(class_name)
    return FIELDS


def dataclass_fields(chosen, *, defaults: bool = True) -> list[tuple]:
    """(name, type, default) of each chosen field, for dataclasses.make_dataclass.

    Without `defaults`, (name, type): every instance names the value.
    """
    if defaults:
        return [(f.name, f.python_type, f.dataclass_default()) for f in chosen]
    return [(f.name, f.python_type) for f in chosen]


def names_of(fields) -> tuple[str, ...]:
    return tuple(field.name for field in fields)


def field(name: str) -> Field:
    return BY_NAME[name]


def from_lines() -> tuple[Field, ...]:
    """The fields copied from the article's lines (see Field.from_lines)."""
    return tuple(f for f in FIELDS if f.from_lines)


def of_kind(*kinds: str) -> tuple[Field, ...]:
    return tuple(f for f in FIELDS if f.kind in kinds)


register(*_BUILT_IN)


def names_json(names) -> str:
    """A list of names as its column holds it: a JSON array, "[]" when empty."""
    if not names:
        return "[]"  # most articles name no correspondent or intern: skip the encoder
    return json.dumps(list(names), ensure_ascii=False)


def label(name: str, chinese: bool) -> str:
    """The field's label in Chinese or English."""
    found = BY_NAME[name]
    return found.zh if chinese else found.en
