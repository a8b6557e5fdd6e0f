"""Render: the KnowledgeBase -> Markdown pages (one Jinja template per page kind) and the nav, per language.

view.py is what every template sees (Renderer per language, PageView per page);
item_pages.py, index_pages.py and report_pages.py compute each page kind's variables;
pages.py lists the pages and renders them. Knows nothing of MkDocs: it produces text. `generator.site` writes it into a
MkDocs project and builds it.
"""
