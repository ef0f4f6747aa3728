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
import zlib
from collections import defaultdict

import numpy as np

NEAR_DUPLICATE_JACCARD = 0.5
SHINGLE_WORDS = 5
MINHASH_SIZE = 64
LSH_BANDS = 32
_ROWS = MINHASH_SIZE // LSH_BANDS
_PRIME = (1 << 31) - 1  # hash values and coefficients stay below 2**31, so a*x+b fits in uint64
_WORD = re.compile(r"\w+")
_GRAM_MULTIPLIER = 1_000_003  # an odd multiplier mixes the word hashes of an n-gram in order


def _coefficients() -> tuple[np.ndarray, np.ndarray]:
    # Fixed, derived from a digest rather than a random generator: signatures are reproducible.
    digest = b"".join(hashlib.sha256(f"factwire-minhash-{i}".encode()).digest() for i in range(MINHASH_SIZE // 4))
    raw = np.frombuffer(digest, dtype=np.uint32).astype(np.uint64)
    a = raw[:MINHASH_SIZE] % np.uint64(_PRIME - 1) + np.uint64(1)
    b = raw[MINHASH_SIZE : 2 * MINHASH_SIZE] % np.uint64(_PRIME)
    return a, b


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[int]:
    """The hashed word n-grams of a text (case and punctuation ignored).

    Each word is hashed once (CRC-32) and the n-grams are combined from those in numpy: hashing
    every n-gram's string was most of the cost of finding near-duplicates.
    """
    words = [w.casefold() for w in _WORD.findall(text)]
    if not words:
        return set()
    ids = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words))
    count = max(1, len(words) - size + 1)
    grams = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):  # wrapping modulo 2**64 is the hash
        for k in range(min(size, len(words))):
            grams = grams * np.uint64(_GRAM_MULTIPLIER) + ids[k : k + count]
    return set((grams % np.uint64(_PRIME)).tolist())


def minhash(shingle_set: set[int], a: np.ndarray, b: np.ndarray) -> np.ndarray:
    x = np.fromiter(shingle_set, dtype=np.uint64, count=len(shingle_set))
    return ((np.outer(a, x) + b[:, None]) % np.uint64(_PRIME)).min(axis=1)


def jaccard(a: set[int], b: set[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _order_key(published: str | None, ident: str) -> tuple:
    return (published is None, published or "", ident)


def band_hashes(shingle_set: set[int]) -> list[bytes]:
    """The LSH band values of a shingle set (LSH_BANDS of them; none for an empty text):
    two articles are compared only when they share one (same band number, same value)."""
    if not shingle_set:
        return []
    a, b = _coefficients()
    signature = minhash(shingle_set, a, b)
    return [signature[band * _ROWS : (band + 1) * _ROWS].tobytes() for band in range(LSH_BANDS)]


class CopyGroups:
    """Union-find over articles linked by a confirmed near-duplicate pair.

    A candidate pair already in one group is not compared again: the groups are the same, and a
    cluster of 100 wire copies costs about 100 Jaccard comparisons instead of 5,000.
    """

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def link_similar(self, members: list[str], sets: dict[str, set[int]], threshold: float) -> None:
        """Compare the articles of one LSH bucket, skipping pairs already grouped."""
        for i, first in enumerate(members):
            for second in members[i + 1 :]:
                root_a, root_b = self.find(first), self.find(second)
                if root_a != root_b and jaccard(sets[first], sets[second]) >= threshold:
                    self.parent[root_a] = root_b

    def groups(self) -> list[list[str]]:
        found: dict[str, list[str]] = defaultdict(list)
        for ident in list(self.parent):
            found[self.find(ident)].append(ident)
        return list(found.values())


def originals(groups: list[list[str]], published: dict[str, str | None]) -> dict[str, str]:
    """``{copy: original}`` for groups of near-duplicates: the original is the earliest published,
    then the smallest id (undated last)."""
    copies: dict[str, str] = {}
    for members in groups:
        if len(members) < 2:
            continue
        ordered = sorted(members, key=lambda m: _order_key(published[m], m))
        for later in ordered[1:]:
            copies[later] = ordered[0]
    return copies


def find_near_duplicates(
    articles: list[tuple[str, str, str | None]], threshold: float = NEAR_DUPLICATE_JACCARD
) -> dict[str, str]:
    """``{later id: id of the earliest article it copies}`` for every near-duplicate.

    ``articles`` holds (id, text, published YYYY-MM-DD|YYYY-MM|YYYY|None). Values are always
    originals (never keys themselves); an article with no copy appears in neither.
    """
    sets: dict[str, set[int]] = {}
    published: dict[str, str | None] = {}
    buckets: dict[tuple[int, bytes], list[str]] = defaultdict(list)
    for ident, text, date in articles:
        published[ident] = date
        sets[ident] = shingles(text)
        for band, value in enumerate(band_hashes(sets[ident])):
            buckets[(band, value)].append(ident)
    return copies_from_buckets(sets, published, buckets.values(), threshold)


def copies_from_buckets(sets: dict[str, set[int]], published: dict[str, str | None], buckets, threshold: float = NEAR_DUPLICATE_JACCARD) -> dict[str, str]:
    """The copies among ``sets`` given their LSH buckets (lists of ids sharing a band value)."""
    groups = CopyGroups()
    for ident in sets:
        groups.find(ident)
    for members in buckets:
        if len(members) > 1:
            groups.link_similar(sorted(set(members)), sets, threshold)
    return originals(groups.groups(), published)
