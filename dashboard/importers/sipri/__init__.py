"""The SIPRI importer, one module per step: read_register / read_orders (the two export forms, via cells),
deals (group delivery rows, match order rows), context (country codes), rows (one arms_transfers row per deal
or undelivered order), transfers (all rows of the chosen recipients), write (the folder imported/sipri/);
cli is `python -m dashboard.importers.sipri`."""
