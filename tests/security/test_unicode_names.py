"""Display names cannot hide characters, reverse text, pass for another member's name or bury letters in marks."""

import pytest

from practice.accounts.names import normalise_display_name
from practice.models import MemberProfile

pytestmark = pytest.mark.django_db

RLO, ZWJ, ZWSP, BELL = "\u202e", "\u200d", "\u200b", "\x07"
CYRILLIC_A = "\u0430"  # looks like a Latin "a"


def save_profile(client, user, display_name):
    return client.post("/accounts/profile/", {"display_name": display_name, "is_public": "on"})


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        (f"Alice{RLO}senraB", "AlicesenraB"),  # a right-to-left override would show "Alice Barnes" backwards
        (f"Al{ZWJ}ice Bar{ZWSP}nes", "Alice Barnes"),
        (f"Alice{BELL} Barnes", "Alice Barnes"),
        ("ＡＬＩＣＥ  Barnes", "ALICE Barnes"),  # full-width letters become ordinary ones
        ("Zoë O'Brien", "Zoë O'Brien"),
        ("Zoe\u0308 O'Brien", "Zoë O'Brien"),  # a letter and its mark become one character
        ("山田はなこ", "山田はなこ"),  # scripts that mix by right are left alone
        ("Σωκράτης Παπαδόπουλος", "Σωκράτης Παπαδόπουλος"),
    ],
)
def test_names_are_normalised_before_they_are_saved(client, member, typed, shown):
    client.force_login(member)
    assert save_profile(client, member, typed).status_code == 302
    assert MemberProfile.objects.get(user=member).display_name == shown


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (f"Alice B{CYRILLIC_A}rnes", "mixes letters from different alphabets"),
        ("e" + "\u0301" * 30, "too many accents or marks on one letter"),
        (f"{ZWSP}{ZWJ}{RLO}", "Enter your name using letters"),
    ],
)
def test_misleading_names_are_refused_with_a_clear_message_and_not_saved(client, member, typed, message):
    before = MemberProfile.objects.get(user=member).display_name
    client.force_login(member)
    response = save_profile(client, member, typed)
    assert response.status_code == 400
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert message in html.replace("&#x27;", "'")
    assert MemberProfile.objects.get(user=member).display_name == before


def test_a_lookalike_of_another_members_name_is_refused(client, hub):
    client.force_login(hub.bob)
    response = save_profile(client, hub.bob, f"{chr(0x410)}lice Barnes")  # Cyrillic capital A
    assert response.status_code == 400
    assert MemberProfile.objects.get(user=hub.bob).display_name == "Bob Carter"


def test_sign_up_normalises_and_refuses_names_the_same_way(client):
    data = {"email": "new.member@example.gov.uk", "password1": "a long enough passphrase 42"}
    refused = client.post("/accounts/create-account/", {**data, "display_name": f"P{CYRILLIC_A}ul Jones"})
    assert refused.status_code == 400
    assert "mixes letters from different alphabets" in refused.content.decode()
    assert not MemberProfile.objects.exists()
    accepted = client.post("/accounts/create-account/", {**data, "display_name": f"Paul{RLO} Jones{ZWJ}"})
    assert accepted.status_code == 302
    assert MemberProfile.objects.get().display_name == "Paul Jones"


def test_the_normaliser_keeps_ordinary_names_as_typed():
    for name in ("Priya Shah", "Siân Llŷr", "Ngũgĩ wa Thiong'o", "Ævar Þór", "Jean-Luc d'Arcy"):
        assert normalise_display_name(name) == name
