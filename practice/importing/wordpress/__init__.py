"""Importing a WordPress blog (a WXR export file) into a community."""

from practice.importing.wordpress.importer import WordPressImport, import_wordpress
from practice.importing.wordpress.records import Report, WordPressImportError
from practice.importing.wordpress.wxr import WXRError, read_export

__all__ = ["Report", "WXRError", "WordPressImport", "WordPressImportError", "import_wordpress", "read_export"]
