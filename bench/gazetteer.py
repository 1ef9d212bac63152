"""Speed of the gazetteer finders, as a ratio to a yardstick measured in the same run: `fold()` of
the same text (one normalisation pass).

    .venv/bin/python bench/gazetteer.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crawler.gazetteer import find_agencies, find_cities, find_countries  # noqa: E402
from crawler.textnorm import fold  # noqa: E402

PARAGRAPH = (
    "استقبل المدير العام للأمن الوطني ولمراقبة التراب الوطني، عبد اللطيف حموشي، اليوم الثلاثاء بالرباط، "
    "المدير العام للشرطة الوطنية بجمهورية السنغال، والسفير البريطاني بالمملكة المتحدة، ورئيس جهاز أمن "
    "الدولة بدولة الإمارات العربية المتحدة، حيث تباحثا سبل تعزيز التعاون الأمني في مجال مكافحة الإرهاب "
    "والجريمة المنظمة والهجرة غير الشرعية، وتأمين كأس العالم 2030 مع إسبانيا والبرتغال. "
    "Le patron de la DGSN-DGST a reçu la directrice de la Sûreté de l'État (VSSE) et le chef de la Police "
    "fédérale belge à Bruxelles. Hammouchi held talks with the Director General of the Federal Judicial "
    "Police of Belgium and the US ambassador in Rabat.\n"
)


def _time(fn, text: str, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    text = PARAGRAPH * 50  # about 40 KB, a long report
    find_countries(""), find_agencies(""), find_cities("")  # load the data outside the timing
    yard = _time(fold, text, 5)
    for name, fn in (("find_countries", find_countries), ("find_agencies", find_agencies),
                     ("find_cities", find_cities)):
        t = _time(fn, text, 5)
        print(f"{name}: {t / yard:.1f}x fold() of the same text ({len(text)} chars)")
    t0 = time.perf_counter()
    from crawler.gazetteer import loader
    for f in (loader._country_trie, loader._agency_trie, loader._city_trie):
        f.cache_clear()
    find_countries(""), find_agencies(""), find_cities("")
    print(f"loading the three tries: {(time.perf_counter() - t0) / yard:.1f}x fold() of that text")


if __name__ == "__main__":
    main()
