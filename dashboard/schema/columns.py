"""The vocabulary of a table declaration: a column with its type and rules, a table with its keys and
cross-column rules. Row checks, DuckDB DDL and the data dictionary are all derived from these objects
(row_models.py, ddl.py, dictionary.py), so a rule is written once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# column kind -> DuckDB type
# the longest text any column takes unless its declaration says otherwise (the longest cell of the data is
# about 650 characters): a runaway cell is refused at its line instead of bloating the database
DEFAULT_TEXT_LIMIT = 2000

SQL_TYPES = {"text": "VARCHAR", "integer": "INTEGER", "number": "DOUBLE", "date": "DATE", "boolean": "BOOLEAN"}


@dataclass(frozen=True)
class Pattern:
    """A regular expression a text value must match, with the message a curator reads when it does not."""

    regex: str
    message: str  # formatted with {value!r}
    words: str  # the rule in the data dictionary

    def check(self, value: str) -> str:
        if not re.match(self.regex, value):
            raise ValueError(self.message.format(value=value))
        return value


ISO3 = Pattern(r"^[A-Z]{3}$", "{value!r} is not a three-letter upper-case code", "three-letter upper-case code")
URL = Pattern(r"^https?://[^\s/]+\.[^\s]+$", "malformed URL {value!r} (expected http(s)://host.tld/...)", "http(s) URL")
LANGUAGE = Pattern(r"^[a-z]{2}$", "{value!r} is not a two-letter lower-case ISO 639-1 code", "ISO 639-1 language code")
CURRENCY = Pattern(r"^[A-Z]{3}$", "{value!r} is not an ISO 4217 currency code", "ISO 4217 currency code")


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # a key of SQL_TYPES
    description: str
    required: bool = False
    enum: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    pattern: Pattern | None = None
    max_length: int | None = None
    references: str | None = None  # the table whose key this column holds
    also_allowed: frozenset[str] = frozenset()  # values besides the referenced keys (no DDL foreign key then)
    default: str | None = None  # what an empty cell means, when not "unknown"
    correctable: bool = False  # may be set for an imported row by a line of curated/corrections.csv

    def __post_init__(self):
        if self.kind not in SQL_TYPES:
            raise ValueError(f"{self.name}: unknown kind {self.kind!r}")

    @property
    def length_limit(self) -> int | None:
        """The most characters a text value may have (None for other kinds)."""
        if self.kind != "text":
            return None
        return self.max_length if self.max_length is not None else DEFAULT_TEXT_LIMIT


@dataclass(frozen=True)
class Ordered:
    """`last` is not before `first` when both are given."""

    first: str
    last: str


@dataclass(frozen=True)
class Together:
    """Both columns are given, or neither."""

    a: str
    b: str


@dataclass(frozen=True)
class RequiredUnless:
    """`column` is given unless `other` holds one of `values` (a translation, needed unless the original is
    already in the target language)."""

    column: str
    other: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    unique: tuple[tuple[str, ...], ...] = ()
    sourced: bool = False  # a fact table: every row cites >= 1 source in fact_sources
    ordered: tuple[Ordered, ...] = ()
    together: tuple[Together, ...] = ()
    required_unless: tuple[RequiredUnless, ...] = ()
    by_name: dict[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "by_name", {c.name: c for c in self.columns})
        named = [*self.key, *(c for u in self.unique for c in u)]
        named += [n for o in self.ordered for n in (o.first, o.last)]
        named += [n for t in self.together for n in (t.a, t.b)]
        named += [n for r in self.required_unless for n in (r.column, r.other)]
        unknown = sorted(set(named) - set(self.by_name))
        if unknown:
            raise ValueError(f"{self.name}: rules name unknown columns {unknown}")
        order = self.column_names
        for r in self.required_unless:
            if order.index(r.other) > order.index(r.column):
                raise ValueError(f"{self.name}: {r.other} must come before {r.column} (it is read first)")

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def refs(self) -> dict[str, Column]:
        return {c.name: c for c in self.columns if c.references}


CONFIDENCE = ("high", "medium", "low")
DATE_PRECISION = ("day", "month", "year")


# shorthands for the declarations
def text(name: str, description: str, **rules) -> Column:
    return Column(name, "text", description, **rules)


def integer(name: str, description: str, **rules) -> Column:
    return Column(name, "integer", description, **rules)


def number(name: str, description: str, **rules) -> Column:
    return Column(name, "number", description, **rules)


def date(name: str, description: str, **rules) -> Column:
    return Column(name, "date", description, **rules)


def boolean(name: str, description: str, **rules) -> Column:
    return Column(name, "boolean", description, **rules)


def confidence(**rules):
    return text(
        "confidence",
        "high: official or two independent sources; medium: one reliable secondary "
        "source; low: a single indirect or vague source",
        required=True,
        enum=CONFIDENCE,
        **rules,
    )


def country(name: str, description: str, **rules):
    return text(name, description, pattern=ISO3, references="countries", **rules)


def count(name: str, description: str, **rules):
    return integer(name, description, minimum=0, **rules)


def arms_year(name: str, description: str):
    # SIPRI's register starts in 1950
    return integer(name, description, minimum=1950, maximum=2100)
