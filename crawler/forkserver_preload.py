"""The last module the fork server of crawler/parallel.py imports: importing it warms up
(`crawler.warm.warm_up`), so every worker forked from the fork server starts with trafilatura,
the language model and the vocabularies loaded. Nothing else imports it. A warm-up that fails is
logged and left: each worker then loads what it needs at its first item, as without it."""

import logging

from crawler.warm import warm_up

try:
    warm_up()
except Exception:  # noqa: BLE001 (the fork server must start: the workers can load it all later)
    logging.getLogger(__name__).exception("liqaat: the fork server's warm-up failed")
