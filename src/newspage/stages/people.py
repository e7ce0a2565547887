"""Read names and roles out of bylines, datelines and photo credits.

Works on the shadow for matching and returns the printed characters, so a Traditional
byline `本報記者 刘 川` gives the name `刘川` as printed and the role `本報記者`.
"""

from __future__ import annotations

import regex

from .._cjk import lexicon
from .._patterns import (
    BYLINE_MARKER_RE,
    BYLINE_SUFFIX_RE,
    BYLINE_SYMBOLS,
    COMMENTATOR_RE,
    FILED_FROM_RE,
    INSTITUTION_ENDINGS,
    PAPER_ROLE_NAME_RE,
    PAPER_ROLE_RE,
    RARER_SURNAMES,
    REPORTER_RUBRIC_RE,
    ROLE_NAME_RE,
    ROLE_RE,
    ROLE_WORD_RE,
    SIGNING_UNIT_RE,
    SURNAMES,
    WRITTEN_UP_NOTE_RE,
)
from ..model import Author

_TOKEN_RE = regex.compile(r"[^ 、,，/|]+")
_NAME_TOKEN_RE = regex.compile(r"[\p{Han}·•]{1,4}|[\p{Han}]{1,4}[·•][\p{Han}·•]{1,12}")
# What a credit line wraps around the photographers' names.
# (An agency's release before the photographer: `新华社发 李小川 摄`.)
_CREDIT_PREFIX_RE = regex.compile(
    r"(?:本文|本版|本组|上|下|左|右)?图片?均?由|(?:摄影|图片|视觉|图|照片)\ ?[:/]\ ?"
    r"|\p{Han}{1,4}社发\ |(?:漫画|插图|插画|题图|配图)\ ?[:/]\ ?"
)
_CREDIT_SUFFIX_RE = regex.compile(
    r"[\ /]?(?:摄影?报道|摄影|拍摄|摄|供图|提供)(?:\ ?\([^()]{2,12}\))?$"  # 王大海拍摄: 王大海
    r"|\ 作(?:\ ?\([\p{Han}]{1,6}\))?$"  # a cartoon's, a painting's: 唐小蕾 作（国画）
)
_REPORTED_SUFFIX_RE = regex.compile(r"\ ?报道$")
# A byline of names alone followed by `报道` (reported) after a space, as Singapore and
# Malaysia papers sign: `林知夏 报道`, `林知夏 王大海 报道`. The names must read as names.
# The signature under a reader's letter: `读者 孙海川`, `河东镇读者 林知夏`, `青山市南湖区
# 读者 林知夏`. The name must read as one (`读者来信` is a rubric).
_READER_RE = regex.compile(
    r"^(?:\p{Han}[\p{Han}\ ]{0,9}?(?<=[县市区镇乡村省])\ ?|本报)?读者\ ?(?=[\p{Han}·\ ]{2,12}$)"
)
_REPORTED_BY_RE = regex.compile(r"^[\p{Han}·\ 、]{2,20}\ 报道$")


def parse_people(shadow: str, printed: str) -> tuple[Author, ...] | None:
    """Names and roles of a byline-shaped text, or None if it is not one.

    `shadow` and `printed` are the same text (same length), matched and returned.
    A name without a role before it gets role None; a role applies to every name after
    it until the next role: `王大海 本报记者 李小明` gives (王大海, None),
    (李小明, 本报记者). Single characters in a row are a padded two-character name:
    `刘 洋` is 刘洋; a surname alone before two characters is a spaced name: `王 大海`
    is 王大海.
    """
    tokens: list[tuple[str, str, str]] = []  # (kind, shadow token, printed token)
    for m in _TOKEN_RE.finditer(shadow):
        tok, ptok = m.group(), printed[m.start() : m.end()]
        if ROLE_RE.fullmatch(tok):
            tokens.append(("role", tok, ptok))
        elif PAPER_ROLE_RE.fullmatch(tok):
            tokens.append(("paper", tok, ptok))
        elif rn := ROLE_NAME_RE.fullmatch(tok):
            tokens += _role_then_name(tok, ptok, rn.end(1))
        elif m.start() and shadow[m.start() - 1] == "/" and FILED_FROM_RE.fullmatch(tok):
            continue  # `記者王大海／台北報導`: where the story was filed, no name
        elif _NAME_TOKEN_RE.fullmatch(tok):
            tokens.append(("name", tok, ptok))
        elif glued := _glued(tok):
            tokens.extend((kind, tok[a:b], ptok[a:b]) for kind, a, b in glued)
        elif rn := PAPER_ROLE_NAME_RE.fullmatch(tok):
            tokens += _role_then_name(tok, ptok, rn.end(1))
        else:
            return None
    if any(
        kind == "paper" and (k + 1 == len(tokens) or tokens[k + 1][0] != "name")
        for k, (kind, _, _) in enumerate(tokens)
    ):
        # `王大海 本报评论员 李小川 某某日报评论员`: names with the role after them, a
        # list of who talks in a dialogue, not a byline.
        return None
    authors: list[Author] = []
    role: str | None = None
    half: str | None = None  # first character of a padded two-character name
    half_shadow = ""
    for kind, tok, ptok in tokens:
        if kind in ("role", "paper"):
            if half is not None:
                authors.append(Author(half, role))
                half = None
            role = ptok
        elif len(tok) == 1:
            if half is None:
                half, half_shadow = ptok, tok
            else:
                authors.append(Author(half + ptok, role))
                half = None
        elif half is not None and len(tok) == 2 and half_shadow in _SURNAME_RANK:
            # `王 大海`: a surname set apart from a given name of two characters (OCR,
            # or a name spaced by hand), one name, not two people.
            authors.append(Author(half + ptok, role))
            half = None
        else:
            if half is not None:
                authors.append(Author(half, role))
                half = None
            authors.append(Author(ptok, role))
    if half is not None:
        authors.append(Author(half, role))
    return tuple(authors) if authors else None


def _role_then_name(tok: str, ptok: str, cut: int) -> list[tuple[str, str, str]]:
    """A role glued to a name (`记者李小明`), cut at `cut`, as two tokens."""
    return [("role", tok[:cut], ptok[:cut]), ("name", tok[cut:], ptok[cut:])]


_SURNAME_RANK = {c: i for i, c in enumerate(SURNAMES)}
_HAN_RUN_RE = regex.compile(r"\p{Han}+")


def _glued(token: str) -> list[tuple[str, int, int]] | None:
    """Roles and names printed without spaces between them, as (kind, start, end), or
    None: `陈一帆本报记者王大海` is a name, a role and a name; `本报记者马岚何远山` a role
    and two names. Every name is two or three characters opening with one of `SURNAMES`,
    so a phrase (`致敬一线记者`, `他对记者说`) never reads as one, and the token holds a
    role: names alone are cut only where spaces part them (`张丹华整理` of a closing note
    `（本报记者 张丹华整理）` is no 张丹 and 华整理)."""
    roles = list(ROLE_RE.finditer(token))
    if not roles:
        return None
    parts: list[tuple[str, int, int]] = []
    pos = 0
    for m in [*roles, None]:
        end = m.start() if m is not None else len(token)
        if end > pos:
            names = _split_names(token, pos, end)
            if names is None:
                return None
            parts.extend(("name", a, b) for a, b in names)
        if m is not None:
            parts.append(("role", m.start(), m.end()))
            pos = m.end()
    return parts


def _split_names(token: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """`token[start:end]` cut into names of two or three characters that each open with a
    surname: the fewest names, then the commonest surnames (`马岚何远山` is 马岚 + 何远山,
    not 马岚何 + 远山). None if it cannot be cut so."""
    if not _HAN_RUN_RE.fullmatch(token, start, end):
        return None
    # best[i]: (names, sum of surname ranks, cuts) for token[start:start+i]; the texts
    # are a few characters long.
    n = end - start
    best: list[tuple[int, int, list[tuple[int, int]]] | None] = [None] * (n + 1)
    best[0] = (0, 0, [])
    for i in range(n):
        here = best[i]
        rank = _SURNAME_RANK.get(token[start + i])
        if here is None or rank is None:
            continue
        for size in (2, 3):
            if i + size <= n:
                cand = (here[0] + 1, here[1] + rank, [*here[2], (start + i, start + i + size)])
                old = best[i + size]
                if old is None or cand[:2] < old[:2]:
                    best[i + size] = cand
    done = best[n]
    return done[2] if done is not None else None


def byline_people(shadow: str, printed: str) -> tuple[Author, ...] | None:
    """People of a byline block, or None when the block is not a byline.

    A byline needs a role word (`本报记者 张三`), a byline marker (`□ 张三`, `文/张三`)
    or parentheses (`（张三）`, the closing author line of a brief).
    """
    start, end = 0, len(shadow)
    marked = bare = False  # bare: only a symbol or brackets say it is a byline
    if m := BYLINE_MARKER_RE.match(shadow):
        start, marked, bare = m.end(), True, shadow[0] in BYLINE_SYMBOLS
    elif shadow.startswith("(") and shadow.endswith(")"):
        if WRITTEN_UP_NOTE_RE.fullmatch(shadow):
            return None  # `（本报记者 王 海整理）`: a closing note, the story's text
        start, end, marked, bare = 1, end - 1, True, True
        if m := SIGNING_UNIT_RE.match(shadow, start, end):
            start = m.end()  # `（青山县融媒体中心 李小川）`: the unit, then the name
    elif _REPORTED_BY_RE.search(shadow):
        marked = bare = True  # `林知夏 报道`: names and how the story was got, no role
    elif m := _READER_RE.match(shadow):
        start, marked, bare = m.end(), True, True  # `读者 孙海川` signs a letter
    elif not ROLE_WORD_RE.search(shadow):
        return None  # neither marked nor a role: the names alone do not make a byline
    if REPORTER_RUBRIC_RE.fullmatch(shadow, start, end):
        return None  # `■记者手记`: a column's rubric, no one's name
    if COMMENTATOR_RE.match(shadow):
        return None  # `本报编辑部` signs for the paper: no one's name (`部`)
    if (m := BYLINE_SUFFIX_RE.search(shadow, start, end)) and m.start() > start:
        end = m.start()  # `本报驻美国记者 林 夏文并图`
    people = parse_people(shadow[start:end], printed[start:end])
    if people is None:
        return None
    if all(a.role is None for a in people):
        if not marked:
            return None
        if bare:  # the names are read on the shadow: surnames are listed simplified
            part = shadow[start:end]
            names = parse_people(part, part) or ()
            if not all(_looks_like_name(a.name, part) for a in names):
                return None
    return people


# Most names a line of names alone signs (`李小川 王大海`): co-authors of an essay.
MAX_SIGNED_NAMES = 3


def signed_name(shadow: str, printed: str) -> tuple[Author, ...] | None:
    """The author of a line that is one name alone (`李小川`, padded `李 川`), as a
    commentary is signed under its title, or None. The name has two or three characters,
    opens with a common surname and is no word of the dictionary (`高质量` opens with a
    surname too; so do four-character titles, `高山梨园`). Two or three such names set
    apart by spaces (`李小川 王大海`, each of two or three characters) sign an essay
    written together."""
    parts = shadow.split()
    if 2 <= len(parts) <= MAX_SIGNED_NAMES and all(2 <= len(part) <= 3 for part in parts):
        if not all(signed_name(part, part) for part in parts):
            return None
        return parse_people(shadow, printed)
    bare = shadow.replace(" ", "")
    if not 2 <= len(bare) <= 3 or bare in lexicon():
        return None
    names = parse_people(shadow, shadow)
    if names is None or len(names) != 1 or names[0].role is not None:
        return None
    if not _looks_like_name(names[0].name, shadow):
        return None
    return parse_people(shadow, printed)


def _looks_like_name(name: str, text: str) -> bool:
    """Does a name printed without a role (in `text`, the shadow) read as one? A symbol
    or brackets alone also mark a box's label (`■小贴士`) or a list number (`（五）`): a
    Chinese name opens with a common surname or is padded to the width of three
    (`邝 岚`), a transliterated one (`阿不都·热合曼`) has short parts."""
    if "·" in name or "•" in name:
        return all(1 <= len(part) <= 4 for part in regex.split("[·•]", name))
    if len(name) == 2 and f"{name[0]} {name[1]}" in text:
        return True
    return len(name) >= 2 and (name[0] in _SURNAME_RANK or name[0] in RARER_SURNAMES)


# An agency's credit: `新华社发`, `中新社发（王大海摄）` (the photographer in brackets).
_AGENCY_CREDIT_RE = regex.compile(r"\p{Han}{1,4}社发(?:\ ?\((?P<inner>[^()]{1,20})\))?")


def credit_people(shadow: str, printed: str) -> tuple[str, ...]:
    """Photographers named in a credit line: `本报特约记者 陈 帆 摄` gives (陈帆,),
    `新华社发（王大海摄）` gives (王大海,), `新华社发` none."""
    if m := _AGENCY_CREDIT_RE.fullmatch(shadow):
        if m.group("inner") is None:
            return ()
        return credit_people(m.group("inner"), printed[m.start("inner") : m.end("inner")])
    start, end = 0, len(shadow)
    if (
        shadow.startswith("(")
        and shadow.endswith(")")
        and (_CREDIT_SUFFIX_RE.search(shadow, 1, end - 1) or _CREDIT_PREFIX_RE.match(shadow, 1))
    ):
        start, end = 1, end - 1  # `（記者王小明攝）`, `（图：李小川）`, not `（资料图片）`
    if m := _CREDIT_PREFIX_RE.match(shadow, start):
        start = m.end()
    if m := _CREDIT_SUFFIX_RE.search(shadow, start, end):
        end = m.start()
    source = shadow[start:end].strip()
    unit = _PHOTO_SOURCE_UNIT_RE.search(source) and not (
        len(source) <= 3 and source[:1] in _SURNAME_RANK  # `王小院`: a name
    )
    if source in _PHOTO_SOURCES or unit:
        # `受访者供图`: the person interviewed gave it; `（法院供图）`, `青山县人民医院供图`:
        # an institution did. No one is named.
        return ()
    people = parse_people(source, printed[start:end].strip())
    return tuple(a.name for a in people) if people else ()


# Who gave a photo, named by what they are, not by name: `受访者供图`, `本人提供`.
_PHOTO_SOURCES = frozenset({"受访者", "受访单位", "受访企业", "被访者", "本人", "读者", "网友"})
# ...or by the institution that gave it: a name ending as a unit's does.
_PHOTO_SOURCE_UNIT_RE = regex.compile(r"(?:" + INSTITUTION_ENDINGS + r"|馆)$")


def reported_people(text: str, printed: str) -> tuple[Author, ...]:
    """People of a dateline's `（记者 张三）` or `记者张三报道` part (shadow, printed)."""
    end = len(text)
    if m := _REPORTED_SUFFIX_RE.search(text):
        end = m.start()
    return parse_people(text[:end], printed[:end]) or ()


# The agency and role that open a wire dateline's reporters: `中央社记者`.
_WIRE_ROLE_RE = regex.compile(r"[\p{Han}]{1,4}社记者\ ?")


def wired_people(text: str, printed: str) -> tuple[Author, ...]:
    """People of an agency's dateline, whose last reporter runs into the place filed
    from: `中央社记者王大海、李小川北京` (shadow, printed) gives 王大海 and 李小川, each
    with the role as printed (`中央社記者`).

    Nothing marks where the last name ends. The place is a word: of the names of two or
    three characters that leave a word of the lexicon after them, the one before the
    commonest place is taken (`马岚` + `北京`, `何远山` + `哈尔滨`); without one, a name of
    three characters (two when the rest would be shorter than two)."""
    m = _WIRE_ROLE_RE.match(text)
    if m is None:
        return ()
    role = printed[: m.end()].strip()
    spans = [(s.start(), s.end()) for s in _TOKEN_RE.finditer(text, m.end())]
    if not spans:
        return ()
    start, end = spans[-1]
    last = text[start:end]
    words = lexicon()
    fits = [(words.logp[last[n:]], n) for n in (2, 3) if len(last) - n >= 2 and last[n:] in words]
    cut = max(fits)[1] if fits else (3 if len(last) >= 5 else min(2, len(last)))
    spans[-1] = (start, start + cut)
    return tuple(Author(printed[a:b], role) for a, b in spans if b - a >= 2)
