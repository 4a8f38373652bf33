"""Bulk onboarding: members from a spreadsheet, each row checked whole and written whole."""

import csv
from dataclasses import dataclass, field

from allauth.account.adapter import get_adapter
from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils.text import slugify

from practice.accounts.services import member_email_address_vouch, member_with_confirmed_email, unique_profile_slug
from practice.common.addresses import absolute_url
from practice.common.mail import send_templated_mail
from practice.communities.services import membership_join
from practice.models import AudienceRole, CommunityPage, MemberProfile, Membership, Organisation, Region, Topic

COLUMNS = ["email", "name", "organisation", "role", "region", "interests", "communities"]
MAX_NAME_LENGTH = MemberProfile._meta.get_field("display_name").max_length


class RowError(Exception):
    """A row that cannot be imported, with the reason in words a facilitator understands."""


@dataclass
class MemberRow:
    """One row of the onboarding file, with its vocabulary looked up."""

    line: int
    email: str
    name: str
    organisation: Organisation | None = None
    role: AudienceRole | None = None
    region: Region | None = None
    interests: list = field(default_factory=list)
    communities: list = field(default_factory=list)


@dataclass
class RowResult:
    line: int
    email: str
    changes: list = field(default_factory=list)
    error: str = ""

    def __str__(self):
        if self.error:
            return f"line {self.line}: rejected: {self.error}"
        return f"line {self.line}: {self.email}: {'; '.join(self.changes) or 'unchanged'}"


def read_rows(file):
    """Yield (line number, row dict) from a CSV file with the onboarding columns."""
    reader = csv.DictReader(file)
    missing = [column for column in COLUMNS if column not in (reader.fieldnames or [])]
    if missing:
        raise ValueError(f"The file must have the columns {','.join(COLUMNS)}; missing: {', '.join(missing)}.")
    for row in reader:
        yield reader.line_num, row


def split_list(value):
    return [item.strip() for item in (value or "").split(";") if item.strip()]


def find_term(model, value, what):
    """Return the vocabulary term named or slugged `value`, or None for an empty cell."""
    value = (value or "").strip()
    if not value:
        return None
    term = model.objects.filter(slug=slugify(value)).first() or model.objects.filter(name__iexact=value).first()
    if term is None:
        raise RowError(f"unknown {what} '{value}'")
    return term


def parse_row(line, row):
    """Check every cell of a row and return it with its vocabulary looked up."""
    if None in row:
        raise RowError("the row has more fields than the header")
    email = (row.get("email") or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise RowError(f"'{email or '(empty)'}' is not a valid email address") from None
    name = " ".join((row.get("name") or "").split())
    if not name:
        raise RowError("the name is empty")
    if len(name) > MAX_NAME_LENGTH:
        raise RowError(f"the name is longer than {MAX_NAME_LENGTH} characters")
    communities = []
    for slug in split_list(row.get("communities")):
        community = CommunityPage.objects.filter(slug=slug).first()
        if community is None:
            raise RowError(f"unknown community '{slug}'")
        communities.append(community)
    return MemberRow(
        line=line,
        email=email,
        name=name,
        organisation=find_term(Organisation, row.get("organisation"), "organisation"),
        role=find_term(AudienceRole, row.get("role"), "role"),
        region=find_term(Region, row.get("region"), "region"),
        interests=[find_term(Topic, value, "interest") for value in split_list(row.get("interests"))],
        communities=communities,
    )


@transaction.atomic
def member_import(*, row, invite=True):
    """Create or update one member from a parsed row; return what changed."""
    user_model = get_user_model()
    changes = []
    # Only a member who confirmed the address is this person: an account that merely holds it (typed at
    # sign-up, never confirmed) may be anyone's, and vouching for it would hand them the address.
    user = member_with_confirmed_email(row.email)
    first_name, _, last_name = row.name.partition(" ")
    if user is None:
        user = user_model(email=row.email, first_name=first_name, last_name=last_name)
        get_adapter().populate_username(None, user)
        user.set_unusable_password()
        user.save()
        # Whoever imports a member vouches for their address, so they can sign in without confirming it.
        member_email_address_vouch(user=user, email=row.email)
        changes.append("created")
    profile = MemberProfile.objects.filter(user=user).first()
    if profile is None:
        profile = MemberProfile(user=user, slug=unique_profile_slug(row.name))
    wanted = {"display_name": row.name, "organisation": row.organisation, "role": row.role, "region": row.region}
    updated = [name for name, value in wanted.items() if getattr(profile, name, None) != value]
    for name in updated:
        setattr(profile, name, wanted[name])
    if row.organisation is not None and row.organisation.owns_email(row.email) and not profile.is_verified:
        profile.is_verified = True
        updated.append("verified")
    if profile._state.adding or updated:
        profile.save()
        if "created" not in changes:
            changes.append(f"updated {', '.join(updated)}")
    new_interests = [topic for topic in row.interests if topic not in profile.interests.all()]
    if new_interests:
        profile.interests.add(*new_interests)
        changes.append(f"interests added: {', '.join(topic.name for topic in new_interests)}")
    for community in row.communities:
        if not Membership.objects.filter(community=community, member=user, status=Membership.Status.ACTIVE).exists():
            membership_join(community=community, member=user)
            changes.append(f"joined {community.title}")
    if invite and "created" in changes:
        transaction.on_commit(lambda: send_invitation(user))
        changes.append("invitation sent")
    return changes


def send_invitation(user):
    """Email a new member a link to choose their password and sign in."""
    path = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)},
    )
    context = {"user": user, "link": absolute_url(path)}
    send_templated_mail(
        subject="You are invited to Practice Hub",
        template="practice/emails/invitation.txt",
        context=context,
        recipients=[user.email],
    )


def import_members(file, *, invite=True, dry_run=False):
    """Import every row of an onboarding file; yield the result of each row as it is done."""
    seen = set()
    try:
        for line, raw in read_rows(file):
            result = RowResult(line=line, email=(raw.get("email") or "").strip().lower())
            try:
                row = parse_row(line, raw)
                if row.email in seen:
                    raise RowError(f"{row.email} is already on an earlier line")
                seen.add(row.email)
                with transaction.atomic():
                    result.changes = member_import(row=row, invite=invite and not dry_run)
                    if dry_run:
                        transaction.set_rollback(True)
            except RowError as error:
                result.error = str(error)
            yield result
    except csv.Error as error:
        raise ValueError(f"The file is not a readable CSV file: {error}") from error
