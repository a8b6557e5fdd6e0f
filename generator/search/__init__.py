"""Full-text search: per-language analysis, a Whoosh index per build, `kb search` and `kb serve`'s API.

Modules: analysis (words, folding, stems), documents (KnowledgeBase -> SearchDocs),
query (what a person typed -> words, phrases), query_plan (what to look for), engine (the only
Whoosh module: write the index, read posting lists), ranking (score a plan with numpy),
typos (words one typo away), manifest (is the index fresh?), indexer (build and locate),
searcher (run a query), snippets, api (the WSGI search API), server (static site + API),
static (the browser's copy of the index; the browser's engine is in assets/).
"""
