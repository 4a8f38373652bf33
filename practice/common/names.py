"""How one member is named to others: by the name on their profile, or as "A member", as the public pages do.

The hub promises members that their email address is never shown to other members. The username is the
sign-in address and the account's first and last names are whatever an import or an admin typed, so
neither is ever a fallback: a member without a profile, or with an empty name, is "A member". The one
page that passes the account's name as the stand-in is a member's own list of invitations, where they must
recognise who invited them and the inviter is often a staff account without a profile.
"""

UNNAMED = "A member"
FORMER_MEMBER = "A former member"


def member_name(user, *, unnamed=UNNAMED, former=FORMER_MEMBER):
    """Return the name other members know this member by; `former` stands for an account that is gone."""
    if user is None:
        return former
    profile = getattr(user, "profile", None)
    return (profile.display_name if profile is not None else "") or unnamed
