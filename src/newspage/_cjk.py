"""Character classes, the matching shadow of a text, and the lazily loaded statistics.

The parser never changes the text it returns. It matches on a *shadow*: the same text
with full-width forms folded to half-width (`，` -> `,`), odd spaces folded to a plain
space, and Traditional characters converted to Simplified with OpenCC (`本報訊` ->
`本报讯`). The shadow has the same length as the text, so a match in the shadow is a
match at the same offsets in the printed text.
"""

from __future__ import annotations

import bisect
import functools
import gzip
import json
import math
import re
from collections.abc import Sequence
from importlib import resources
from typing import Any

import attrs
import regex

# Full-width ASCII (U+FF01..U+FF5E) -> ASCII, every space-like character -> " ", and a
# few marks to the forms the patterns and statistics are written for.
_WIDTH_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH_FOLD.update(
    {
        0x3000: 0x20,  # ideographic space, the paragraph indent
        0x00A0: 0x20,  # no-break space, name padding in e-paper dumps
        0x2002: 0x20,
        0x2003: 0x20,
        0x2009: 0x20,
        0x200B: 0x20,  # zero-width space left by some PDF extractors
        0xFEFF: 0x20,  # a BOM in the middle of a concatenated dump
        0x09: 0x20,
        0xFE50: 0x2C,  # small comma
        0xFE51: 0x3001,  # small ideographic comma
        0xFF61: 0x3002,  # half-width ideographic full stop
        0x2015: 0x2014,  # horizontal bar used as a dash
        0x2500: 0x2014,  # box-drawing line used as a dash
        # Corner brackets, the quotation marks of Hong Kong and Taiwan papers, read as
        # the curly quotes of the mainland: `「今年要」` is matched as `“今年要”`.
        0x300C: 0x201C,
        0x300D: 0x201D,
        0x300E: 0x2018,
        0x300F: 0x2019,
        # The presentation forms of vertical text, which a dump of a page set in columns
        # from top to bottom (Hong Kong and Taiwan papers) may keep: `﹁…﹂` are corner
        # quotes, U+FE30 (a two-dot leader) the colon of `責任編輯…`. Each is read as
        # the mark it stands for, one character for one.
        0xFE10: 0x2C,  # ︐
        0xFE11: 0x3001,  # ︑
        0xFE12: 0x3002,  # ︒
        0xFE13: 0x3A,  # ︓
        0xFE14: 0x3B,  # ︔
        0xFE15: 0x21,  # ︕
        0xFE16: 0x3F,  # ︖
        0xFE19: 0x2026,  # ︙
        0xFE30: 0x3A,  # two-dot leader, the colon of vertical text
        0xFE31: 0x2014,  # ︱
        0xFE32: 0x2014,  # ︲
        0xFE35: 0x28,  # ︵
        0xFE36: 0x29,  # ︶
        0xFE39: 0x3014,  # ︹
        0xFE3A: 0x3015,  # ︺
        0xFE3B: 0x3010,  # ︻
        0xFE3C: 0x3011,  # ︼
        0xFE3D: 0x300A,  # ︽
        0xFE3E: 0x300B,  # ︾
        0xFE3F: 0x3008,  # ︿
        0xFE40: 0x3009,  # ﹀
        0xFE41: 0x201C,  # ﹁
        0xFE42: 0x201D,  # ﹂
        0xFE43: 0x2018,  # ﹃
        0xFE44: 0x2019,  # ﹄
        0xFE47: 0x5B,  # ﹇
        0xFE48: 0x5D,  # ﹈
        0xFE52: 0x2E,  # ﹒
        0xFE54: 0x3B,  # ﹔
        0xFE55: 0x3A,  # ﹕
        0xFE56: 0x3F,  # ﹖
        0xFE57: 0x21,  # ﹗
    }
)


@functools.lru_cache(maxsize=1)
def _converter() -> Any:
    # Imported here: building the converter loads dictionaries, which `import newspage`
    # should not pay for.
    import opencc

    return opencc.OpenCC("t2s")


# str.translate looks every character up in a dict; a character class finds the few
# characters to fold about five times faster on CJK text.
_FOLD_CHARS_RE = re.compile("[" + re.escape("".join(map(chr, _WIDTH_FOLD))) + "]")
_FOLD_CHAR = {chr(k): chr(v) for k, v in _WIDTH_FOLD.items()}


# A full stop printed as `.` (or `．`, folded to `.` above) where Chinese text has `。`:
# dumps passed through a "to half-width" conversion print `…高质量发展.` and `说."`.
# After a character outside ASCII, a `%` or a closing mark it ends a sentence
# (`成效明显.2020年`, `增长5%.同时`, `"新城".`). After a letter or digit it may be a
# decimal point cut by a line or column break (`增长6.` + `8%`), so `达到100.` keeps its
# `.`, as do `2.5`, `U.S.`, `www.people.com.cn`, `No.1` and `1.加强组织领导`. Three dots
# or more are an ellipsis (`…`) wherever they stand: `等等...`.
# (The pattern finds every run of dots, which the engine skips to; the function reads
# the character before a lone one. A look-behind in the pattern made the engine try
# every position of the page.)
_DOTS_RE = re.compile(r"\.+")
_STOP_AFTER = frozenset("%\"')")


def _full_stop(m: re.Match[str]) -> str:
    start, n = m.start(), m.end() - m.start()
    if n >= 3:
        return "…" * n
    before = m.string[start - 1] if start else ""
    if n == 1 and (before in _STOP_AFTER or (before and not before.isascii())):
        return "。"
    return m.group()


# A full stop an OCR engine read as a Latin `o` (`…推着小车进来也方便o`): a lone `o` or `O`
# right after a Han character, with no letter or digit after it, ends the sentence.
_OCR_STOP_RE = re.compile(r"(?<=[\u4e00-\u9fff])[oO](?![A-Za-z0-9])")


def fold_width(text: str) -> str:
    """Fold full-width forms and space-like characters; length is unchanged."""
    # A page holds a few kinds of them (`，`, `：`, `（`, U+3000), each many times: one
    # `replace` per kind beats a Python call per character. No character folds to one
    # that is folded itself, so the order of the replacements does not matter.
    for ch in set(_FOLD_CHARS_RE.findall(text)):
        text = text.replace(ch, _FOLD_CHAR[ch])
    if "." in text:
        text = _DOTS_RE.sub(_full_stop, text)
    if "o" in text or "O" in text:
        text = _OCR_STOP_RE.sub("。", text)
    return text


# Straight double quotes (`"`, or `＂` folded above) where Chinese text prints `“` and
# `”`: the quote balance of a piece (`最"。` closes a quotation opened in another
# piece) needs to know which is which. Before a mark that follows a quotation, or at the
# end, a `"` closes (`"四个全面",` `…控制。"`); after one that precedes a quotation, or
# at the start, it opens (`说:"…`, `,"…`, `、"…`). After the end of a sentence it closes
# the quotation it ends (`…难关。"那段时间`, three times in four in the corpus) unless
# none is open and an even number of `"` is left to pair up (`。"十四五"期间`).
# Elsewhere it does what the last one did not (`实施"一号工程"的`).
_CLOSES_BEFORE = frozenset(",.;:!?)、。…—")
_OPENS_AFTER = frozenset(",:(、“ ")
_SENTENCE_ENDS = frozenset("。!?…")


def curl_quotes(text: str) -> str:
    """Read each straight `"` of a width-folded text as `“` or `”`; length is unchanged."""
    left = text.count('"')
    if not left:
        return text
    chars = list(text)
    inside = False
    last = len(text) - 1
    for i, ch in enumerate(text):
        if ch != '"':
            continue
        if i == last or text[i + 1] in _CLOSES_BEFORE:
            inside = False
        elif i == 0 or text[i - 1] in _OPENS_AFTER:
            inside = True
        elif text[i - 1] in _SENTENCE_ENDS:
            inside = not inside and left % 2 == 0
        else:
            inside = not inside
        chars[i] = "“" if inside else "”"
        left -= 1
    return "".join(chars)


def to_simplified(text: str) -> str:
    """Traditional -> Simplified, keeping the length (character by character if needed)."""
    if text.isascii():
        return text
    conv = _converter().convert
    out: str = conv(text)
    if len(out) != len(text):
        # OpenCC's phrase tables may change length; char by char never does.
        out = "".join(c2 if len(c2 := conv(c)) == 1 else c for c in text)
    return out


def shadow(text: str) -> str:
    """The matching shadow of `text`: width-folded and simplified, same length."""
    return to_simplified(curl_quotes(fold_width(text)))


def shadows(texts: Sequence[str]) -> list[str]:
    """`[shadow(t) for t in texts]`, with one call to OpenCC for all of them.

    Each call to OpenCC costs more than the conversion of a block, and a page holds a
    hundred blocks. OpenCC matches phrases within a line, so texts joined by line breaks
    convert exactly as each alone would; a text whose conversion changes its length is
    converted again alone, as `to_simplified` does it.
    """
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:  # a text holds a line break: one by one
        return [shadow(t) for t in texts]
    folded = fold_width(joined).split("\n")
    if '"' in joined or "＂" in joined:
        folded = [curl_quotes(f) for f in folded]
    cjk = [f for f in folded if not f.isascii()]
    converted = _converter().convert("\n".join(cjk)).split("\n") if cjk else []
    if len(converted) != len(cjk):
        return [shadow(t) for t in texts]
    out: list[str] = []
    done = iter(converted)
    for f in folded:
        if f.isascii():
            out.append(f)
        elif len(c := next(done)) == len(f):
            out.append(c)
        else:
            out.append(to_simplified(f))
    return out


def is_han(ch: str) -> bool:
    """True for a CJK ideograph (the BMP blocks newspapers print)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


def is_wordish(ch: str) -> bool:
    """A Latin letter or digit."""
    return ch.isascii() and ch.isalnum()


def space_at_line_break(before: str, after: str) -> bool:
    """Does a line break between the characters `before` and `after` stand for a space?

    Between Latin words it does (`5G and` / `AI技术`). Between two digits it does not: a
    dump wrapped at a fixed width cuts numbers anywhere (`修建步道6` / `00米`), and Chinese
    text never prints two numbers with only a space between them.
    """
    return is_wordish(before) and is_wordish(after) and not (before.isdigit() and after.isdigit())


# A character pair seen fewer times than this has no start/end ratio of its own.
_MIN_PAIR_COUNT = 5

# The occurrences at the average rate that `CharStats` adds to the counts of a character
# before it says how often the character opens or closes a paragraph. Of the values 5, 10,
# 20, 40 and 50 tried on the thirteen generated sets, 20 made the most right joins per wrong
# one at the join threshold that keeps the wrong ones as few as before (see
# docs/accuracy.md, forty-second session).
EDGE_PRIOR_SEEN = 20.0
# The occurrences of `a` at the rate of `b` anywhere that `CharStats.pmi` adds to the
# counts of the pair `ab`. The shipped counts keep every pair seen, once or more; a pair
# seen once says less than its count alone would (at 20, the usual pair of sample page
# 001 `闲`+`工`, seen once, made a wrong join; at 40 none, and the thirteen generated sets
# gained 0.0001; at 80 they lost it again to more wrong joins).
PMI_PRIOR_SEEN = 40.0
# The occurrences of a context at the rate of the next shorter one that
# `CharStats.cross_gain` adds to the counts of a trigram or bigram (interpolated
# smoothing: an unseen trigram falls back to its bigram, an unseen bigram to one character).
CONTEXT_PRIOR_SEEN = 5.0


@attrs.frozen
class CharStats:
    """Character counts of newspaper text (see tools/derive_stats.py for the source).

    The column-break repair asks them how likely a character (or pair) is to open or
    close a paragraph (`start_ratio`, `start2_ratio`, `end_ratio`, `end2_ratio`) and how
    strongly two characters belong together (`pmi`).
    """

    unigram: dict[str, int]
    start: dict[str, int]
    end: dict[str, int]
    start2: dict[str, int]
    end2: dict[str, int]
    bigram: dict[str, int]
    total: int
    paragraphs: int
    common: frozenset[str] = frozenset()
    """Bigrams too frequent to say what a text is about (`发展`, `我们`)."""
    trigram: dict[str, int] = attrs.field(factory=dict)
    """Counts of three characters in a row, of those seen twice or more."""

    def start_ratio(self, ch: str) -> float:
        """log of how much likelier `ch` is to open a paragraph than to stand anywhere.

        Positive for paragraph openers (`在`, `“`), strongly negative for characters that
        open a paragraph almost only when a column break cut a word (`息`, `了`, `，`).
        """
        return self._edge_ratio(self.start.get(ch, 0), self.unigram.get(ch, 0))

    def _edge_ratio(self, at_edge: int, seen: int) -> float:
        """log of how much likelier a character (or pair) counted `seen` times, `at_edge`
        of them opening (or closing) a paragraph, is to stand there than any character.

        `EDGE_PRIOR_SEEN` occurrences at the average rate of every character are added to
        the counts, so a character seen a few times or never (a rare surname cut from its
        given name, `…副县长俞` / `晓峰介绍`) says little either way. Without them, a
        character never seen looked as sure a paragraph's end as `。`."""
        rate = self.paragraphs / self.total
        return math.log((at_edge + EDGE_PRIOR_SEEN * rate) / (seen + EDGE_PRIOR_SEEN) / rate)

    def end_ratio(self, ch: str) -> float:
        """log of how much likelier `ch` is to close a paragraph than to stand anywhere."""
        return self._edge_ratio(self.end.get(ch, 0), self.unigram.get(ch, 0))

    def start2_ratio(self, pair: str) -> float:
        """log of how much likelier the two characters `pair` are to open a paragraph
        than to stand anywhere: `在香` opens many, `乃至` few."""
        seen = self.bigram.get(pair, 0)
        if seen < _MIN_PAIR_COUNT:
            return self.start_ratio(pair[0])  # too rare to say: back off to one character
        return self._edge_ratio(self.start2.get(pair, 0), seen)

    def end2_ratio(self, pair: str) -> float:
        """log of how much likelier `pair` is to close a paragraph than to stand anywhere."""
        seen = self.bigram.get(pair, 0)
        if seen < _MIN_PAIR_COUNT:
            return self.end_ratio(pair[-1])
        return self._edge_ratio(self.end2.get(pair, 0), seen)

    def unseen_pmi(self, a: str) -> float:
        """`pmi(a, b)` for any `b` never seen after `a` (the lowest it can be)."""
        return math.log(PMI_PRIOR_SEEN / (self.unigram.get(a, 0) + PMI_PRIOR_SEEN))

    def max_pmi(self, a: str) -> float:
        """The highest `pmi(a, b)` can be, whatever `b`.

        A pair is counted at most as often as its second character (`bigram[a + b] <=
        unigram[b]`, a test checks the shipped counts), so P(b|a) <= (count(b) + k P(b)) /
        (count(a) + k), k = `PMI_PRIOR_SEEN`, and count(b) / P(b) < total + 1.
        """
        k = PMI_PRIOR_SEEN
        return math.log((self.total + 1 + k) / (self.unigram.get(a, 0) + k))

    def _p1(self, y: str) -> float:
        """P(y) anywhere, add-one smoothed."""
        return (self.unigram.get(y, 0) + 1) / (self.total + 1)

    def _p2(self, y: str, x: str) -> float:
        k = CONTEXT_PRIOR_SEEN
        return (self.bigram.get(x + y, 0) + k * self._p1(y)) / (self.unigram.get(x, 0) + k)

    def _p3(self, y: str, x0: str, x1: str) -> float:
        k = CONTEXT_PRIOR_SEEN
        return (self.trigram.get(x0 + x1 + y, 0) + k * self._p2(y, x1)) / (
            self.bigram.get(x0 + x1, 0) + k
        )

    def cross_gain(self, before: str, after: str) -> float:
        """How much likelier the first two characters of `after` are read after the last
        two of `before` than at the start of a text of their own: log P(y0 | x0 x1) P(y1 |
        x1 y0) / P(y0) P(y1 | y0), a smoothed trigram model. `…习近平总书` + `记强调…` reads
        on (7.2, `总书记`); `…习近平总书` + `法作品…` does not (-3.6), though the pair at
        the cut is a word (`书法`, `pmi` 2.8). Both texts have two characters or more."""
        x0, x1, y0, y1 = before[-2], before[-1], after[0], after[1]
        return math.log(
            self._p3(y0, x0, x1) * self._p3(y1, x1, y0) / (self._p1(y0) * self._p2(y1, y0))
        )

    def pmi(self, a: str, b: str) -> float:
        """How much likelier `b` is after `a` than anywhere: log P(b|a) / P(b).

        High inside words (`信`+`息`), negative across word boundaries that never meet.
        P(b|a) is shrunk towards P(b) (`PMI_PRIOR_SEEN` occurrences of `a`), so rare
        characters with few observations give values near zero instead of wild guesses.
        """
        pb = self._p1(b)
        ca = self.unigram.get(a, 0)
        k = PMI_PRIOR_SEEN
        p_b_given_a = (self.bigram.get(a + b, 0) + k * pb) / (ca + k)
        return math.log(p_b_given_a / pb)


@functools.lru_cache(maxsize=1)
def char_stats() -> CharStats:
    """The shipped statistics, loaded on first use and kept for the process."""
    raw = resources.files("newspage").joinpath("data/charstats.json.gz").read_bytes()
    data = json.loads(gzip.decompress(raw))
    keys: str = data["bigram_keys"]
    counts: list[int] = data["bigram_counts"]
    bigram = {keys[2 * i : 2 * i + 2]: c for i, c in enumerate(counts)}
    keys3: str = data.get("trigram_keys", "")
    trigram = {keys3[3 * i : 3 * i + 3]: c for i, c in enumerate(data.get("trigram_counts", []))}
    unigram: dict[str, int] = data["unigram"]
    total = sum(unigram.values())
    limit = COMMON_BIGRAM_PPM * total / 1e6
    return CharStats(
        unigram=unigram,
        start=data["start"],
        end=data["end"],
        start2=data["start2"],
        end2=data["end2"],
        bigram=bigram,
        total=total,
        paragraphs=int(data["paragraphs"]),
        common=frozenset(k for k, c in bigram.items() if c > limit),
        trigram=trigram,
    )


def load_weights(filename: str, features: tuple[str, ...]) -> dict[str, float]:
    """Feature weights from a package-data JSON file (`tools/_weights.py` writes them);
    a feature the file does not name weighs 0."""
    raw = resources.files("newspage").joinpath(f"data/{filename}").read_text("utf-8")
    weights: dict[str, float] = json.loads(raw)["weights"]
    return {name: float(weights.get(name, 0.0)) for name in features}


# The longest word of the lexicon, in characters.
_LONGEST_WORD = 4


@attrs.frozen
class Lexicon:
    """Words of 1-4 Han characters and how often they are used (see data/README.md).

    The column-break repair asks it whether a word runs across a cut (`spans_word`) and
    how much better the text reads as one piece than as two (`cut_gain`).
    """

    logp: dict[str, float]
    """log P(word) of a unigram word model: a word's count over all counts."""
    unknown: float
    """log P of a character the dictionary lacks (half a count)."""
    pairs: frozenset[str]
    """The pairs of characters that meet inside a word: a word can run across a cut only
    where they meet (`信息` for `…信` + `息…`)."""

    def __contains__(self, word: object) -> bool:
        return word in self.logp

    def spans_word(self, left: str, right: str) -> bool:
        """Does a word of two or more characters run across the boundary between `left`
        and `right`? `…推动数字经` + `济…`: 经济 does."""
        if left[-1:] + right[:1] not in self.pairs:
            return False  # every such word holds the two characters at the boundary
        for k in range(1, min(_LONGEST_WORD - 1, len(left)) + 1):
            end = left[-k:]
            for m in range(1, min(_LONGEST_WORD - k, len(right)) + 1):
                if end + right[:m] in self.logp:
                    return True
        return False

    def cut_gain(self, left: str, right: str, known: dict[str, list[float]] | None = None) -> float:
        """How much likelier the Han characters at the end of `left` and the start of
        `right` read as one text than as two, in nats (0 or more).

        The best segmentation into words of `…图书室拥` + `有上万册…` reads `拥有` across
        the cut, far likelier than `拥` and `有` apart: a large gain (about 6.3).
        `…推进信` + `心十足…` reads the word `信心` across the cut too, but `信息` in
        `…推进信` + `息化与…` gains far more (6.3 against 17.5): the gain weighs how
        strongly the word holds, not only that there is one. Without a word across the
        cut (`…图书室拥` + `而有了…`) the gain is 0. Four characters on each side decide
        it, as no word is longer.

        `known` keeps the segmentation of each side, for a caller that asks about the
        same pieces again (`_best_segmentation`).
        """
        a = len(left)
        while a > 0 and len(left) - a < _LONGEST_WORD and is_han(left[a - 1]):
            a -= 1
        b = 0
        while b < len(right) and b < _LONGEST_WORD and is_han(right[b]):
            b += 1
        if a == len(left) or b == 0:
            return 0.0
        known = {} if known is None else known
        tail, head = left[a:], right[:b]
        if (before := known.get(tail)) is None:
            before = known[tail] = self._best_segmentation(tail)
        if (alone := known.get(head)) is None:
            alone = known[head] = self._best_segmentation(head)
        # The segmentation of a prefix is the start of the segmentation of the whole.
        whole = self._best_segmentation(tail + head, before)
        return max(0.0, whole[-1] - before[-1] - alone[-1])

    def _best_segmentation(self, text: str, prefix: Sequence[float] = (0.0,)) -> list[float]:
        """log P of the likeliest segmentation of each prefix of `text` (Viterbi), going on
        from `prefix`, the first of them if known (those of `text[:len(prefix) - 1]`)."""
        logp, unknown = self.logp, self.unknown
        best = list(prefix)
        for i in range(len(best), len(text) + 1):
            top = best[i - 1] + logp.get(text[i - 1], unknown)
            for k in range(2, min(_LONGEST_WORD, i) + 1):
                p = logp.get(text[i - k : i])
                if p is not None and best[i - k] + p > top:
                    top = best[i - k] + p
            best.append(top)
        return best


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The words of jieba's dictionary (MIT; see data/README.md) with their counts,
    loaded on first use and kept for the process."""
    raw = resources.files("newspage").joinpath("data/lexicon.tsv.gz").read_bytes()
    counts: dict[str, int] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        word, _, count = line.partition("\t")
        counts[word] = int(count)
    log_total = math.log(sum(counts.values()))
    return Lexicon(
        logp={w: math.log(c) - log_total for w, c in counts.items()},
        unknown=math.log(0.5) - log_total,
        pairs=frozenset(w[i : i + 2] for w in counts for i in range(len(w) - 1)),
    )


# Bigrams more frequent than this (per million characters) carry no topic.
COMMON_BIGRAM_PPM = 60.0

_HAN_RUN_RE = regex.compile(r"\p{Han}{2,}")


def topic_bigrams(text: str, stats: CharStats) -> set[str]:
    """The rarer Han bigrams of `text`: names, places, topic words."""
    runs = _HAN_RUN_RE.findall(text)
    return {run[i : i + 2] for run in runs for i in range(len(run) - 1)} - stats.common


class TopicBigrams:
    """The topic bigrams of windows of text made of pieces (block shadows), each piece
    tokenized once.

    The phases that compare topics read the same blocks many times over, in windows that
    overlap: the text around each pairing of the repair, the story so far at each title.
    The bigrams of joined pieces are those of each piece and those across the joints;
    a window that cuts its end piece keeps the bigrams that start inside it. (A window
    adds each piece's list to its set: a frozenset kept per piece costs more to make than
    the unions it saves.)
    """

    def __init__(self, stats: CharStats) -> None:
        self.stats = stats
        self.common = stats.common
        self._tokens: dict[str, tuple[list[str], list[int]]] = {}

    def of(self, text: str) -> list[str]:
        """The topic bigrams (see `topic_bigrams`) of `text`, each time it occurs, in
        order; computed once per text."""
        return self._tokenized(text)[0]

    def _tokenized(self, text: str) -> tuple[list[str], list[int]]:
        """The list of `of(text)`, and where each of its bigrams starts in `text` (which a
        window that cuts the text needs): both in one pass, about as dear as the list."""
        got = self._tokens.get(text)
        if got is None:
            common = self.common
            grams: list[str] = []
            starts: list[int] = []
            for m in _HAN_RUN_RE.finditer(text):
                run, at = m[0], m.start()
                for i in range(len(run) - 1):
                    if (gram := run[i : i + 2]) not in common:
                        grams.append(gram)
                        starts.append(at + i)
            got = self._tokens[text] = grams, starts
        return got

    def head(self, parts: Sequence[str], size: int) -> set[str]:
        """`topic_bigrams("".join(parts)[:size])`, without joining or tokenizing again."""
        return self._window(parts, size, from_end=False)

    def tail(self, parts: Sequence[str], size: int) -> set[str]:
        """`topic_bigrams("".join(parts)[-size:])`, without joining or tokenizing again."""
        return self._window(parts, size, from_end=True)

    def _window(self, parts: Sequence[str], size: int, *, from_end: bool) -> set[str]:
        """The topic bigrams of the first (or last) `size` characters of the joined parts:
        those of each whole piece, those starting inside the piece the window cuts, and
        those across the joints between pieces."""
        out: set[str] = set()
        joints: list[str] = []
        need = size
        edge = ""  # the facing character of the piece taken before this one
        for part in reversed(parts) if from_end else parts:
            if need <= 0:
                break
            if not part:
                continue
            if edge:
                joints.append(part[-1] + edge if from_end else edge + part[0])
            if len(part) > need:
                grams, starts = self._tokenized(part)
                if from_end:
                    out.update(grams[bisect.bisect_left(starts, len(part) - need) :])
                else:
                    # A bigram at `k` ends at `k + 1`, inside the window when below `need`.
                    out.update(grams[: bisect.bisect_left(starts, need - 1)])
                break
            out.update(self._tokenized(part)[0])
            need -= len(part)
            edge = part[0] if from_end else part[-1]
        if joints:
            out |= topic_bigrams("\n".join(joints), self.stats)
        return out
