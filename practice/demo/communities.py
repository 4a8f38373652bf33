"""The demo communities: two open, two restricted, two private, each with its blog, discussions, resources and events.

Members are named by email address and vocabulary by slug. Post and thread dates are fixed; events are
placed a number of days from the day the demo is loaded. In a thread, `reply_to` and `accepted` are
positions in its list of replies.
"""

from practice.demo.people import (
    AISHA,
    DANIEL,
    FIONA,
    GARETH,
    HANNAH,
    HELEN,
    JENNY,
    MARGARET,
    MARK,
    PRIYA,
    ROB,
    SIOBHAN,
    TOM,
)

PUBLICITY_CODE = "https://www.gov.uk/government/publications/recommended-code-of-practice-for-local-authority-publicity"

LOCALGOV_GETS_SOCIAL = {
    "title": "#localgov gets social",
    "slug": "localgov-gets-social",
    "access_level": "open",
    "summary": (
        "For anyone running council social media: share what works, ask what doesn't, and steal "
        "each other's best ideas."
    ),
    "description": (
        "<p>The hub's largest community, for comms officers, councillors and anyone else who posts "
        "on behalf of a council. "
        "Members share posts that worked, moderation policies, analytics and the odd disaster.</p>"
        "<h2>How we work</h2>"
        "<ul><li>Be generous: if you ask a question, answer one.</li>"
        "<li>Share the real numbers where you can, and say when you cannot.</li>"
        "<li>Criticise ideas, not people or councils.</li></ul>"
    ),
    "topics": ["social-media", "facebook-groups", "video"],
    "audiences": ["comms-officer", "councillor", "digital-lead"],
    "tags": ["localgov", "social media"],
    "facilitators": [PRIYA, SIOBHAN],
    "members": [ROB, DANIEL, MARK, JENNY, FIONA],
    "blog": [
        {
            "title": "Ten years of the council Facebook page: what we would tell our younger selves",
            "slug": "ten-years-of-the-council-facebook-page",
            "date": "2025-06-17 10:00",
            "authors": [PRIYA],
            "summary": (
                "Northmoor's Facebook page turned ten. The comms team on what they wish they had known at "
                "the start: answer the question, let services own the content, and measure what changes."
            ),
            "topics": ["social-media", "facebook-groups"],
            "audiences": ["comms-officer", "service-manager"],
            "tags": ["facebook", "lessons learned"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Our Facebook page turned ten this spring. When we set it up, the plan fitted on one "
                        "side of A4: post the press releases, share the road closures, and 'engage with residents', "
                        "a phrase nobody in the room could define. A decade later the page has more followers than "
                        "the district has households, and it is the first place many people look when the bins are "
                        "late or the roads are flooded.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>We sat down as a team to list what we would tell ourselves in 2015 if we could. Some of "
                        "it is about platforms, but most of it is about people: the residents who use the page and "
                        "the colleagues who make it work.</p>"
                    ),
                ),
                ("heading", {"text": "Answer the question that was asked", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>For the first few years we treated comments as something to be managed. Now we treat "
                        "them as the most honest feedback the council gets. If someone asks when the leisure centre "
                        "reopens, the answer is a date, not a link to a press release that does not mention one. "
                        "Our rule of thumb: if a reply needs the words 'please see', it probably needs "
                        "rewriting.</p>"
                    ),
                ),
                ("heading", {"text": "Services own their content; we own the voice", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>The page only became useful when service teams started giving us information early and "
                        "in plain words. We run a fifteen-minute 'what's coming up' call every Monday with waste, "
                        "highways and housing. It costs us an hour a week and saves us a dozen reactive posts.</p>"
                    ),
                ),
                (
                    "quote",
                    {
                        "quote": (
                            "Nobody follows a council page for the press releases. They follow it because it tells "
                            "them when the bins are coming."
                        ),
                        "citation": "A resident, at one of our focus groups",
                    },
                ),
                ("heading", {"text": "Measure what changes, not what spreads", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Reach and likes were the numbers we reported for years, because they were the numbers "
                        "the platform gave us. The figures that persuaded our directors were different: fewer calls "
                        "to the contact centre on the day we posted about a collection change, and more people "
                        "booking a tip slot online after we explained the new system in a short video.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>If we could pass on only one thing, it would be this: write every post for the person "
                        "who is slightly worried and in a hurry. Everything else follows.</p>"
                    ),
                ),
                (
                    "see_also",
                    {
                        "heading": "See also",
                        "links": [
                            {
                                "page": None,
                                "url": "https://gcs.civilservice.gov.uk/",
                                "text": ("Government Communication Service: guidance and resources"),
                            },
                            {
                                "page": None,
                                "url": "https://www.ofcom.org.uk/",
                                "text": "Ofcom: research on how adults use social media",
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "title": "Why we stopped scheduling everything for 9am",
            "slug": "why-we-stopped-scheduling-everything-for-9am",
            "date": "2025-10-08 14:15",
            "authors": [SIOBHAN],
            "summary": (
                "Ardmoyle compared a year of post data with the contact centre's call log and moved its "
                "practical updates to the evening before. Calls on the day fell by about a fifth."
            ),
            "topics": ["social-media", "data-and-analytics"],
            "audiences": ["comms-officer", "customer-services"],
            "tags": ["scheduling", "analytics"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>For years Ardmoyle's scheduled posts went out at nine in the morning because that was "
                        "when the office opened. Nobody had decided it; it was simply when the first person logged "
                        "on. Last winter we finally looked at when our residents were actually reading, and the "
                        "answer was not nine o'clock.</p>"
                    ),
                ),
                ("heading", {"text": "What the numbers showed", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>We exported twelve months of post data and compared it with the contact centre's call "
                        "log. Posts about practical changes (collection days, road closures, school term dates) did "
                        "best between seven and eight in the evening, when people were at home planning the next "
                        "day. Posts about events and consultations peaked at lunchtime. Nine in the morning was, if "
                        "anything, our weakest slot.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>The data is not precise, and the platforms change how they show posts more often than "
                        "we would like. But the pattern held in every month we looked at, and it matched what the "
                        "contact centre told us: the busiest hour for calls about 'what is happening tomorrow' was "
                        "the first hour after opening, from people who had missed the message the night before.</p>"
                    ),
                ),
                (
                    "image",
                    {
                        "image": "ardmoyle-reading-hours",
                        "alt_text": (
                            "Bar chart of link clicks by hour, 6am to 10pm. Clicks peak at 7pm with 13 per cent and "
                            "stay high at 8pm; there is a smaller peak at midday. 9am has 3.5 per cent."
                        ),
                        "caption": "Twelve months of clicks on practical updates, by the hour the link was opened.",
                    },
                ),
                ("heading", {"text": "What we changed", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<ul><li>Practical service changes now go out the evening before, with a reminder at seven "
                        "the next morning for anything that affects the school run.</li><li>Consultations and "
                        "events go out at lunchtime, with a second post a few days later for anyone who missed "
                        "it.</li><li>We keep nine in the morning free for whatever the day brings, which turns out "
                        "to be useful in itself.</li></ul>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>Three months in, calls about collection changes on the day are down by about a fifth. "
                        "We cannot prove the timing did all of that, but it cost nothing to try and nobody wants to "
                        "go back.</p>"
                    ),
                ),
                (
                    "quote",
                    {
                        "quote": ("We had been posting for our own diary, not for our residents' evenings."),
                        "citation": "Siobhan Quinn, Ardmoyle Borough Council",
                    },
                ),
            ],
        },
        {
            "title": "Answering difficult comments: a moderation policy our staff actually use",
            "slug": "a-moderation-policy-our-staff-actually-use",
            "date": "2026-03-11 11:00",
            "authors": [PRIYA, ROB],
            "security_level": "members",
            "summary": (
                "A moderation policy written for the person holding the phone at ten at night: three "
                "questions before you act, hiding rather than deleting, and what councillors can expect "
                "from the council."
            ),
            "topics": ["social-media", "councillors-online", "facebook-groups"],
            "audiences": ["comms-officer", "councillor"],
            "tags": ["moderation", "policy"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Every council has a social media moderation policy. Most of them are written for "
                        "lawyers rather than for the person holding the phone at ten at night when a thread about a "
                        "planning application turns nasty. We rewrote ours this year with that person in mind, and "
                        "we are sharing it with members of the hub because several of you asked.</p>"
                    ),
                ),
                ("heading", {"text": "Three questions before you act", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>The new policy starts with three questions rather than a list of banned content. Is "
                        "anyone at risk? Is it unlawful or abusive? Is it a genuine complaint, however angrily put? "
                        "If someone is at risk, we follow the safeguarding route straight away. If it is abusive, "
                        "we hide it and keep a record. If it is a complaint, we answer it, even when it is rude, "
                        "because the other two hundred people reading the thread are watching how we respond.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>The difference between hiding and deleting matters. Hidden comments stay visible to the "
                        "person who wrote them and their friends, which tends to calm things down rather than "
                        "escalate them. Deleting is kept for illegal content and personal information about other "
                        "people, and is always recorded.</p>"
                    ),
                ),
                ("heading", {"text": "What councillors asked for", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Rob helped us test the policy with a group of councillors from all parties. Their main "
                        "request was clarity about when the council will step in on their behalf and when they are "
                        "on their own. We added a short section on that, with the contact for the member services "
                        "team and the point at which we involve the police.</p>"
                    ),
                ),
                (
                    "quote",
                    {
                        "quote": ("The most useful line in the whole policy is 'you do not have to reply tonight'."),
                        "citation": "A councillor who tested the draft",
                    },
                ),
                (
                    "paragraph",
                    (
                        "<p>The full policy, the record-keeping template and the escalation flowchart are in this "
                        "community's resources. Please adapt them freely, and tell us what you changed.</p>"
                    ),
                ),
            ],
        },
        {
            "title": "Short video on a small budget: our first year with a phone and a clip-on mic",
            "slug": "short-video-on-a-small-budget",
            "date": "2026-09-23 09:45",
            "authors": [SIOBHAN],
            "summary": (
                "From no video to three short films a week, made on a phone. Sound matters more than "
                "pictures, captions are not optional, and one question per film works best."
            ),
            "topics": ["video", "social-media", "accessibility"],
            "audiences": ["comms-officer", "service-manager"],
            "tags": ["video", "captions"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>A year ago our video budget was zero and our video output was about the same. Today we "
                        "publish two or three short films a week, and most of them are made on a mid-range phone "
                        "with a twenty-pound clip-on microphone. Here is what we learned, in the order we learned "
                        "it.</p>"
                    ),
                ),
                ("heading", {"text": "Sound matters more than pictures", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>People forgive shaky footage. They do not forgive sound they cannot hear. The best "
                        "purchase we made was the microphone, and the best habit was recording somewhere quiet, "
                        "even if it meant interviewing the bin crew in the cab rather than beside the lorry.</p>"
                    ),
                ),
                ("heading", {"text": "Captions are not optional", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Most people watch our videos with the sound off, and some of our residents cannot hear "
                        "them at all. Every video now has captions that we check by hand, because automatic "
                        "captions still turn local place names into something unrepeatable. We also write a "
                        "one-line description of what the video shows for people using screen readers.</p>"
                    ),
                ),
                ("heading", {"text": "Short, vertical and about one thing", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Our most-watched films are under a minute, shot vertically, and answer one question: "
                        "how to book a bulky waste collection, what the new recycling bin is for, where the flood "
                        "barriers go up. Longer films still have a place, especially for consultations, but they "
                        "need a reason to be long.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>What we did not expect was how much staff would enjoy it. Service teams now come to us "
                        "with ideas, and the waste team's 'what not to put in the blue bin' series has its own "
                        "fans.</p>"
                    ),
                ),
                (
                    "see_also",
                    {
                        "heading": "See also",
                        "links": [
                            {
                                "page": None,
                                "url": "https://www.w3.org/WAI/media/av/",
                                "text": "W3C: making audio and video media accessible",
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "title": "Show and tell notes: choosing platforms for next year",
            "slug": "show-and-tell-notes-choosing-platforms",
            "date": "2026-11-04 16:30",
            "authors": [DANIEL],
            "security_level": "community",
            "summary": (
                "Notes from the members' show and tell on how five councils are deciding which platforms to "
                "keep, leave or try. Kept to the community because some figures are unpublished."
            ),
            "topics": ["social-media", "data-and-analytics"],
            "audiences": ["comms-officer", "digital-lead"],
            "tags": ["show and tell", "platforms"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>These are the notes from this month's members' show and tell, kept to the community "
                        "because several councils shared figures they have not published yet. Please do not quote "
                        "them outside the group without asking.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>Five councils described how they are deciding which platforms to keep, which to leave "
                        "and which to try. Nobody is leaving everything, and nobody is adding everything. The "
                        "common thread was a written test for each platform: are our residents there, can we "
                        "moderate it properly, can we make accessible content for it, and does it help anyone "
                        "finish a task?</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>Two councils have moved much of their effort into local Facebook groups and a WhatsApp "
                        "channel, and report more questions answered with less effort. One has closed an account "
                        "that had fewer than two hundred local followers after five years. Another is trialling a "
                        "neighbourhood messaging service with its housing tenants.</p>"
                    ),
                ),
                ("heading", {"text": "Agreed next steps", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<ul><li>Daniel will share the platform review template in the community "
                        "resources.</li><li>Priya will collect anonymised figures on contact centre calls for the "
                        "next session.</li><li>We will invite a digital inclusion colleague to talk about residents "
                        "who are on none of these platforms.</li></ul>"
                    ),
                ),
            ],
        },
    ],
    "discussions": [
        {
            "title": "Welcome: introduce yourself and tell us what you are working on",
            "slug": "welcome-introduce-yourself",
            "first_published_at": "2025-06-02 09:00",
            "starter": PRIYA,
            "pinned": True,
            "topics": ["social-media"],
            "body": (
                "If you are new to the community, say hello here. Tell us where you work, what you are "
                "trying to do with social media this year and one thing you would like help with. The "
                "facilitators read every introduction and will point you to people working on the same "
                "things."
            ),
            "replies": [
                {
                    "author": SIOBHAN,
                    "hours_later": 2,
                    "body": (
                        "Hello from Ardmoyle. I make most of our video and I am trying to get more service teams to "
                        "film their own work. Happy to share what has gone wrong so far."
                    ),
                },
                {
                    "author": MARK,
                    "hours_later": 26,
                    "body": (
                        "Mark from a council for voluntary service in the West Midlands. I run social media "
                        "surgeries for small charities and would love to hear how councils share their posts with "
                        "community groups."
                    ),
                },
                {
                    "author": PRIYA,
                    "hours_later": 28,
                    "reply_to": 1,
                    "body": (
                        "Welcome, Mark. There is a thread about sharing posts with community groups in the Digital "
                        "inclusion network too; worth joining both."
                    ),
                },
                {
                    "author": JENNY,
                    "hours_later": 72,
                    "body": (
                        "Town clerk from a very small council. We have one Facebook page and I am the whole comms "
                        "team. Mostly here to learn from people with more time than me!"
                    ),
                },
            ],
        },
        {
            "title": "How do you handle comments on posts about planning applications?",
            "slug": "comments-on-planning-application-posts",
            "first_published_at": "2026-01-14 19:40",
            "starter": ROB,
            "topics": ["social-media", "consultation-and-engagement"],
            "body": (
                "Every time we post about a planning consultation the comments fill up with objections that "
                "need to go to the planning team formally, and people are then upset that their comment "
                "'did not count'. How do other councils handle this? Do you turn comments off, or reply "
                "with a standard message?"
            ),
            "replies": [
                {
                    "author": PRIYA,
                    "hours_later": 3,
                    "body": (
                        "We leave comments on but pin a first comment explaining that comments on social media are "
                        "not formal representations, with the link to the planning portal. Then we reply to anyone "
                        "who seems to think they have objected, with the same link. It does not stop the "
                        "frustration entirely, but complaints about 'ignored comments' dropped a lot."
                    ),
                },
                {
                    "author": DANIEL,
                    "hours_later": 5,
                    "body": (
                        "We tried turning comments off for a year. It moved the argument to local Facebook groups "
                        "where we could not answer at all. Would not recommend."
                    ),
                },
                {
                    "author": ROB,
                    "hours_later": 6,
                    "reply_to": 0,
                    "body": (
                        "That pinned comment is exactly what we need. Do you have wording you are happy to share?"
                    ),
                },
                {
                    "author": PRIYA,
                    "hours_later": 20,
                    "reply_to": 2,
                    "body": (
                        "Of course: 'Comments here are not formal objections or support. To have your say on this "
                        "application, use the planning portal at the link above before the closing date. We read "
                        "every comment and will answer questions.' Edit freely."
                    ),
                },
            ],
            "accepted": 0,
        },
        {
            "title": "Has anyone moved their main channel to WhatsApp?",
            "slug": "moving-to-a-whatsapp-channel",
            "first_published_at": "2026-10-02 12:10",
            "starter": JENNY,
            "topics": ["social-media"],
            "body": (
                "We are wondering about a WhatsApp channel for service updates, since that is where most of "
                "our residents seem to be. Has anyone tried it, and what did it cost you in time?"
            ),
            "replies": [
                {
                    "author": SIOBHAN,
                    "hours_later": 4,
                    "body": (
                        "We launched a channel in the spring for service updates only. It is one-way, which suits "
                        "us: no moderation load. Followers grew slowly, but the people who follow it really do read "
                        "it."
                    ),
                },
                {
                    "author": MARK,
                    "hours_later": 30,
                    "body": (
                        "Several community groups we support live on WhatsApp, and a channel they can forward from "
                        "has been welcomed. Watch out for people expecting replies to direct messages."
                    ),
                },
            ],
        },
    ],
    "resources": [
        {
            "title": "Code of recommended practice on local authority publicity",
            "slug": "code-of-practice-on-local-authority-publicity",
            "link_url": PUBLICITY_CODE,
            "publisher": "ministry-of-housing-communities-and-local-government",
            "resource_type": "guidance",
            "date_added": "2025-07-01 09:00",
            "summary": (
                "The statutory code on what councils may publish, including on social media, and the rules "
                "that apply before elections."
            ),
            "editors_note": (
                "Short, and more relevant to everyday social media than most people expect. Read the "
                "sections on objectivity and even-handedness before your next post about a controversial "
                "decision."
            ),
            "topics": ["social-media", "councillors-online"],
            "audiences": ["comms-officer", "councillor"],
        },
        {
            "title": "Ofcom research on adults' media use",
            "slug": "ofcom-research-on-adults-media-use",
            "link_url": "https://www.ofcom.org.uk/",
            "publisher": "ofcom",
            "resource_type": "research",
            "date_added": "2025-09-15 09:00",
            "summary": (
                "Ofcom's regular research into how adults in the UK use the internet, social media and "
                "news, broken down by age and nation."
            ),
            "editors_note": (
                "The best independent source when someone asks 'but are our residents really on that "
                "platform?'. Look for the annual report on adults' media use and attitudes."
            ),
            "topics": ["social-media", "data-and-analytics"],
            "audiences": ["comms-officer", "digital-lead"],
        },
    ],
    "events": [
        {
            "title": "Members' show and tell: moderation policies",
            "slug": "show-and-tell-moderation-policies",
            "event_type": "webinar",
            "starts_in_days": 9,
            "start_time": "12:30",
            "hours": 1,
            "summary": (
                "An hour comparing notes on moderation policies: three short talks and plenty of time for questions."
            ),
            "description": (
                "<p>Bring your council's moderation policy, or the question you are stuck on, and spend an "
                "hour with other members comparing notes. Three councils will each talk for five minutes "
                "about a policy change they made this year and what happened next.</p><p>The session is not "
                "recorded, so that people can speak freely.</p>"
            ),
            "online_url": "https://meet.example.org/localgov-gets-social/show-and-tell",
            "organiser": PRIYA,
            "capacity": 40,
            "topics": ["social-media", "councillors-online"],
            "audiences": ["comms-officer"],
        },
        {
            "title": "Teacamp North East: social media in the teatime rush",
            "slug": "teacamp-north-east-teatime-rush",
            "event_type": "teacamp",
            "starts_in_days": -60,
            "start_time": "16:00",
            "hours": 2,
            "summary": (
                "Tea, cake and an informal chat about posting when residents are busiest: the school run, "
                "teatime and the evening."
            ),
            "description": (
                "<p>An informal teacamp for anyone who runs council or community social media in the North "
                "East. No slides, no sales pitches: just tea, cake and a conversation about what works at "
                "the busiest times of day.</p>"
            ),
            "venue_name": "Northmoor Civic Centre, community room",
            "address": "Market Place, Northmoor, County Durham",
            "region": "north-east",
            "latitude": "54.776100",
            "longitude": "-1.573300",
            "organiser": PRIYA,
            "capacity": 25,
            "topics": ["social-media"],
            "audiences": ["comms-officer", "voluntary-sector-partner"],
        },
    ],
}

DIGITAL_INCLUSION_NETWORK = {
    "title": "Digital inclusion network",
    "slug": "digital-inclusion-network",
    "access_level": "open",
    "summary": (
        "Councils, libraries and the voluntary sector working together so that nobody is left "
        "behind as services move online."
    ),
    "description": (
        "<p>A network for people helping residents get online and making sure services work for those who cannot. "
        "Members include digital leads, library and customer services staff, and partners in the voluntary sector.</p>"
        "<h2>What we talk about</h2>"
        "<ul><li>Digital champions and tech help sessions</li><li>Device and data lending</li>"
        "<li>Designing services for people with little confidence, kit or data</li></ul>"
    ),
    "topics": ["digital-inclusion", "consultation-and-engagement"],
    "audiences": ["digital-lead", "customer-services", "voluntary-sector-partner"],
    "tags": ["digital inclusion"],
    "facilitators": [AISHA],
    "members": [FIONA, MARK, JENNY, DANIEL],
    "blog": [
        {
            "title": "Digital champions in the library: what eighteen months taught us",
            "slug": "digital-champions-in-the-library",
            "date": "2025-07-22 10:30",
            "authors": [AISHA],
            "summary": (
                "Fellbridge trained twenty-four library staff and volunteers as digital champions. Three "
                "thousand conversations later: help with one task beats a course, and confidence matters "
                "more than kit."
            ),
            "topics": ["digital-inclusion", "consultation-and-engagement"],
            "audiences": ["digital-lead", "service-manager", "voluntary-sector-partner"],
            "tags": ["digital champions", "libraries"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>In January last year Fellbridge trained twenty-four library staff and volunteers as "
                        "digital champions: people who help residents with everyday online tasks, from setting up "
                        "an email address to applying for a blue badge. Eighteen months and roughly three thousand "
                        "conversations later, this is what we have learned.</p>"
                    ),
                ),
                ("heading", {"text": "Most people want help with one task, not a course", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>We began with a six-week beginners' course. Attendance fell away after week two. What "
                        "people wanted was help with the thing in front of them that day: a universal credit "
                        "journal, a parking permit, a video call with a grandchild. We switched to drop-in sessions "
                        "and the numbers tripled.</p>"
                    ),
                ),
                ("heading", {"text": "Confidence is the barrier more often than kit", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>We expected a lack of devices to be the main problem. It was significant, and the "
                        "device lending scheme described elsewhere in this community grew out of it. But the "
                        "commonest thing people told champions was that they were afraid of getting it wrong, of "
                        "being scammed, or of 'breaking something'. Champions who sat beside people, rather than "
                        "taking the mouse, made far more difference.</p>"
                    ),
                ),
                (
                    "quote",
                    {
                        "quote": (
                            "I have had a tablet for two years. Today is the first time I have used it for anything "
                            "but photos."
                        ),
                        "citation": "A library visitor, after a drop-in session",
                    },
                ),
                ("heading", {"text": "Services have to meet us halfway", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Champions kept running into the same badly designed forms. We now send a monthly note "
                        "to service managers listing the three tasks that caused most trouble, with screenshots. "
                        "Two forms have been rewritten as a result, and the revenues team now sends someone to a "
                        "drop-in once a month to see the problems for themselves.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>If you are starting a champions scheme, recruit for patience rather than technical "
                        "skill, record what people ask for help with, and make sure someone with the power to "
                        "change services reads the record.</p>"
                    ),
                ),
            ],
        },
        {
            "title": "Don't assume a smartphone: designing for the shared family device",
            "slug": "dont-assume-a-smartphone",
            "date": "2025-12-02 13:00",
            "authors": [FIONA],
            "summary": (
                "Many households share one phone, with limited data and someone else's email signed in. "
                "Small changes to forms and pages cut the calls this causes."
            ),
            "topics": ["digital-inclusion", "web-content", "accessibility"],
            "audiences": ["customer-services", "web-manager"],
            "tags": ["forms", "mobile"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>When we ask residents in our contact centre how they go online, a surprising number "
                        "describe a single phone shared by a household, often with a cracked screen, limited data "
                        "and someone else's email account signed in. Our services are mostly designed for a person "
                        "with their own device, a broadband connection and time. That gap causes a lot of "
                        "calls.</p>"
                    ),
                ),
                ("heading", {"text": "What goes wrong", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Forms that time out after twenty minutes lose people who have to hand the phone back. "
                        "Verification codes sent by text go to whoever owns the phone. Large PDF attachments eat a "
                        "month's data. Security questions about 'your mobile number' confuse people whose number is "
                        "a relative's.</p>"
                    ),
                ),
                ("heading", {"text": "Small fixes that helped", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<ul><li>Save and return on every form longer than one page, with a reference the person "
                        "can write down.</li><li>A choice of email, text or letter for confirmation, asked for in "
                        "plain words.</li><li>Web pages instead of PDFs for anything people need to read on a "
                        "phone.</li><li>A phone number on every form page, because sometimes the right answer is to "
                        "call.</li></ul>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>None of these are new ideas; most are in the GOV.UK Service Manual. What made the case "
                        "locally was the contact centre's own records: we could show how many calls each problem "
                        "caused and what each fix would save.</p>"
                    ),
                ),
                (
                    "see_also",
                    {
                        "heading": "See also",
                        "links": [
                            {"page": None, "url": "https://www.gov.uk/service-manual", "text": "GOV.UK Service Manual"},
                        ],
                    },
                ),
            ],
        },
        {
            "title": "Mapping data poverty in our borough without a data team",
            "slug": "mapping-data-poverty-without-a-data-team",
            "date": "2026-05-14 11:15",
            "authors": [AISHA, DANIEL],
            "security_level": "members",
            "summary": (
                "A rough map of where data poverty is likely to be worst, from census data, library "
                "bookings and the people who know the area. Shared with members because some sources are "
                "address-level."
            ),
            "topics": ["digital-inclusion", "data-and-analytics"],
            "audiences": ["digital-lead", "service-manager"],
            "tags": ["data poverty", "mapping", "census"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Data poverty, not being able to afford enough mobile data or broadband for everyday "
                        "needs, is hard to see in council records. We wanted a rough map of where it was likely to "
                        "be worst, so that our device and data lending went to the right places. We had no data "
                        "team, so we did it with public data, a spreadsheet and some patience.</p>"
                    ),
                ),
                ("heading", {"text": "What we used", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Census 2021 tells you a lot about households by small area, including age, disability "
                        "and household make-up. We combined it with the index of multiple deprivation, library "
                        "computer bookings by branch, and the areas where people had asked the contact centre for "
                        "paper forms. None of these measures data poverty directly, but together they pointed at "
                        "the same few neighbourhoods.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>We shared the draft map with housing officers and community groups before using it. "
                        "They corrected it in places: one estate looked fine in the figures but had no mobile "
                        "signal at all indoors, which no dataset told us.</p>"
                    ),
                ),
                (
                    "quote",
                    {
                        "quote": (
                            "The map was wrong in ways only people on the ground could see. That was the most useful "
                            "thing about making it."
                        ),
                        "citation": "Aisha Okonjo",
                    },
                ),
                ("heading", {"text": "What we would do differently", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Start with the people, not the spreadsheet. If we did it again we would talk to housing "
                        "officers and voluntary groups first and use the data to check and fill gaps, rather than "
                        "the other way round. We are sharing the method with members here rather than publicly "
                        "because some of the source data is about individual addresses.</p>"
                    ),
                ),
            ],
        },
        {
            "title": "Device lending with the voluntary sector: a partnership that works",
            "slug": "device-lending-with-the-voluntary-sector",
            "date": "2026-08-19 10:00",
            "authors": [MARK],
            "summary": (
                "The council buys the tablets; community groups lend them to people they know. An honest "
                "account of what has worked, what has not, and what to agree first."
            ),
            "topics": ["digital-inclusion", "consultation-and-engagement"],
            "audiences": ["voluntary-sector-partner", "digital-lead"],
            "tags": ["device lending", "partnerships"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Two years ago the council asked us whether the voluntary sector could help lend tablets "
                        "to people who had none. We said yes before we had worked out how. This is an honest "
                        "account of what has worked, what has not, and what we would tell another council and "
                        "council for voluntary service thinking about the same thing.</p>"
                    ),
                ),
                ("heading", {"text": "Who does what", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>The council buys the devices and data, and pays for insurance. We recruit and support "
                        "the community groups who lend them: a lunch club, two tenants' associations, a refugee "
                        "support group and a carers' network. Each group knows its members, which is why loans come "
                        "back at a rate the council could never have managed alone.</p>"
                    ),
                ),
                ("heading", {"text": "What has worked", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Pairing every loan with a named helper from the group. Lending for three months with an "
                        "option to extend, rather than for a fixed fortnight. Installing only the apps people ask "
                        "for, and setting the text size large by default.</p>"
                    ),
                ),
                ("heading", {"text": "What has not", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Asking groups to fill in the council's monitoring forms, which were written for "
                        "contracts worth a hundred times as much. We now collect three numbers a quarter and a "
                        "short story, and the council's funders have been perfectly happy with that.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>The partnership works because both sides admitted early what they were bad at. If you "
                        "are on the council side, ask the voluntary sector what they need before you design the "
                        "scheme.</p>"
                    ),
                ),
            ],
        },
    ],
    "discussions": [
        {
            "title": "What do you call it when you talk to residents?",
            "slug": "what-do-you-call-digital-inclusion",
            "first_published_at": "2025-07-01 10:00",
            "starter": AISHA,
            "pinned": True,
            "topics": ["digital-inclusion"],
            "body": (
                "We are renaming our programme, and residents have told us that 'digital inclusion' means "
                "nothing to them. What do you call this work when you talk to residents, rather than to "
                "each other?"
            ),
            "replies": [
                {
                    "author": FIONA,
                    "hours_later": 5,
                    "body": (
                        "We say 'getting online' on posters and in the library. 'Digital' anything tends to put "
                        "people off."
                    ),
                },
                {
                    "author": MARK,
                    "hours_later": 7,
                    "body": ("Our groups use 'tech help'. It is informal and people know exactly what it means."),
                },
                {
                    "author": AISHA,
                    "hours_later": 9,
                    "reply_to": 1,
                    "body": (
                        "'Tech help' tested very well when we tried it with a group of tenants this week. We are "
                        "going with 'Tech help at your library'."
                    ),
                },
                {
                    "author": JENNY,
                    "hours_later": 30,
                    "body": ("We have borrowed 'tech help' after reading this. Thank you!"),
                },
            ],
            "accepted": 1,
        },
        {
            "title": "Passing old council laptops to residents: how do you wipe them?",
            "slug": "passing-old-laptops-to-residents",
            "first_published_at": "2026-03-03 15:20",
            "starter": JENNY,
            "topics": ["digital-inclusion"],
            "body": (
                "We are replacing our office laptops and would like to give the old ones to a local charity "
                "for residents. Our IT provider is nervous about data. Has anyone got a process they trust?"
            ),
            "replies": [
                {
                    "author": DANIEL,
                    "hours_later": 3,
                    "body": (
                        "We use a certified data destruction company to wipe and certify each device, then pass "
                        "them to a charity. The certificate is what reassured our information governance team."
                    ),
                },
                {
                    "author": MARK,
                    "hours_later": 6,
                    "body": (
                        "From the charity side: please include the chargers! Half the laptops we are given arrive "
                        "without one."
                    ),
                },
                {
                    "author": AISHA,
                    "hours_later": 22,
                    "reply_to": 0,
                    "body": (
                        "Same here. The NCSC's guidance on erasing devices helped our IT team write the process down."
                    ),
                },
            ],
        },
    ],
    "resources": [
        {
            "title": "Home internet and social media usage: ONS",
            "slug": "ons-home-internet-and-social-media-usage",
            "link_url": (
                "https://www.ons.gov.uk/peoplepopulationandcommunity/householdcharacteristics/homeinternetandsocialmediausage"
            ),
            "publisher": "office-for-national-statistics",
            "resource_type": "research",
            "date_added": "2025-08-04 09:00",
            "summary": (
                "Office for National Statistics figures on household internet access, how people go online "
                "and who does not."
            ),
            "editors_note": (
                "Use the national figures to set the scene, then find local evidence. The breakdowns by age "
                "and disability are the most useful for planning."
            ),
            "topics": ["digital-inclusion", "data-and-analytics"],
            "audiences": ["digital-lead", "service-manager"],
        },
        {
            "title": "Service Manual: helping people to use your service",
            "slug": "helping-people-to-use-your-service",
            "link_url": "https://www.gov.uk/service-manual/helping-people-to-use-your-service",
            "publisher": "government-digital-service",
            "resource_type": "guidance",
            "date_added": "2025-10-20 09:00",
            "summary": (
                "The Service Manual's section on making services everyone can use, including people who "
                "need help to go online."
            ),
            "editors_note": (
                "Written for central government, but every word applies to councils. The parts on assisted "
                "digital support are a good basis for a local digital champions scheme."
            ),
            "topics": ["digital-inclusion", "accessibility"],
            "audiences": ["digital-lead", "customer-services"],
        },
    ],
    "events": [
        {
            "title": "Tech help: training day for new digital champions",
            "slug": "training-day-for-new-digital-champions",
            "event_type": "workshop",
            "starts_in_days": 30,
            "start_time": "10:00",
            "hours": 3,
            "summary": "A morning's training for new digital champions from libraries, councils and community groups.",
            "description": (
                "<p>A practical morning for anyone about to start helping residents online. We will cover "
                "how to help without taking over, spotting scams, and what to do when a council form "
                "defeats you both.</p><h3>Who it is for</h3><p>Library staff, council staff and volunteers "
                "from community groups. No technical knowledge needed.</p>"
            ),
            "venue_name": "Fellbridge Central Library, first-floor training room",
            "address": "Library Walk, Fellbridge, Greater Manchester",
            "region": "north-west",
            "latitude": "53.576900",
            "longitude": "-2.428200",
            "organiser": AISHA,
            "capacity": 20,
            "topics": ["digital-inclusion"],
            "audiences": ["voluntary-sector-partner", "customer-services"],
        },
    ],
}

COUNCIL_WEB_MANAGERS = {
    "title": "Council web managers",
    "slug": "council-web-managers",
    "access_level": "restricted",
    "requires_approval": True,
    "summary": (
        "For people who run council websites: content, accessibility, search, platforms and the "
        "daily negotiation with services."
    ),
    "description": (
        "<p>A restricted community for council web and content managers. Anyone can see it exists; the posts and "
        "discussions are for members, so that people can talk frankly about suppliers, budgets and audits.</p>"
        "<p>Ask a facilitator to join, saying which council you work for.</p>"
    ),
    "topics": ["web-content", "accessibility", "data-and-analytics"],
    "audiences": ["web-manager", "digital-lead"],
    "tags": ["websites"],
    "facilitators": [GARETH, DANIEL],
    "members": [FIONA, HANNAH],
    "blog": [
        {
            "title": "Our accessibility statement, rewritten in plain English",
            "slug": "accessibility-statement-in-plain-english",
            "date": "2025-09-09 10:00",
            "authors": [GARETH],
            "summary": (
                "Glanmor's accessibility statement now starts with what people may find hard to do and what "
                "to do instead, with the technical detail kept, lower down."
            ),
            "topics": ["accessibility", "web-content"],
            "audiences": ["web-manager", "digital-lead"],
            "tags": ["accessibility statement", "plain English"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Our accessibility statement was written in 2020 to meet the regulations, and it read "
                        "like it. It listed forty-three known issues by WCAG success criterion number, with no "
                        "indication of what they meant for someone trying to pay their council tax. This summer we "
                        "rewrote it, in English and Welsh, for the person who might actually read it.</p>"
                    ),
                ),
                ("heading", {"text": "Start with what people can and cannot do", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>The new statement opens with a short list of tasks that may be hard to complete with "
                        "assistive technology, in plain words: 'some older PDF documents cannot be read with a "
                        "screen reader', 'the map of planning applications cannot be used with a keyboard alone'. "
                        "Each is followed by what to do instead and who to contact.</p>"
                    ),
                ),
                ("heading", {"text": "Keep the technical detail, but lower down", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>The regulations still require the detail of what does not comply, and the monitoring "
                        "body will read it. It is all still there, under its own heading, with the success criteria "
                        "and our dates for fixing each one. Moving it down the page did not make it less complete; "
                        "it made it findable.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>We tested the draft with two residents who use screen readers and one who uses voice "
                        "control. They found things we had missed, and one pointed out that our form for reporting "
                        "accessibility problems was itself not accessible. That is now fixed.</p>"
                    ),
                ),
                (
                    "quote",
                    {
                        "quote": (
                            "The best test of an accessibility statement is whether someone who needs it can use it."
                        ),
                        "citation": "Gareth Llewellyn",
                    },
                ),
            ],
        },
        {
            "title": "Retiring 1,400 pages: a content audit in six weeks",
            "slug": "retiring-1400-pages-a-content-audit",
            "date": "2026-02-17 09:30",
            "authors": [DANIEL],
            "summary": (
                "Wexley reviewed every page on its website in six weeks and unpublished a third of them. "
                "The default that did most of the work, and what happened to search afterwards."
            ),
            "topics": ["web-content", "data-and-analytics"],
            "audiences": ["web-manager", "service-manager"],
            "tags": ["content audit"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Wexley's website had grown to a little over four thousand pages, and nobody knew how "
                        "many were still accurate. In six weeks this winter we reviewed all of them and unpublished "
                        "1,400, roughly a third. Here is how we did it without a big team, and what happened "
                        "afterwards.</p>"
                    ),
                ),
                ("heading", {"text": "Week one: get the list", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>We exported every page with its owner, last edit date, page views for the last year and "
                        "the number of internal links to it. Around nine hundred pages had had fewer than ten views "
                        "in twelve months; about two hundred had no owner at all.</p>"
                    ),
                ),
                ("heading", {"text": "Weeks two to five: ask, then decide", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Each service got a spreadsheet of its pages with three choices: keep, merge or retire. "
                        "We gave a deadline and a default: anything not marked by the deadline, with fewer than ten "
                        "views, would be retired. That default did most of the work. Retired pages were "
                        "unpublished, not deleted, and their addresses redirected to the nearest useful page.</p>"
                    ),
                ),
                ("heading", {"text": "What happened next", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Searches on the site that found nothing dropped by a quarter, because there was less "
                        "near-duplicate content confusing the search. Complaints about out-of-date information "
                        "fell. Nobody asked for a retired page back, though two services did ask for pages to be "
                        "merged into better ones, which was the point.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>The spreadsheet template and the email we sent to service owners are in this "
                        "community's resources.</p>"
                    ),
                ),
            ],
        },
        {
            "title": "Search logs are the best user research you are not doing",
            "slug": "search-logs-are-the-best-user-research",
            "date": "2026-07-07 14:00",
            "authors": [GARETH],
            "summary": (
                "What to look for in your website's search log every fortnight, and how adding one word, "
                "'tip', removed a steady source of calls."
            ),
            "topics": ["data-and-analytics", "web-content"],
            "audiences": ["web-manager"],
            "tags": ["site search", "analytics"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Every day, hundreds of residents type exactly what they want into the search box on our "
                        "website, in their own words. Most councils never look at it. We started reading our search "
                        "log every fortnight two years ago, and it has changed more of our website than any "
                        "survey.</p>"
                    ),
                ),
                ("heading", {"text": "What to look for", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<ul><li>Searches that return nothing: a list of words your residents use and your website "
                        "does not.</li><li>Searches repeated with small changes: the first results were not what "
                        "the person wanted.</li><li>Sudden rises: something has happened that the website does not "
                        "yet explain.</li><li>Searches for other organisations: people think you are responsible "
                        "for something you are not.</li></ul>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>Our most common search that returned nothing was 'tip', because our pages only said "
                        "'household waste recycling centre'. Adding the word 'tip' to three pages removed what had "
                        "been a steady source of calls.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>In Wales there is a further lesson: residents search in both languages, sometimes "
                        "mixing them, and the log shows which Welsh terms people actually use rather than the ones "
                        "in our translation glossary.</p>"
                    ),
                ),
                (
                    "quote",
                    {
                        "quote": (
                            "The search box is the only place residents tell you, unprompted and in their own words, "
                            "what they came for."
                        ),
                        "citation": "Gareth Llewellyn",
                    },
                ),
            ],
        },
    ],
    "discussions": [
        {
            "title": "Which website platform are you on, and would you choose it again?",
            "slug": "which-website-platform-would-you-choose-again",
            "first_published_at": "2025-10-14 11:00",
            "starter": FIONA,
            "topics": ["web-content"],
            "body": (
                "We are starting a website procurement. I would value honest views from people running "
                "council websites on what they use and whether they would choose it again. Happy to take "
                "replies privately too."
            ),
            "replies": [
                {
                    "author": DANIEL,
                    "hours_later": 2,
                    "body": (
                        "We moved to an open-source platform shared with other councils two years ago. The shared "
                        "components saved us months. Would choose it again, but budget for a developer to keep up "
                        "with updates."
                    ),
                },
                {
                    "author": GARETH,
                    "hours_later": 4,
                    "body": (
                        "Ours is a commercial product. It is fine for editing, weak on accessibility out of the "
                        "box, and the contract makes small changes expensive. I would look hard at shared, open "
                        "options next time."
                    ),
                },
                {
                    "author": HANNAH,
                    "hours_later": 8,
                    "body": (
                        "If it helps, the Local Digital website lists councils working together on shared website "
                        "platforms. Worth speaking to them before you write a specification."
                    ),
                },
                {
                    "author": FIONA,
                    "hours_later": 26,
                    "reply_to": 2,
                    "body": ("Thank you, that is the lead I needed. We have a call with two of them next week."),
                },
            ],
            "accepted": 2,
        },
        {
            "title": "Services that only send PDFs: how did you win the argument?",
            "slug": "services-that-only-send-pdfs",
            "first_published_at": "2026-06-09 10:30",
            "starter": GARETH,
            "topics": ["accessibility", "web-content"],
            "body": (
                "Services keep sending us PDFs made from Word files, some of them scanned. We are trying to "
                "insist on web pages for anything people need to read. How have you won that argument?"
            ),
            "replies": [
                {
                    "author": DANIEL,
                    "hours_later": 3,
                    "body": (
                        "We changed the upload rules so the web team approves every PDF. Services have to say why "
                        "it cannot be a web page. Most of the time, they cannot."
                    ),
                },
                {
                    "author": FIONA,
                    "hours_later": 24,
                    "body": (
                        "From customer services: most people who phone us about a document are reading it on a "
                        "phone. That figure persuaded our directors more than the regulations did."
                    ),
                },
            ],
        },
    ],
    "resources": [
        {
            "title": "Writing for GOV.UK",
            "slug": "writing-for-gov-uk",
            "link_url": "https://www.gov.uk/guidance/content-design/writing-for-gov-uk",
            "publisher": "government-digital-service",
            "resource_type": "guidance",
            "date_added": "2025-09-20 09:00",
            "summary": (
                "GOV.UK's guidance on writing clear, findable content for the web, based on how people read online."
            ),
            "editors_note": (
                "The plainest explanation of why shorter pages and front-loaded headings help people. Share "
                "it with services who want to add 'just one more paragraph'."
            ),
            "topics": ["web-content"],
            "audiences": ["web-manager", "service-manager"],
        },
        {
            "title": "Evaluating web accessibility (W3C)",
            "slug": "evaluating-web-accessibility",
            "link_url": "https://www.w3.org/WAI/test-evaluate/",
            "publisher": "world-wide-web-consortium",
            "resource_type": "guidance",
            "date_added": "2026-01-12 09:00",
            "summary": (
                "The W3C's introduction to checking websites for accessibility, from quick checks to a full evaluation."
            ),
            "editors_note": (
                "Start with the easy checks: anyone on your team can do them in an afternoon, and they find "
                "the most common problems."
            ),
            "topics": ["accessibility"],
            "audiences": ["web-manager"],
        },
    ],
    "events": [
        {
            "title": "Content audit clinic",
            "slug": "content-audit-clinic",
            "event_type": "webinar",
            "starts_in_days": -20,
            "start_time": "14:00",
            "hours": 1.5,
            "summary": (
                "Bring your content audit spreadsheet and your questions: Daniel walks through Wexley's six-week audit."
            ),
            "description": (
                "<p>Daniel Osei walks through the spreadsheet, emails and defaults Wexley used to review "
                "four thousand pages in six weeks, then opens the floor to your own audits.</p>"
            ),
            "online_url": "https://meet.example.org/web-managers/content-audit-clinic",
            "organiser": DANIEL,
            "capacity": 30,
            "topics": ["web-content"],
            "audiences": ["web-manager"],
        },
    ],
}

EMERGENCY_COMMS = {
    "title": "Emergency comms",
    "slug": "emergency-comms",
    "access_level": "restricted",
    "summary": (
        "For those who communicate when things go wrong: floods, storms, fires, evacuations and the "
        "rumours that follow."
    ),
    "description": (
        "<p>A restricted community for council communications and resilience staff who handle "
        "emergencies. Members share "
        "plans, templates and honest reviews of incidents, which is why the content is for members only.</p>"
    ),
    "topics": ["live-posting-in-emergencies", "crisis-communications"],
    "audiences": ["comms-officer", "chief-executives-office"],
    "tags": ["emergencies", "resilience"],
    "facilitators": [TOM],
    "members": [PRIYA, SIOBHAN, HELEN],
    "blog": [
        {
            "title": "Live-posting an evacuation: twelve hours on the Quayside",
            "slug": "live-posting-an-evacuation",
            "date": "2025-08-26 10:00",
            "authors": [TOM],
            "summary": (
                "A damaged gas main, three hundred homes evacuated and forty-one posts overnight. What went "
                "right, what went wrong, and the two changes to the plan."
            ),
            "topics": ["live-posting-in-emergencies", "crisis-communications", "social-media"],
            "audiences": ["comms-officer"],
            "tags": ["evacuation", "incident response"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>At half past six on a Thursday evening in July, a damaged gas main led to the "
                        "evacuation of around three hundred homes near Harbourside's Quayside. I was on call. Over "
                        "the next twelve hours we posted forty-one updates, answered several hundred messages and "
                        "ran a rest centre's social media from a borrowed laptop. This is an account for "
                        "colleagues, not a polished case study.</p>"
                    ),
                ),
                ("heading", {"text": "The first hour", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>The first post went out eleven minutes after the call: where the cordon was, where to "
                        "go, and that more information would follow within thirty minutes. Saying when the next "
                        "update would come was the most important thing we did all night. It gave people a reason "
                        "to wait for us rather than for rumours.</p>"
                    ),
                ),
                ("heading", {"text": "What we got right", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>One account did the talking, and partners shared rather than posting their own "
                        "versions. We agreed this with the fire service and the gas network within the first half "
                        "hour. Every post had a time on it, so that people seeing it later knew how old it was.</p>"
                    ),
                ),
                ("heading", {"text": "What we got wrong", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>We had no agreed words for 'you can go home now', and it took forty minutes to get "
                        "sign-off when the cordon was lifted. We posted a map as an image with no text description, "
                        "so anyone using a screen reader could not tell which streets were affected. Both are now "
                        "in our plan.</p>"
                    ),
                ),
                (
                    "quote",
                    {
                        "quote": (
                            "Tell people when you will next post, and then post on time, even if there is nothing new."
                        ),
                        "citation": "Tom Brennan",
                    },
                ),
                (
                    "paragraph",
                    (
                        "<p>Our templates for the first three posts, and the revised sign-off arrangements, are in "
                        "this community's resources.</p>"
                    ),
                ),
            ],
        },
        {
            "title": "Rumours travel faster than press releases",
            "slug": "rumours-travel-faster-than-press-releases",
            "date": "2026-01-20 11:30",
            "authors": [PRIYA],
            "summary": (
                "A false rumour about a school closure spread through local groups in under an hour. Lead "
                "with the fact, not the rumour, and go where the rumour is."
            ),
            "topics": ["crisis-communications", "social-media", "facebook-groups"],
            "audiences": ["comms-officer"],
            "tags": ["rumours", "myth-busting"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>During last autumn's school closures, a rumour that a second school would close the "
                        "next day spread across local Facebook groups in under an hour. It was not true. We learned "
                        "a lot about correcting rumours that evening, most of it by getting it wrong first.</p>"
                    ),
                ),
                ("heading", {"text": "Do not repeat the rumour in your headline", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Our first correction began 'Rumours that Moorside school will close are false'. It was "
                        "widely shared, and for many people the only words they read were 'Moorside school will "
                        "close'. We rewrote it to lead with the fact: 'Moorside school is open as normal "
                        "tomorrow'.</p>"
                    ),
                ),
                ("heading", {"text": "Go where the rumour is", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>The rumour was in community groups, not on our page. We asked the administrators of the "
                        "four biggest groups whether we could post the correction directly, and three agreed within "
                        "minutes. Having those relationships before the crisis mattered far more than anything we "
                        "posted on our own channels.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>We now keep a list of local group administrators and speak to each of them at least "
                        "once a year, when nothing is going wrong. It is the cheapest crisis preparation we do.</p>"
                    ),
                ),
            ],
        },
        {
            "title": "Setting up an out-of-hours rota for social media",
            "slug": "an-out-of-hours-rota-for-social-media",
            "date": "2026-06-30 09:00",
            "authors": [TOM, SIOBHAN],
            "summary": (
                "Two councils compare their out-of-hours arrangements: a paid rota, shared devices, "
                "pre-approved first posts and the authority to post without waiting."
            ),
            "topics": ["crisis-communications", "live-posting-in-emergencies"],
            "audiences": ["comms-officer", "chief-executives-office"],
            "tags": ["on call", "rota"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Emergencies rarely happen during office hours. Both our councils have moved from "
                        "'whoever notices' to a proper out-of-hours rota for social media in the last two years. We "
                        "compared notes and found we had reached much the same design from different "
                        "directions.</p>"
                    ),
                ),
                ("heading", {"text": "The essentials", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<ul><li>A named person on call each week, paid for being on call, with a named "
                        "deputy.</li><li>A council phone and laptop with the accounts already signed in, and "
                        "two-factor authentication set up for the rota rather than for one "
                        "person.</li><li>Pre-approved wording for the first post in the most likely emergencies: "
                        "flooding, a major fire, a power cut, a missing person appeal.</li><li>A clear line to the "
                        "duty emergency planning officer, and the authority to post the first message without "
                        "waiting for sign-off.</li></ul>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>The authority to post first is the part that takes longest to agree. It helps to show "
                        "leaders what happens when councils stay silent for the first hour: the silence is filled "
                        "by someone else.</p>"
                    ),
                ),
                (
                    "quote",
                    {
                        "quote": (
                            "Nobody should be live-posting an emergency from their own phone because it was the only "
                            "one with the password."
                        ),
                        "citation": "Siobhan Quinn",
                    },
                ),
            ],
        },
    ],
    "discussions": [
        {
            "title": "Who signs off posts during a major incident?",
            "slug": "who-signs-off-posts-during-a-major-incident",
            "first_published_at": "2025-09-30 16:00",
            "starter": HELEN,
            "topics": ["crisis-communications"],
            "body": (
                "In a declared major incident, who in your council has authority to approve social media "
                "posts? Our plan says the chief executive, which will not work at two in the morning."
            ),
            "replies": [
                {
                    "author": TOM,
                    "hours_later": 1,
                    "body": (
                        "Ours delegates factual updates (where, when, what to do) to the duty comms officer, with "
                        "the strategic lead approving only anything about cause or blame. That split has worked in "
                        "three incidents."
                    ),
                },
                {
                    "author": PRIYA,
                    "hours_later": 3,
                    "body": (
                        "Same in Northmoor. We also agreed that posts about multi-agency matters are approved by "
                        "whichever partner leads, and we share them."
                    ),
                },
                {
                    "author": HELEN,
                    "hours_later": 5,
                    "reply_to": 0,
                    "body": ("That split is very clear. I will take it to our corporate management team next week."),
                },
            ],
            "accepted": 0,
        },
        {
            "title": "Storm season checklist: what's on yours?",
            "slug": "storm-season-checklist",
            "first_published_at": "2026-10-06 08:30",
            "starter": TOM,
            "pinned": True,
            "topics": ["live-posting-in-emergencies"],
            "body": (
                "Storm season is starting. Share what is on your checklist for the weeks before the first named storm."
            ),
            "replies": [
                {
                    "author": SIOBHAN,
                    "hours_later": 2,
                    "body": (
                        "Test the on-call phone, refresh the flood warning graphics, check the text descriptions "
                        "still match, and remind service teams how to reach us out of hours."
                    ),
                },
                {
                    "author": PRIYA,
                    "hours_later": 4,
                    "body": (
                        "Check that the on-call person can switch on the website's emergency banner without needing "
                        "a developer."
                    ),
                },
                {
                    "author": TOM,
                    "hours_later": 5,
                    "reply_to": 1,
                    "body": ("Good one. We found out last year that ours needed a developer."),
                },
            ],
        },
    ],
    "resources": [
        {
            "title": "Met Office UK weather warnings",
            "slug": "met-office-weather-warnings",
            "link_url": "https://www.metoffice.gov.uk/weather/warnings-and-advice/uk-warnings",
            "publisher": "met-office",
            "resource_type": "guidance",
            "date_added": "2025-09-01 09:00",
            "summary": "The Met Office's national severe weather warnings, with what each level of warning means.",
            "editors_note": (
                "Link to the official warning rather than paraphrasing it, and make sure your own posts use "
                "the same colour and wording."
            ),
            "topics": ["live-posting-in-emergencies", "crisis-communications"],
            "audiences": ["comms-officer"],
        },
        {
            "title": "Check for flooding in England",
            "slug": "check-for-flooding",
            "link_url": "https://check-for-flooding.service.gov.uk/",
            "publisher": "environment-agency",
            "resource_type": "toolkit",
            "date_added": "2025-09-01 09:30",
            "summary": "The Environment Agency's live flood warnings and river levels for England.",
            "editors_note": (
                "The first link in any flood post in England. Wales, Scotland and Northern Ireland have "
                "their own services: check which applies to your area."
            ),
            "topics": ["live-posting-in-emergencies"],
            "audiences": ["comms-officer", "customer-services"],
        },
    ],
    "events": [
        {
            "title": "Winter storm tabletop exercise",
            "slug": "winter-storm-tabletop-exercise",
            "event_type": "workshop",
            "starts_in_days": 50,
            "start_time": "09:30",
            "hours": 4,
            "summary": (
                "A morning working through a fictional winter storm, hour by hour, with comms and "
                "resilience colleagues."
            ),
            "description": (
                "<p>A tabletop exercise for communications and emergency planning staff. We will work "
                "through a fictional storm from the first amber warning to recovery, writing the posts as "
                "we go and testing each other's sign-off arrangements.</p>"
            ),
            "venue_name": "Harbourside Emergency Planning Centre",
            "address": "Dockside Road, Harbourside",
            "region": "south-west",
            "latitude": "51.450000",
            "longitude": "-2.597000",
            "organiser": TOM,
            "capacity": 24,
            "topics": ["crisis-communications", "live-posting-in-emergencies"],
            "audiences": ["comms-officer", "chief-executives-office"],
        },
    ],
}

CHIEF_EXECUTIVES_COMMS_CIRCLE = {
    "title": "Chief executives' comms circle",
    "slug": "chief-executives-comms-circle",
    "access_level": "private",
    "summary": (
        "A private circle for people who advise council leaders on communications, reputation and difficult news."
    ),
    "description": (
        "<p>A private, invitation-only circle for heads of communications and staff in chief executives' offices. "
        "What is shared here stays here.</p>"
    ),
    "topics": ["crisis-communications", "consultation-and-engagement"],
    "audiences": ["chief-executives-office"],
    "tags": ["leadership"],
    "facilitators": [HELEN],
    "members": [PRIYA, TOM],
    "blog": [
        {
            "title": "Briefing the chief executive on a social media storm in ten minutes",
            "slug": "briefing-the-chief-executive-in-ten-minutes",
            "date": "2025-10-21 10:00",
            "authors": [HELEN],
            "summary": (
                "A one-page briefing format for when something goes viral for the wrong reasons, ending "
                "with what is needed from the chief executive: usually nothing."
            ),
            "topics": ["crisis-communications", "social-media"],
            "audiences": ["chief-executives-office", "comms-officer"],
            "tags": ["briefing"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>When something about the council goes viral for the wrong reasons, the chief executive "
                        "will want to know three things quickly: how bad is it, what are we doing, and what do I "
                        "need to do. Most briefings I have seen answer none of these on the first page. This is the "
                        "one-page format we now use in Ashcombe.</p>"
                    ),
                ),
                ("heading", {"text": "The one page", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<ol><li>What happened, in two sentences, with the time it started.</li><li>How far it has "
                        "spread, in numbers that mean something: mentions in local groups and the local press, not "
                        "impressions.</li><li>Whether it is true, partly true or false.</li><li>What we have done "
                        "so far and what we propose next.</li><li>What we need from the chief executive: usually "
                        "nothing, sometimes a phone call, occasionally a public apology.</li></ol>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>The last point is the one that matters. Leaders tend to over-react to a social media "
                        "storm because nobody has told them it is normal. Telling them clearly when nothing is "
                        "needed from them is a service.</p>"
                    ),
                ),
                (
                    "quote",
                    {
                        "quote": (
                            "The question is never 'is it trending?'. It is 'will residents trust us less next week?'"
                        ),
                        "citation": "Helen Marsh",
                    },
                ),
            ],
        },
        {
            "title": "Making the case for comms at the budget table",
            "slug": "making-the-case-for-comms-at-the-budget-table",
            "date": "2026-04-08 09:00",
            "authors": [HELEN],
            "summary": (
                "How Ashcombe's communications team kept its headcount in a year of deep savings: count the "
                "calls you prevented and list the risks you managed."
            ),
            "topics": ["consultation-and-engagement", "data-and-analytics"],
            "audiences": ["chief-executives-office"],
            "tags": ["budgets"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>In a year of deep savings, a communications team is an easy target. Ours came through "
                        "this year's budget round with its headcount intact, and I think it was because we stopped "
                        "describing what we did and started describing what it saved.</p>"
                    ),
                ),
                ("heading", {"text": "Count the calls you prevented", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>We worked with customer services to match our posts about service changes with call "
                        "volumes. A single well-timed post about a change to garden waste collections was followed "
                        "by roughly a thousand fewer calls than the last comparable change, when we had relied on a "
                        "letter. At our cost per call, that one post paid for a month of the team.</p>"
                    ),
                ),
                ("heading", {"text": "Show the risks you managed", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>We also listed the incidents in the year where fast, accurate communication reduced "
                        "harm or complaints: a flood, a data breach, a school closure. Directors remembered the "
                        "incidents, but not who had made them go better.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>None of this is precise. But a rough figure with an honest method beats an eloquent "
                        "paragraph about reputation.</p>"
                    ),
                ),
            ],
        },
        {
            "title": "Reorganisation is coming: talking to staff first",
            "slug": "reorganisation-talking-to-staff-first",
            "date": "2026-10-13 10:30",
            "authors": [PRIYA],
            "summary": (
                "With reorganisation proposals published, the council's own staff need to hear everything "
                "first. The principles Northmoor has agreed, shared for comment."
            ),
            "topics": ["crisis-communications", "consultation-and-engagement"],
            "audiences": ["chief-executives-office", "comms-officer"],
            "tags": ["reorganisation", "internal comms", "LGR"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>With local government reorganisation proposals now published for our area, the first "
                        "people who need to hear anything are the council's own staff. Many of them live locally, "
                        "and what they say to their neighbours becomes the story. Here is how we are approaching "
                        "internal communication, shared with this circle for comment.</p>"
                    ),
                ),
                ("heading", {"text": "Principles we have agreed", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<ul><li>Staff hear news before the press, even if only by an hour.</li><li>We say what we "
                        "do not know, and when we expect to know it.</li><li>Managers get a briefing pack the day "
                        "before each announcement, with the questions staff are most likely to ask.</li><li>Every "
                        "announcement has a named person staff can ask, not a shared inbox.</li></ul>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>We would welcome views from anyone who has been through reorganisation, particularly on "
                        "how you handled questions about jobs when the honest answer was 'we do not know yet'.</p>"
                    ),
                ),
            ],
        },
    ],
    "discussions": [
        {
            "title": "Chief executive on social media: personal account or none?",
            "slug": "chief-executive-on-social-media",
            "first_published_at": "2025-11-11 13:00",
            "starter": HELEN,
            "topics": ["social-media"],
            "body": (
                "Our new chief executive is asking whether she should have a public social media account. "
                "What have your leaders done, and how has it gone?"
            ),
            "replies": [
                {
                    "author": PRIYA,
                    "hours_later": 4,
                    "body": (
                        "Ours posts about twice a week on LinkedIn only: visits to services and thanks to staff. It "
                        "has been good for staff morale and low risk. We advised against anything with open "
                        "replies."
                    ),
                },
                {
                    "author": TOM,
                    "hours_later": 6,
                    "body": (
                        "Ours tried a personal account on a general platform and closed it within a year, after it "
                        "turned into a complaints channel. LinkedIn would be my advice too."
                    ),
                },
                {
                    "author": HELEN,
                    "hours_later": 24,
                    "reply_to": 0,
                    "body": (
                        "Thank you both. LinkedIn, focused on staff, with the comms team helping to draft. That is "
                        "our recommendation."
                    ),
                },
            ],
            "accepted": 0,
        },
        {
            "title": "Media training for new cabinet members",
            "slug": "media-training-for-new-cabinet-members",
            "first_published_at": "2026-05-19 10:00",
            "starter": TOM,
            "topics": ["councillors-online", "crisis-communications"],
            "body": (
                "Who provides media and social media training for new cabinet members in your council: your "
                "own team or someone external?"
            ),
            "replies": [
                {
                    "author": HELEN,
                    "hours_later": 3,
                    "body": (
                        "Our own team for social media, external trainers for broadcast interviews. The in-house "
                        "sessions are better because we can use real examples from our own area."
                    ),
                },
                {
                    "author": PRIYA,
                    "hours_later": 8,
                    "body": (
                        "In-house, with a councillor from another council who has been through a difficult story. "
                        "Advice from a peer lands better than ours."
                    ),
                },
            ],
        },
    ],
    "resources": [
        {
            "title": "NCSC Board Toolkit",
            "slug": "ncsc-board-toolkit",
            "link_url": "https://www.ncsc.gov.uk/collection/board-toolkit",
            "publisher": "national-cyber-security-centre",
            "resource_type": "toolkit",
            "date_added": "2025-11-01 09:00",
            "summary": (
                "The National Cyber Security Centre's toolkit to help leadership teams discuss cyber "
                "security, including responding to incidents."
            ),
            "editors_note": (
                "The section on incident response is a useful prompt for how leaders and the comms team "
                "will work together if the council's systems are attacked."
            ),
            "topics": ["crisis-communications"],
            "audiences": ["chief-executives-office"],
        },
        {
            "title": "Ministry of Housing, Communities and Local Government",
            "slug": "ministry-of-housing-communities-and-local-government",
            "link_url": "https://www.gov.uk/government/organisations/ministry-of-housing-communities-local-government",
            "publisher": "ministry-of-housing-communities-and-local-government",
            "resource_type": "guidance",
            "date_added": "2026-02-01 09:00",
            "summary": (
                "The government department responsible for local government, with its announcements, "
                "guidance and consultations."
            ),
            "editors_note": (
                "Where reorganisation announcements and guidance appear first. Worth following for anyone "
                "who briefs council leaders."
            ),
            "topics": ["consultation-and-engagement"],
            "audiences": ["chief-executives-office"],
        },
    ],
    "events": [
        {
            "title": "Circle meeting: communicating reorganisation",
            "slug": "circle-meeting-communicating-reorganisation",
            "event_type": "meetup",
            "starts_in_days": 15,
            "start_time": "08:30",
            "hours": 1,
            "summary": (
                "An early-morning call for members of the circle to compare plans for communicating reorganisation."
            ),
            "description": (
                "<p>Helen Marsh hosts an hour for members to compare their plans for communicating "
                "reorganisation to staff, partners and residents. Come with one thing that is working and "
                "one you are stuck on.</p>"
            ),
            "online_url": "https://meet.example.org/ce-comms-circle/reorganisation",
            "organiser": HELEN,
            "capacity": 15,
            "topics": ["crisis-communications", "consultation-and-engagement"],
            "audiences": ["chief-executives-office"],
        },
    ],
}

COUNCILLORS_ONLINE = {
    "title": "Councillors online: peer support",
    "slug": "councillors-online",
    "access_level": "private",
    "summary": (
        "A private space for councillors to support each other online: ward pages, difficult "
        "messages, safety and elections."
    ),
    "description": (
        "<p>A private, cross-party community where councillors can ask each other the questions they would rather not "
        "ask in public. Facilitated by two serving councillors; officers who support members are "
        "welcome by invitation.</p>"
    ),
    "topics": ["councillors-online", "social-media"],
    "audiences": ["councillor"],
    "tags": ["councillors"],
    "facilitators": [ROB, MARGARET],
    "members": [JENNY],
    "blog": [
        {
            "title": "Ward page or personal account? What I wish I had known in my first term",
            "slug": "ward-page-or-personal-account",
            "date": "2025-08-05 19:00",
            "authors": [ROB],
            "summary": (
                "Separate the roles, go to where residents already are, and keep casework private: a "
                "second-term councillor's advice to new members."
            ),
            "topics": ["councillors-online", "social-media", "facebook-groups"],
            "audiences": ["councillor"],
            "tags": ["ward pages", "new councillors"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>When I was first elected I set up a Facebook page with 'Councillor' in front of my name "
                        "and used it for everything: ward news, party campaigning, the occasional photograph of my "
                        "dog. It took me about six months to realise that was a mistake, and another two years to "
                        "untangle it. If you are newly elected, here is what I would do differently.</p>"
                    ),
                ),
                ("heading", {"text": "Separate the roles", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Residents need to know when you are speaking as their councillor and when you are "
                        "speaking as a party member. The code of conduct applies when you are acting, or appear to "
                        "be acting, as a councillor, and on a single page that is nearly always. I now have a ward "
                        "page for casework and information, and campaign material goes on the party's own "
                        "pages.</p>"
                    ),
                ),
                ("heading", {"text": "Go to where residents already are", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>My own page reaches a few hundred people. The two community Facebook groups in my ward "
                        "reach thousands. I post updates there, with the administrators' agreement, and answer "
                        "questions. It is more work, but it is where the conversation is happening.</p>"
                    ),
                ),
                ("heading", {"text": "Keep casework private", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>When someone raises a personal issue in public, thank them and move it to a private "
                        "message or an email straight away. Never discuss someone's case in a comment thread, "
                        "however willing they seem.</p>"
                    ),
                ),
                (
                    "quote",
                    {
                        "quote": ("Your ward page is a noticeboard and a front door, not a debating chamber."),
                        "citation": "Rob Tierney",
                    },
                ),
            ],
        },
        {
            "title": "Abuse online: keeping yourself safe and knowing when to report",
            "slug": "abuse-online-keeping-yourself-safe",
            "date": "2026-02-03 20:00",
            "authors": [MARGARET],
            "summary": (
                "Keep a record, tell someone, protect your home address. What one councillor has learned "
                "about abusive messages, shared only with this group."
            ),
            "topics": ["councillors-online", "crisis-communications"],
            "audiences": ["councillor"],
            "tags": ["safety", "intimidation"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Almost every councillor I know has received abusive messages. Some are unpleasant; some "
                        "are threatening. I want to share, with this group only, what I have learned about telling "
                        "the difference and getting help, because for a long time I simply put up with it.</p>"
                    ),
                ),
                ("heading", {"text": "Keep a record", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Take a screenshot of abusive messages, with the date, time and account name, before you "
                        "block or report them. Keep them in one folder. If it ever becomes a police matter, a clear "
                        "record saves hours and makes it far more likely that something will be done.</p>"
                    ),
                ),
                ("heading", {"text": "Tell someone", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Tell your council's monitoring officer and your group leader. Councils have a duty of "
                        "care to members, and most now have a named contact for intimidation. If a message "
                        "threatens violence or mentions your home, call the police. You do not need to decide first "
                        "whether it is 'serious enough'.</p>"
                    ),
                ),
                ("heading", {"text": "Protect your home address", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Check whether your home address appears in your register of interests, and ask about "
                        "the arrangements for withholding it. Think about what your photographs show: a house "
                        "number, a car registration, your children's school uniform.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>None of this is a reason to leave social media. But nobody should have to take abuse as "
                        "part of the job without support.</p>"
                    ),
                ),
            ],
        },
        {
            "title": "Posting in the pre-election period without panicking",
            "slug": "posting-in-the-pre-election-period",
            "date": "2026-03-24 18:30",
            "authors": [ROB, MARGARET],
            "summary": (
                "A plain-language summary of what changes for councillors' social media in the pre-election "
                "period, from two councillors with six elections between them."
            ),
            "topics": ["councillors-online", "social-media"],
            "audiences": ["councillor", "comms-officer"],
            "tags": ["pre-election period", "elections"],
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Every spring we get the same questions about what councillors may post during the "
                        "pre-election period. Between us we have been through six sets of elections, and this is "
                        "our plain-language summary. It is not legal advice: your council's monitoring officer has "
                        "the final word.</p>"
                    ),
                ),
                ("heading", {"text": "The council's channels are restricted, not yours", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>The publicity code restricts what the council publishes, not what you say as a "
                        "candidate. Council accounts will stop featuring councillors and avoid anything that could "
                        "be seen as supporting a party. You can still campaign on your own and your party's "
                        "channels, within electoral law.</p>"
                    ),
                ),
                ("heading", {"text": "Watch the overlap", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>The difficult area is the ward page that looks official. If it uses the council's logo "
                        "or calls itself 'your councillor', take extra care. Many councillors pause these pages "
                        "during the period and post from a clearly personal or party account instead.</p>"
                    ),
                ),
                ("heading", {"text": "Casework continues", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>You remain a councillor until the election, and residents still need help. Keep "
                        "casework private and keep doing it. Do not turn a resident's problem into campaign "
                        "material.</p>"
                    ),
                ),
                (
                    "see_also",
                    {
                        "heading": "See also",
                        "links": [
                            {
                                "page": None,
                                "url": "https://www.electoralcommission.org.uk/",
                                "text": ("Electoral Commission: guidance for candidates and agents"),
                            },
                            {
                                "page": None,
                                "url": PUBLICITY_CODE,
                                "text": ("Code of recommended practice on local authority publicity"),
                            },
                        ],
                    },
                ),
            ],
        },
    ],
    "discussions": [
        {
            "title": "Blocking a resident: is it ever allowed?",
            "slug": "blocking-a-resident",
            "first_published_at": "2025-09-16 21:00",
            "starter": MARGARET,
            "topics": ["councillors-online"],
            "body": (
                "A resident has sent me dozens of abusive messages about a planning decision I had nothing "
                "to do with. May I block him on my ward page, or does that count as refusing to represent a "
                "constituent?"
            ),
            "replies": [
                {
                    "author": ROB,
                    "hours_later": 1,
                    "body": (
                        "You can block abusive accounts. What you must not do is stop representing him: if he "
                        "writes to you by email or post about ward business, you still deal with it. I tell people "
                        "once, in writing, why I have blocked them and how they can still contact me."
                    ),
                },
                {
                    "author": JENNY,
                    "hours_later": 12,
                    "body": (
                        "From the clerk's side, that is the advice our monitoring officer gives too. Keep a copy of "
                        "the message explaining the block."
                    ),
                },
                {
                    "author": MARGARET,
                    "hours_later": 14,
                    "reply_to": 0,
                    "body": "That is clear and fair. Done, and recorded.",
                },
            ],
            "accepted": 0,
        },
        {
            "title": "Share your ward newsletter template",
            "slug": "ward-newsletter-templates",
            "first_published_at": "2026-07-21 18:00",
            "starter": ROB,
            "pinned": True,
            "topics": ["councillors-online", "consultation-and-engagement"],
            "body": (
                "I am redoing my ward newsletter, which goes out by email and as a post in local groups. If "
                "you are happy to share yours, I would like to see how others lay them out."
            ),
            "replies": [
                {
                    "author": MARGARET,
                    "hours_later": 5,
                    "body": (
                        "Mine has three items at most, one photograph, and the dates of my next surgeries. Any "
                        "longer and people stop reading. I will post a copy in the resources."
                    ),
                },
                {
                    "author": JENNY,
                    "hours_later": 26,
                    "body": (
                        "Please include the council's contact details for services alongside your own. Half the "
                        "calls we get are from people who do not know whom to ask."
                    ),
                },
            ],
        },
    ],
    "resources": [
        {
            "title": "Electoral Commission: guidance for candidates and agents",
            "slug": "electoral-commission-guidance-for-candidates",
            "link_url": "https://www.electoralcommission.org.uk/",
            "publisher": "electoral-commission",
            "resource_type": "guidance",
            "date_added": "2026-02-20 09:00",
            "summary": (
                "The Electoral Commission's guidance on standing for election, spending rules and campaign "
                "material, including online."
            ),
            "editors_note": (
                "Check the rules on imprints for online campaign material before the pre-election period starts."
            ),
            "topics": ["councillors-online"],
            "audiences": ["councillor"],
        },
        {
            "title": "Local Government Association: support for councillors",
            "slug": "lga-support-for-councillors",
            "link_url": "https://www.local.gov.uk/",
            "publisher": "local-government-association",
            "resource_type": "guidance",
            "date_added": "2025-10-01 09:00",
            "summary": (
                "The Local Government Association's support for councillors, including guidance on handling "
                "intimidation and on social media."
            ),
            "editors_note": (
                "Its guidance for councillors on handling intimidation is practical and kind. Share it with "
                "every new member."
            ),
            "topics": ["councillors-online", "social-media"],
            "audiences": ["councillor"],
        },
    ],
    "events": [
        {
            "title": "Staying safe online: a peer session for councillors",
            "slug": "staying-safe-online-peer-session",
            "event_type": "webinar",
            "starts_in_days": 25,
            "start_time": "19:00",
            "hours": 1,
            "summary": "An evening session for councillors on handling abuse online, led by councillors.",
            "description": (
                "<p>Margaret Oyelaran and Rob Tierney lead an hour on keeping records, getting support from "
                "your council and protecting your home address. Held in the evening so that councillors "
                "with day jobs can come.</p>"
            ),
            "online_url": "https://meet.example.org/councillors-online/staying-safe",
            "organiser": MARGARET,
            "capacity": 25,
            "topics": ["councillors-online"],
            "audiences": ["councillor"],
        },
    ],
}

COMMUNITIES = [
    LOCALGOV_GETS_SOCIAL,
    DIGITAL_INCLUSION_NETWORK,
    COUNCIL_WEB_MANAGERS,
    EMERGENCY_COMMS,
    CHIEF_EXECUTIVES_COMMS_CIRCLE,
    COUNCILLORS_ONLINE,
]
