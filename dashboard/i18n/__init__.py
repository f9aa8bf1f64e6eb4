"""The dashboard in English, Serbian Latin and Serbian Cyrillic: one translator per session, never process-wide.

    from dashboard.i18n import _, N_, ngettext
    st.title(_("Arms deals"))                       # translated for the reading session's language
    MEASURES = {"count": N_("Number of deals")}     # marked for extraction; translated where shown: _(label)

The language of a script run is the session's `lang` (bound to the URL by `switch.language_switch`); code
that runs outside a script run (download callables) takes it from `using(lang)`; everywhere else English.
Messages live in gettext catalogs (dashboard/locale/, `make i18n`); Serbian is written once, in Latin, and
Cyrillic is derived from it (`script.to_cyrillic`). See docs/i18n.md.
"""

from __future__ import annotations

from dashboard.i18n.catalog import ENGLISH, LABELS, LANGS, call_in, current, gettext, ngettext, using  # noqa: F401


def _(message: str) -> str:
    """`message` in the current session's language."""
    return gettext(message)


def N_(message: str) -> str:
    """Mark `message` for extraction without translating it now (module constants); translate with `_()`."""
    return message
