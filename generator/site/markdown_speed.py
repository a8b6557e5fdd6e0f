"""A faster, identical link parser for Python-Markdown, added to MkDocs' extensions by `mkdocs_api.build`
and to Zensical's (which renders Markdown with Python-Markdown too) by name, in `zensical_api.zensical_config`.

Python-Markdown 3.11 finds the closing `]` of a link by computing, for the whole
text block, where every bracket closes (to avoid a quadratic scan when brackets
never close), and computes it again after each link it replaces. On our index
pages (one list item holds a title link and several chips) that made the link
scan about a sixth of MkDocs' time. Here the closing bracket is found by scanning
forward from the link with a regular expression over brackets only, which is the
same answer; when a bracket does not close before the block ends, the original
whole-block method answers instead, so the worst case stays what it was.
"""

from __future__ import annotations

import re
import types
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import LinkInlineProcessor

_BRACKETS = re.compile(r"[\[\]]")


def _get_text(self: Any, data: str, index: int) -> tuple[str, int, bool]:
    depth = 1
    for match in _BRACKETS.finditer(data, index):
        depth += 1 if match.group() == "[" else -1
        if depth == 0:
            end = match.end()
            return data[index:end - 1], end, True
    return LinkInlineProcessor.getText(self, data, index)  # unclosed: the original, cached per block


class LinkSpeedExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's name
        for processor in md.inlinePatterns:
            if isinstance(processor, LinkInlineProcessor):
                processor.getText = types.MethodType(_get_text, processor)


def makeExtension(**kwargs: Any) -> LinkSpeedExtension:  # noqa: N802 - Python-Markdown's name for extensions by name
    return LinkSpeedExtension(**kwargs)
