"""The hub-wide demo content: home page, sections, resource library, collections, events, guidance and case studies.

Pages elsewhere are named by their path below the home page. Events are placed a number of days from the day
the demo is loaded.
"""

from practice.demo.people import AISHA, FIONA, GARETH, HANNAH, MARK

HOME_INTRODUCTION = (
    "Practice Hub is where people who work in and around UK councils share what they have learned about social media "
    "and digital tools: blog posts, questions and answers, curated guidance and events."
)

SECTIONS = [
    {
        "slug": "communities",
        "title": "Communities",
        "show_in_menus": True,
        "intro": (
            "<p>Communities of practice for people who work in and around UK councils. Join one to read "
            "members' posts, ask questions and share what you have learned.</p>"
        ),
    },
    {
        "slug": "resources",
        "title": "Resources",
        "show_in_menus": True,
        "intro": (
            "Guidance, research, toolkits and examples from across the public sector, chosen and annotated by "
            "the hub's editors."
        ),
    },
    {
        "slug": "events",
        "title": "Events",
        "show_in_menus": True,
        "intro": "Social media surgeries, teacamps, unconferences and webinars, online and around the UK.",
    },
    {
        "slug": "guidance",
        "title": "Guidance and case studies",
        "show_in_menus": True,
        "intro": (
            "Practical guidance from the hub's editors, and case studies of councils that tried something and "
            "wrote it up."
        ),
    },
]

RESOURCE_LINKS = [
    {
        "title": "GOV.UK Service Manual",
        "slug": "gov-uk-service-manual",
        "link_url": "https://www.gov.uk/service-manual",
        "publisher": "government-digital-service",
        "resource_type": "guidance",
        "date_added": "2025-06-10 09:00",
        "summary": (
            "Guidance on designing, building and running public services that work for everyone, from "
            "research with users to measuring success."
        ),
        "editors_note": (
            "Written for central government, used by the best council digital teams. Start with the sections "
            "on understanding users and making services accessible."
        ),
        "topics": ["web-content", "accessibility", "digital-inclusion"],
        "audiences": ["web-manager", "digital-lead", "service-manager"],
    },
    {
        "title": "Understanding accessibility requirements for public sector bodies",
        "slug": "accessibility-requirements-for-public-sector-bodies",
        "link_url": "https://www.gov.uk/guidance/accessibility-requirements-for-public-sector-websites-and-apps",
        "publisher": "government-digital-service",
        "resource_type": "guidance",
        "date_added": "2025-06-10 09:30",
        "summary": (
            "What the accessibility regulations require of public sector websites, apps and documents, and "
            "what an accessibility statement must say."
        ),
        "editors_note": (
            "The authoritative summary of the law. Keep it open when you write or review your accessibility statement."
        ),
        "topics": ["accessibility", "web-content"],
        "audiences": ["web-manager", "digital-lead"],
    },
    {
        "title": "Web Content Accessibility Guidelines (WCAG) overview",
        "slug": "wcag-overview",
        "link_url": "https://www.w3.org/WAI/standards-guidelines/wcag/",
        "publisher": "world-wide-web-consortium",
        "resource_type": "guidance",
        "date_added": "2025-06-12 09:00",
        "summary": (
            "The W3C's introduction to the international standard for accessible web content, which UK public "
            "sector regulations refer to."
        ),
        "editors_note": (
            "Read the overview before the standard itself: it explains the principles in plain language and "
            "links to the quick reference."
        ),
        "topics": ["accessibility"],
        "audiences": ["web-manager"],
    },
    {
        "title": "GOV.UK Design System",
        "slug": "gov-uk-design-system",
        "link_url": "https://design-system.service.gov.uk/",
        "publisher": "government-digital-service",
        "resource_type": "toolkit",
        "date_added": "2025-07-03 09:00",
        "summary": (
            "Styles, components and patterns for government services, tested with users and built to meet "
            "accessibility standards."
        ),
        "editors_note": (
            "Even if your council website does not use it, the patterns for questions, dates and addresses "
            "will improve any online form."
        ),
        "topics": ["web-content", "accessibility"],
        "audiences": ["web-manager", "digital-lead"],
    },
    {
        "title": "Census 2021",
        "slug": "census-2021",
        "link_url": "https://www.ons.gov.uk/census",
        "publisher": "office-for-national-statistics",
        "resource_type": "research",
        "date_added": "2025-08-04 09:00",
        "summary": "Census results for England and Wales, with data for local authorities and small areas.",
        "editors_note": (
            "The starting point for knowing who lives in your area. Scotland and Northern Ireland publish "
            "their own census results."
        ),
        "topics": ["data-and-analytics", "digital-inclusion"],
        "audiences": ["digital-lead", "service-manager"],
    },
    {
        "title": "ICO guidance for organisations",
        "slug": "ico-guidance-for-organisations",
        "link_url": "https://ico.org.uk/for-organisations/",
        "publisher": "information-commissioners-office",
        "resource_type": "guidance",
        "date_added": "2025-09-22 09:00",
        "summary": (
            "The Information Commissioner's guidance on data protection and freedom of information, including "
            "what public authorities must publish."
        ),
        "editors_note": (
            "Useful when someone asks whether messages on a council social media account can be requested "
            "under freedom of information. The short answer is yes."
        ),
        "topics": ["freedom-of-information", "social-media"],
        "audiences": ["service-manager", "comms-officer"],
    },
    {
        "title": "Social media: how to use it safely",
        "slug": "social-media-how-to-use-it-safely",
        "link_url": "https://www.ncsc.gov.uk/guidance/social-media-how-to-use-it-safely",
        "publisher": "national-cyber-security-centre",
        "resource_type": "guidance",
        "date_added": "2025-10-30 09:00",
        "summary": (
            "The National Cyber Security Centre's advice on securing social media accounts and spotting "
            "attempts to take them over."
        ),
        "editors_note": (
            "Go through it before your next account audit. A hijacked council account is a crisis you can prevent."
        ),
        "topics": ["social-media", "councillors-online"],
        "audiences": ["comms-officer", "councillor"],
    },
    {
        "title": "Government Communication Service: guidance and resources",
        "slug": "government-communication-service",
        "link_url": "https://gcs.civilservice.gov.uk/",
        "publisher": "government-communication-service",
        "resource_type": "guidance",
        "date_added": "2025-11-18 09:00",
        "summary": (
            "Frameworks, guidance and training for public sector communicators, from campaign planning to evaluation."
        ),
        "editors_note": (
            "Its evaluation framework is the best answer to 'how do we prove this worked?'. Much of the rest "
            "applies to councils too."
        ),
        "topics": ["social-media", "crisis-communications", "consultation-and-engagement"],
        "audiences": ["comms-officer", "chief-executives-office"],
    },
    {
        "title": "Local Digital",
        "slug": "local-digital",
        "link_url": "https://www.localdigital.gov.uk/",
        "publisher": "ministry-of-housing-communities-and-local-government",
        "resource_type": "blog",
        "date_added": "2026-01-15 09:00",
        "summary": (
            "News and projects from councils working together on digital services and shared platforms, with "
            "the government's support."
        ),
        "editors_note": "Find out who else is working on the same problem before you buy or build something.",
        "topics": ["web-content", "digital-inclusion"],
        "audiences": ["digital-lead", "web-manager"],
    },
]

COLLECTIONS = [
    {
        "title": "Getting started with social media in your council",
        "slug": "getting-started-with-social-media",
        "summary": (
            "A short reading list for anyone new to running council social media: what good looks like, "
            "keeping accounts safe and writing posts everyone can read."
        ),
        "intro": (
            "<p>Five things to read in your first month. Each comes with a note from the editors on why it is here.</p>"
        ),
        "topics": ["social-media", "accessibility"],
        "audiences": ["comms-officer", "councillor"],
        "first_published_at": "2026-01-20 09:00",
        "items": [
            {
                "page": "communities/localgov-gets-social/blog/ten-years-of-the-council-facebook-page",
                "note": "Start here: ten years of lessons from one council's Facebook page, in plain words.",
            },
            {
                "page": "guidance/writing-an-accessible-social-media-post",
                "note": "The habits that make posts readable for everyone, including people using screen readers.",
            },
            {
                "page": "resources/social-media-how-to-use-it-safely",
                "note": "Secure your accounts before you post anything. It takes an afternoon.",
            },
            {
                "page": "communities/localgov-gets-social/blog/why-we-stopped-scheduling-everything-for-9am",
                "note": "A simple, well-measured experiment with posting times that any council could repeat.",
            },
            {
                "page": "resources/government-communication-service",
                "note": "For when you need to plan a campaign or show that it worked.",
            },
        ],
    },
    {
        "title": "Making your website work for everyone",
        "slug": "making-your-website-work-for-everyone",
        "summary": (
            "Accessibility law, standards and design patterns, with examples from councils that have made "
            "their websites easier for everyone to use."
        ),
        "intro": (
            "<p>The essentials on website accessibility and inclusion, from the regulations to what residents "
            "on a shared phone need.</p>"
        ),
        "topics": ["accessibility", "web-content", "digital-inclusion"],
        "audiences": ["web-manager", "digital-lead"],
        "first_published_at": "2026-03-02 09:00",
        "items": [
            {
                "page": "resources/accessibility-requirements-for-public-sector-bodies",
                "note": "What the law requires, in one place.",
            },
            {"page": "resources/wcag-overview", "note": "The standard the regulations point to, explained."},
            {
                "page": "resources/gov-uk-design-system",
                "note": "Tested patterns for forms and pages, free to borrow.",
            },
            {
                "page": "communities/digital-inclusion-network/blog/dont-assume-a-smartphone",
                "note": "A reminder that many residents share one phone, and the small fixes that help them.",
            },
        ],
    },
]

EVENTS = [
    {
        "title": "Social media surgery: Dunmore Valley",
        "slug": "social-media-surgery-dunmore-valley",
        "event_type": "surgery",
        "starts_in_days": -45,
        "start_time": "18:00",
        "hours": 2,
        "summary": (
            "Free one-to-one help with social media for community groups, charities and anyone who helps "
            "residents get online."
        ),
        "description": (
            "<p>Bring a laptop or phone and a question. Volunteer 'surgeons' sit beside you and help with "
            "whatever you need: setting up a page, planning posts, dealing with a difficult comment or "
            "keeping an account secure.</p><p>Free, friendly and informal. Tea provided.</p>"
        ),
        "venue_name": "Dunmore Valley Community Hub",
        "address": "Canal Street, Dunmore, West Midlands",
        "region": "west-midlands",
        "latitude": "52.586200",
        "longitude": "-1.982900",
        "organiser": MARK,
        "capacity": 30,
        "topics": ["social-media", "digital-inclusion"],
        "audiences": ["voluntary-sector-partner"],
    },
    {
        "title": "Teacamp Leeds: engagement that isn't a survey",
        "slug": "teacamp-leeds-engagement-that-isnt-a-survey",
        "event_type": "teacamp",
        "starts_in_days": 20,
        "start_time": "15:30",
        "hours": 2,
        "summary": (
            "An informal afternoon on ways of hearing from residents that don't involve another online questionnaire."
        ),
        "description": (
            "<p>Two short talks and a long conversation over tea. One council will describe its street-stall "
            "consultations; another its use of local Facebook groups to test ideas early. Then it is over to "
            "you.</p>"
        ),
        "venue_name": "The Assembly Tea Rooms",
        "address": "12 Wharf Lane, Leeds",
        "region": "yorkshire-and-the-humber",
        "latitude": "53.796500",
        "longitude": "-1.547800",
        "organiser": HANNAH,
        "capacity": 25,
        "topics": ["consultation-and-engagement", "facebook-groups"],
        "audiences": ["comms-officer", "service-manager"],
    },
    {
        "title": "CouncilCamp North: an unconference for digital and comms people",
        "slug": "councilcamp-north",
        "event_type": "unconference",
        "starts_in_days": 75,
        "start_time": "09:30",
        "hours": 7,
        "summary": "A free Saturday unconference: the people who come set the agenda on the morning.",
        "description": (
            "<p>An unconference for anyone working on digital services and communications in and around "
            "councils. There is no programme until the morning: anyone can pitch a session, and the day is "
            "built from the pitches.</p><h3>Good to know</h3><ul><li>Free, with lunch "
            "provided.</li><li>Step-free venue with a quiet room.</li><li>Tell us about any access needs when "
            "you book.</li></ul>"
        ),
        "venue_name": "The Mill Conference Centre",
        "address": "8 Ancoats Yard, Manchester",
        "region": "north-west",
        "latitude": "53.483900",
        "longitude": "-2.224600",
        "organiser": AISHA,
        "capacity": 150,
        "topics": ["social-media", "web-content", "digital-inclusion", "data-and-analytics"],
        "audiences": ["comms-officer", "web-manager", "digital-lead"],
    },
    {
        "title": "Webinar: the accessibility regulations, five years on",
        "slug": "webinar-accessibility-regulations-five-years-on",
        "event_type": "webinar",
        "starts_in_days": 12,
        "start_time": "12:00",
        "hours": 1,
        "summary": (
            "What councils have learned from monitoring, where websites still fall short, and the quick wins "
            "that remain."
        ),
        "description": (
            "<p>A lunchtime webinar for web managers and digital leads. Two council web managers share what "
            "changed after their websites were monitored, followed by questions.</p><p>Captions are provided "
            "live, and the recording will be shared with everyone who registers.</p>"
        ),
        "online_url": "https://meet.example.org/practice-hub/accessibility-regulations",
        "organiser": HANNAH,
        "capacity": 300,
        "topics": ["accessibility", "web-content"],
        "audiences": ["web-manager", "digital-lead"],
    },
    {
        "title": "Social Media Week: public sector breakfast, Glasgow",
        "slug": "social-media-week-public-sector-breakfast-glasgow",
        "event_type": "smw",
        "starts_in_days": -120,
        "start_time": "08:00",
        "hours": 2,
        "summary": (
            "A breakfast session during Social Media Week for communicators from councils, health boards and "
            "the voluntary sector."
        ),
        "description": (
            "<p>Breakfast, three lightning talks from Scottish councils and time to talk. This year's theme "
            "is reaching rural residents when the signal is poor.</p>"
        ),
        "venue_name": "Merchant City Hall",
        "address": "3 Candleriggs Court, Glasgow",
        "region": "scotland",
        "latitude": "55.859600",
        "longitude": "-4.245500",
        "organiser": FIONA,
        "capacity": 60,
        "topics": ["social-media", "digital-inclusion"],
        "audiences": ["comms-officer", "voluntary-sector-partner"],
    },
    {
        "title": "Social media surgery: Cardiff Bay",
        "slug": "social-media-surgery-cardiff-bay",
        "event_type": "surgery",
        "starts_in_days": 40,
        "start_time": "18:00",
        "hours": 2,
        "summary": (
            "One-to-one help with social media for community groups and town and community councils, in "
            "English or Welsh."
        ),
        "description": (
            "<p>Volunteer surgeons from councils and charities help you with whatever you bring. Help is "
            "available in English and Welsh.</p>"
        ),
        "venue_name": "Bayside Community Centre",
        "address": "Harbour Walk, Cardiff",
        "region": "wales",
        "latitude": "51.464300",
        "longitude": "-3.165700",
        "organiser": GARETH,
        "capacity": 30,
        "topics": ["social-media", "digital-inclusion"],
        "audiences": ["voluntary-sector-partner", "councillor"],
    },
]

GUIDES = [
    {
        "title": "Live-posting during an emergency: a practical guide",
        "slug": "live-posting-during-an-emergency",
        "first_published_at": "2025-11-04 09:00",
        "summary": (
            "What to prepare before an emergency, what to do in the first hour, how to keep going and how to "
            "stand down."
        ),
        "topics": ["live-posting-in-emergencies", "crisis-communications", "social-media"],
        "audiences": ["comms-officer", "chief-executives-office"],
        "tags": ["emergencies", "how to"],
        "body": [
            (
                "paragraph",
                (
                    "<p>When an emergency affects your area, residents will look to the council's social media "
                    "accounts for information, often before they look anywhere else. Live-posting means keeping that "
                    "information accurate, timely and useful for as long as the emergency lasts. This guide sets out "
                    "what to prepare in advance, what to do in the first hour, and how to hand over and stand "
                    "down.</p>"
                ),
            ),
            ("heading", {"text": "Before anything happens", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ul><li>Agree who may post without further sign-off, and for which kinds of "
                    "information.</li><li>Set up shared access to the council's accounts, with two-factor "
                    "authentication that does not depend on one person's phone.</li><li>Write and approve first posts "
                    "for the emergencies most likely in your area.</li><li>Get to know the administrators of the "
                    "largest local community groups, and the comms leads at the fire service, police and health "
                    "partners.</li><li>Check that the on-call person can change the website's home page "
                    "banner.</li></ul>"
                ),
            ),
            ("heading", {"text": "The first hour", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Post what you know, what people should do, and when you will post next. Keep it short and put "
                    "the time on it. If you do not know the cause, say so: 'we do not yet know the cause' is better "
                    "than silence. Agree with partners which account leads, and share their posts rather than "
                    "duplicating them.</p>"
                ),
            ),
            ("heading", {"text": "Keeping going", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Post at the times you promised, even if nothing has changed. Pin the latest update. Answer "
                    "questions in the comments where you can, and collect the ones you cannot answer for the incident "
                    "team. Rotate staff at least every four hours: tired people make mistakes.</p>"
                ),
            ),
            ("heading", {"text": "Accessibility under pressure", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Maps and graphics need a text description of the streets or areas affected. Avoid text in "
                    "images. Use plain words: 'leave your home' rather than 'evacuate the premises'. Remember that "
                    "some residents will be reading on a phone with little battery left.</p>"
                ),
            ),
            ("heading", {"text": "Standing down", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Tell people clearly when the emergency is over and what happens next, including where to get "
                    "help with damage or costs. Thank partners and residents. Within a fortnight, hold a short review "
                    "and write down what you would change.</p>"
                ),
            ),
            (
                "see_also",
                {
                    "heading": "See also",
                    "links": [
                        {
                            "page": None,
                            "url": "https://www.metoffice.gov.uk/weather/warnings-and-advice/uk-warnings",
                            "text": "Met Office: UK weather warnings",
                        },
                        {
                            "page": None,
                            "url": "https://check-for-flooding.service.gov.uk/",
                            "text": "Environment Agency: check for flooding",
                        },
                    ],
                },
            ),
        ],
    },
    {
        "title": "Writing an accessible social media post",
        "slug": "writing-an-accessible-social-media-post",
        "first_published_at": "2025-12-09 09:00",
        "summary": (
            "Words, images, video and emoji: the habits that make the most difference to people using screen "
            "readers and other assistive technology."
        ),
        "topics": ["accessibility", "social-media"],
        "audiences": ["comms-officer", "councillor", "voluntary-sector-partner"],
        "tags": ["accessibility", "how to"],
        "body": [
            (
                "paragraph",
                (
                    "<p>Around one in four adults in the UK has a disability, and many use assistive technology to "
                    "read social media: screen readers, magnifiers, voice control, or simply larger text. Accessible "
                    "posts are also clearer for everyone else. These are the habits that make the most "
                    "difference.</p>"
                ),
            ),
            ("heading", {"text": "Words", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Put the most important information first. Use plain words and short sentences. Write hashtags "
                    "with a capital letter for each word, so #BinCollectionChanges rather than #bincollectionchanges, "
                    "because screen readers can then read the separate words. Put hashtags and mentions at the end, "
                    "not in the middle of a sentence.</p>"
                ),
            ),
            ("heading", {"text": "Images", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Add alternative text to every image that carries information, describing what matters about "
                    "it for this post. Do not put important information only in an image: if a poster has the dates "
                    "on it, put the dates in the text too. Avoid images of text wherever you can.</p>"
                ),
            ),
            ("heading", {"text": "Video", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Add captions that you have checked, not only automatic ones. Describe anything important that "
                    "is shown but not said. Keep flashing images and fast cuts to a minimum.</p>"
                ),
            ),
            ("heading", {"text": "Emoji and special characters", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Screen readers read every emoji aloud by its full name. One or two can add warmth; a row of "
                    "them is noise. Do not use decorative fonts made from special characters: many screen readers "
                    "cannot read them at all.</p>"
                ),
            ),
            (
                "quote",
                {
                    "quote": (
                        "If it works for someone using a screen reader on a small phone, it will work for everyone."
                    ),
                    "citation": "Practice Hub editors",
                },
            ),
        ],
    },
    {
        "title": "Setting up and running a council Facebook group",
        "slug": "setting-up-a-council-facebook-group",
        "first_published_at": "2026-02-24 09:00",
        "summary": (
            "When a group is the right choice rather than a page, how to set rules and moderate, how to take "
            "part well and what records to keep."
        ),
        "topics": ["facebook-groups", "social-media", "consultation-and-engagement"],
        "audiences": ["comms-officer", "service-manager"],
        "tags": ["facebook", "how to"],
        "body": [
            (
                "paragraph",
                (
                    "<p>A Facebook group is a different thing from a Facebook page. A page broadcasts; a group is a "
                    "conversation among its members. Councils use groups for particular communities: tenants on an "
                    "estate, volunteers, carers, people following a regeneration scheme. This guide covers when a "
                    "group is the right choice and how to run one well.</p>"
                ),
            ),
            ("heading", {"text": "When a group makes sense", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Groups work when there is a defined community with a lasting shared interest, and someone in "
                    "the council with time to take part. They work badly as a general council presence or as a "
                    "replacement for a page. Before starting one, check whether a community-run group already exists: "
                    "joining it may be better than competing with it.</p>"
                ),
            ),
            ("heading", {"text": "Rules and moderation", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Write short group rules in plain words and pin them. Ask people to answer two or three "
                    "questions when they join, so you know they belong to the community the group is for. Decide in "
                    "advance who moderates, how quickly, and what happens out of hours.</p>"
                ),
            ),
            ("heading", {"text": "Taking part", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>The best council groups are run by someone who answers questions, thanks people and admits "
                    "when they do not know. Post less than you think you should, and reply more. Now and then, invite "
                    "a service manager in to answer questions directly.</p>"
                ),
            ),
            ("heading", {"text": "Keeping records", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Posts and comments in a council-run group may be covered by freedom of information and "
                    "records management rules. Agree with your information governance team what you keep and for how "
                    "long.</p>"
                ),
            ),
        ],
    },
]

CASE_STUDIES = [
    {
        "title": "Kestrel Vale's Flickr group: building community pride one photograph at a time",
        "slug": "kestrel-vale-flickr-group",
        "organisation": "kestrel-vale-borough-council",
        "first_published_at": "2025-11-25 09:00",
        "summary": (
            "A Flickr group set up to fill the council's photo library became a community of its own, and "
            "changed how residents saw their borough."
        ),
        "topics": ["social-media", "consultation-and-engagement"],
        "audiences": ["comms-officer", "service-manager"],
        "tags": ["Flickr", "photography", "community pride"],
        "body": [
            (
                "paragraph",
                (
                    "<p>In 2019 Kestrel Vale Borough Council set up a Flickr group inviting residents to share "
                    "photographs of the borough: parks, streets, markets, weather, people at work. It was meant to "
                    "solve a practical problem, since the comms team had very few good pictures it had permission to "
                    "use. It ended up doing something rather larger.</p>"
                ),
            ),
            ("heading", {"text": "The problem", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>The council's photo library consisted mainly of officers' snaps and stock images that looked "
                    "like nowhere in particular. Press releases about the borough's parks were illustrated with "
                    "someone else's parks. Buying professional photography for every story was out of the "
                    "question.</p>"
                ),
            ),
            ("heading", {"text": "What they did", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>The team created a group with simple rules: photographs must be taken in the borough by the "
                    "person posting them, and the photographer chooses a Creative Commons licence that lets the "
                    "council reuse the picture with credit. A monthly theme gave people a reason to come back: the "
                    "market at dawn, autumn in the parks, people at work.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Every month the team picked a favourite as the cover image for the council's social media "
                    "accounts, always with the photographer's name. They printed the year's best for a small "
                    "exhibition in the library, and later on the hoardings around a town centre redevelopment.</p>"
                ),
            ),
            (
                "quote",
                {
                    "quote": (
                        "People started telling us the borough looked better than they had thought. It was the same "
                        "borough. They had just started looking at it."
                    ),
                    "citation": "A member of the council's communications team",
                },
            ),
            ("heading", {"text": "What happened", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Within three years the group had more than a thousand members and some twelve thousand "
                    "photographs. The comms team stopped buying stock images almost entirely. More interestingly, the "
                    "group became a community of its own: members organised photo walks, older residents shared scans "
                    "of old pictures, and the local history society used the collection for an exhibition on how the "
                    "town centre had changed.</p>"
                ),
            ),
            ("heading", {"text": "Lessons for other councils", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ul><li>Be clear about licences from day one, and always credit the photographer.</li><li>Give "
                    "people a reason to come back: the monthly themes mattered.</li><li>Show the pictures off in the "
                    "real world as well as online.</li><li>Let the community take it somewhere you did not "
                    "plan.</li></ul>"
                ),
            ),
        ],
    },
    {
        "title": "Live-posting the Northmoor river flood",
        "slug": "live-posting-the-northmoor-flood",
        "organisation": "northmoor-district-council",
        "first_published_at": "2026-04-21 09:00",
        "summary": (
            "Five days of live-posting a flood that reached 160 homes: a rhythm residents could rely on, "
            "community group administrators as eyes and ears, and what the review changed."
        ),
        "topics": ["live-posting-in-emergencies", "crisis-communications", "social-media", "facebook-groups"],
        "audiences": ["comms-officer", "chief-executives-office"],
        "tags": ["flooding", "case study"],
        "body": [
            (
                "paragraph",
                (
                    "<p>In February, after three days of heavy rain, the River Wend burst its banks in two places in "
                    "Northmoor district, flooding around 160 homes and closing the main road into the town for four "
                    "days. The council's communications team live-posted the emergency for five days. This case study "
                    "draws on their review.</p>"
                ),
            ),
            ("heading", {"text": "Preparation paid off", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Northmoor had rewritten its emergency communications plan the previous autumn after reading "
                    "other councils' reviews. The on-call officer had a council phone with shared access to all the "
                    "accounts, pre-approved first posts for flooding, and the authority to post factual updates "
                    "without further sign-off. The first post went out nine minutes after the flood warning was "
                    "raised.</p>"
                ),
            ),
            ("heading", {"text": "A rhythm residents could rely on", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>The team posted an update every hour on the hour during daylight, and every three hours "
                    "overnight, each with the time in the first line. Every post followed the same pattern: what has "
                    "changed, what you should do, where to get help, when the next update will be. Residents said in "
                    "the review that knowing when the next update was coming was what made them trust the page.</p>"
                ),
            ),
            ("heading", {"text": "Working through community groups", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Most of the affected villages had their own Facebook groups. The team had met their "
                    "administrators the previous year, and several pinned the council's posts as announcements within "
                    "minutes. Administrators also passed back questions and reports of flooding the council did not "
                    "yet know about, which went straight to the incident room.</p>"
                ),
            ),
            (
                "quote",
                {
                    "quote": (
                        "The group admins were our eyes and ears. We could not have been in eight villages at once."
                    ),
                    "citation": "Priya Shah, Northmoor District Council",
                },
            ),
            ("heading", {"text": "What they would change", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>The review found that the council's flood maps were posted as images without text "
                    "descriptions, and that recovery information (grants, collection of damaged goods, council tax "
                    "relief) came too late and too scattered. Both are fixed in the new plan: map posts now list the "
                    "affected streets in text, and a single recovery page is drafted in advance.</p>"
                ),
            ),
            (
                "see_also",
                {
                    "heading": "See also",
                    "links": [
                        {
                            "page": None,
                            "url": "https://check-for-flooding.service.gov.uk/",
                            "text": "Environment Agency: check for flooding",
                        },
                    ],
                },
            ),
        ],
    },
]

FEATURED = [
    {
        "page": "resources/getting-started-with-social-media",
        "blurb": "New to running council social media? Start with this reading list, chosen by the hub's editors.",
    },
    {"page": "guidance/live-posting-during-an-emergency", "blurb": ""},
    {"page": "communities/localgov-gets-social/blog/ten-years-of-the-council-facebook-page", "blurb": ""},
]
