"""The vocabulary of a table declaration: a column with its type and rules, a table with its keys and
cross-column rules. Row checks, DuckDB DDL and the data dictionary are all derived from these objects
(row_models.py, ddl.py, dictionary.py), so a rule is written once."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from dashboard.i18n import N_

# column kind -> DuckDB type
# the longest text any column takes unless its declaration says otherwise (the longest cell of the data is
# about 650 characters): a runaway cell is refused at its line instead of bloating the database
DEFAULT_TEXT_LIMIT = 2000

SQL_TYPES = {
    "text": "VARCHAR",
    "integer": "INTEGER",
    "number": "DOUBLE",
    "date": "DATE",
    "boolean": "BOOLEAN",
    "text_list": "VARCHAR[]",  # derived tables only (a CSV cell holds it as a JSON array)
}


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


# a pattern's `words` are marked for the catalogs: the data dictionary on the Data & sources page translates them
ISO3 = Pattern(r"^[A-Z]{3}$", "{value!r} is not a three-letter upper-case code", N_("three-letter upper-case code"))
URL = Pattern(
    r"^https?://[^\s/]+\.[^\s]+$", "malformed URL {value!r} (expected http(s)://host.tld/...)", N_("http(s) URL")
)
LANGUAGE = Pattern(
    r"^[a-z]{2}$", "{value!r} is not a two-letter lower-case ISO 639-1 code", N_("ISO 639-1 language code")
)
CURRENCY = Pattern(r"^[A-Z]{3}$", "{value!r} is not an ISO 4217 currency code", N_("ISO 4217 currency code"))


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # a key of SQL_TYPES
    description: str  # marked N_ where declared: the data dictionary shows it in the reader's language
    required: bool = False
    # allowed values; a mapping value -> English label (marked N_) makes them words readers see, translated
    # where shown (dashboard/i18n/vocabulary.py); a plain tuple is a technical value shown as it is
    enum: tuple[str, ...] | Mapping[str, str] = ()
    minimum: float | None = None
    maximum: float | None = None
    pattern: Pattern | None = None
    max_length: int | None = None
    references: str | None = None  # the table whose key this column holds
    also_allowed: frozenset[str] = frozenset()  # values besides the referenced keys (no DDL foreign key then)
    default: str | None = None  # what an empty cell means, when not "unknown"
    correctable: bool = False  # may be set for an imported row by a line of curated/corrections.csv
    # value -> English label of words readers see; from a mapping `enum`, or given for a column whose values
    # are open (SIPRI's weapon categories): known words are translated, others shown as they are
    labels: tuple[tuple[str, str], ...] | Mapping[str, str] = ()

    def __post_init__(self):
        if self.kind not in SQL_TYPES:
            raise ValueError(f"{self.name}: unknown kind {self.kind!r}")
        labels = dict(self.labels)
        if isinstance(self.enum, Mapping):
            labels = {**self.enum, **labels}
            object.__setattr__(self, "enum", tuple(self.enum))
        object.__setattr__(self, "labels", tuple(labels.items()))  # a tuple: the column stays hashable

    @property
    def label_of(self) -> dict[str, str]:
        """value -> English label (marked for the catalogs) of the words readers see."""
        return dict(self.labels)

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


def words(*values: str) -> dict[str, str]:
    """Allowed values that readers see, each its own English label: `enum=words(N_("high"), ...)`."""
    return {v: v for v in values}


CONFIDENCE = words(N_("high"), N_("medium"), N_("low"))
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


def text_list(name: str, description: str, **rules) -> Column:
    return Column(name, "text_list", description, **rules)


def confidence(**rules):
    return text(
        "confidence",
        N_(
            "high: official or two independent sources; medium: one reliable secondary "
            "source; low: a single indirect or vague source"
        ),
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
