"""Words written another way: American spellings, and words joined, hyphenated or apart.

The hub writes British English, and people search as they write: "reorganization", "rumors",
"councilor"; "e-mail" for "email", "outofhours" for "out-of-hours". Both sides are brought
together:

- in the index, each text keeps its own words and gains the British spelling of any American word
  in it (`british`) and the joined form of any hyphenated word ("out-of-hours" also gives
  "outofhours", "co-production" "coproduction"): `index_text`;
- in a search, American words are read as British (`british_text`), and a hyphenated word is also
  searched joined up (`joined_variants`, with the editors' synonyms in search.query.expansions).

The stemmers of each backend (Porter in SQLite, English in PostgreSQL and the engines) already
take plurals and other endings ("councils", "evacuating"); the clusters get the same spellings as a
synonym filter (search.elastic), from `SPELLINGS`.
"""

import re

# American spellings of words the hub uses, and the British ones, beyond the regular endings below.
SPELLINGS = {
    "aging": "ageing",
    "analog": "analogue",
    "behavior": "behaviour",
    "behaviors": "behaviours",
    "behavioral": "behavioural",
    "canceled": "cancelled",
    "canceling": "cancelling",
    "catalog": "catalogue",
    "center": "centre",
    "centers": "centres",
    "color": "colour",
    "colors": "colours",
    "counseling": "counselling",
    "counselor": "counsellor",
    "councilor": "councillor",
    "councilors": "councillors",
    "defense": "defence",
    "dialog": "dialogue",
    "enroll": "enrol",
    "enrollment": "enrolment",
    "favor": "favour",
    "favorite": "favourite",
    "favorites": "favourites",
    "fulfill": "fulfil",
    "gray": "grey",
    "harbor": "harbour",
    "honor": "honour",
    "humor": "humour",
    "judgment": "judgement",
    "labeled": "labelled",
    "labeling": "labelling",
    "labor": "labour",
    "license": "licence",
    "licenses": "licences",
    "modeling": "modelling",
    "mold": "mould",
    "neighbor": "neighbour",
    "neighbors": "neighbours",
    "neighborhood": "neighbourhood",
    "neighborhoods": "neighbourhoods",
    "offense": "offence",
    "pajamas": "pyjamas",
    "practicing": "practising",
    "program": "programme",
    "programs": "programmes",
    "rumor": "rumour",
    "rumors": "rumours",
    "skillful": "skilful",
    "theater": "theatre",
    "traveled": "travelled",
    "traveling": "travelling",
    "tumor": "tumour",
    "vapor": "vapour",
}
# Words ending as the American endings below do that are spelt so in British English too (shorter
# ones, "size", "seize", "prize", are too short for the endings to apply).
NOT_AMERICAN = frozenset(["capsize", "capsized", "capsizes", "capsizing"])
# Regular American endings, and the British ones: "organization" -> "organisation".
ENDINGS = [
    (re.compile(r"(\w{3,})ization(s?)$"), r"\1isation\2"),
    (re.compile(r"(\w{3,})izing$"), r"\1ising"),
    (re.compile(r"(\w{3,})ized$"), r"\1ised"),
    (re.compile(r"(\w{3,})izes$"), r"\1ises"),
    (re.compile(r"(\w{3,})ize$"), r"\1ise"),
    (re.compile(r"(\w{2,})yz(e|ed|es|ing)$"), r"\1ys\2"),
]
WORD = re.compile(r"[^\W_]+", re.UNICODE)
# The longest word kept for corrections (see words).
MAX_WORD = 40
HYPHENATED = re.compile(r"\b[^\W_]+(?:-[^\W_]+)+\b", re.UNICODE)


def british(word):
    """Return the British spelling of an American word (lower case), or the word itself."""
    lower = word.lower()
    if lower in SPELLINGS:
        return SPELLINGS[lower]
    if lower in NOT_AMERICAN:
        return lower
    for ending, replacement in ENDINGS:
        if ending.search(lower):
            return ending.sub(replacement, lower)
    return lower


def british_text(text):
    """Return a search's text with each American word spelt the British way (quoted phrases too)."""
    return WORD.sub(lambda match: _british_keeping_case(match.group()), text)


def _british_keeping_case(word):
    spelt = british(word)
    return word if spelt == word.lower() else spelt


def joined(hyphenated):
    """Return a hyphenated word joined up: "out-of-hours" -> "outofhours"."""
    return hyphenated.replace("-", "")


def joined_variants(text):
    """Return the text with each hyphenated word joined up, if it has any ("e-mail list" -> "email list")."""
    return HYPHENATED.sub(lambda match: joined(match.group()), text)


def words(text):
    """Return the set of words of a text, in lower case, as a misspelt word may be corrected to.

    From three letters to MAX_WORD: a longer run of letters (a pasted key, a URL's slug) is nobody's
    word, and the words' index (search_word on PostgreSQL) takes no key over a page's size.
    """
    return {word for word in WORD.findall(text.lower()) if 2 < len(word) <= MAX_WORD and not word.isdigit()}


def index_text(text):
    """Return an indexed text with the other forms of its words after it: British spellings, words joined up.

    The text itself stays as it is (phrases, snippets and highlighting read it); the forms follow it,
    each once, so that a search in either spelling or either way of writing a compound finds it.
    """
    forms = {joined(word).lower() for word in HYPHENATED.findall(text)}
    forms.update(spelt for word in WORD.findall(text) if (spelt := british(word)) != word.lower())
    if not forms:
        return text
    return f"{text} {' '.join(sorted(forms))}"
