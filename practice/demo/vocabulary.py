"""The demo vocabulary: topics, audience roles, regions and organisations.

The councils, the voluntary body and the central office are invented. The publishers are the real
public bodies whose websites the demo's resource links point to; they have no email domains, so
nobody is verified as belonging to them.
"""

TOPICS = [
    {
        "name": "Social media",
        "description": "Running council accounts on the main platforms: tone, planning, moderation and what works.",
    },
    {
        "name": "Digital inclusion",
        "description": "Helping residents get online, and making sure nobody is shut out when services move online.",
    },
    {
        "name": "Live-posting in emergencies",
        "description": "Keeping residents informed minute by minute during floods, storms, fires and evacuations.",
    },
    {
        "name": "Accessibility",
        "description": "Websites, documents and posts that everyone can use, and the regulations that require them.",
    },
    {
        "name": "Facebook groups",
        "description": "Local community groups, council-run groups, and how to take part without taking over.",
    },
    {
        "name": "Consultation and engagement",
        "description": "Asking residents what they think, listening to the answer and showing what changed.",
    },
    {
        "name": "Data and analytics",
        "description": "Measuring reach and outcomes, reading web and search logs, and using open data.",
    },
    {
        "name": "Web content",
        "description": "Writing, structuring and pruning council websites so people can find and finish tasks.",
    },
    {
        "name": "Video",
        "description": "Short video, live streams of meetings and making film on a small budget.",
    },
    {
        "name": "Freedom of information",
        "description": "Publishing proactively, answering requests well and the records social media creates.",
    },
    {
        "name": "Councillors online",
        "description": "Elected members on social media: ward work, conduct, safety and the pre-election period.",
    },
    {
        "name": "Crisis communications",
        "description": "Planning for the worst day, managing rumours and briefing leaders when things go wrong.",
    },
]

AUDIENCE_ROLES = [
    {"name": "Comms officer"},
    {"name": "Web manager"},
    {"name": "Councillor"},
    {"name": "Service manager"},
    {"name": "Chief executive's office"},
    {"name": "Customer services"},
    {"name": "Voluntary sector partner"},
    {"name": "Digital lead"},
]

REGIONS = [
    {"name": "North East"},
    {"name": "North West"},
    {"name": "Yorkshire and the Humber"},
    {"name": "East Midlands"},
    {"name": "West Midlands"},
    {"name": "East of England"},
    {"name": "London"},
    {"name": "South East"},
    {"name": "South West"},
    {"name": "Wales"},
    {"name": "Scotland"},
    {"name": "Northern Ireland"},
]

ORGANISATIONS = [
    {
        "name": "Northmoor District Council",
        "kind": "district",
        "region": "north-east",
        "email_domains": "northmoor.gov.uk",
    },
    {
        "name": "Kestrel Vale Borough Council",
        "kind": "district",
        "region": "east-midlands",
        "email_domains": "kestrelvale.gov.uk",
    },
    {
        "name": "Harbourside City Council",
        "kind": "unitary",
        "region": "south-west",
        "email_domains": "harbourside.gov.uk",
    },
    {
        "name": "Fellbridge Metropolitan Borough Council",
        "kind": "metropolitan",
        "region": "north-west",
        "email_domains": "fellbridge.gov.uk",
    },
    {
        "name": "Ashcombe County Council",
        "kind": "county",
        "region": "south-east",
        "email_domains": "ashcombe.gov.uk",
    },
    {
        "name": "London Borough of Wexley",
        "kind": "london_borough",
        "region": "london",
        "email_domains": "wexley.gov.uk",
    },
    {
        "name": "Glanmor County Borough Council",
        "kind": "unitary",
        "region": "wales",
        "email_domains": "glanmor.gov.wales\nglanmor.gov.uk",
    },
    {
        "name": "Strathcairn Council",
        "kind": "unitary",
        "region": "scotland",
        "email_domains": "strathcairn.gov.uk",
    },
    {
        "name": "Ardmoyle Borough Council",
        "kind": "district",
        "region": "northern-ireland",
        "email_domains": "ardmoyle.gov.uk",
    },
    {
        "name": "Little Hadley Town Council",
        "kind": "town_parish",
        "region": "east-of-england",
        "email_domains": "littlehadley-tc.gov.uk",
    },
    {
        "name": "Dunmore Valley Council for Voluntary Service",
        "kind": "voluntary",
        "region": "west-midlands",
        "email_domains": "dunmorecvs.org.uk",
    },
    {
        "name": "Office for Local Digital Practice",
        "kind": "central",
        "region": "london",
        "email_domains": "localdigitalpractice.gov.uk",
    },
]

PUBLISHERS = [
    {"name": "Government Digital Service", "kind": "central", "website": "https://www.gov.uk/"},
    {"name": "Office for National Statistics", "kind": "public_body", "website": "https://www.ons.gov.uk/"},
    {"name": "Information Commissioner's Office", "kind": "public_body", "website": "https://ico.org.uk/"},
    {"name": "National Cyber Security Centre", "kind": "central", "website": "https://www.ncsc.gov.uk/"},
    {"name": "Local Government Association", "kind": "other", "website": "https://www.local.gov.uk/"},
    {"name": "Government Communication Service", "kind": "central", "website": "https://gcs.civilservice.gov.uk/"},
    {"name": "World Wide Web Consortium", "kind": "other", "website": "https://www.w3.org/"},
    {"name": "Ofcom", "kind": "public_body", "website": "https://www.ofcom.org.uk/"},
    {"name": "Met Office", "kind": "public_body", "website": "https://www.metoffice.gov.uk/"},
    {
        "name": "Environment Agency",
        "kind": "public_body",
        "website": "https://www.gov.uk/government/organisations/environment-agency",
    },
    {"name": "Electoral Commission", "kind": "public_body", "website": "https://www.electoralcommission.org.uk/"},
    {
        "name": "Ministry of Housing, Communities and Local Government",
        "kind": "central",
        "website": "https://www.gov.uk/government/organisations/ministry-of-housing-communities-local-government",
    },
]
