"""Result types: what `newspage.parse` returns.

Every type is a frozen attrs class (hashable, comparable, safe to share). Sequences are
tuples. `Page.to_dict()` gives the JSON contract `newspage/1` (see docs/contract.md); the
other types have a `to_dict()` for their part of it.
"""

from __future__ import annotations

from typing import Any, Literal

import attrs

SCHEMA = "newspage/1"

ArticleKind = Literal["article", "brief", "photo"]


@attrs.frozen
class Author:
    """A person named in a byline, dateline or credit line."""

    name: str
    """The name without padding spaces: `刘 洋` is printed, `刘洋` is stored."""
    role: str | None = None
    """The role printed before the name (`本报记者`, `记者`, `通讯员`), or None."""

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role}


@attrs.frozen
class Caption:
    """A photo caption (图片说明) and its credit line (… 摄)."""

    text: str | None
    """The caption as printed, or None for a credit line standing alone."""
    credit: str | None = None
    """The credit line as printed, e.g. `本报特约记者 陈 帆 摄`."""
    photographers: tuple[str, ...] = ()
    """Names read from the credit line, without padding spaces."""

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "credit": self.credit, "photographers": list(self.photographers)}


@attrs.frozen
class Section:
    """Body text under one subhead (小标题); `heading` is None before the first subhead."""

    heading: str | None
    paragraphs: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"heading": self.heading, "paragraphs": list(self.paragraphs)}


@attrs.frozen
class Join:
    """Two pieces of one paragraph, separated by a column break, joined back together."""

    first: str
    """The last characters (up to 8) of the first piece."""
    second: str
    """The first characters (up to 8) of the second piece."""
    score: float
    """How sure the repair is, a probability in (0, 1): the sigmoid of the join's
    log-odds, which must reach `repair.JOIN_THRESHOLD`."""
    evidence: tuple[str, ...] = ()
    """The features that spoke most for the join, strongest first, e.g. `lex-span`
    (a word runs across the cut), `adjacent`, `quotes-balance`."""

    def to_dict(self) -> dict[str, Any]:
        return {"score": round(self.score, 3), "evidence": list(self.evidence)}


@attrs.frozen
class Diagnostic:
    """Something odd about the page, with a stable `code` (see docs/warnings.md)."""

    code: str
    """Stable identifier, e.g. `unresolved-break`."""
    message: str
    """One sentence for people."""
    text: str | None = None
    """The text concerned (shortened), if any."""

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "text": self.text}


@attrs.frozen(kw_only=True)
class Article:
    """One story, one brief of a side column, or one picture story."""

    kind: ArticleKind = "article"
    column: str | None = None
    """The rubric the item is printed under (`XX时讯`), without its pinyin decoration."""
    kicker: str | None = None
    """引题, the line above the headline."""
    headline: str | None = None
    """主题 as printed, inner spaces collapsed to one."""
    subheadline: str | None = None
    """副题, leading dashes kept."""
    byline: str | None = None
    """The byline or closing author line as printed."""
    authors: tuple[Author, ...] = ()
    dateline: str | None = None
    """电头 such as `本报讯` or `新华社北京11月21日电`; also kept in the first paragraph."""
    lead_label: str | None = None
    """The label of a lead box (`核心提示`, `编者按`) as printed."""
    lead: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    captions: tuple[Caption, ...] = ()
    joins: tuple[Join, ...] = ()

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """All body paragraphs in reading order, lead box first."""
        return self.lead + tuple(p for s in self.sections for p in s.paragraphs)

    @property
    def text(self) -> str:
        """The body as one string, one paragraph per line."""
        return "\n".join(self.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "column": self.column,
            "kicker": self.kicker,
            "headline": self.headline,
            "subheadline": self.subheadline,
            "byline": self.byline,
            "authors": [a.to_dict() for a in self.authors],
            "dateline": self.dateline,
            "lead_label": self.lead_label,
            "lead": list(self.lead),
            "sections": [s.to_dict() for s in self.sections],
            "captions": [c.to_dict() for c in self.captions],
            "joins": [[j.first, j.second] for j in self.joins],
            "join_evidence": [j.to_dict() for j in self.joins],
        }


@attrs.frozen(kw_only=True)
class Page:
    """A parsed page: its articles in reading order, what belongs to none, and warnings."""

    source: str | None = None
    """The file name the page was read from (`NAME.pdf#pN` for page N of a PDF), or None."""
    articles: tuple[Article, ...] = ()
    unplaced: tuple[str, ...] = ()
    """Blocks that belong to no article: page furniture, orphans."""
    warnings: tuple[Diagnostic, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The page in the JSON contract `newspage/1`."""
        return {
            "schema": SCHEMA,
            "source": self.source,
            "articles": [a.to_dict() for a in self.articles],
            "unplaced": list(self.unplaced),
            "warnings": [w.to_dict() for w in self.warnings],
        }
