-- Whether a fact with partner `iso3` of bloc `bloc` passes the sidebar's partner and bloc filters.
-- partners: the chosen ISO3 codes (empty: every partner); blocs: the blocs to keep.
CREATE MACRO partner_selected(iso3, bloc, partners, blocs) AS
    (len(partners) = 0 OR list_contains(partners, iso3)) AND list_contains(blocs, bloc);
