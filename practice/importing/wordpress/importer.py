"""Bring a WordPress blog into a community: posts, authors, comments, files and redirects, all or nothing.

This module writes the community and its pages; who the authors are (people), the files (files), the
comments (comments) and what the import has done before (records) each have a module of their own.
"""

import collections
import json
from urllib.parse import unquote, urlsplit

from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator, slugify

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Collection, Page, Site

from practice.communities.services import community_create
from practice.importing.wordpress.comments import import_comments, mention_links
from practice.importing.wordpress.content import ImageRef, plain_text, to_blocks
from practice.importing.wordpress.files import Files
from practice.importing.wordpress.people import Authors
from practice.importing.wordpress.records import Ledger, Report, WordPressImportError
from practice.models import BlogIndexPage, BlogPostPage, CommunityIndexPage, CommunityPage, Topic

MENTIONS_HEADING = "Mentioned elsewhere"
NOT_PUBLISHED = {
    "private": "private posts are not published",
    "trash": "it was in the WordPress trash",
}
DRAFT_STATUSES = {"draft", "pending", "future", "auto-draft"}


def old_path(url):
    """Return the site-relative path of an old WordPress address, in the form redirects are stored."""
    parts = urlsplit(url)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return Redirect.normalise_path(path)


class WordPressImport:
    """Import one WordPress export into one community's blog, in one transaction."""

    def __init__(self, export, *, community_slug, dry_run=False, progress=None, timeout=10):
        self.export = export
        self.community_slug = community_slug
        self.dry_run = dry_run
        self.progress = progress or (lambda line: None)
        self.timeout = timeout
        self.report = Report(dry_run=dry_run)
        self.files = None
        self.site = Site.objects.get(is_default_site=True)

    def run(self):
        """Import everything, or nothing if anything fails; return the report."""
        try:
            with transaction.atomic():
                self._import()
                if self.dry_run:
                    transaction.set_rollback(True)
        except BaseException:
            if self.files is not None:
                self.files.delete_saved()
            raise
        return self.report

    # The community and its blog

    def _import(self):
        self.community = self._community()
        self.blog = BlogIndexPage.objects.child_of(self.community).first()
        if self.blog is None:
            raise WordPressImportError(f"The community “{self.community.title}” has no blog to import into.")
        self.report.community = self.community.title
        self.report.community_url = "/" + self.community.url_path.removeprefix(self.site.root_page.url_path)
        self.topics = self._topics()
        self.ledger = Ledger(self.community)
        self.authors = Authors(self.export, community=self.community, ledger=self.ledger, report=self.report)
        self.files = Files(
            collection=self.community.media_collection or Collection.get_first_root_node(),
            ledger=self.ledger,
            report=self.report,
            dry_run=self.dry_run,
            timeout=self.timeout,
        )
        attachments = collections.defaultdict(list)
        posts = []
        for item in self.export.items:
            if item.post_type == "attachment":
                attachments[item.parent_id].append(item)
            elif item.post_type == "post":
                posts.append(item)
            else:
                self.report.skip(f"{item.post_type or 'item'} “{item.title}” (id {item.id})", "only posts are imported")
        for number, item in enumerate(posts, start=1):
            self.progress(f"Post {number} of {len(posts)}: {item.title or '(untitled)'}")
            self._post(item, attachments.get(item.id, []))

    def _community(self):
        community = CommunityPage.objects.filter(slug=self.community_slug).first()
        if community is not None:
            return community
        index = CommunityIndexPage.objects.first()
        if index is None:
            raise WordPressImportError("The hub has no communities section to add a community to.")
        self.report.community_created = True
        community = community_create(
            index=index,
            title=self.export.title or self.community_slug,
            slug=self.community_slug,
            summary=Truncator(plain_text(self.export.description)).chars(400),
        )
        self.progress(f"Created the open community “{community.title}”")
        return community

    def _topics(self):
        topics = {}
        for topic in Topic.objects.all():
            topics[topic.slug] = topic
            topics[topic.name.lower()] = topic
        return topics

    # Posts

    def _post(self, item, attachments):
        label = f"Post “{item.title or '(untitled)'}” (id {item.id})"
        key = f"post:{item.id}"
        imported = self.ledger.find(key)
        if imported is not None:
            self.report.counts["posts_already"] += 1
            if imported.target is not None:
                self._comments(item, imported.target, label)  # comments added in WordPress since the last import
            return
        if item.status in NOT_PUBLISHED:
            self.report.skip(label, NOT_PUBLISHED[item.status])
            return
        if item.oversized:
            self.report.skip(label, f"its {', '.join(item.oversized)} is too large to import")
            return
        live = item.status == "publish"
        if not live and item.status not in DRAFT_STATUSES:
            self.report.skip(label, f"its status “{item.status}” is not one we know")
            return

        body = self._body(item, label)
        mentions = mention_links(item, label, self.report)
        if mentions:
            body.append({"type": "see_also", "value": {"heading": MENTIONS_HEADING, "links": mentions}})
        body += self.files.attachment_blocks(attachments, label)

        date = item.date or timezone.now()
        page = BlogPostPage(
            title=item.title or "(untitled)",
            slug=self._slug(item),
            date=date,
            first_published_at=date if live else None,
            summary=Truncator(plain_text(item.excerpt)).chars(400),
            body=json.dumps(body),
            comments_open=item.comment_status != "closed",
            live=live,
        )
        # The blog's own author, from its own export, so the credit counts as consented (practice.credits).
        page.authors = [user for user in [self.authors.member(item.creator)] if user is not None]
        topics, tags = self._classify(item)
        page.topics = topics
        if tags:
            page.tags.add(*tags)
        self.blog.add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
            self.report.counts["posts"] += 1
            self._redirects(item, page)
        else:
            self.report.counts["drafts"] += 1
            self.report.skip(label, "drafts are kept unpublished for an editor to finish")
        self.ledger.remember(key, page)
        self._comments(item, page, label)

    def _comments(self, item, page, label):
        import_comments(item, page, label, authors=self.authors, ledger=self.ledger, report=self.report)

    def _slug(self, item):
        base = slugify(unquote(item.slug), allow_unicode=True) or slugify(item.title, allow_unicode=True) or "post"
        base = base[:240]
        taken = set(Page.objects.child_of(self.blog).filter(slug__startswith=base).values_list("slug", flat=True))
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        return slug

    def _classify(self, item):
        topics, tags = [], []
        for domain, nicename, name in item.categories:
            if domain not in {"category", "post_tag"} or not name:
                continue
            topic = self.topics.get(nicename) or self.topics.get(name.lower())
            if domain == "category" and topic is not None:
                topics.append(topic)
            elif name.lower() != "uncategorized":
                tags.append(name[:100])
        return list(dict.fromkeys(topics)), list(dict.fromkeys(tags))

    def _body(self, item, label):
        body = []
        for block_type, value in to_blocks(item.content):
            if isinstance(value, ImageRef):
                image = self.files.image(value.src, title=value.alt or value.caption, label=label)
                if image is None:
                    continue
                if not (value.alt or value.caption):
                    self.report.skip(f"Alternative text for {value.src} in {label}", "missing: an editor should add it")
                value = {"image": image.pk, "alt_text": value.alt or value.caption, "caption": value.caption}
            body.append({"type": block_type, "value": value})
        return body

    # Redirects from the old addresses

    def _redirects(self, item, page):
        paths = []
        if item.link:
            paths.append(old_path(item.link))
        base = urlsplit(self.export.link or item.link).path or "/"
        paths.append(Redirect.normalise_path(f"{base}?p={item.id}"))
        for path in dict.fromkeys(paths):
            if path == "/":
                self.report.skip(f"Redirect for {item.link}", "it is the old site's home page")
                continue
            existing = Redirect.objects.filter(site=self.site, old_path=path).first()
            if existing is not None and existing.redirect_page_id != page.pk:
                self.report.skip(f"Redirect from {path}", "another redirect already uses that address")
                continue
            if existing is None:
                Redirect.objects.create(site=self.site, old_path=path, redirect_page=page, is_permanent=True)
            self.report.counts["redirects"] += 1


def import_wordpress(export, *, community_slug, dry_run=False, progress=None, timeout=10):
    """Import a read WordPress export into the community with this slug; return the report."""
    return WordPressImport(
        export, community_slug=community_slug, dry_run=dry_run, progress=progress, timeout=timeout
    ).run()
