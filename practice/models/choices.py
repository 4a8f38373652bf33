"""The choices practice content is described by: who may join a community and who may read a page.

They sit at the bottom of the models, below every page type, so that models, forms and the access rules
above them (practice.access, practice.privacy) all speak of the same levels.
"""

from django.db import models


class AccessLevel(models.TextChoices):
    OPEN = "open", "Open: anyone can read and join"
    RESTRICTED = "restricted", "Restricted: anyone can see it exists; members read; joining needs approval"
    PRIVATE = "private", "Private: invisible to non-members; invitation only"


class SecurityLevel(models.TextChoices):
    PUBLIC = "public", "Public: anyone"
    MEMBERS = "members", "Members: anyone signed in"
    COMMUNITY = "community", "Community: members of its community only"


class Visibility(models.TextChoices):
    """The effective view restriction on a page, derived from Wagtail's restrictions."""

    PUBLIC = "public", "Anyone"
    MEMBERS = "members", "Signed-in members"
    GROUPS = "groups", "Members of certain groups"
    HIDDEN = "hidden", "Nobody in listings"


_STRICTNESS = [SecurityLevel.PUBLIC, SecurityLevel.MEMBERS, SecurityLevel.COMMUNITY]

# The most open security level a community's content may have.
COMMUNITY_FLOOR = {
    AccessLevel.OPEN: SecurityLevel.PUBLIC,
    AccessLevel.RESTRICTED: SecurityLevel.COMMUNITY,
    AccessLevel.PRIVATE: SecurityLevel.COMMUNITY,
}


def strictest(*levels):
    """Return the most restrictive of the given security levels."""
    return max(levels, key=_STRICTNESS.index)
