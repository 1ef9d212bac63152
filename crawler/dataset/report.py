"""A static HTML report of the store: plots as inline SVG, no script and no network at view time.

`build_report(db_path)` returns the page: meetings per year by counterpart country (stacked bars),
the most frequent counterparts and agencies, the topics, at home vs abroad per year, the host countries of
the meetings abroad (a table with their cities), how each date was found. `scrapy report` writes
it (docs/dataset.md). Pure functions of the store's `meetings_flat` view; the SVG is written by
hand (a few dozen lines) rather than pulling in a plotting library.
"""

from __future__ import annotations

import html
import sqlite3
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path

from babel import Locale

#: colours for the series of stacked bars, the last for "other"
PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf",
           "#bcbd22"]
OTHER = "#9a9a9a"
TOP_COUNTRIES = 9
TOP_BARS = 15
_TERRITORIES = Locale("en").territories


def country_name(code: str | None) -> str:
    """`FR` -> `France`; an organisation code (`INTERPOL`) or an unknown one as it is."""
    if not code:
        return "unknown"
    return _TERRITORIES.get(code.upper(), code)


def esc(s) -> str:
    return html.escape(str(s), quote=True)


def hbars(items: list[tuple[str, int]], width: int = 720, label_width: int = 330) -> str:
    """Horizontal bars, one per (label, value), largest first as given."""
    if not items:
        return "<p class=empty>none</p>"
    row, top = 22, 6
    height = top + row * len(items) + 6
    vmax = max(v for _, v in items) or 1
    span = width - label_width - 50
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img">']
    for i, (label, v) in enumerate(items):
        y = top + i * row
        w = max(1, round(span * v / vmax))
        out.append(f'<text x="{label_width - 8}" y="{y + 15}" text-anchor="end" class="lab">'
                   f'{esc(label)}</text>'
                   f'<rect x="{label_width}" y="{y + 3}" width="{w}" height="{row - 6}" fill="{PALETTE[0]}">'
                   f'<title>{esc(label)}: {v}</title></rect>'
                   f'<text x="{label_width + w + 5}" y="{y + 15}" class="num">{v}</text>')
    out.append("</svg>")
    return "".join(out)


def stacked_bars(columns: list[str], series: list[tuple[str, dict[str, int]]], width: int = 900,
                 height: int = 300) -> str:
    """Vertical stacked bars: one bar per column (a year), one coloured part per series."""
    if not columns:
        return "<p class=empty>none</p>"
    left, bottom, top = 40, 30, 10
    totals = [sum(s.get(c, 0) for _, s in series) for c in columns]
    vmax = max(totals) or 1
    plot_h = height - bottom - top
    step = (width - left - 10) / len(columns)
    bar = max(4.0, step * 0.7)
    legend = 24 * ((len(series) + 5) // 6)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height + legend}" role="img">']
    for t in _ticks(vmax):
        y = top + plot_h - plot_h * t / vmax
        out.append(f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                   f'<text x="{left - 5}" y="{y + 4:.1f}" text-anchor="end" class="num">{t}</text>')
    for i, col in enumerate(columns):
        x = left + i * step + (step - bar) / 2
        y = top + plot_h
        for k, (name, s) in enumerate(series):
            v = s.get(col, 0)
            if not v:
                continue
            h = plot_h * v / vmax
            y -= h
            out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                       f'fill="{_colour(k, name)}"><title>{esc(col)}, {esc(name)}: {v}</title></rect>')
        out.append(f'<text x="{x + bar / 2:.1f}" y="{top + plot_h + 16}" text-anchor="middle" class="num">'
                   f'{esc(col)}</text>')
    for k, (name, _) in enumerate(series):  # legend, six per line
        lx, ly = left + (k % 6) * 150, height + 24 * (k // 6)
        out.append(f'<rect x="{lx}" y="{ly - 10}" width="12" height="12" fill="{_colour(k, name)}"/>'
                   f'<text x="{lx + 17}" y="{ly}" class="lab">{esc(name)}</text>')
    out.append("</svg>")
    return "".join(out)


def _colour(k: int, name: str) -> str:
    return OTHER if name == "other" else PALETTE[k % len(PALETTE)]


def _ticks(vmax: int) -> list[int]:
    step = max(1, round(vmax / 5))
    return list(range(0, vmax + 1, step))


def _rows(db_path) -> list[dict]:
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as db:
        db.row_factory = sqlite3.Row
        return [dict(r) for r in db.execute("SELECT * FROM meetings_flat ORDER BY date")]


def build_report(db_path: str | Path) -> str:
    """The report page for a store (read-only)."""
    rows = _rows(db_path)
    years = sorted({r["year"] for r in rows if r["year"]})
    undated = sum(1 for r in rows if not r["year"])
    by_country = Counter(r["counterpart_country"] for r in rows)
    top = [c for c, _ in by_country.most_common(TOP_COUNTRIES)]
    series: dict[str, dict[str, int]] = defaultdict(Counter)
    for r in rows:
        if r["year"]:
            c = r["counterpart_country"]
            series[country_name(c) if c in top else "other"][r["year"]] += 1
    ordered = [(country_name(c), series[country_name(c)]) for c in top if country_name(c) in series]
    if "other" in series:
        ordered.append(("other", series["other"]))

    counterparts = Counter()
    for r in rows:
        name = r["counterpart_name"] or r["counterpart_name_latin"] or r["counterpart_title"] or "(no name)"
        counterparts[f"{name} ({r['counterpart_country'] or '?'})"] += 1
    agencies = Counter(f"{r['counterpart_agency']} ({r['counterpart_country'] or '?'})"
                       for r in rows if r["counterpart_agency"])
    place = {"at home (Morocco)": Counter(), "abroad": Counter()}
    for r in rows:
        if r["year"]:
            place["abroad" if r["hammouchi_abroad"] else "at home (Morocco)"][r["year"]] += 1
    hosts: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        if r["hammouchi_abroad"]:
            hosts[r["location_country"] or ""][r["location_city"] or "city not stated"] += 1
    resolution = Counter(r["date_resolution"] or "no date" for r in rows)
    topics = Counter(t for r in rows for t in (r["topics"] or "").split(";") if t)
    abroad = sum(1 for r in rows if r["hammouchi_abroad"])

    host_rows = "".join(
        f"<tr><td>{esc(country_name(c) if c else 'not stated')}</td><td class=n>{sum(cities.values())}</td>"
        f"<td>{esc(', '.join(f'{k} ({v})' for k, v in cities.most_common()))}</td></tr>"
        for c, cities in sorted(hosts.items(), key=lambda kv: -sum(kv[1].values())))
    span = f"{years[0]}–{years[-1]}" if years else "no dated meeting"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>liqaat: Hammouchi's meetings with foreign officials</title>
<style>
body {{ font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; margin: 2em auto; max-width: 980px;
       color: #222; }}
h1 {{ font-size: 1.5em; }} h2 {{ font-size: 1.15em; margin-top: 2em; border-bottom: 1px solid #ccc; }}
.lab {{ font-size: 12px; fill: #222; }} .num {{ font-size: 11px; fill: #555; }}
.grid {{ stroke: #e5e5e5; }} .empty {{ color: #888; }}
table {{ border-collapse: collapse; }}
td, th {{ border: 1px solid #ddd; padding: 3px 8px; text-align: left; }}
td.n {{ text-align: right; }} .note {{ color: #555; font-size: 0.9em; }}
</style></head><body>
<h1>Abdellatif Hammouchi's meetings with foreign officials</h1>
<p><b>{len(rows)}</b> meetings ({span}{f", {undated} undated" if undated else ""}) with counterparts
from <b>{len(by_country)}</b> countries and organisations; <b>{abroad}</b> abroad.
Source: the liqaat store <code>{esc(Path(db_path).name)}</code>, generated
{datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")}.</p>

<h2>Meetings per year, by counterpart country</h2>
{stacked_bars(years, ordered)}
<p class=note>The {TOP_COUNTRIES} most frequent countries or organisations; the rest as "other".
Undated meetings are not shown.</p>

<h2>Most frequent counterparts</h2>
{hbars(counterparts.most_common(TOP_BARS))}

<h2>Most frequent agencies</h2>
{hbars(agencies.most_common(TOP_BARS))}

<h2>Topics discussed</h2>
{hbars(topics.most_common(), label_width=200)}
<p class=note>Meetings whose reports say the subject was discussed (codes: docs/data-dictionary.md).</p>

<h2>At home or abroad, per year</h2>
{stacked_bars(years, list(place.items()), height=220)}

<h2>Host countries of the meetings abroad</h2>
{f"<table><tr><th>country</th><th>meetings</th><th>cities</th></tr>{host_rows}</table>" if hosts
 else "<p class=empty>no meeting abroad</p>"}

<h2>How the dates were found</h2>
{hbars(sorted(resolution.items(), key=lambda kv: -kv[1]), label_width=200)}
<p class=note><code>explicit</code>: the text gives the day; <code>year_inferred</code>: day and month
given, year from the publication; <code>relative_to_published</code>: "today", "yesterday"… from the
publication date. See docs/data-dictionary.md.</p>
</body></html>
"""


def write_report(db_path: str | Path, out: str | Path) -> Path:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(build_report(db_path), encoding="utf-8")
    return out
