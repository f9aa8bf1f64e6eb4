"""The dataset as a Frictionless Data Package (https://specs.frictionlessdata.io/data-package/): every table
with its columns' types, rules and descriptions, all derived from the declarations in dashboard/schema/.

Resource paths are relative to the descriptor's own URL (`/api/v1/datapackage.json` → `tables/x.csv`).
"""

from __future__ import annotations

from dashboard.components.export import LICENCE, PROJECT
from dashboard.importers import provenance
from dashboard.paths import DATA_DIR
from dashboard.schema.columns import Column, Table
from dashboard.schema.tables import BY_NAME, PUBLISHED
from dashboard.serve.version import built_at, dataset_version
from dashboard.store import queries
from dashboard.store.database import SharedConnection

# column kind -> Table Schema field type (booleans are written true/false, dates ISO 8601
# and lists JSON arrays)
FIELD_TYPES = {
    "text": "string",
    "integer": "integer",
    "number": "number",
    "date": "date",
    "boolean": "boolean",
    "text_list": "array",
}


def field(c: Column) -> dict:
    """One Table Schema field: type, description and the constraints the build checks."""
    constraints: dict = {}
    if c.required:
        constraints["required"] = True
    if c.enum:
        constraints["enum"] = list(c.enum)
    if c.minimum is not None:
        constraints["minimum"] = int(c.minimum) if c.kind == "integer" else c.minimum
    if c.maximum is not None:
        constraints["maximum"] = int(c.maximum) if c.kind == "integer" else c.maximum
    if c.max_length is not None:
        constraints["maxLength"] = c.max_length
    if c.pattern and not c.also_allowed:
        constraints["pattern"] = c.pattern.regex.removeprefix("^").removesuffix("$")  # Table Schema anchors it
    out = {"name": c.name, "type": FIELD_TYPES[c.kind], "description": c.description}
    if c.kind == "boolean":
        out |= {"trueValues": ["true"], "falseValues": ["false"]}
    if c.default is not None:
        out["description"] += f" (empty means {c.default})"
    return out | ({"constraints": constraints} if constraints else {})


def schema(t: Table) -> dict:
    out: dict = {"fields": [field(c) for c in t.columns], "primaryKey": list(t.key), "missingValues": [""]}
    foreign = [
        {"fields": c.name, "reference": {"resource": c.references, "fields": BY_NAME[c.references].key[0]}}
        for c in t.refs.values()
        if not c.also_allowed  # extra values (e.g. EU) are not keys of the referenced table
    ]
    return out | ({"foreignKeys": foreign} if foreign else {})


def resource(t: Table, fmt: str = "csv") -> dict:
    return {
        "name": t.name,
        "path": f"tables/{t.name}.{fmt}",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "description": t.description + (" Every row cites at least one source in fact_sources." if t.sourced else ""),
        "schema": schema(t),
    }


def descriptor(shared: SharedConnection) -> dict:
    """The Data Package describing every table the database serves."""
    upstream = shared.cursor().execute(queries.sql("pages/data_dataset_vintages")).df()
    terms = provenance.terms_by_source(DATA_DIR)
    sources, licences = [], {}
    for s in upstream.drop_duplicates("source_id").itertuples():
        entry = {"title": f"{s.title} ({s.publisher})", "path": s.url}
        entry["licence"] = terms.get(s.source_id, f"as {s.publisher} states at the source")
        licences.setdefault(entry["licence"], s.url)
        sources.append(entry)
    return {
        "profile": "tabular-data-package",
        "name": "serbia-alignment-monitor",
        "title": f"{PROJECT}: Serbia's foreign-policy engagement between East and West",
        "description": (
            "Arms transfers, joint military exercises, EU statements and CFSP alignment, UN General Assembly "
            "votes and milestone events, each fact row citing its sources (fact_sources -> sources). "
            + LICENCE
            + " The upstream terms are listed under licenses and sources."
        ),
        "version": dataset_version(shared),
        "created": built_at(shared),
        "licenses": [{"title": text, "path": url} for text, url in licences.items()],
        "sources": sources,
        "resources": [resource(t) for t in PUBLISHED],
    }
