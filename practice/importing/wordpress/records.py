"""What an import keeps track of: the report it gives back, and which WordPress items it has brought in before."""

import collections
import dataclasses

from django.contrib.contenttypes.models import ContentType

from practice.models import ImportedItem


class WordPressImportError(Exception):
    """The import cannot go ahead; nothing was saved."""


@dataclasses.dataclass
class Report:
    community: str = ""
    community_url: str = ""
    community_created: bool = False
    dry_run: bool = False
    counts: collections.Counter = dataclasses.field(default_factory=collections.Counter)
    skipped: list = dataclasses.field(default_factory=list)

    def skip(self, what, reason):
        self.skipped.append(f"{what}: {reason}")

    LABELS = [
        ("posts", "Posts published"),
        ("drafts", "Drafts kept unpublished"),
        ("posts_already", "Posts already imported, left as they were"),
        ("comments", "Comments"),
        ("comments_already", "Comments already imported"),
        ("mentions", "Mentions elsewhere (pingbacks and trackbacks)"),
        ("redirects", "Redirects"),
        ("images", "Images"),
        ("documents", "Attachments"),
        ("authors_new", "Authors added as members"),
        ("authors_existing", "Authors who were members already"),
    ]

    def lines(self):
        state = "would be created" if self.community_created else "already there"
        lines = [f"Community: {self.community} ({self.community_url}), {state}"]
        if self.dry_run:
            lines.append("Dry run: nothing was saved and no files were fetched.")
        lines += [f"{label}: {self.counts[key]}" for key, label in self.LABELS]
        lines.append(f"Skipped: {len(self.skipped)}")
        lines += [f"  - {line}" for line in self.skipped]
        return lines


class Ledger:
    """The WordPress items already brought into a community, so that importing the same file again adds nothing."""

    def __init__(self, community):
        self.community = community

    def find(self, key):
        """Return the record of what the WordPress item with this key became, or None if it is new."""
        return ImportedItem.objects.filter(community=self.community, key=key).first()

    def remember(self, key, obj):
        """Record that the WordPress item with this key became obj."""
        ImportedItem.objects.create(
            community=self.community,
            key=key[:600],
            content_type=ContentType.objects.get_for_model(obj.__class__),
            object_id=str(obj.pk),
        )
