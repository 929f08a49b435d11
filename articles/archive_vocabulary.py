"""The words the archive generator builds its headlines, tags and comments from."""

EXTRA_CATEGORIES = [
    ("Europe", "region"),
    ("Middle East", "region"),
    ("Americas", "region"),
    ("Africa", "region"),
    ("Air Power", "topic"),
    ("Land Forces", "topic"),
    ("Space", "topic"),
    ("Nuclear", "topic"),
    ("Defence Industry", "topic"),
    ("Budgets", "topic"),
    ("Interviews", "format"),
    ("Opinion", "format"),
]
EXTRA_SOURCES = ["Kyodo News", "Yonhap", "Defence Wire", "Jane's Desk", "Bernama", "ABC News"]
TAG_STEMS = [
    "Japan",
    "China",
    "Taiwan",
    "South Korea",
    "North Korea",
    "Philippines",
    "Vietnam",
    "Indonesia",
    "Australia",
    "India",
    "Pakistan",
    "Russia",
    "Ukraine",
    "United States",
    "European Union",
    "NATO",
    "AUKUS",
    "Quad",
    "ASEAN",
    "South China Sea",
    "East China Sea",
    "Taiwan Strait",
    "Korean Peninsula",
    "Indian Ocean",
    "Pacific Islands",
    "Submarines",
    "Frigates",
    "Destroyers",
    "Aircraft carriers",
    "Fighter jets",
    "F-35",
    "Drones",
    "Hypersonic missiles",
    "Ballistic missiles",
    "Cruise missiles",
    "Air defence",
    "Radar",
    "Satellites",
    "Cyber attacks",
    "Ransomware",
    "Espionage",
    "Sanctions",
    "Arms exports",
    "Defence budget",
    "Shipbuilding",
    "Joint exercises",
    "Naval cooperation",
    "Coast guard",
    "Marines",
    "Special forces",
    "Logistics",
    "Artificial intelligence",
    "Electronic warfare",
    "Nuclear deterrence",
    "Arms control",
    "Diplomacy",
    "Elections",
    "Disinformation",
    "Supply chains",
    "Semiconductors",
    "Rare earths",
    "Energy security",
    "Fisheries",
    "Humanitarian aid",
    "Disaster relief",
    "Peacekeeping",
    "Counterterrorism",
    "Piracy",
]
TAG_QUALIFIERS = [
    "policy",
    "procurement",
    "exercise",
    "deployment",
    "summit",
    "talks",
    "industry",
    "doctrine",
    "budget",
    "research",
    "training",
    "bases",
    "patrols",
    "intelligence",
    "alliance",
    "strategy",
    "tests",
    "readiness",
    "reform",
    "modernisation",
]
HEADLINE_VERBS = [
    "signs",
    "expands",
    "unveils",
    "tests",
    "deploys",
    "warns over",
    "boosts",
    "reviews",
    "delays",
    "approves",
    "joins",
    "condemns",
    "launches",
    "holds talks on",
    "orders",
]
COMMENT_WORDS = (
    "agree disagree the this that navy army budget really should would never always policy "
    "government minister ships aircraft missiles region allies treaty cost years time people "
    "think know article point good bad important question answer war peace deterrence exercise"
).split()
NAMES = ["Alex", "Sam", "Kenji", "Mei", "Ravi", "Anna", "Tom", "Hana", "Jae", "Lena", "Omar"]

# Syllables of made-up place names: a real archive's rarest words are names, and search for a
# rare word is measured on them (bench/pages.py).
PLACE_SYLLABLES = ["ka", "ro", "vel", "tan", "mir", "os", "be", "lun", "dra", "shi", "por", "ez"]
PLACE_NAMES = 20_000


def place_name(rank: int) -> str:
    """The rank-th made-up place name (Karo, Velmir...): distinct for every rank."""
    syllables, base = [], len(PLACE_SYLLABLES)
    rank += base  # two syllables at least
    while rank:
        rank, digit = divmod(rank, base)
        syllables.append(PLACE_SYLLABLES[digit])
    return "".join(syllables).capitalize()
