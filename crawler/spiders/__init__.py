"""liqaat's spiders: `seeds` reads a folder of saved pages and text dumps; `outlets` crawls news sites."""
