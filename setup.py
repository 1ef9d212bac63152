"""Packaging for a Scrapyd deployment only (`scrapyd-deploy`, README "Crawling outlets").

The egg carries the project's code and its data files (YAML/TSV vocabularies, the outlets
registry); `crawler/_egg.py` unpacks it at import, since the code reads those files by path.
"""

from setuptools import find_namespace_packages, setup

setup(
    name="liqaat",
    version="0.1",
    packages=find_namespace_packages(include=["crawler", "crawler.*", "pipelines", "pipelines.*"]),
    package_data={"": ["*.yaml", "*.tsv", "*.json"]},
    entry_points={"scrapy": ["settings = crawler.settings"]},
    zip_safe=False,
)
