"""Seen article URLs and finished runs in the store's SQLite file."""

from datetime import UTC, datetime

from crawler.outlets.seen import SeenUrls


def test_seen_urls_are_known_at_once_and_kept_after_close(tmp_path):
    db = tmp_path / "m.sqlite"
    seen = SeenUrls(db)
    for i in range(SeenUrls.FLUSH_EVERY + 3):  # one flush, three pending
        seen.add(f"https://a.ma/{i}.html", "a")
    assert "https://a.ma/1.html" in seen and f"https://a.ma/{SeenUrls.FLUSH_EVERY + 2}.html" in seen
    assert "https://a.ma/x.html" not in seen
    seen.close()
    again = SeenUrls(db)
    assert f"https://a.ma/{SeenUrls.FLUSH_EVERY + 2}.html" in again
    assert again.db.execute("SELECT count(*) FROM crawled_urls").fetchone()[0] == SeenUrls.FLUSH_EVERY + 3
    again.close()


def test_last_finished_run_per_outlet(tmp_path):
    seen = SeenUrls(tmp_path / "m.sqlite")
    assert seen.last_run("a") is None
    start = datetime(2026, 1, 2, 5, 17, tzinfo=UTC)
    seen.finish_run("a", start)
    seen.finish_run("a", start.replace(day=3))
    assert seen.last_run("a") == start.replace(day=3) and seen.last_run("b") is None
    seen.close()


def test_raw_and_percent_encoded_arabic_are_one_seen_url(tmp_path):
    seen = SeenUrls(tmp_path / "m.sqlite")
    seen.add("https://a.ma/%d8%a3%d9%85%d9%86-7.html", "a")  # lower-case escapes, as a feed wrote it
    assert "https://a.ma/أمن-7.html" in seen and "https://a.ma/%D8%A3%D9%85%D9%86-7.html" in seen
    seen.add("https://a.ma/أمن-7.html", "a")
    seen.close()
    again = SeenUrls(tmp_path / "m.sqlite")
    rows = again.db.execute("SELECT url FROM crawled_urls").fetchall()
    assert rows == [("https://a.ma/%D8%A3%D9%85%D9%86-7.html",)]
    again.close()
