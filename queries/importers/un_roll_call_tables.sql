-- In-memory tables for UN General Assembly roll calls, filled by dashboard/importers/unvotes.py.
-- One row per roll call and one per (roll call, member); every upstream form is normalised to these.
CREATE TABLE roll_calls (
    rcid   VARCHAR PRIMARY KEY,           -- the upstream id (unvotes rcid, UN Digital Library record id)
    year   INTEGER NOT NULL,
    date   DATE,                          -- empty where the upstream gives only the year
    symbol VARCHAR                        -- UN document symbol, where the upstream gives one
);
CREATE TABLE votes (
    rcid  VARCHAR NOT NULL REFERENCES roll_calls (rcid),
    iso3  VARCHAR NOT NULL,
    vote  VARCHAR NOT NULL CHECK (vote IN ('yes', 'no', 'abstain', 'absent')),
    PRIMARY KEY (rcid, iso3)
);
