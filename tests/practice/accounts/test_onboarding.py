"""Bulk onboarding with `manage.py import_members FILE.csv`."""

import re

import pytest
from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command

from practice.models import MemberProfile, Membership
from tests.factories import (
    AudienceRoleFactory,
    CommunityPageFactory,
    OrganisationFactory,
    RegionFactory,
    TopicFactory,
)

HEADER = "email,name,organisation,role,region,interests,communities\n"


@pytest.fixture
def vocabulary(db):
    region = RegionFactory(name="North East")
    OrganisationFactory(name="Northmoor District Council", region=region, email_domains="northmoor.gov.uk")
    AudienceRoleFactory(name="Comms officer")
    TopicFactory(name="Social media")
    TopicFactory(name="Digital inclusion")
    CommunityPageFactory(title="Localgov gets social", slug="localgov-gets-social")
    CommunityPageFactory(title="Web managers", slug="web-managers")


def write(tmp_path, text, name="members.csv"):
    path = tmp_path / name
    path.write_text(HEADER + text, encoding="utf-8")
    return path


def run(path, *args):
    """Run the command; return (stdout, stderr, error or None)."""
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("import_members", str(path), *args, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


GOOD_ROWS = (
    "Priya.Shah@northmoor.gov.uk,Priya Shah,Northmoor District Council,Comms officer,North East,"
    "social-media;Digital inclusion,localgov-gets-social;web-managers\n"
    "sian.evans@example.org,Siân Evans,,,,,localgov-gets-social\n"
)


@pytest.mark.django_db
def test_creates_members_joins_communities_and_invites_them(tmp_path, vocabulary, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        out, err, error = run(write(tmp_path, GOOD_ROWS))

    assert error is None, err
    assert "line 2: priya.shah@northmoor.gov.uk: created" in out
    assert "2 rows imported, 0 rejected." in out
    priya = MemberProfile.objects.get(user__username="priya.shah@northmoor.gov.uk")
    assert priya.display_name == "Priya Shah"
    assert priya.organisation.name == "Northmoor District Council"
    assert priya.is_verified
    assert sorted(priya.interests.values_list("name", flat=True)) == ["Digital inclusion", "Social media"]
    assert Membership.objects.filter(member=priya.user, status=Membership.Status.ACTIVE).count() == 2
    assert not priya.user.has_usable_password()
    assert MemberProfile.objects.get(display_name="Siân Evans").is_verified is False
    # Whoever imports members vouches for their addresses: they sign in without confirming them first.
    assert sorted(EmailAddress.objects.filter(verified=True, primary=True).values_list("email", flat=True)) == [
        "priya.shah@northmoor.gov.uk",
        "sian.evans@example.org",
    ]

    assert len(mail.outbox) == 2
    invitation = mail.outbox[0]
    assert invitation.to == ["priya.shah@northmoor.gov.uk"]
    path = re.search(r"http://127\.0\.0\.1:8000(/accounts/password/reset/key/\S+/)", invitation.body).group(1)
    assert_invitation_sets_a_password(path, "priya.shah@northmoor.gov.uk")


def assert_invitation_sets_a_password(path, email):
    """Follow an invitation link as the new member would, choose a password and sign in with it by email."""
    from django.test import Client

    client = Client()
    form_page = client.get(path, follow=True)
    assert b"Choose your password" in form_page.content
    password = "Bin day is Tuesday 42!"
    saved = client.post(form_page.redirect_chain[-1][0], {"password1": password, "password2": password}, follow=True)
    assert b"Password saved" in saved.content
    signed_in = client.post("/accounts/sign-in/", {"login": email, "password": password})
    assert signed_in.status_code == 302
    assert client.session["_auth_user_id"] == str(get_user_model().objects.get(email=email).pk)


@pytest.mark.django_db
def test_running_twice_changes_nothing(tmp_path, vocabulary, django_capture_on_commit_callbacks):
    path = write(tmp_path, GOOD_ROWS)
    run(path)
    counts = (
        get_user_model().objects.count(),
        MemberProfile.objects.count(),
        Membership.objects.count(),
        EmailAddress.objects.count(),
    )

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        out, _, error = run(path)

    assert error is None
    assert "line 2: priya.shah@northmoor.gov.uk: unchanged" in out
    assert (
        get_user_model().objects.count(),
        MemberProfile.objects.count(),
        Membership.objects.count(),
        EmailAddress.objects.count(),
    ) == counts
    assert callbacks == []
    assert mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("not-an-email,Someone,,,,,", "'not-an-email' is not a valid email address"),
        ("a@example.gov.uk,,,,,,", "the name is empty"),
        ("a@example.gov.uk,Ann,Nowhere Council,,,,", "unknown organisation 'Nowhere Council'"),
        ("a@example.gov.uk,Ann,,Astronaut,,,", "unknown role 'Astronaut'"),
        ("a@example.gov.uk,Ann,,,Atlantis,,", "unknown region 'Atlantis'"),
        ("a@example.gov.uk,Ann,,,,Knitting,", "unknown interest 'Knitting'"),
        ("a@example.gov.uk,Ann,,,,,localgov-gets-social;secret-club", "unknown community 'secret-club'"),
        ("a@example.gov.uk,Ann,,,,,,extra", "the row has more fields than the header"),
        (f"a@example.gov.uk,{'A' * 200},,,,,", "the name is longer than 120 characters"),
    ],
)
def test_bad_rows_are_rejected_whole_with_line_and_reason(tmp_path, vocabulary, row, reason):
    path = write(tmp_path, "good@example.gov.uk,Good Row,,,,,web-managers\n" + row + "\n")

    out, err, error = run(path)

    assert f"line 3: rejected: {reason}" in err
    assert "1 row imported, 1 rejected." in out
    assert error is not None and "1 row rejected" in str(error)
    assert not get_user_model().objects.filter(username="a@example.gov.uk").exists()
    assert get_user_model().objects.filter(username="good@example.gov.uk").exists()
    assert Membership.objects.filter(member__username="a@example.gov.uk").count() == 0


@pytest.mark.django_db
def test_a_repeated_email_is_rejected_on_its_second_line(tmp_path, vocabulary):
    path = write(tmp_path, "a@example.gov.uk,Ann,,,,,\nA@example.gov.uk,Ann Again,,,,,\n")
    _, err, error = run(path)
    assert "line 3: rejected: a@example.gov.uk is already on an earlier line" in err
    assert MemberProfile.objects.get(user__username="a@example.gov.uk").display_name == "Ann"


@pytest.mark.django_db
def test_dry_run_reports_and_writes_nothing(tmp_path, vocabulary, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        out, _, error = run(write(tmp_path, GOOD_ROWS), "--dry-run")
    assert error is None
    assert "2 rows would be imported, 0 rejected." in out
    assert get_user_model().objects.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_an_unreadable_file_is_a_clear_error(tmp_path, vocabulary):
    missing_column = tmp_path / "wrong.csv"
    missing_column.write_text("email,name\na@example.gov.uk,Ann\n", encoding="utf-8")
    _, _, error = run(missing_column)
    assert "missing: organisation, role, region, interests, communities" in str(error)

    _, _, error = run(tmp_path / "absent.csv")
    assert "Cannot read" in str(error)

    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\xff\xfe\x00\x00garbage")
    _, _, error = run(binary)
    assert error is not None
    assert get_user_model().objects.count() == 0


@pytest.mark.django_db
def test_an_account_holding_the_address_unconfirmed_is_not_the_member_imported(tmp_path, vocabulary):
    from tests.factories import UserFactory

    # Anyone can type a colleague's address at sign-up; only confirming it shows it is theirs.
    squatter = UserFactory(username="sian.evans@example.org", email="sian.evans@example.org")
    EmailAddress.objects.create(user=squatter, email="sian.evans@example.org", verified=False, primary=True)

    out, _, error = run(write(tmp_path, "Sian.Evans@example.org,Siân Evans,,,,,localgov-gets-social\n"))

    assert error is None
    assert "line 2: sian.evans@example.org: created" in out
    assert not EmailAddress.objects.get(user=squatter).verified
    assert not Membership.objects.filter(member=squatter).exists()
    imported = EmailAddress.objects.get(email="sian.evans@example.org", verified=True).user
    assert imported != squatter
    assert imported.profile.display_name == "Siân Evans"
    assert Membership.objects.filter(member=imported, status=Membership.Status.ACTIVE).exists()


@pytest.mark.django_db
def test_importing_a_member_who_confirmed_the_address_updates_them(tmp_path, vocabulary):
    from practice.accounts.services import member_email_address_vouch
    from tests.factories import UserFactory

    user = UserFactory(username="someone", email="sian@home.example")
    member_email_address_vouch(user=user, email="sian.evans@example.org")

    out, _, error = run(write(tmp_path, "Sian.Evans@example.org,Siân Evans,,,,,\n"))

    assert error is None
    assert "line 2: sian.evans@example.org: updated display_name" in out
    assert get_user_model().objects.count() == 1
