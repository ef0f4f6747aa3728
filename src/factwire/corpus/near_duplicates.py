"""Near-duplicate articles: syndicated wire copies and lightly edited re-publications.

Each article becomes the set of its word 5-gram shingles; a 64-value MinHash signature of that
set is split into 32 bands of 2 values, and only articles sharing a band are compared (LSH), so
the work grows with the number of articles, not with its square. A candidate pair is confirmed by
the exact Jaccard similarity of the two shingle sets: at or above NEAR_DUPLICATE_JACCARD (0.5)
the later article is a copy of the earlier. With 2 rows per band, a pair at Jaccard 0.5 becomes a
candidate with probability 1 - (1 - 0.5**2)**32 > 0.9999, so the banding loses almost nothing at
the threshold; unrelated news texts share almost no 5-grams and rarely collide.

The original of a group of copies is its earliest published article, then the smallest id
(undated articles sort after dated ones), so the answer does not depend on input order.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict

import numpy as np

NEAR_DUPLICATE_JACCARD = 0.5
SHINGLE_WORDS = 5
MINHASH_SIZE = 64
LSH_BANDS = 32
_ROWS = MINHASH_SIZE // LSH_BANDS
_PRIME = (1 << 31) - 1  # hash values and coefficients stay below 2**31, so a*x+b fits in uint64
_WORD = re.compile(r"\w+")


def _coefficients() -> tuple[np.ndarray, np.ndarray]:
    # Fixed, derived from a digest rather than a random generator: signatures are reproducible.
    digest = b"".join(hashlib.sha256(f"factwire-minhash-{i}".encode()).digest() for i in range(MINHASH_SIZE // 4))
    raw = np.frombuffer(digest, dtype=np.uint32).astype(np.uint64)
    a = raw[:MINHASH_SIZE] % np.uint64(_PRIME - 1) + np.uint64(1)
    b = raw[MINHASH_SIZE : 2 * MINHASH_SIZE] % np.uint64(_PRIME)
    return a, b


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[int]:
    """The hashed word n-grams of a text (case and punctuation ignored)."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if not words:
        return set()
    grams = [" ".join(words[i : i + size]) for i in range(max(1, len(words) - size + 1))]
    return {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "little") % _PRIME for g in grams}


def minhash(shingle_set: set[int], a: np.ndarray, b: np.ndarray) -> np.ndarray:
    x = np.fromiter(shingle_set, dtype=np.uint64, count=len(shingle_set))
    return ((np.outer(a, x) + b[:, None]) % np.uint64(_PRIME)).min(axis=1)


def jaccard(a: set[int], b: set[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _order_key(published: str | None, ident: str) -> tuple:
    return (published is None, published or "", ident)


def find_near_duplicates(
    articles: list[tuple[str, str, str | None]], threshold: float = NEAR_DUPLICATE_JACCARD
) -> dict[str, str]:
    """``{later id: id of the earliest article it copies}`` for every near-duplicate.

    ``articles`` holds (id, text, published YYYY-MM-DD|YYYY-MM|YYYY|None). Values are always
    originals (never keys themselves); an article with no copy appears in neither.
    """
    a, b = _coefficients()
    sets: dict[str, set[int]] = {}
    published: dict[str, str | None] = {}
    buckets: dict[tuple[int, bytes], list[str]] = defaultdict(list)
    for ident, text, date in articles:
        published[ident] = date
        sset = shingles(text)
        sets[ident] = sset
        if not sset:
            continue
        signature = minhash(sset, a, b)
        for band in range(LSH_BANDS):
            buckets[(band, signature[band * _ROWS : (band + 1) * _ROWS].tobytes())].append(ident)

    parent = {ident: ident for ident in sets}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    checked: set[tuple[str, str]] = set()
    for members in buckets.values():
        if len(members) < 2:
            continue
        for i, first in enumerate(members):
            for second in members[i + 1 :]:
                pair = (first, second) if first < second else (second, first)
                if first == second or pair in checked:
                    continue
                checked.add(pair)
                if jaccard(sets[first], sets[second]) >= threshold:
                    parent[find(first)] = find(second)

    groups: dict[str, list[str]] = defaultdict(list)
    for ident in sets:
        groups[find(ident)].append(ident)
    copies: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda m: _order_key(published[m], m))
        for later in members[1:]:
            copies[later] = members[0]
    return copies
