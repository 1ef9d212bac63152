"""Feed exporters whose rows a person or a program can read (FEED_EXPORTERS in settings).

Scrapy's own CSV and XML exporters write a nested item's `meetings` as a Python repr
(`[Meeting(meeting_id=…, counterpart=Counterpart(…))]`). These turn the dataclasses into plain
dicts first: in CSV a list or dict is one JSON cell, in XML it is nested elements (a dict key that
is no XML name, such as `topic:terrorism`, becomes `<entry key="topic:terrorism">`). Format
`excel` is the CSV with a UTF-8 byte order mark, which spreadsheet software needs to read
Arabic: `-O reports.csv:excel`.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, is_dataclass

from scrapy.exporters import CsvItemExporter, XmlItemExporter


def plain(value):
    """Dataclasses (nested, in lists and dicts) as dicts and lists of plain values."""
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


class ReadableCsvItemExporter(CsvItemExporter):
    """CSV: scalars as they are (None as empty), lists and dicts (meetings) as one JSON cell."""

    bom = False

    def start_exporting(self) -> None:
        if self.bom:
            self.stream.write("\ufeff")
        super().start_exporting()

    def serialize_field(self, field, name, value):
        value = plain(value)
        if isinstance(value, list | dict):
            return json.dumps(value, ensure_ascii=False)
        return value


class ExcelCsvItemExporter(ReadableCsvItemExporter):
    """The CSV with a UTF-8 byte order mark first (format `excel`)."""

    bom = True


_XML_NAME = re.compile(r"^[A-Za-z_][\w.-]*$")


class ReadableXmlItemExporter(XmlItemExporter):
    """XML: nested meetings as elements (`<meetings><meeting>…`), None as an empty element."""

    def serialize_field(self, field, name, value):
        return plain(value)

    def _export_xml_field(self, name, serialized_value, depth):
        if serialized_value is None:
            serialized_value = ""
        elif isinstance(serialized_value, bool):
            serialized_value = "true" if serialized_value else "false"
        if isinstance(serialized_value, dict) and not all(_XML_NAME.match(k) for k in serialized_value):
            self._beautify_indent(depth=depth)
            self.xg.startElement(name, {})
            self._beautify_newline()
            for key, value in serialized_value.items():
                self._beautify_indent(depth=depth + 1)
                self.xg.startElement("entry", {"key": key})
                self.xg.characters("" if value is None else str(value))
                self.xg.endElement("entry")
                self._beautify_newline()
            self._beautify_indent(depth=depth)
            self.xg.endElement(name)
            self._beautify_newline()
            return
        if isinstance(serialized_value, list) and name == "meetings":
            self._beautify_indent(depth=depth)
            self.xg.startElement(name, {})
            self._beautify_newline()
            for v in serialized_value:
                self._export_xml_field("meeting", v, depth + 1)
            self._beautify_indent(depth=depth)
            self.xg.endElement(name)
            self._beautify_newline()
            return
        super()._export_xml_field(name, serialized_value, depth)
