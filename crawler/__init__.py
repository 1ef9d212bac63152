"""liqaat: a Scrapy project (README.md)."""

from crawler._egg import unpacked_path

__path__ = unpacked_path(__path__, __file__)
