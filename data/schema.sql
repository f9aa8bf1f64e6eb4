-- Serbia Alignment Monitor: database schema (DuckDB).
-- Table and column names are a public interface: extend, never rename.
-- Every fact table has a text id; fact_sources ties each fact to >= 1 source.

CREATE TABLE countries (
    iso3        VARCHAR PRIMARY KEY CHECK (regexp_matches(iso3, '^[A-Z]{3}$')),
    name        VARCHAR NOT NULL,
    bloc        VARCHAR NOT NULL CHECK (bloc IN ('East', 'West', 'Other')),
    kind        VARCHAR NOT NULL CHECK (kind IN ('country', 'organisation')),
    eu_member   BOOLEAN NOT NULL,      -- member of the EU today (for the "EU majority" in UN votes)
    eu_candidate_wb BOOLEAN NOT NULL,  -- Western Balkan candidate / potential candidate, for comparisons
    notes       VARCHAR
);

CREATE TABLE sources (
    source_id    VARCHAR PRIMARY KEY,
    url          VARCHAR NOT NULL CHECK (regexp_matches(url, '^https?://[^\s/]+\.[^\s]+$')),
    title        VARCHAR NOT NULL,
    publisher    VARCHAR NOT NULL,
    published_on DATE,                 -- empty where the page gives no date
    accessed_on  DATE NOT NULL,
    kind         VARCHAR NOT NULL CHECK (kind IN ('dataset', 'official', 'news', 'analysis')),
    notes        VARCHAR,
    UNIQUE (url, published_on)  -- one row per page; vintages of one dataset may share a URL
);

CREATE TABLE arms_transfers (
    transfer_id          VARCHAR PRIMARY KEY,
    recipient_iso3       VARCHAR NOT NULL REFERENCES countries (iso3),
    supplier_iso3        VARCHAR NOT NULL REFERENCES countries (iso3),
    designation          VARCHAR NOT NULL,
    description          VARCHAR,
    category             VARCHAR NOT NULL,
    quantity_ordered     INTEGER CHECK (quantity_ordered >= 0),
    quantity_delivered   INTEGER CHECK (quantity_delivered >= 0),
    order_year           INTEGER CHECK (order_year BETWEEN 1950 AND 2100),
    delivery_first_year  INTEGER CHECK (delivery_first_year BETWEEN 1950 AND 2100),
    delivery_last_year   INTEGER CHECK (delivery_last_year BETWEEN 1950 AND 2100),
    deal_type            VARCHAR NOT NULL CHECK (deal_type IN ('purchase', 'donation', 'licence', 'second-hand', 'unknown')),
    value_amount         DOUBLE CHECK (value_amount >= 0),
    value_currency       VARCHAR CHECK (regexp_matches(value_currency, '^[A-Z]{3}$')),
    sipri_tiv_m          DOUBLE CHECK (sipri_tiv_m >= 0),
    status               VARCHAR NOT NULL CHECK (status IN ('ordered', 'delivering', 'delivered', 'cancelled')),
    confidence           VARCHAR NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
    notes                VARCHAR,
    sipri_id             VARCHAR,      -- SIPRI AT Database deal id where the deal is in the register
    CHECK (delivery_last_year IS NULL OR delivery_first_year IS NULL OR delivery_last_year >= delivery_first_year),
    CHECK ((value_amount IS NULL) = (value_currency IS NULL))
);

CREATE TABLE exercises (
    exercise_id  VARCHAR PRIMARY KEY,
    name         VARCHAR NOT NULL,
    start_date   DATE,
    end_date     DATE,
    date_precision VARCHAR NOT NULL CHECK (date_precision IN ('day', 'month', 'year')),
    host_iso3    VARCHAR REFERENCES countries (iso3),
    location     VARCHAR,
    latitude     DOUBLE CHECK (latitude BETWEEN -90 AND 90),
    longitude    DOUBLE CHECK (longitude BETWEEN -180 AND 180),
    domain       VARCHAR NOT NULL CHECK (domain IN ('land', 'air', 'sea', 'special-operations', 'peacekeeping', 'cbrn', 'medical', 'emergency', 'joint', 'cyber', 'other')),
    serbia_role  VARCHAR NOT NULL CHECK (serbia_role IN ('participant', 'host', 'observer', 'withdrew', 'cancelled')),
    serbian_troops INTEGER CHECK (serbian_troops >= 0),
    total_troops INTEGER CHECK (total_troops >= 0),
    confidence   VARCHAR NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
    notes        VARCHAR,
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);

CREATE TABLE exercise_participants (
    exercise_id VARCHAR NOT NULL REFERENCES exercises (exercise_id),
    iso3        VARCHAR NOT NULL REFERENCES countries (iso3),
    PRIMARY KEY (exercise_id, iso3)
);

CREATE TABLE eu_statements (
    statement_id VARCHAR PRIMARY KEY,
    date         DATE NOT NULL,
    institution  VARCHAR NOT NULL CHECK (institution IN ('European Commission', 'European Parliament', 'Council of the EU', 'European Council', 'EEAS / HR/VP', 'EU Delegation to Serbia', 'EU member state')),
    speaker      VARCHAR,
    kind         VARCHAR NOT NULL CHECK (kind IN ('annual report', 'resolution', 'conclusions', 'statement', 'speech', 'interview', 'press remarks')),
    topic        VARCHAR NOT NULL CHECK (topic IN ('CFSP alignment', 'Russia sanctions', 'Russia ties', 'China ties', 'strategic orientation', 'Kosovo', 'accession', 'other')),
    stance       INTEGER NOT NULL CHECK (stance BETWEEN -2 AND 2),
    excerpt      VARCHAR NOT NULL CHECK (length(excerpt) <= 400),
    confidence   VARCHAR NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
    notes        VARCHAR
);

CREATE TABLE cfsp_alignment (
    alignment_id          VARCHAR PRIMARY KEY,
    country_iso3          VARCHAR NOT NULL REFERENCES countries (iso3),
    issuer                VARCHAR NOT NULL CHECK (issuer IN ('European Commission', 'ISAC Fund', 'European Parliament', 'Other')),
    period_label          VARCHAR NOT NULL,
    period_start          DATE NOT NULL,
    period_end            DATE NOT NULL,
    rate_pct              DOUBLE NOT NULL CHECK (rate_pct BETWEEN 0 AND 100),
    declarations_aligned  INTEGER CHECK (declarations_aligned >= 0),
    declarations_total    INTEGER CHECK (declarations_total >= 0),
    confidence            VARCHAR NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
    notes                 VARCHAR,
    UNIQUE (country_iso3, issuer, period_start, period_end),
    CHECK (period_end >= period_start),
    CHECK (declarations_aligned IS NULL OR declarations_total IS NULL OR declarations_aligned <= declarations_total)
);

CREATE TABLE un_resolutions (
    resolution_id VARCHAR PRIMARY KEY,   -- the UN symbol, e.g. A/RES/ES-11/1
    date          DATE NOT NULL,
    title         VARCHAR NOT NULL,
    topic         VARCHAR NOT NULL,
    yes           INTEGER CHECK (yes >= 0),
    no            INTEGER CHECK (no >= 0),
    abstain       INTEGER CHECK (abstain >= 0),
    east_west_split BOOLEAN NOT NULL,    -- Russia/China and the US/EU majority voted differently
    notes         VARCHAR
);

CREATE TABLE un_votes (
    resolution_id VARCHAR NOT NULL REFERENCES un_resolutions (resolution_id),
    country_iso3  VARCHAR NOT NULL REFERENCES countries (iso3),
    vote          VARCHAR NOT NULL CHECK (vote IN ('yes', 'no', 'abstain', 'absent')),
    PRIMARY KEY (resolution_id, country_iso3)
);

CREATE TABLE un_agreement (
    agreement_id  VARCHAR PRIMARY KEY,   -- year-country-partner, for fact_sources
    year          INTEGER NOT NULL CHECK (year BETWEEN 1946 AND 2100),
    country_iso3  VARCHAR NOT NULL REFERENCES countries (iso3),
    partner       VARCHAR NOT NULL,      -- an ISO3 code, or 'EU' for the EU members' majority
    agreement     DOUBLE NOT NULL CHECK (agreement BETWEEN 0 AND 1),
    agreement_abstain_aware DOUBLE CHECK (agreement_abstain_aware BETWEEN 0 AND 1),
    n_votes       INTEGER NOT NULL CHECK (n_votes >= 0),
    UNIQUE (year, country_iso3, partner)
);

CREATE TABLE events (
    event_id     VARCHAR PRIMARY KEY,
    date         DATE NOT NULL,
    title        VARCHAR NOT NULL,
    kind         VARCHAR NOT NULL CHECK (kind IN ('eu-accession', 'nato', 'visit', 'agreement', 'arms-deal', 'exercise-suspension', 'sanctions', 'un-vote', 'other')),
    partner_iso3 VARCHAR REFERENCES countries (iso3),
    end_date     DATE,                   -- for periods (e.g. an exercise moratorium)
    description  VARCHAR,
    confidence   VARCHAR NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
    -- how exact `date` is; for 'month' and 'year' the date is the first day of that month or year
    date_precision VARCHAR NOT NULL DEFAULT 'day' CHECK (date_precision IN ('day', 'month', 'year')),
    CHECK (end_date IS NULL OR end_date >= date)
);

-- Every fact row cites >= 1 source; evidence is a short excerpt or locator that supports the row.
CREATE TABLE fact_sources (
    fact_table VARCHAR NOT NULL CHECK (fact_table IN ('arms_transfers', 'exercises', 'eu_statements', 'cfsp_alignment', 'un_resolutions', 'un_agreement', 'events')),
    fact_id    VARCHAR NOT NULL,
    source_id  VARCHAR NOT NULL REFERENCES sources (source_id),
    evidence   VARCHAR CHECK (length(evidence) <= 300),
    PRIMARY KEY (fact_table, fact_id, source_id)
);

-- Where sources disagree, every alternative value is kept here with its own source.
CREATE TABLE alternatives (
    fact_table VARCHAR NOT NULL CHECK (fact_table IN ('arms_transfers', 'exercises', 'eu_statements', 'cfsp_alignment', 'un_resolutions', 'un_agreement', 'events')),
    fact_id    VARCHAR NOT NULL,
    field      VARCHAR NOT NULL,
    value      VARCHAR NOT NULL,
    source_id  VARCHAR NOT NULL REFERENCES sources (source_id),
    note       VARCHAR,
    PRIMARY KEY (fact_table, fact_id, field, value, source_id)
);

-- Every dated fact with a partner, one row per (fact, partner): the feed for timelines and the index.
CREATE VIEW engagement AS
SELECT make_date(coalesce(a.order_year, a.delivery_first_year), 1, 1) AS date,
       coalesce(a.order_year, a.delivery_first_year) AS year,
       a.recipient_iso3 AS country_iso3, a.supplier_iso3 AS partner_iso3, c.bloc,
       'arms' AS kind, a.designation AS title, 'arms_transfers' AS fact_table, a.transfer_id AS fact_id
FROM arms_transfers a JOIN countries c ON c.iso3 = a.supplier_iso3
WHERE coalesce(a.order_year, a.delivery_first_year) IS NOT NULL
UNION ALL
SELECT e.start_date, year(e.start_date), 'SRB', p.iso3, c.bloc,
       'exercise', e.name, 'exercises', e.exercise_id
FROM exercises e
JOIN exercise_participants p ON p.exercise_id = e.exercise_id AND p.iso3 <> 'SRB'
JOIN countries c ON c.iso3 = p.iso3
WHERE e.start_date IS NOT NULL
UNION ALL
SELECT s.date, year(s.date), 'SRB', 'EUU', c.bloc,
       'eu-statement', s.topic || ': ' || coalesce(s.speaker, s.institution), 'eu_statements', s.statement_id
FROM eu_statements s JOIN countries c ON c.iso3 = 'EUU'
UNION ALL
SELECT v.date, year(v.date), 'SRB', v.partner_iso3, c.bloc,
       'event', v.title, 'events', v.event_id
FROM events v JOIN countries c ON c.iso3 = v.partner_iso3;
