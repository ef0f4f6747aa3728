"""Articles: what goes into the pipeline, and reading them from files, folders, JSONL and stdin.

`Article.text` is the input text as given (after decoding, and without front matter or
HTML markup): every offset factwire reports indexes it. Byline and dateline are read
from the text into metadata but stay in the text.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Iterator

import yaml
from pydantic import BaseModel, Field

from .errors import EncodingError, InputError

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
READABLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


class Article(BaseModel):
    text: str
    id: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    authors: list[str] = Field(default_factory=list)
    dateline: str | None = None
    published: str | None = None
    language: str | None = "en"

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def ident(self) -> str:
        return self.id if self.id is not None else self.sha256[:16]


# --- dates ---------------------------------------------------------------------------

_ISO_PREFIX = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def normalise_published(value: object, source: str = "published") -> str | None:
    """YYYY-MM-DD, YYYY-MM or YYYY from a date, datetime or ISO-like string; None if absent."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    match = _ISO_PREFIX.match(text)
    if match:
        year, month, day = match.groups()
        try:
            if day:
                return dt.date(int(year), int(month), int(day)).isoformat()
            if month:
                dt.date(int(year), int(month), 1)
                return f"{year}-{month}"
            return year
        except ValueError:
            pass
    try:
        import dateparser

        parsed = dateparser.parse(text, settings={"STRICT_PARSING": True})
    except Exception:  # dateparser raises assorted errors on odd input
        parsed = None
    if parsed is not None:
        return parsed.date().isoformat()
    raise InputError(
        f"{source}: cannot read {text!r} as a date; give it as YYYY-MM-DD (or YYYY-MM, YYYY)"
    )


# --- decoding --------------------------------------------------------------------------

def decode(data: bytes, name: str) -> str:
    """Decode bytes in UTF-8 (BOM or not), UTF-16 (BOM or evident) or cp1252."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise EncodingError(f"{name}: starts with a {encoding} byte-order mark but is not valid {encoding} ({exc.reason}); re-save it as UTF-8") from exc
    if data and data.count(b"\x00") > len(data) // 4:
        # UTF-16 without a BOM: every other byte of ASCII text is zero
        encoding = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise EncodingError(f"{name}: the bytes are in no text encoding factwire recognises; re-save it as UTF-8")
    return str(best)


# --- front matter, byline, dateline -----------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)
_BYLINE = re.compile(
    r"\A[ \t]*By[ \t]+(?P<names>[^\n|]+?)(?:[ \t]*[|,][ \t]*(?P<outlet>[^\n]+?))?[ \t]*\r?\n"
)
_NAME_SPLIT = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)")
# "WASHINGTON –", "BAGHDAD, Iraq (AP) —", "KABUL, Afghanistan -- "
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z.'\- ]{2,}?(?:,[ \t]*[A-Z][A-Za-z.\- ]+?)?)"
    r"(?:[ \t]*\((?P<agency>[A-Za-z .]+)\))?[ \t]*(?:–|—|--|-)[ \t]+",
    re.M,
)


def split_front_matter(text: str, name: str) -> tuple[dict, str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError as exc:
        raise InputError(f"{name}: the front matter between the '---' lines is not valid YAML ({exc}); fix or remove it") from exc
    if not isinstance(meta, dict):
        raise InputError(f"{name}: the front matter must be YAML 'key: value' lines")
    return meta, text[match.end():]


def read_byline(text: str) -> tuple[list[str], str | None]:
    match = _BYLINE.match(text)
    if not match:
        return [], None
    names = [n.strip() for n in _NAME_SPLIT.split(match.group("names")) if n.strip()]
    outlet = match.group("outlet")
    return names, outlet.strip() if outlet else None


def read_dateline(text: str) -> str | None:
    # only the first few lines of a story carry a dateline
    head = "\n".join(text.splitlines()[:4])
    match = _DATELINE.search(head)
    if not match:
        return None
    place = match.group("place").strip()
    words = place.split(",")[0].split()
    if not words or any(not w.isupper() for w in words):
        return None
    return place


# --- building articles ----------------------------------------------------------------

def _meta_str(meta: dict, *keys: str) -> str | None:
    for key in keys:
        value = meta.get(key)
        if value is not None and str(value).strip():
            return str(value).strip()
    return None


def article_from_text(
    text: str,
    *,
    ident: str | None = None,
    name: str = "<text>",
    published: str | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
) -> Article:
    """An Article from plain text, reading YAML front matter, byline and dateline."""
    meta, body = split_front_matter(text, name)
    authors, byline_outlet = read_byline(body)
    meta_authors = meta.get("authors") or meta.get("author")
    if isinstance(meta_authors, str):
        meta_authors = [meta_authors]
    return Article(
        text=body,
        id=ident,
        title=title or _meta_str(meta, "title"),
        url=url or _meta_str(meta, "url", "source"),
        outlet=outlet or _meta_str(meta, "outlet") or byline_outlet,
        authors=[str(a) for a in meta_authors] if meta_authors else authors,
        dateline=read_dateline(body),
        published=normalise_published(published, "--published")
        if published
        else normalise_published(meta.get("published", meta.get("date")), f"{name}: front matter date"),
    )


def article_from_html(html: str, *, ident: str | None, name: str, published: str | None = None) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if doc is None or not getattr(doc, "text", None):
        raise InputError(f"{name}: no article text found in this HTML; pass the page's text as a .txt file instead")
    authors = [a.strip() for a in re.split(r"[;,]| and ", doc.author or "") if a.strip()]
    text = doc.text
    return Article(
        text=text,
        id=ident,
        title=doc.title,
        url=doc.url,
        outlet=doc.sitename,
        authors=authors or read_byline(text)[0],
        dateline=read_dateline(text),
        published=normalise_published(published, "--published") if published else normalise_published(doc.date, f"{name}: HTML date"),
    )


def article_from_record(record: object, where: str) -> Article:
    """An Article from one JSONL object: {id, text, published?, title?, url?, outlet?}."""
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: the 'text' field is missing or empty; every line needs the article's text")
    ident = record.get("id")
    article = article_from_text(
        text,
        ident=str(ident) if ident is not None else None,
        name=where,
        title=record.get("title"),
        url=record.get("url"),
        outlet=record.get("outlet"),
    )
    if record.get("published") is not None:
        article.published = normalise_published(record["published"], f"{where}: published")
    if isinstance(record.get("authors"), list):
        article.authors = [str(a) for a in record["authors"]]
    return article


def read_path(path: Path, published: str | None = None) -> Article:
    """One Article from a text or HTML file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}); check the path and its permissions") from exc
    text = decode(data, str(path))
    if path.suffix.lower() in HTML_SUFFIXES or re.match(r"\s*<(!doctype html|html)", text[:200], re.I):
        return article_from_html(text, ident=path.stem, name=str(path), published=published)
    return article_from_text(text, ident=path.stem, name=str(path), published=published)


def iter_jsonl(lines: Iterator[str], name: str) -> Iterator[Article | InputError]:
    """Articles from JSONL lines; a bad line yields its InputError so a batch can go on."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            error = InputError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})")
            error.ident = None
            yield error
            continue
        try:
            yield article_from_record(record, where)
        except InputError as exc:
            exc.ident = str(record.get("id")) if isinstance(record, dict) and record.get("id") is not None else None
            yield exc


def expand_paths(paths: list[Path]) -> Iterator[Path]:
    """Files named, and readable files under folders named, in a stable order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in READABLE_SUFFIXES and not p.name.startswith(".")
                and p.name.lower() != "readme.md"
            )
        elif path.exists():
            yield path
        else:
            raise InputError(f"{path}: no such file or folder")


def read_inputs(paths: list[Path], published: str | None = None) -> Iterator[Article | InputError]:
    """Every article in the given files and folders ('-' is stdin); errors are yielded, not raised."""
    for path in paths:
        if str(path) == "-":
            text = decode(sys.stdin.buffer.read(), "<stdin>")
            try:
                yield article_from_text(text, name="<stdin>", published=published)
            except InputError as exc:
                exc.ident = None
                yield exc
            continue
        try:
            files = list(expand_paths([path]))
        except InputError as exc:
            exc.ident = path.stem
            yield exc
            continue
        for file in files:
            if file.suffix.lower() in JSONL_SUFFIXES:
                with file.open(encoding="utf-8-sig") as handle:
                    yield from iter_jsonl(handle, str(file))
                continue
            try:
                yield read_path(file, published)
            except InputError as exc:
                exc.ident = file.stem
                yield exc


def processing_text(text: str) -> str:
    """A same-length copy of `text` that spaCy parses better.

    Line breaks that only wrap a paragraph become spaces, and CR becomes a space, so a
    sentence is not cut at a hard wrap; offsets into it are offsets into `text`.
    """
    chars = list(text.replace("\r", " "))
    if "\n\n" in text.replace("\r", "") or re.search(r"\n[ \t]*\n", text):
        # paragraphs are separated by blank lines: a single newline is a wrap
        for match in re.finditer(r"(?<=[^\n])[ \t\r]*\n(?=[ \t]*[^\s])", text.replace("\r", " ")):
            newline = match.end() - 1
            if text[newline] == "\n" and not _starts_block(text, newline + 1):
                chars[newline] = " "
    return "".join(chars)


_BLOCK_START = re.compile(r"[ \t]*(?:[-*•]\s|\d+[.)]\s|#)")


def _starts_block(text: str, pos: int) -> bool:
    """A list item or heading starts here, so the newline before it is real."""
    return bool(_BLOCK_START.match(text, pos))
