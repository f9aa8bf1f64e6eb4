"""What an index value rests on, kept as a message and its parts rather than an English sentence, so the app
says it in the reader's language while the index tables store the English (their public text).

    Said(N_("{west} with West and {east} with East partners"), west=3, east=1)

`str()` is the English sentence (the build, the API); `text()` the current session's language. A part that is
itself `Said` (an issuer's name, say) is translated too; numbers and codes are written as they are.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.i18n import _


@dataclass(frozen=True, init=False)
class Said:
    message: str  # English with named placeholders, marked N_ where it is made
    parts: tuple[tuple[str, object], ...]

    def __init__(self, message: str, **parts: object) -> None:
        object.__setattr__(self, "message", message)
        object.__setattr__(self, "parts", tuple(parts.items()))

    def text(self, translate=_) -> str:
        values = {k: v.text(translate) if isinstance(v, Said) else v for k, v in self.parts}
        return translate(self.message).format(**values)

    def __str__(self) -> str:
        return self.text(lambda message: message)


def english(value: Said | str) -> str:
    """The stored form: English."""
    return str(value)


def shown(value: Said | str) -> str:
    """The reader's form: the session's language (a plain string is data text, shown as it is)."""
    return value.text() if isinstance(value, Said) else value
