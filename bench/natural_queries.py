"""Searches as council staff type them, over the demo hub, with the pages that answer them, best first.

Where tests/search/relevance_set.py asks in the pages' own words, these ask in the reader's: whole
questions, other words for the same thing, acronyms, misspellings, and words written another way
(hyphens, compounds, American spellings, other forms of a word). Each query's first title is the
one page a colleague would point to; any others are also right, less so. A query counts as found
at 3 when that first page is among the first three results (bench/relevance.py).

Written against the demo hub's content (practice/demo/); a reader who may open every page asks them.
"""

from typing import NamedTuple

QUESTION = "question"
OTHER_WORDS = "other words"
ACRONYM = "acronym"
MISSPELLING = "misspelling"
WORD_FORM = "word form"
KINDS = (QUESTION, OTHER_WORDS, ACRONYM, MISSPELLING, WORD_FORM)

LAPTOPS = "Passing old council laptops to residents: how do you wipe them?"
SIGN_OFF = "Who signs off posts during a major incident?"
SCHEDULING = "Why we stopped scheduling everything for 9am"
ACCESSIBLE_POST = "Writing an accessible social media post"
BLOCKING = "Blocking a resident: is it ever allowed?"
PLANNING_COMMENTS = "How do you handle comments on posts about planning applications?"
PRE_ELECTION = "Posting in the pre-election period without panicking"
BRIEFING = "Briefing the chief executive on a social media storm in ten minutes"
CHIEF_EXEC_ACCOUNT = "Chief executive on social media: personal account or none?"
CONTENT_AUDIT = "Retiring 1,400 pages: a content audit in six weeks"
REGULATIONS = "Understanding accessibility requirements for public sector bodies"
FLOOD_CHECK = "Check for flooding in England"
RUMOURS = "Rumours travel faster than press releases"
BUDGET = "Making the case for comms at the budget table"
REORGANISATION = "Reorganisation is coming: talking to staff first"
ABUSE = "Abuse online: keeping yourself safe and knowing when to report"
WHATSAPP = "Has anyone moved their main channel to WhatsApp?"
STORM_CHECKLIST = "Storm season checklist: what's on yours?"
VIDEO = "Short video on a small budget: our first year with a phone and a clip-on mic"
FACEBOOK_GROUP = "Setting up and running a council Facebook group"
SEARCH_LOGS = "Search logs are the best user research you are not doing"
PLATFORM = "Which website platform are you on, and would you choose it again?"
PDFS = "Services that only send PDFs: how did you win the argument?"
OFCOM = "Ofcom research on adults' media use"
ONS = "Home internet and social media usage: ONS"
CENSUS = "Census 2021"
MODERATION = "Answering difficult comments: a moderation policy our staff actually use"
OUT_OF_HOURS = "Setting up an out-of-hours rota for social media"
DEVICE_LENDING = "Device lending with the voluntary sector: a partnership that works"
EVACUATION = "Live-posting an evacuation: twelve hours on the Quayside"
ACCOUNT_SAFETY = "Social media: how to use it safely"
NCSC_TOOLKIT = "NCSC Board Toolkit"
ICO = "ICO guidance for organisations"
FLICKR = "Kestrel Vale's Flickr group: building community pride one photograph at a time"
LGA = "Local Government Association: support for councillors"
GCS = "Government Communication Service: guidance and resources"
MHCLG = "Ministry of Housing, Communities and Local Government"
SERVICE_MANUAL = "GOV.UK Service Manual"
STATEMENT = "Our accessibility statement, rewritten in plain English"
ACCESSIBILITY_WEBINAR = "Webinar: the accessibility regulations, five years on"
DIGITAL_CHAMPIONS = "Digital champions in the library: what eighteen months taught us"
WEATHER = "Met Office UK weather warnings"
TABLETOP = "Winter storm tabletop exercise"
RIVER_FLOOD = "Live-posting the Northmoor river flood"
NEWSLETTER = "Share your ward newsletter template"
TEACAMP_LEEDS = "Teacamp Leeds: engagement that isn't a survey"
COUNCILCAMP = "CouncilCamp North: an unconference for digital and comms people"
SMARTPHONE = "Don't assume a smartphone: designing for the shared family device"
EMERGENCY_GUIDE = "Live-posting during an emergency: a practical guide"
WARD_PAGE = "Ward page or personal account? What I wish I had known in my first term"
MEDIA_TRAINING = "Media training for new cabinet members"
ELECTORAL_COMMISSION = "Electoral Commission: guidance for candidates and agents"


class Query(NamedTuple):
    text: str
    kind: str
    wanted: list  # titles, best first


NATURAL_SET = [
    # Whole questions, in plain words: most of their words are in no page.
    Query("how do I wipe old laptops before giving them to a charity", QUESTION, [LAPTOPS]),
    Query("who should approve posts in an emergency at 2am", QUESTION, [SIGN_OFF]),
    Query("what time of day should we post our updates", QUESTION, [SCHEDULING]),
    Query("how do I make my posts accessible for blind people", QUESTION, [ACCESSIBLE_POST]),
    Query("can a councillor block someone on their facebook page", QUESTION, [BLOCKING, WARD_PAGE]),
    Query("how do we stop people arguing about planning in the comments", QUESTION, [PLANNING_COMMENTS]),
    Query("what are councillors allowed to post before an election", QUESTION, [PRE_ELECTION]),
    Query("how should I tell the chief executive something has gone viral", QUESTION, [BRIEFING]),
    Query("should our chief executive have a twitter account", QUESTION, [CHIEF_EXEC_ACCOUNT]),
    Query("how do I get rid of out of date pages on our website", QUESTION, [CONTENT_AUDIT]),
    Query("what does the law say about council website accessibility", QUESTION, [REGULATIONS]),
    Query("where can I see if a river is going to flood", QUESTION, [FLOOD_CHECK]),
    Query("how do we correct a false rumour going round facebook", QUESTION, [RUMOURS]),
    Query("how can we prove the comms team saves money", QUESTION, [BUDGET]),
    Query("what should we tell our own staff about reorganisation", QUESTION, [REORGANISATION]),
    Query("how do I deal with abusive messages as a councillor", QUESTION, [ABUSE]),
    Query("is whatsapp any good for sending service updates", QUESTION, [WHATSAPP]),
    Query("what should I check before the storms start", QUESTION, [STORM_CHECKLIST]),
    Query("how can I make videos cheaply with just a phone", QUESTION, [VIDEO]),
    Query("how do you run a facebook group for residents", QUESTION, [FACEBOOK_GROUP]),
    Query("what are residents searching for on our website", QUESTION, [SEARCH_LOGS]),
    Query("which website platform should we buy", QUESTION, [PLATFORM]),
    Query("how do I get services to stop sending us pdfs", QUESTION, [PDFS]),
    Query("how many adults in the uk use social media", QUESTION, [OFCOM, ONS]),
    Query("where do I find census figures for my area", QUESTION, [CENSUS]),
    # Other words for the same thing.
    Query("hiding nasty comments", OTHER_WORDS, [MODERATION]),
    Query("trolls sending threats to councillors", OTHER_WORDS, [ABUSE]),
    Query("after hours cover for social media", OTHER_WORDS, [OUT_OF_HOURS]),
    Query("loaning ipads to people", OTHER_WORDS, [DEVICE_LENDING]),
    Query("fake news about a school closing", OTHER_WORDS, [RUMOURS]),
    Query("misinformation", OTHER_WORDS, [RUMOURS]),
    Query("gas leak", OTHER_WORDS, [EVACUATION]),
    Query("hacked council account", OTHER_WORDS, [ACCOUNT_SAFETY]),
    Query("cyber attack", OTHER_WORDS, [NCSC_TOOLKIT, ACCOUNT_SAFETY]),
    Query("subtitles on videos", OTHER_WORDS, [VIDEO]),
    Query("alt text", OTHER_WORDS, [ACCESSIBLE_POST]),
    Query("residents sharing pictures of the borough", OTHER_WORDS, [FLICKR]),
    Query("purdah", OTHER_WORDS, [PRE_ELECTION, ELECTORAL_COMMISSION]),
    Query("election purdah rules for councillors", OTHER_WORDS, [PRE_ELECTION, ELECTORAL_COMMISSION]),
    Query("comms budget cuts", OTHER_WORDS, [BUDGET]),
    Query("rubbish collection day posts", OTHER_WORDS, [SCHEDULING]),
    Query("press training for new councillors", OTHER_WORDS, [MEDIA_TRAINING]),
    # Acronyms, and the words they stand for.
    Query("FOI", ACRONYM, [ICO]),
    Query("FOI requests for social media messages", ACRONYM, [ICO]),
    Query("GDPR", ACRONYM, [ICO]),
    Query("LGA", ACRONYM, [LGA]),
    Query("LGA guidance on intimidation", ACRONYM, [LGA]),
    Query("ONS internet statistics", ACRONYM, [ONS]),
    Query("GCS evaluation framework", ACRONYM, [GCS]),
    Query("DLUHC", ACRONYM, [MHCLG]),
    Query("GDS service manual", ACRONYM, [SERVICE_MANUAL]),
    Query("EA flood warnings", ACRONYM, [FLOOD_CHECK]),
    Query("CEO on linkedin", ACRONYM, [CHIEF_EXEC_ACCOUNT]),
    Query("chief exec briefing", ACRONYM, [BRIEFING]),
    Query("CMS procurement", ACRONYM, [PLATFORM]),
    Query("LGR internal comms", ACRONYM, [REORGANISATION]),
    Query("a11y regulations webinar", ACRONYM, [ACCESSIBILITY_WEBINAR]),
    # Misspellings.
    Query("acessibility statement", MISSPELLING, [STATEMENT]),
    Query("moderaton policy", MISSPELLING, [MODERATION]),
    Query("whatsap channel", MISSPELLING, [WHATSAPP]),
    Query("evacuaton", MISSPELLING, [EVACUATION]),
    Query("facebok group", MISSPELLING, [FACEBOOK_GROUP]),
    Query("digital champians", MISSPELLING, [DIGITAL_CHAMPIONS]),
    Query("flikr group", MISSPELLING, [FLICKR]),
    Query("pre-elction period", MISSPELLING, [PRE_ELECTION]),
    Query("contnet audit", MISSPELLING, [CONTENT_AUDIT]),
    Query("wheather warnings", MISSPELLING, [WEATHER]),
    Query("tabletop excercise", MISSPELLING, [TABLETOP]),
    # Words written another way: hyphens, compounds, American spellings, other forms.
    Query("out of hours rota", WORD_FORM, [OUT_OF_HOURS]),
    Query("outofhours", WORD_FORM, [OUT_OF_HOURS]),
    Query("live posting a flood", WORD_FORM, [RIVER_FLOOD, EMERGENCY_GUIDE]),
    Query("pre election period", WORD_FORM, [PRE_ELECTION]),
    Query("e-mail newsletter for my ward", WORD_FORM, [NEWSLETTER]),
    Query("tea camp leeds", WORD_FORM, [TEACAMP_LEEDS]),
    Query("un-conference", WORD_FORM, [COUNCILCAMP]),
    Query("smart phone shared by a family", WORD_FORM, [SMARTPHONE]),
    Query("myth busting", WORD_FORM, [RUMOURS]),
    Query("reorganization", WORD_FORM, [REORGANISATION]),
    Query("rumors", WORD_FORM, [RUMOURS]),
    Query("councilor abuse", WORD_FORM, [ABUSE]),
    Query("evacuating homes", WORD_FORM, [EVACUATION]),
    Query("moderating comments", WORD_FORM, [MODERATION]),
]
