"""The demo members: invented practitioners at the demo organisations.

Each signs in with their email address and the demo password. Profiles refer to the vocabulary by slug.
"""

PRIYA = "priya.shah@northmoor.gov.uk"
GARETH = "gareth.llewellyn@glanmor.gov.wales"
AISHA = "aisha.okonjo@fellbridge.gov.uk"
TOM = "tom.brennan@harbourside.gov.uk"
HELEN = "helen.marsh@ashcombe.gov.uk"
ROB = "rob.tierney@kestrelvale.gov.uk"
FIONA = "fiona.macleod@strathcairn.gov.uk"
DANIEL = "daniel.osei@wexley.gov.uk"
SIOBHAN = "siobhan.quinn@ardmoyle.gov.uk"
MARK = "mark.whitfield@dunmorecvs.org.uk"
JENNY = "jenny.hollis@littlehadley-tc.gov.uk"
MARGARET = "margaret.oyelaran.cllr@example.com"
HANNAH = "hannah.price@localdigitalpractice.gov.uk"

MEMBERS = [
    {
        "email": PRIYA,
        "first_name": "Priya",
        "last_name": "Shah",
        "profile": {
            "slug": "priya-shah",
            "organisation": "northmoor-district-council",
            "role": "comms-officer",
            "region": "north-east",
            "interests": ["social-media", "live-posting-in-emergencies", "crisis-communications"],
            "bio": (
                "Digital communications lead at Northmoor, where she has run the council's social media for eight "
                "years. Happiest explaining bin collection changes in under 280 characters."
            ),
        },
    },
    {
        "email": GARETH,
        "first_name": "Gareth",
        "last_name": "Llewellyn",
        "profile": {
            "slug": "gareth-llewellyn",
            "organisation": "glanmor-county-borough-council",
            "role": "web-manager",
            "region": "wales",
            "interests": ["web-content", "accessibility", "data-and-analytics"],
            "bio": (
                "Web manager for a bilingual council website. Believes most council web pages should be shorter, "
                "and that the search log is the best user research you will ever get for free."
            ),
        },
    },
    {
        "email": AISHA,
        "first_name": "Aisha",
        "last_name": "Okonjo",
        "profile": {
            "slug": "aisha-okonjo",
            "organisation": "fellbridge-metropolitan-borough-council",
            "role": "digital-lead",
            "region": "north-west",
            "interests": ["digital-inclusion", "data-and-analytics", "consultation-and-engagement"],
            "bio": (
                "Leads Fellbridge's digital inclusion programme with libraries, housing and local charities. "
                "Previously a housing officer, which is where she learned that not everyone has a laptop."
            ),
        },
    },
    {
        "email": TOM,
        "first_name": "Tom",
        "last_name": "Brennan",
        "profile": {
            "slug": "tom-brennan",
            "organisation": "harbourside-city-council",
            "role": "comms-officer",
            "region": "south-west",
            "interests": ["crisis-communications", "live-posting-in-emergencies", "social-media"],
            "bio": (
                "Emergency communications officer on Harbourside's resilience team. Keeps a go-bag with a power bank, "
                "a spare phone and a laminated list of passwords he is not allowed to tell you about."
            ),
        },
    },
    {
        "email": HELEN,
        "first_name": "Helen",
        "last_name": "Marsh",
        "profile": {
            "slug": "helen-marsh",
            "organisation": "ashcombe-county-council",
            "role": "chief-executives-office",
            "region": "south-east",
            "interests": ["crisis-communications", "consultation-and-engagement", "councillors-online"],
            "bio": (
                "Head of communications and strategy in the chief executive's office at Ashcombe. Spends a lot of "
                "time translating between the front line and the leadership team, in both directions."
            ),
        },
    },
    {
        "email": ROB,
        "first_name": "Rob",
        "last_name": "Tierney",
        "profile": {
            "slug": "rob-tierney",
            "organisation": "kestrel-vale-borough-council",
            "role": "councillor",
            "region": "east-midlands",
            "interests": ["councillors-online", "facebook-groups", "social-media"],
            "bio": (
                "Ward councillor in his second term, and a reluctant convert to Facebook groups. Runs a monthly "
                "online surgery for residents who cannot get to the community centre."
            ),
        },
    },
    {
        "email": FIONA,
        "first_name": "Fiona",
        "last_name": "MacLeod",
        "profile": {
            "slug": "fiona-macleod",
            "organisation": "strathcairn-council",
            "role": "customer-services",
            "region": "scotland",
            "interests": ["digital-inclusion", "web-content", "accessibility"],
            "bio": (
                "Customer services team leader covering a large rural area. Interested in what happens when people "
                "cannot use the online form, and in fixing the form so fewer of them have to call."
            ),
        },
    },
    {
        "email": DANIEL,
        "first_name": "Daniel",
        "last_name": "Osei",
        "profile": {
            "slug": "daniel-osei",
            "organisation": "london-borough-of-wexley",
            "role": "web-manager",
            "region": "london",
            "interests": ["accessibility", "data-and-analytics", "web-content"],
            "bio": "Web and content manager at Wexley. Runs the content audit nobody else wanted to run.",
        },
    },
    {
        "email": SIOBHAN,
        "first_name": "Siobhan",
        "last_name": "Quinn",
        "profile": {
            "slug": "siobhan-quinn",
            "organisation": "ardmoyle-borough-council",
            "role": "comms-officer",
            "region": "northern-ireland",
            "interests": ["video", "social-media", "data-and-analytics"],
            "bio": (
                "Communications officer who makes most of Ardmoyle's video on a phone. Keen on captions, short "
                "formats and finding out which posts actually change what people do."
            ),
        },
    },
    {
        "email": MARK,
        "first_name": "Mark",
        "last_name": "Whitfield",
        "profile": {
            "slug": "mark-whitfield",
            "organisation": "dunmore-valley-council-for-voluntary-service",
            "role": "voluntary-sector-partner",
            "region": "west-midlands",
            "interests": ["digital-inclusion", "facebook-groups", "consultation-and-engagement"],
            "bio": (
                "Development worker at a council for voluntary service, supporting small charities and community "
                "groups with their digital skills. Has run more social media surgeries than he can count."
            ),
        },
    },
    {
        "email": JENNY,
        "first_name": "Jenny",
        "last_name": "Hollis",
        "profile": {
            "slug": "jenny-hollis",
            "organisation": "little-hadley-town-council",
            "role": "service-manager",
            "region": "east-of-england",
            "interests": ["consultation-and-engagement", "freedom-of-information", "social-media"],
            "bio": (
                "Town clerk for a small town council with three staff, which makes her the comms team, the web "
                "team and the freedom of information officer."
            ),
        },
    },
    {
        "email": MARGARET,
        "first_name": "Margaret",
        "last_name": "Oyelaran",
        "profile": {
            "slug": "margaret-oyelaran",
            "organisation": "london-borough-of-wexley",
            "role": "councillor",
            "region": "london",
            "interests": ["councillors-online", "consultation-and-engagement", "crisis-communications"],
            "bio": (
                "Councillor and cabinet member for communities. Writes a weekly ward update and answers every "
                "message herself, which she admits may not last."
            ),
        },
    },
    {
        "email": HANNAH,
        "first_name": "Hannah",
        "last_name": "Price",
        "groups": ["Editors"],
        "profile": {
            "slug": "hannah-price",
            "organisation": "office-for-local-digital-practice",
            "role": "digital-lead",
            "region": "london",
            "interests": ["web-content", "social-media", "accessibility", "digital-inclusion"],
            "bio": (
                "Editor of Practice Hub. Curates the resource library and guidance, and is always looking for "
                "councils willing to write up what they tried, especially when it did not work."
            ),
        },
    },
]
