"""Importing a WordPress blog (a WXR export file) into a community."""

from practice.importing.wordpress.importer import Report, WordPressImport, WordPressImportError, import_wordpress
from practice.importing.wordpress.wxr import WXRError, read_export

__all__ = ["Report", "WXRError", "WordPressImport", "WordPressImportError", "import_wordpress", "read_export"]
