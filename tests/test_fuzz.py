"""Fuzz target: arbitrary bytes through decoding and parsing.

CI runs it with the example budget below; raise it for a longer hunt:
`NEWSPAGE_FUZZ_EXAMPLES=20000 python -m pytest tests/test_fuzz.py`.
"""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newspage
from newspage.decode import decode_bytes

from .test_properties import SNIPPETS, assert_conserved

EXAMPLES = int(os.environ.get("NEWSPAGE_FUZZ_EXAMPLES", "300"))

# Bytes that look like page dumps in every encoding newspage reads, and plain junk.
encoded_pages = (
    st.lists(st.one_of(st.sampled_from(SNIPPETS), st.text(max_size=8)), max_size=40)
    .map("".join)
    .flatmap(
        lambda text: st.sampled_from(
            [
                text.encode("utf-8"),
                b"\xef\xbb\xbf" + text.encode("utf-8"),
                text.encode("utf-16"),
                text.encode("gb18030", errors="replace"),
                text.replace("\n", "\r\n").encode("utf-8"),
            ]
        )
    )
)
any_bytes = st.one_of(encoded_pages, st.binary(max_size=400))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_bytes)
def test_bytes_decode_or_fail_cleanly_and_parse(data: bytes) -> None:
    """Any bytes either decode (then parse, conserve and serialize) or raise DecodeError."""
    try:
        text = decode_bytes(data, path="fuzz.txt")
    except newspage.DecodeError as err:
        failure = err
    else:
        failure = None
    if failure is not None:
        assert failure.path == "fuzz.txt"
        assert 0 <= failure.offset <= len(data)
        return
    page = newspage.parse(text, source="fuzz.txt")
    assert_conserved(text, page)
    json.dumps(page.to_dict(), ensure_ascii=False).encode("utf-8")
