"""The hub's thesaurus: UK local-government words and acronyms, loaded into the editors' synonyms.

Each line below is one set of words or phrases that mean the same to a reader searching the hub:
an acronym and what it stands for, a council's word and the public's, a service's old name and its
new one. They become SynonymSet rows (Snippets → Search → Synonyms), where editors change or remove
them like any they add; search swaps each term for the others of its set on every backend
(search.query.expansions, and the clusters' synonym filter).

Written for this hub. A set whose terms an editor has already entered is left alone, and going
back removes only the sets this migration added that nobody has changed since.
"""

from django.db import migrations

NOTE = "Practice Hub thesaurus (migration search 0013)"

THESAURUS = """
foi | freedom of information | foia
eir | environmental information regulations
gdpr | data protection | general data protection regulation | uk gdpr
dpo | data protection officer
dpia | data protection impact assessment
sar | subject access request
ico | information commissioner | information commissioner's office
lga | local government association
lgr | local government reorganisation | unitary
mhclg | ministry of housing communities and local government | dluhc | department for levelling up housing and communities
dcms | department for culture media and sport
dsit | department for science innovation and technology
dwp | department for work and pensions
gds | government digital service
gcs | government communication service
ons | office for national statistics
ncsc | national cyber security centre
ea | environment agency
send | special educational needs and disabilities | special educational needs
senco | special educational needs coordinator
ehcp | education health and care plan
asc | adult social care
csc | children's social care | children's services
nhs | national health service
icb | integrated care board
cvs | council for voluntary service
vcse | voluntary community and social enterprise | voluntary sector | third sector
lrf | local resilience forum
cca | civil contingencies act
kpi | key performance indicator
faq | frequently asked questions
cms | content management system | website platform
ux | user experience
seo | search engine optimisation | search engine optimization
wcag | web content accessibility guidelines
psbar | accessibility regulations | public sector bodies accessibility regulations
a11y | accessibility
ai | artificial intelligence
genai | generative ai | chatgpt
llm | large language model
api | application programming interface
crm | customer relationship management
smt | senior management team
cmt | corporate management team
slt | senior leadership team
ceo | chief executive | chief exec | head of paid service
mo | monitoring officer
s151 | section 151 officer | chief finance officer
dph | director of public health
asb | antisocial behaviour | anti-social behaviour
hmo | house in multiple occupation
cil | community infrastructure levy
s106 | section 106
tro | traffic regulation order
pcn | penalty charge notice | parking ticket | parking fine
pcc | police and crime commissioner
cpo | compulsory purchase order
nndr | business rates | non-domestic rates
dfg | disabled facilities grant
uc | universal credit
lha | local housing allowance
ctr | council tax reduction | council tax support
fsm | free school meals
lgbtq | lgbtqia | lgbt
bsl | british sign language
edi | equality diversity and inclusion
eqia | equality impact assessment
psed | public sector equality duty
vawg | violence against women and girls
sla | service level agreement
gis | geographic information system | mapping
llpg | local land and property gazetteer
uprn | unique property reference number
imd | index of multiple deprivation | deprivation index
cic | community interest company
ca | combined authority
mca | mayoral combined authority
gla | greater london authority
nalc | national association of local councils
solace | society of local authority chief executives
nao | national audit office
ict | information technology
2fa | two-factor authentication | two factor authentication | mfa | multi-factor authentication
ddos | denial of service
pr | press release | media release | news release
mp | member of parliament
ugc | user-generated content
roi | return on investment
cta | call to action
dm | direct message | private message
pia | privacy impact assessment
rag | red amber green
eol | end of life
ltn | low traffic neighbourhood
ulez | ultra low emission zone
ev | electric vehicle
purdah | pre-election period | election period | heightened sensitivity period
rubbish | bins | refuse | waste | waste collection
fly-tipping | flytipping | illegal dumping
potholes | road repairs | road defects
gritting | road salting | winter maintenance
trolls | trolling | online abuse | abusive messages | harassment | intimidation
fake news | misinformation | disinformation | false rumours | rumours
myths | myth-busting | myth busting | fact check
hacked | hijacked | compromised | account takeover
cyber attack | cyber security | cyber incident | ransomware
phishing | scam | scams
subtitles | captions | closed captions
alt text | alternative text | image description
after hours | out-of-hours | out of hours | on call | evenings and weekends
residents | citizens | the public | service users
consultation | engagement | have your say
survey | questionnaire | poll
photo | photograph | picture | image
photos | photographs | pictures | images
video | film | clip
videos | films | clips
tablet | ipad | device
tablets | ipads | devices
laptop | computer | pc
laptops | computers | pcs
smartphone | mobile phone | mobile | phone
lend | loan | borrow
lending | loaning | borrowing
digital exclusion | digital inclusion | digitally excluded | getting online | tech help
digital champion | digital buddy | digital helper
newsletter | bulletin | e-newsletter | email newsletter
press office | media team | communications team | comms team
comms | communications
journalist | reporter | the press
media training | press training | interview training
budget | funding | savings | cuts
reorganisation | restructure | restructuring | merger
council leader | leader of the council
cabinet member | portfolio holder | executive member
councillor | elected member | cllr
councillors | elected members | cllrs
ward | division
surgery | drop-in | clinic
webinar | online event | virtual event
meetup | get-together | teacamp
template | example | sample
policy | guidelines | rules
moderation | moderating | hiding comments | deleting comments
block | ban | mute
complaint | complaints | feedback
emergency | incident | major incident | crisis
flood | flooding | floods
storm | severe weather | bad weather
evacuation | evacuate | rest centre
gas leak | gas main | gas escape
power cut | power outage | blackout
heatwave | hot weather | extreme heat
school closure | school closing | schools closed
sign off | sign-off | approve | approval | clearance
rota | on-call rota | duty rota
website | site | web
web page | webpage
intranet | staff website
analytics | statistics | stats | metrics | figures
census | population data
accessible | inclusive
plain english | plain language
screen reader | assistive technology
easy read | easy-read
welsh language | bilingual
content audit | content review | website review
content designer | content editor | web editor
procurement | tender | buying | purchasing
open source | open-source
chatbot | webchat | live chat
contact centre | call centre | customer services
email | e-mail
twitter | x
facebook | meta
instagram | insta
livestream | live stream | live streaming | facebook live
live-posting | live posting | live updates | live blogging
social media | socials | social networks | social channels
posts | updates | tweets
scheduling | scheduled posts | posting times
followers | audience
engagement rate | reach | impressions
whatsapp | whatsapp channel
unconference | un-conference | barcamp
localgov | local government | councils | local authorities
council | local authority | authority
parish council | town council | local council
""".strip()


def thesaurus():
    """Return the thesaurus as lists of terms, each as SynonymSet keeps them (lower case, single spaces)."""
    return [[" ".join(term.lower().split()) for term in line.split("|")] for line in THESAURUS.splitlines()]


def load(apps, schema_editor):
    SynonymSet = apps.get_model("search", "SynonymSet")
    existing = {tuple(row.splitlines()) for row in SynonymSet.objects.values_list("terms", flat=True)}
    SynonymSet.objects.bulk_create(
        SynonymSet(terms="\n".join(terms), note=NOTE) for terms in thesaurus() if tuple(terms) not in existing
    )


def unload(apps, schema_editor):
    SynonymSet = apps.get_model("search", "SynonymSet")
    SynonymSet.objects.filter(note=NOTE, terms__in=["\n".join(terms) for terms in thesaurus()]).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0012_postgresql_title_words")]

    operations = [migrations.RunPython(load, unload)]
