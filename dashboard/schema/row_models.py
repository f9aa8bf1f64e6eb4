"""Pydantic row models derived from the table declarations: they parse the CSV text of one row and report
each bad cell by column, before DuckDB sees it."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Annotated, Any, Literal, Optional

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    create_model,
    field_validator,
    model_validator,
)

from dashboard.schema.columns import Column, Ordered, RequiredUnless, Table, Together

PY_TYPES = {"text": str, "integer": int, "number": float, "date": dt.date, "boolean": bool, "text_list": list[str]}


class Row(BaseModel):
    # strict about unknown columns; ints must be written as ints ("3", not "3.0")
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _annotation(c: Column) -> Any:
    base: Any = Literal[c.enum] if c.enum else PY_TYPES[c.kind]
    meta: list[Any] = []
    bounds = {"ge": c.minimum, "le": c.maximum, "max_length": None if c.enum else c.length_limit}
    bounds = {k: v for k, v in bounds.items() if v is not None}
    if c.kind == "text" and c.required and not c.enum:
        bounds["min_length"] = 1
    if bounds:
        meta.append(Field(**bounds))
    if c.pattern:
        meta.append(AfterValidator(c.pattern.check))
    if c.default is not None:
        meta.append(BeforeValidator(lambda v, d=c.default: d if v is None else v))
    annotated = Annotated[(base, *meta)] if meta else base
    return annotated if c.required else Optional[annotated]  # noqa: UP045 (built at run time)


def _ordered(rule: Ordered):
    def check(self):
        a, b = getattr(self, rule.first), getattr(self, rule.last)
        if a is not None and b is not None and b < a:
            raise ValueError(f"{rule.last} {b} is before {rule.first} {a}")
        return self

    return model_validator(mode="after")(check)


def _together(rule: Together):
    def check(self):
        if (getattr(self, rule.a) is None) != (getattr(self, rule.b) is None):
            raise ValueError(f"{rule.a} and {rule.b} go together: give both or neither")
        return self

    return model_validator(mode="after")(check)


def _required_unless(rule: RequiredUnless):
    # a field validator, not a model one, so the problem names the column (file:line: column); the declaration
    # puts `other` before `column`, so its parsed value is in info.data
    def check(cls, value, info: ValidationInfo):
        if value is None and info.data.get(rule.other) not in rule.values:
            raise ValueError(f"required unless {rule.other} is {' or '.join(rule.values)}")
        return value

    return field_validator(rule.column, mode="after")(check)


@functools.cache
def row_model(table: Table) -> type[BaseModel]:
    """The model of one row of `table`, fields in column order."""
    fields = {}
    for c in table.columns:
        default = ... if c.required and c.default is None else (c.default if c.default is not None else None)
        fields[c.name] = (_annotation(c), default)
    validators = {f"_ordered_{i}": _ordered(r) for i, r in enumerate(table.ordered)}
    validators |= {f"_together_{i}": _together(r) for i, r in enumerate(table.together)}
    validators |= {f"_required_unless_{i}": _required_unless(r) for i, r in enumerate(table.required_unless)}
    name = "".join(part.title() for part in table.name.split("_")) + "Row"
    return create_model(name, __base__=Row, __validators__=validators, **fields)
