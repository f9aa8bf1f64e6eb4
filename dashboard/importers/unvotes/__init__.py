"""The UN votes importer, one module per step: read (the upstream forms → roll calls and votes), countries
(curated country lists), agreement (DuckDB: yearly agreement), write (imported/unvotes/ and
imported/un_roll_calls/); cli is `python -m dashboard.importers.unvotes agreement|roll-call|show`."""
