"""Printouts: an A4 print page (HTML) and a PDF per checklist, path and standard, per language.

sheet.py says what a printout shows, page.py lays it out (Jinja + print CSS),
pdf.py is the only module that imports WeasyPrint, jobs.py writes them into the
site with a cache, and `kb print` (generator/commands/print.py) prints on demand.
"""

from __future__ import annotations

PRINTABLE_KINDS = ("checklist", "path", "standard")
