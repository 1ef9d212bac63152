"""Main text and metadata of a document: `extract_html` for pages, `extract_text_dump` for dumps."""

from crawler.extract.html import extract_html
from crawler.extract.textdump import extract_text_dump

__all__ = ["extract_html", "extract_text_dump"]
