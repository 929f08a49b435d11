"""What a reader types, read the way the desk writes: British and American spellings match each
other, possessives match the name, quoted words match as a phrase, "-word" leaves articles out.

Query expansion in Python rather than a PostgreSQL synonym dictionary: a dictionary needs a file
in the server's `tsearch_data` directory, which a managed database does not let us write; the
same expansion also drives the SQLite fallback, so both give the same answers.
"""

import itertools
import re
from dataclasses import dataclass, field

MAX_TERMS = 8
MAX_PHRASE_VARIANTS = 8

# Pairs the suffix rules below do not cover. British first.
SPELLING_PAIRS = [
    ("defence", "defense"), ("offence", "offense"), ("licence", "license"),
    ("pretence", "pretense"), ("armour", "armor"), ("armoured", "armored"),
    ("harbour", "harbor"), ("honour", "honor"), ("labour", "labor"), ("colour", "color"),
    ("favour", "favor"), ("rumour", "rumor"), ("behaviour", "behavior"),
    ("neighbour", "neighbor"), ("vapour", "vapor"), ("endeavour", "endeavor"),
    ("programme", "program"), ("catalogue", "catalog"), ("dialogue", "dialog"),
    ("centre", "center"), ("theatre", "theater"), ("metre", "meter"), ("litre", "liter"),
    ("calibre", "caliber"), ("sabre", "saber"), ("manoeuvre", "maneuver"),
    ("manoeuvred", "maneuvered"), ("manoeuvring", "maneuvering"), ("aluminium", "aluminum"),
    ("grey", "gray"), ("tyre", "tire"), ("sceptical", "skeptical"), ("ageing", "aging"),
    ("travelled", "traveled"), ("travelling", "traveling"), ("cancelled", "canceled"),
    ("fuelled", "fueled"), ("modelling", "modeling"), ("signalling", "signaling"),
    ("labelled", "labeled"), ("counselling", "counseling"), ("enrolment", "enrollment"),
    ("fulfil", "fulfill"), ("judgement", "judgment"), ("storey", "story"),
    ("paediatric", "pediatric"), ("foetus", "fetus"), ("plough", "plow"), ("cheque", "check"),
]  # fmt: skip
# Endings that differ the same way in every word: organisation/organization, mobilise/mobilize,
# analyse/analyze. A variant that is not a word matches nothing, so over-generating is harmless.
SUFFIX_PAIRS = [
    ("isation", "ization"), ("isations", "izations"), ("ise", "ize"), ("ised", "ized"),
    ("ises", "izes"), ("ising", "izing"), ("yse", "yze"), ("ysed", "yzed"), ("ysing", "yzing"),
]  # fmt: skip
_SPELLINGS: dict[str, set[str]] = {}
for british, american in SPELLING_PAIRS:
    _SPELLINGS.setdefault(british, set()).update({british, american})
    _SPELLINGS.setdefault(american, set()).update({british, american})
_SUFFIXES = sorted(
    [(a, b) for a, b in SUFFIX_PAIRS] + [(b, a) for a, b in SUFFIX_PAIRS],
    key=lambda pair: -len(pair[0]),
)
_TOKEN = re.compile(r'-?"[^"]*"?|\S+')
_POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$", re.IGNORECASE)
_EDGE_PUNCTUATION = re.compile(r"^[^\w]+|[^\w'’]+$")
_MIN_STEM = 3  # "rise" is not "rize": suffix rules apply to longer words only


def spellings(word: str) -> list[str]:
    """`word` (lower case) and its other spellings, the word itself first."""
    found = {word} | _SPELLINGS.get(word, set())
    if word.endswith("s") and word[:-1] in _SPELLINGS:  # plurals: defences, programmes
        found |= {each + "s" for each in _SPELLINGS[word[:-1]]}
    for ending, other in _SUFFIXES:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            found.add(word[: -len(ending)] + other)
            break
    return [word] + sorted(found - {word})


def bare_word(token: str) -> str:
    """A word without surrounding punctuation and possessive: "Japan's" -> "japan",
    "allies'" -> "allies"."""
    word = _EDGE_PUNCTUATION.sub("", token.lower())
    stripped = _POSSESSIVE.sub("", word)
    if word.endswith(("s'", "s’")):  # plural possessive: keep the plural
        stripped = word[:-1]
    return stripped.strip("'’")


@dataclass
class Term:
    """One thing the reader asked for: a word or a phrase, each with its other spellings."""

    words: list[str]
    excluded: bool = False
    variants: list[list[str]] = field(default_factory=list)

    @property
    def is_phrase(self):
        return len(self.words) > 1

    def phrasings(self) -> list[str]:
        """Every spelling of the word or phrase, as text ("defence budget", "defense budget")."""
        combos = itertools.islice(itertools.product(*self.variants), MAX_PHRASE_VARIANTS)
        return [" ".join(combo) for combo in combos]


def parse(query: str) -> list[Term]:
    """Terms of a cleaned query: words, "quoted phrases", -excluded words; at most MAX_TERMS."""
    query = query.replace("“", '"').replace("”", '"').replace("„", '"')
    terms: list[Term] = []
    for token in _TOKEN.findall(query):
        excluded = token.startswith("-") and len(token) > 1
        token = token.lstrip("-") if excluded else token
        quoted = token.startswith('"')
        words = [bare_word(part) for part in re.split(r"[\s\-–—/]+", token.strip('"'))]
        words = [word for word in words if re.search(r"\w", word)]
        if not words:
            continue
        if not quoted and len(words) > 1:  # "anti-ship", "US-Japan": each part must appear
            terms.extend(Term([word], excluded, [spellings(word)]) for word in words)
        else:
            terms.append(Term(words, excluded, [spellings(word) for word in words]))
    wanted = [term for term in terms if not term.excluded][:MAX_TERMS]
    return wanted + [term for term in terms if term.excluded][:MAX_TERMS] if wanted else []


def highlight_pattern(terms: list[Term]) -> re.Pattern | None:
    """A pattern matching every spelling of every wanted word, as whole words or word starts,
    possessives included, for marking matches in snippets."""
    words = sorted(
        {spelling for term in terms if not term.excluded for v in term.variants for spelling in v},
        key=len,
        reverse=True,
    )
    if not words:
        return None
    alternatives = "|".join(re.escape(word) for word in words)
    return re.compile(rf"\b(?:{alternatives})\w*(?:['’]s)?", re.IGNORECASE)
