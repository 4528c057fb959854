"""data/processed/datapackage.json: the tables as a Frictionless Data Package, generated from the
pandera schemas (types, descriptions, required fields, keys), so others can load and validate the
CSVs without this package (``frictionless validate data/processed/datapackage.json``)."""

from __future__ import annotations

import json

import pandera.pandas as pa

from .tables import SCHEMAS

TYPES = {"string": "string", "Int64": "integer", "Float64": "number", "boolean": "boolean",
         "datetime64[ns]": "date", "bool": "boolean", "int64": "integer", "float64": "number"}

LICENCE = {"name": "OGL-UK-3.0", "title": "Open Government Licence v3.0",
           "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"}
SOURCES = [
    {"title": "Metropolitan Police Service, Live Facial Recognition deployment records (LFR Deployment Grid PDFs)",
     "path": "https://www.met.police.uk/advice/advice-and-information/fr/facial-recognition/"},
    {"title": "Freedom of Information responses of UK police forces and public bodies (see requests.source_title)",
     "path": "https://www.whatdotheyknow.com/"},
]


def _field(name: str, column: pa.Column) -> dict:
    dtype = str(column.dtype).replace("[python]", "")
    field = {"name": name, "type": TYPES.get(dtype, "string"), "description": column.description or ""}
    if TYPES.get(dtype) == "boolean":
        field |= {"trueValues": ["True"], "falseValues": ["False"]}
    constraints = {}
    if not column.nullable:
        constraints["required"] = True
    if column.unique:
        constraints["unique"] = True
    return field | ({"constraints": constraints} if constraints else {})


def _primary_key(schema: pa.DataFrameSchema) -> list[str] | None:
    if schema.unique:
        return list(schema.unique)
    unique = [name for name, column in schema.columns.items() if column.unique and not column.nullable]
    return unique[:1] or None


def descriptor(names: list[str]) -> dict:
    resources = []
    for name in sorted(names):
        schema = SCHEMAS[name]
        table_schema = {"fields": [_field(n, c) for n, c in schema.columns.items()], "missingValues": [""]}
        if key := _primary_key(schema):
            table_schema["primaryKey"] = key
        resources.append({"name": name.replace("_", "-"), "path": f"{name}.csv", "profile": "tabular-data-resource",
                          "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                          "description": schema.description or "", "schema": table_schema})
    return {"name": "foi-analysis", "title": "UK police facial recognition: FOI disclosures and Met LFR deployment grids",
            "profile": "tabular-data-package", "licenses": [LICENCE], "sources": SOURCES, "resources": resources}


def render(names: list[str]) -> bytes:
    return (json.dumps(descriptor(names), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
