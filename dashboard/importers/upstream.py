"""What each upstream input is, as its SOURCE.md in the shared sources folder states it: the one place these
descriptions live. Keyed by the curated sources.csv id the importers cite for the input; the provenance
file beside each importer's output (inputs.json) copies them, with the date accessed from sources.csv and
the size and sha256 of the file actually read.

A new upstream release needs a sources.csv row and an entry here (the importer names the missing one).
"""

from __future__ import annotations

_SIPRI_TERMS = "Data (c) SIPRI; cite 'SIPRI Arms Transfers Database, https://www.sipri.org/databases/armstransfers'."
_UNDL_TERMS = "UN Digital Library terms: 'Copyright, United Nations; non-commercial use with attribution'."

UPSTREAM: dict[str, dict[str, str]] = {
    "sipri-register-2026": {
        "producer": "Stockholm International Peace Research Institute (SIPRI), Arms Transfers Database",
        "title": "SIPRI Arms Transfers Database - trade register (deliveries 1995-2024), generated 12 Feb 2026",
        "url": "https://github.com/nagehanrdogan/Global-Arms-Trade-Network-Analysis-1995-2024-/blob/"
        "3bcd6c41730f26878edc344425896f57c83dcb29/trade_register.csv",
        "licence": "The repository has no licence file. " + _SIPRI_TERMS + " Check SIPRI terms before "
        "redistributing the full file publicly.",
        "vintage": "Data generated 12 Feb 2026; last delivery year present 2024",
    },
    "sipri-orders-2024": {
        "producer": "Stockholm International Peace Research Institute (SIPRI), Arms Transfers Database",
        "title": "SIPRI Arms Transfers Database - order-level trade register with comments",
        "url": "https://github.com/WTAlmy/sipri-atd/blob/cb3c19ebfaf888631dc57a1d176de668c9997046/"
        "static/sipri-full-rows.csv",
        "licence": "The repository has no licence. " + _SIPRI_TERMS,
        "vintage": "No generation date in the file; about early 2024 (orders to 2023, latest delivery 2023); "
        "repository commit of 2024-06-07",
    },
    "un-undl-ga-votes-2021": {
        "producer": "United Nations Dag Hammarskjöld Library (UN Digital Library voting records), "
        "scraped by navyanawal0310 on GitHub",
        "title": "UN Digital Library GA/SC voting records (scrape, to 30 Dec 2021) - selected countries, long format",
        "url": "https://github.com/navyanawal0310/un-votes-intelligence-platform/blob/"
        "b1a33e9f13e44a213373dc4baf927cda041488ff/data/raw/downloads/UN%20DATA.csv.zip",
        "licence": "The repository's LICENSE file is empty. " + _UNDL_TERMS,
        "vintage": "Inner CSV dated 29 Jan 2022; General Assembly votes to 24 Dec 2021",
    },
    "un-unvotes-2021": {
        "producer": "David Robinson (R package unvotes); data from Erik Voeten et al., United Nations General "
        "Assembly Voting Data (Harvard Dataverse hdl:1902.1/12379)",
        "title": "UNGA roll-call votes - R package unvotes data (Voeten et al.), converted to CSV",
        "url": "https://github.com/dgrtwo/unvotes/tree/7eb7034314ff79c49c9e0785fcd9d216fa04cf14/data",
        "licence": "Package MIT (c) David Robinson; underlying Voeten data CC0",
        "vintage": "Commit 7eb7034 of 8 Mar 2021; sessions 1-74, votes to 14 Jan 2020",
    },
    "un-3dl-ga-votes-2025": {
        "producer": "United Nations Dag Hammarskjöld Library (UN Digital Library voting records), scraped by the "
        "Data Driven Decision Lab (3DL); copy in GitHub HZloto/unga-2025",
        "title": "UNGA recorded votes of calendar 2025 (192 votes) - 35 selected countries, long format "
        "(extract of data/un_votes_2025_processed.csv)",
        "url": "https://github.com/HZloto/unga-2025/blob/46fa27efae8b05d522b89bbdcdcd564a96e49cef/"
        "data/un_votes_2025_processed.csv",
        "licence": "Neither repository states a licence. " + _UNDL_TERMS,
        "vintage": "Blob 32780b3 added 11 Feb 2026 (repository HEAD 6767211 of 12 Apr 2026); votes of "
        "24 Feb to 18 Dec 2025",
    },
    "un-voeten-idealpoints-2024": {
        "producer": "Michael Bailey, Anton Strezhnev and Erik Voeten, United Nations General Assembly Voting Data "
        "(Harvard Dataverse hdl:1902.1/12379, doi:10.7910/DVN/LEJUQZ)",
        "title": "IdealpointestimatesAll_Jun2024.csv - sessions 60-78, 35 selected countries (ideal points and "
        "agreement with the US, Russia, China)",
        "url": "https://github.com/tongyu03/DSE3101-Predictive-Modelling-of-Global-Trade-Flows/blob/"
        "98ab7b673cf2c6415f6e86ba2e63eee0b51f07ae/data/IdealpointestimatesAll_Jun2024.csv",
        "licence": "CC0 on Dataverse; the GitHub copy (verified identical to the Dataverse file) has no licence file",
        "vintage": "June 2024 release; sessions 1-78, session 78 = Sep 2023 to Sep 2024",
    },
    "un-quak1-es11-3": {
        "producer": "Quak1 on GitHub (un-votes), scraped from UN Digital Library record 3967778",
        "title": "Every member's vote on A/RES/ES-11/3 (7 Apr 2022), converted from lib/votes.json",
        "url": "https://github.com/Quak1/un-votes/blob/313b4865ed82da2ba21509a5ed9926cdef2a4a33/lib/votes.json",
        "licence": "No licence in the repository; " + _UNDL_TERMS,
        "vintage": "Commit 313b486; roll call of 7 Apr 2022",
    },
    "un-kaartmaker-es11-1": {
        "producer": "small-hack on GitHub (kaartmaker), compiled from Wikipedia and UN News",
        "title": "Votes on A/RES/ES-11/1 (2 Mar 2022), map table world_ukraine_votes.csv",
        "url": "https://github.com/small-hack/kaartmaker/blob/046a260e470a40030cacc1ea7248aaa2a928735e/"
        "kaartmaker/datasets/UN_general_assembly/russia_ceasefire/world_ukraine_votes.csv",
        "licence": "Not stated in SOURCE.md (the repository cites Wikipedia and UN News as its sources)",
        "vintage": "Commit 046a260; roll call of 2 Mar 2022",
    },
}
