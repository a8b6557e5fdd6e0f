"""The team lead's view of the knowledge base: what is due, stale, untaught or unused.

* `reviews`      review state by owner, and the review badge of a page
* `translations` per item and language: current, outdated, unverified or missing
* `marking`      `kb i18n mark`: record translation fingerprints by editing one line of YAML
* `coverage`     gaps between roles, paths, standards, practices, checklists and competencies
* `reports`      the `kb report` reports as values; `formats` prints them (text, markdown, json)
* `gitrepo`      the few git calls the next two need
* `diff`         `kb diff BASE`: items a branch added, changed and removed, translations it made outdated
* `history`      the commits that touched each item's file, from one `git log` per build
* `labels`       the short texts pages show (badges, markers), in the starter languages

Everything here reads a KnowledgeBase (and git); nothing in generator/content imports it.
"""
