"""Text folded for block-list matching, so disguised spellings still match a blocked term.

Spammers dodge a block list with what readers do not see: a zero-width space or soft hyphen
inside a word, full-width letters, accents, or Cyrillic and Greek letters that look Latin.
Terms and comments are folded the same way before they are compared; what is stored and shown
is never changed.
"""

import unicodedata

# Invisible characters that split a word without showing: zero-width space, joiners, word
# joiner, BOM, soft hyphen, Mongolian vowel separator, combining grapheme joiner.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u034f"))

# Lower-case Cyrillic and Greek letters drawn like Latin ones (after case-folding).
LOOKALIKES = str.maketrans(
    {
        # Cyrillic
        "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
        "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i",
        "ј": "j", "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ɡ": "g",
        # Greek
        "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
        "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ζ": "z", "μ": "u",
    }
)  # fmt: skip


def fold(text: str) -> str:
    """NFKC, case-folded, invisible characters removed, accents dropped, look-alikes Latin."""
    text = unicodedata.normalize("NFKC", text.translate(INVISIBLE)).casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in decomposed if not unicodedata.combining(char))
    return text.translate(LOOKALIKES)


def email_blocked(email: str, term: str) -> bool:
    """An address term matches exactly; an `@domain` term matches the domain and its
    subdomains (`@spam.example` blocks `x@mail.spam.example`)."""
    email, term = fold(email).strip(), fold(term).strip()
    if not term.startswith("@"):
        return email == term
    domain = email.rpartition("@")[2].rstrip(".")
    blocked = term[1:].rstrip(".")
    return bool(blocked) and (domain == blocked or domain.endswith(f".{blocked}"))
