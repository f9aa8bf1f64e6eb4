"""Serbian Cyrillic from Serbian Latin (cyrtranslit), leaving alone what is not Serbian words.

Kept in Latin letters: URLs and e-mail addresses, file names, `code`, HTML tags and entities, format
placeholders (`{name}`, `%(name)s`, `%s`), identifiers with an underscore (table and column names such as
fact_sources), text in Markdown underscore emphasis (`_Choice or Circumstance?_`: the Serbian docs mark
foreign titles, names and quotes that way; Serbian emphasis uses `*…*`), and every all-capital Latin token of
two or more characters (acronyms and codes: SIPRI, NATO, CFSP, EU, UN, TIV, ISO3 codes such as SRB), except
the Serbian acronyms in `SERBIAN_ACRONYMS`, which are Serbian words and are transliterated (SAD -> САД).
"""

from __future__ import annotations

import re

import cyrtranslit

SERBIAN_ACRONYMS = frozenset({"SAD", "SFRJ", "SRJ", "SCG", "VS", "MUP", "RS", "HBRN"})

_PROTECTED = re.compile(
    r"""
    (?P<url>(?:https?://|www\.)[^\s)\]>"]+)
  | (?P<mail>[\w.+-]+@[\w-]+\.[\w.-]+)
  | (?P<code>`[^`]*`)
  | (?P<tag></?[a-zA-Z][^>]*>|&[a-zA-Z#0-9]+;)
  | (?P<placeholder>\{[^{}]*\}|%\([a-z_]+\)[sd]|%[sd])
  | (?P<file>\b[\w-]+\.(?:csv|png|svg|zip|md|duckdb|json|py|sql)\b)
  | (?P<param>\b[a-z_]+=[\w-]+)
  | (?P<foreign>(?<!\w)_(?=\S)(?:[^_`\n]|\n(?!\s*\n))+(?<=\S)_(?!\w))  # may wrap, never past a paragraph
  | (?P<ident>\b[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+\b)
  | (?P<word>\b[A-Z][A-Z0-9]+\b)
    """,
    re.VERBOSE,
)


def to_cyrillic(text: str) -> str:
    """`text` (Serbian Latin) in Serbian Cyrillic, protected tokens unchanged."""
    out, at = [], 0
    for m in _PROTECTED.finditer(text):
        if m.lastgroup == "word" and m.group() in SERBIAN_ACRONYMS:
            continue
        out.append(cyrtranslit.to_cyrillic(text[at : m.start()], "sr"))
        out.append(m.group())
        at = m.end()
    out.append(cyrtranslit.to_cyrillic(text[at:], "sr"))
    return "".join(out)
