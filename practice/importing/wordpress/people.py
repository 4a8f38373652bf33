"""Who wrote the blog: WordPress authors matched to members, or made members of the community they are brought into."""

from allauth.account.adapter import get_adapter

from django.contrib.auth import get_user_model
from django.utils.text import slugify

from practice.accounts.services import member_with_confirmed_email, unique_profile_slug
from practice.communities.services import membership_join
from practice.importing.wordpress.wxr import Author
from practice.models import MemberProfile


class Authors:
    """The members the export's authors and commenters are, each looked up or made once per import."""

    def __init__(self, export, *, community, ledger, report):
        self.export = export
        self.community = community
        self.ledger = ledger
        self.report = report
        self.users = {}

    def member(self, login):
        """Return the member a WordPress login stands for, or None for a post without one."""
        if not login:
            return None
        if login in self.users:
            return self.users[login]
        author = self.export.authors.get(login) or Author(login, "", login, "", "")
        imported = self.ledger.find(f"author:{login}")
        user = imported.target if imported else None
        if user is None:
            user = self._member_for(author)
            self.ledger.remember(f"author:{login}", user)
        self.users[login] = user
        return user

    def commenter(self, comment):
        """Return the member who wrote a comment, when WordPress knew them as one of the blog's authors."""
        if comment.user_id in {"", "0"} or not comment.email:
            return None
        for author in self.export.authors.values():
            if author.email.lower() == comment.email.lower():
                return self.member(author.login)
        return None

    def _member_for(self, author):
        """Return the member an author becomes: the member who confirmed their email, or a new one without a password.

        An account that holds the address without having confirmed it may be anyone's: crediting it with
        the author's posts would hand them to whoever typed the address at sign-up.
        """
        user_model = get_user_model()
        if author.email:
            existing = member_with_confirmed_email(author.email)
            if existing is not None:
                self.report.counts["authors_existing"] += 1
                return existing
        name = author.display_name or f"{author.first_name} {author.last_name}".strip() or author.login
        user = user_model(email=author.email, first_name=author.first_name, last_name=author.last_name)
        if author.email:
            get_adapter().populate_username(None, user)
        else:
            user.username = f"wordpress-{self.community.slug}-{slugify(author.login)}"[:150]
        user.set_unusable_password()  # they claim the account by resetting the password at their address
        user.save()
        MemberProfile.objects.create(user=user, slug=unique_profile_slug(name), display_name=name[:120])
        membership_join(community=self.community, member=user)
        self.report.counts["authors_new"] += 1
        if not author.email:
            self.report.skip(f"Author “{name}”", "has no email address, so nobody can claim the account yet")
        return user
