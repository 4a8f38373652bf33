"""Queries against the demo hub with the titles that should come first, best first.

Read by tests/search/test_relevance.py (which requires every query's best item in the top three)
and by bench/relevance.py (which prints success@1, success@3 and nDCG@10).
"""

RELEVANCE_SET = [
    ("moderation policy", ["Answering difficult comments: a moderation policy our staff actually use"]),
    ("storm checklist", ["Storm season checklist: what's on yours?"]),
    (
        "digital champions",
        [
            "Digital champions in the library: what eighteen months taught us",
            "Tech help: training day for new digital champions",
        ],
    ),
    ("whatsapp", ["Has anyone moved their main channel to WhatsApp?"]),
    ("content audit", ["Retiring 1,400 pages: a content audit in six weeks", "Content audit clinic"]),
    ("accessibility statement", ["Our accessibility statement, rewritten in plain English"]),
    ("live-posting evacuation", ["Live-posting an evacuation: twelve hours on the Quayside"]),
    ("out-of-hours rota", ["Setting up an out-of-hours rota for social media"]),
    ("pre-election period", ["Posting in the pre-election period without panicking"]),
    ("wipe laptops", ["Passing old council laptops to residents: how do you wipe them?"]),
    ("video on a small budget", ["Short video on a small budget: our first year with a phone and a clip-on mic"]),
    ("weather warnings", ["Met Office UK weather warnings"]),
    ("flooding", ["Check for flooding in England"]),
    ("reorganisation staff", ["Reorganisation is coming: talking to staff first"]),
    ("ward newsletter", ["Share your ward newsletter template"]),
]
