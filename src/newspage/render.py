"""Render a parsed `Page` for machines (JSON) and for people (Markdown, plain text).

Every function here is a pure function of the `Page`: the same page gives the same
string, byte for byte, so outputs can be diffed and cached.
"""

from __future__ import annotations

import json
import re

from .model import Article, Caption, Page

ARTICLE_RULE = "=" * 40
"""The line between two articles in `to_text`."""

_KIND_NOTES = {"brief": "brief", "photo": "photo story"}
"""How `to_markdown` notes an article kind; ordinary articles get no note."""

_MD_INLINE = str.maketrans({c: "\\" + c for c in "\\`*[]<>|&"})
"""Characters that Markdown would read as code, emphasis, links, HTML, tables or entities."""

_MD_UNDERSCORE_RE = re.compile(r"(?<!\w)_|_(?!\w)")
"""An underscore that can open or close emphasis. One between two letters or digits (CJK
included), as in `000_page.txt`, cannot, and stays unescaped so file names read well."""

_MD_BLOCK_START_RE = re.compile(
    r"""^(?:
        [#>]                       # heading, block quote
      | [-+](?=\s|$)               # bullet list item
      | [-~`]{3,}                  # thematic break, code fence
      | =+\s*$                     # setext heading underline
      | \d{1,9}(?P<dot>[.)])(?=\s|$)  # ordered list item: `1. ` or `2) `
    )""",
    re.VERBOSE,
)
"""Line starts that would make a Markdown block out of page text."""


def to_json(page: Page, *, indent: int | None = 2) -> str:
    """Serialize a page in the JSON contract `newspage/1`.

    Keys keep the contract order of `Page.to_dict` (not sorted) and Chinese text stays
    readable (no `\\u` escapes).

    Args:
        page: The page to serialize.
        indent: Spaces per nesting level, or None for one line (JSON Lines).

    Returns:
        The JSON text, without a trailing newline.
    """
    return json.dumps(page.to_dict(), ensure_ascii=False, indent=indent)


def to_jsonl(page: Page) -> str:
    """One line of JSON Lines for a page: `to_json` without indentation, and a newline.

    `newspage parse --format jsonl` writes these lines, one per page, and so does
    `newspage.scale`: their outputs for the same pages are the same bytes.

    Args:
        page: The page to serialize.

    Returns:
        The page in the contract `newspage/1` on one line, ending in `\\n`.
    """
    return to_json(page, indent=None) + "\n"


def to_markdown(page: Page) -> str:
    """Render a page as Markdown for people to read.

    Each article gets a `##` heading (its kicker above and subheadline below in italics),
    a note of its column and kind, the byline and dateline, the lead box as a quote,
    `###` subheads, the paragraphs and its captions. Blocks that belong to no article and
    the page's warnings come last. Text from the page is escaped so that it cannot turn
    into Markdown markup.

    Args:
        page: The page to render.

    Returns:
        The Markdown text, ending in one newline; empty for an empty page without source.
    """
    blocks: list[str] = []
    if page.source is not None:
        blocks.append(f"# {_md(page.source)}")
    for article in page.articles:
        blocks.extend(_article_markdown(article))
    if page.unplaced:
        blocks.append("## Unplaced")
        blocks.append("\n".join(_md_list_item(text) for text in page.unplaced))
    if page.warnings:
        blocks.append("## Warnings")
        blocks.append(
            "\n".join(_warning_markdown(w.code, w.message, w.text) for w in page.warnings)
        )
    return "\n\n".join(blocks) + "\n" if blocks else ""


def to_text(page: Page) -> str:
    """Render the articles of a page as plain text, e.g. for a text corpus.

    Each article is its title lines (kicker, headline, subheadline), a blank line, then
    its lead and body paragraphs and subheads, separated by blank lines. Articles are
    separated by a line of `=` (`ARTICLE_RULE`). Bylines, captions, unplaced blocks and
    warnings are left out: they are not running text.

    Args:
        page: The page to render.

    Returns:
        The text, ending in one newline; empty if the page has no articles.
    """
    articles = [_article_text(a) for a in page.articles]
    articles = [a for a in articles if a]
    return f"\n\n{ARTICLE_RULE}\n\n".join(articles) + "\n" if articles else ""


def _article_markdown(article: Article) -> list[str]:
    """The Markdown blocks of one article, in reading order."""
    blocks: list[str] = []
    if article.kicker:
        blocks.append(f"*{_md(article.kicker)}*")
    blocks.append(f"## {_md(article.headline) if article.headline else '(untitled)'}")
    if article.subheadline:
        blocks.append(f"*{_md(article.subheadline)}*")
    note = [f"**{_md(article.column)}**"] if article.column else []
    note += [_KIND_NOTES[article.kind]] if article.kind in _KIND_NOTES else []
    if note:
        blocks.append(" · ".join(note))
    # The dateline also opens its paragraph (the contract keeps it there); printing it
    # beside the byline as well would show it twice.
    dateline = article.dateline
    if dateline and any(p.startswith(dateline) for p in article.paragraphs):
        dateline = None
    credit = [_md(s) for s in (article.byline, dateline) if s]
    if credit:
        blocks.append(" · ".join(credit))
    if article.lead or article.lead_label:  # a label over no lead text is shown too
        quoted = ([f"**{_md(article.lead_label)}**"] if article.lead_label else []) + [
            _md(p) for p in article.lead
        ]
        blocks.append("\n>\n".join(f"> {q}" for q in quoted))
    for section in article.sections:
        if section.heading:
            blocks.append(f"### {_md(section.heading)}")
        blocks.extend(_md(p) for p in section.paragraphs)
    if article.captions:
        blocks.append("\n".join(_caption_markdown(c) for c in article.captions))
    return blocks


def _caption_markdown(caption: Caption) -> str:
    """`- 图：text — credit`, leaving out whichever part is missing."""
    parts = [_md(s) for s in (caption.text, caption.credit) if s]
    return f"- 图：{' — '.join(parts)}"


def _warning_markdown(code: str, message: str, text: str | None) -> str:
    quoted = f" — “{_md(text)}”" if text else ""
    return f"- `{code}`: {_md(message)}{quoted}"


def _md_list_item(text: str) -> str:
    """A list item; further lines of a multi-line block are indented to stay inside it."""
    lines = [_md(line) for line in text.splitlines() or [""]]
    return "- " + "\n  ".join(lines)


def _md(text: str) -> str:
    """Escape page text for Markdown, on one line for headings and list items."""
    text = " ".join(text.split("\n")).translate(_MD_INLINE).strip()
    text = _MD_UNDERSCORE_RE.sub(r"\\_", text)
    if match := _MD_BLOCK_START_RE.match(text):
        # Escape the punctuation: a backslash before a digit would be printed as is.
        at = match.start("dot") if match.group("dot") else 0
        return f"{text[:at]}\\{text[at:]}"
    return text


def _article_text(article: Article) -> str:
    """One article as plain text: title lines, a blank line, paragraphs."""
    title = "\n".join(s for s in (article.kicker, article.headline, article.subheadline) if s)
    body = list(article.lead)
    for section in article.sections:
        body.extend(([section.heading] if section.heading else []) + list(section.paragraphs))
    return "\n\n".join(([title] if title else []) + body)
