"""Text folded for block-list matching, so disguised spellings still match a blocked term.

Spammers dodge a block list with what readers do not see: a zero-width space or soft hyphen
inside a word, full-width letters, accents, or Cyrillic and Greek letters that look Latin.
Terms and comments are folded the same way before they are compared; what is stored and shown
is never changed.
"""

import unicodedata

# Invisible characters that split a word without showing. Every format character (Unicode
# category Cf: zero-width space and joiners, the left-to-right and right-to-left marks U+200E/F,
# the embeddings and overrides U+202A-U+202E, word joiner and invisible operators U+2060-U+2064,
# BOM, soft hyphen, Mongolian vowel separator...), a list that grows with Unicode rather than
# one kept by hand; plus the Hangul fillers, letters that draw nothing, and the combining
# grapheme joiner.
HANGUL_FILLERS = frozenset("\u115f\u1160\u3164\uffa0")
INVISIBLE_LETTERS = HANGUL_FILLERS | {"\u034f"}

# Lower-case Cyrillic and Greek letters drawn like Latin ones (after case-folding).
LOOKALIKES = str.maketrans(
    {
        # Cyrillic
        "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
        "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i",
        "ј": "j", "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ɡ": "g", "ӏ": "l",
        # Greek
        "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
        "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ζ": "z", "μ": "u",
    }
)  # fmt: skip


# Look-alikes NFKC would turn into another letter first: the lunate sigma, drawn as a Latin "c",
# becomes a sigma.
BEFORE_NFKC = str.maketrans({"ϲ": "c", "Ϲ": "C"})


def without_invisible(text: str) -> str:
    return "".join(
        char
        for char in text
        if char not in INVISIBLE_LETTERS and unicodedata.category(char) != "Cf"
    )


def fold(text: str) -> str:
    """NFKC, case-folded, invisible characters removed, accents dropped, look-alikes Latin."""
    # Removed after NFKC too: it turns the half-width Hangul filler into another filler.
    text = without_invisible(text).translate(BEFORE_NFKC)
    text = without_invisible(unicodedata.normalize("NFKC", text)).casefold()
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
