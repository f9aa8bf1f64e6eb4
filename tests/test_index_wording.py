"""What an index value rests on: stored in English in the index tables (a public interface), said in the
reader's language on the pages."""

from __future__ import annotations

import re

import duckdb

from dashboard.i18n import catalog
from dashboard.index.wording import Said, english, shown

ARMS = re.compile(r"^\d{4}–\d{4}: \d+ West and \d+ East deals; SIPRI TIV \d+ m West, \d+ m East$")


def test_the_stored_basis_is_english(fixture_db):
    con = duckdb.connect(str(fixture_db), read_only=True)
    rows = dict(con.execute("SELECT component, list(basis) FROM east_west_components GROUP BY component").fetchall())
    assert rows["arms_orders"] and all(ARMS.match(b) for b in rows["arms_orders"])
    assert all(b.startswith("at least ") for b in rows["un_votes"])
    assert all(re.match(r"^(ISAC Fund|European Commission|European Parliament|Other): ", b) for b in rows["cfsp"])


def test_a_basis_is_said_in_the_readers_language_with_its_parts():
    said = Said("{issuer}: {periods} (also published: {others})", issuer=Said("ISAC Fund"), periods="2021", others="X")
    assert english(said) == str(said) == "ISAC Fund: 2021 (also published: X)"
    with catalog.using("sr-Latn"):
        assert shown(said) == "ISAC fond: 2021 (objavili i: X)"
    with catalog.using("sr-Cyrl"):
        assert shown(said) == "ISAC фонд: 2021 (објавили и: X)"
    assert shown("plain data text") == "plain data text"
