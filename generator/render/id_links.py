"""Item ids named in Markdown prose become links with the item's title (in the page's language).

What counts, exactly (the README's "The content" section says the same):

* an inline code span whose whole content is an item's id: `` `complaint-first-contact` ``;
* a bare word that contains a hyphen and is exactly an item's id, standing alone: after a space,
  the start of a line, `(` or `*`, and before a space, the end of a line, `)`, `*`, `,`, `;`, `:`,
  `!`, `?` or a `.` that ends the sentence. So quoted words ('x-y'), parts of addresses, file names
  (x-y.yaml) and e-mail addresses never count.

Never touched: fenced and indented code blocks, heading lines (their text makes the anchor), link
text and link targets (`[…](…)`, `[…][…]`, reference definitions), autolinks (`<https://…>`),
bare web addresses, and any other code span. An id that names no item is left as written.
The text given has been through `escape.md_block`, so it holds no raw HTML of the author's.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Linker = Callable[[str], str | None]  # an id -> the Markdown link replacing it, or None (not an item)

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}#{1,6}(\s|$)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:")
_LIST_ITEM = re.compile(r"^ {0,3}([-*+]|\d{1,9}[.)])(\s|$)")
_INDENTED = re.compile(r"^(    |\t)")
# Spans left alone as a whole, or (a code span) replaced as a whole.
_SPANS = re.compile(
    r"(?P<code>(?P<ticks>`+)(?P<inner>.+?)(?P=ticks))"
    r"|(?P<link>!?\[(?:[^\[\]]|\[[^\[\]]*\])*\](?:\([^()\s]*(?:\s+\"[^\"]*\")?\)|\[[^\]]*\])?)"
    r"|(?P<auto><[^<>\s]+>)"
    r"|(?P<url>\b(?:https?://|www\.)[^\s<>]+)"
)
_WORD = re.compile(r"(?:(?<=^)|(?<=[\s(*]))([a-z0-9]+(?:-[a-z0-9]+)+)(?=$|[\s)*,;:!?]|\.(?!\w))")


def link_ids(markdown: str, linker: Linker) -> str:
    """`markdown` with the item ids it names in prose replaced by `linker(id)`."""
    if "-" not in markdown and "`" not in markdown:
        return markdown
    out: list[str] = []
    fence: str | None = None
    state = {"blank": True, "list": False, "code": False}
    for line in markdown.split("\n"):
        opener = _FENCE.match(line)
        if fence is not None:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = None
            out.append(line)
            continue
        if opener:
            fence = opener.group(1)
            out.append(line)
            continue
        out.append(line if _is_code_or_heading(line, state) else _link_line(line, linker))
    return "\n".join(out)


def _is_code_or_heading(line: str, state: dict[str, bool]) -> bool:
    """Whether the line is an indented code block's, a heading or a reference definition; tracks lists."""
    blank = not line.strip()
    if blank:
        state["blank"] = True
        return False
    indented = bool(_INDENTED.match(line))
    code = indented and not state["list"] and (state["blank"] or state["code"])
    if _LIST_ITEM.match(line):
        state["list"] = True
    elif not indented and state["blank"]:
        state["list"] = False
    state["blank"], state["code"] = False, code
    return code or bool(_HEADING.match(line) or _REFERENCE.match(line))


def _link_line(line: str, linker: Linker) -> str:
    parts: list[str] = []
    last = 0
    for match in _SPANS.finditer(line):
        parts.append(_link_words(line[last:match.start()], linker))
        inner = match.group("inner")
        replaced = linker(inner.strip(" ")) if inner is not None else None
        parts.append(replaced if replaced is not None else match.group(0))
        last = match.end()
    parts.append(_link_words(line[last:], linker))
    return "".join(parts)


def _link_words(text: str, linker: Linker) -> str:
    if "-" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        found = linker(match.group(1))
        return found if found is not None else match.group(0)

    return _WORD.sub(replace, text)
