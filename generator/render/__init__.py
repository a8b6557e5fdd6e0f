"""Render: the KnowledgeBase -> Markdown pages (one Jinja template per page kind) and the nav, per language.

Knows nothing of MkDocs: it produces text. `generator.site` writes it into a
MkDocs project and builds it.
"""
