"""Dev check of meeting dates against ../shared gold, before the meetings pipeline exists.

A stand-in sentence locator (the sentence of the extracted text naming the gold counterpart)
plays the part of `Meeting.evidence["sentence"]`; the rest is production code:
`publication_date` for `published`, `meeting_date` for the day.

    .venv/bin/python bench/dates_dev.py [-v]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from crawler.dates import meeting_date, publication_date  # noqa: E402
from crawler.dates.meeting import sentences  # noqa: E402
from crawler.extract import extract_html, extract_text_dump  # noqa: E402

SHARED = ROOT.parent / "shared"
CORPORA = [(SHARED / "seeds", SHARED / "corpus" / "seeds_gold.jsonl"),
           (SHARED / "corpus" / "dev", SHARED / "corpus" / "dev" / "gold.jsonl")]


def load(folder: Path, gold: dict):
    path = folder / gold["file"]
    raw = path.read_bytes()
    body = raw.decode("cp1256") if gold.get("encoding") == "windows-1256" else raw.decode("utf-8")
    kind = "html" if path.suffix in (".html", ".htm") else "text"
    extracted = extract_html(body) if kind == "html" else extract_text_dump(body)
    return body, kind, extracted


def stand_in_sentence(text: str, meeting: dict) -> str | None:
    """The first sentence naming the counterpart (full name, Latin name, then last name)."""
    names = [meeting.get("counterpart_name"), meeting.get("counterpart_name_latin")]
    last = (meeting.get("counterpart_name") or "").split()
    names += [last[-1]] if last else []
    for name in filter(None, names):
        for s, e in sentences(text):
            if name in text[s:e]:
                return text[s:e]
    return None


def check(verbose: bool = False) -> dict[str, list[int]]:
    """[right, total] per meeting field, over the seeds and the dev corpus."""
    fields = {"date": [0, 0], "date_end": [0, 0], "weekday": [0, 0]}
    for folder, gold_path in CORPORA:
        for line in gold_path.read_text(encoding="utf-8").splitlines():
            gold = json.loads(line)
            if not gold["meetings"]:
                continue
            body, kind, extracted = load(folder, gold)
            published = publication_date(body, kind, extracted)
            text = extracted.text or ""
            if len(text) < 200:  # extraction missed the body (until the extract helper lands)
                text = trafilatura.html2txt(body) if kind == "html" else body
            for m in gold["meetings"]:
                sentence = stand_in_sentence(text, m)
                got = meeting_date(text, sentence, published.day if published else None)
                row = {"date": got.date, "date_end": got.date_end, "weekday": got.weekday}
                bad = []
                for f, counts in fields.items():
                    counts[1] += 1
                    if (m.get(f) or None) == row[f]:
                        counts[0] += 1
                    else:
                        bad.append(f"{f}: gold {m.get(f)} got {row[f]}")
                if bad or verbose:
                    print(f"{'BAD' if bad else 'ok '} {gold['file'][:44]:44} {got.date_raw!r} "
                          f"{got.resolution} {'; '.join(bad)}")
                    if bad and verbose:
                        print("      sentence:", (sentence or "")[:300])
    return fields


def main(verbose: bool) -> int:
    for f, (ok, n) in check(verbose).items():
        print(f"field_{f}: {ok}/{n} = {ok / n:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main("-v" in sys.argv))
