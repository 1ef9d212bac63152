"""Main text and metadata of a document: `extract_html` for pages, `extract_text_dump` for dumps."""

from crawler.extract.textdump import extract_text_dump

__all__ = ["extract_html", "extract_text_dump"]  # noqa: F822 (extract_html: from __getattr__)


def __getattr__(name: str):
    """`extract_html` is imported on first use: trafilatura is a sixth of the start-up, and a run
    that reads only text dumps never needs it."""
    if name == "extract_html":
        from crawler.extract.html import extract_html

        return extract_html
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
