#!/usr/bin/env python3
"""Builds a fixture database: schema.sql, then the fixture's SQL.

    build_fixture.py <schema.sql> <fixture.sql> <out.db>

A fixture whose first line is "-- no schema" gets only its own SQL (to build
databases that break the contract)."""
import sqlite3
import sys

schema, fixture, out = sys.argv[1:4]
with open(fixture, encoding="utf-8") as f:
    fixture_sql = f.read()
db = sqlite3.connect(out)
if not fixture_sql.startswith("-- no schema"):
    with open(schema, encoding="utf-8") as f:
        db.executescript(f.read())
db.executescript(fixture_sql)
db.commit()
db.close()
