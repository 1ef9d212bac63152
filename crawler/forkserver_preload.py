"""The last module the fork server of crawler/parallel.py imports: importing it warms up
(`crawler.warm.warm_up`), so every worker forked from the fork server starts with trafilatura,
the language model and the vocabularies loaded. Nothing else imports it."""

from crawler.warm import warm_up

warm_up()
