"""Reading inputs: encodings, front matter, byline, dateline, HTML, JSONL, folders."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from factwire.article import (
    Article,
    article_from_text,
    decode,
    iter_jsonl,
    normalise_published,
    processing_text,
    read_dateline,
    read_inputs,
    read_path,
)
from factwire.errors import EncodingError, InputError

TEXT = "By Jane Roe and John Doe | Reuters\nBAGHDAD, Iraq (Reuters) – Troops “arrived” today.\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        TEXT.encode("utf-16-le"),  # without BOM
        TEXT.replace("\n", "\r\n").encode("utf-8"),
    ],
)
def test_decode_common_encodings(data):
    assert decode(data, "x").replace("\r\n", "\n") == TEXT


def test_decode_cp1252_curly_quotes():
    assert decode("“arrived” – café".encode("cp1252"), "x") == "“arrived” – café"


def test_decode_reports_bad_utf16_with_name():
    with pytest.raises(EncodingError, match="story.txt"):
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8", "story.txt")


def test_crlf_text_is_kept_and_offsets_hold():
    article = article_from_text("First line.\r\nSecond line.\r\n")
    assert article.text == "First line.\r\nSecond line.\r\n"
    assert len(processing_text(article.text)) == len(article.text)


def test_byline_and_dateline():
    article = article_from_text(TEXT)
    assert article.authors == ["Jane Roe", "John Doe"]
    assert article.outlet == "Reuters"
    assert article.dateline == "BAGHDAD, Iraq"
    assert article.text == TEXT


@pytest.mark.parametrize(
    "line, expected",
    [
        ("WASHINGTON – The U.S. commander said", "WASHINGTON"),
        ("KABUL, Afghanistan — Troops left", "KABUL, Afghanistan"),
        ("NEW YORK (AP) -- A man", "NEW YORK"),
        ("The U.S. commander said – he", None),
        ("NATO said on Monday", None),
    ],
)
def test_dateline(line, expected):
    assert read_dateline(line) == expected


def test_front_matter():
    text = '---\ntitle: "A title"\noutlet: "The White House"\ndate: "2021-08-14"\nsource: "https://x.example/a"\n---\nBody text.\n'
    article = article_from_text(text)
    assert (article.title, article.outlet, article.published, article.url) == (
        "A title",
        "The White House",
        "2021-08-14",
        "https://x.example/a",
    )
    assert article.text == "Body text.\n"


def test_front_matter_partial_date_and_override():
    text = "---\ndate: 2020-01\n---\nBody.\n"
    assert article_from_text(text).published == "2020-01"
    assert article_from_text(text, published="2020-01-17").published == "2020-01-17"


def test_bad_front_matter_names_the_input():
    with pytest.raises(InputError, match="story.txt: the front matter"):
        article_from_text("---\ntitle: [unclosed\n---\nBody\n", name="story.txt")


@pytest.mark.parametrize(
    "value, expected",
    [("2021-12-09", "2021-12-09"), ("2021-12-09T10:00:00Z", "2021-12-09"), ("2020-01", "2020-01"), ("2020", "2020"), (None, None), ("", None)],
)
def test_normalise_published(value, expected):
    assert normalise_published(value) == expected


def test_normalise_published_rejects_nonsense():
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        normalise_published("next tuesday-ish maybe", "--published")


def test_processing_text_unwraps_hard_wrapped_paragraphs():
    text = "A line that\nwraps here.\n\nNext paragraph\nalso wraps.\n- a list item\n"
    out = processing_text(text)
    assert len(out) == len(text)
    assert out == "A line that wraps here.\n\nNext paragraph also wraps.\n- a list item\n"


def test_processing_text_keeps_single_newline_paragraphs():
    text = "One paragraph.\nAnother paragraph.\n"
    assert processing_text(text) == text


def test_jsonl_batch_goes_on_past_bad_lines():
    lines = [
        json.dumps({"id": "a", "text": "One.", "published": "2021-01-02"}),
        "{not json",
        json.dumps({"id": "c"}),
        "",
        json.dumps({"id": 4, "text": "Four.", "published": None, "title": "T"}),
    ]
    items = list(iter_jsonl(iter(lines), "in.jsonl"))
    assert isinstance(items[0], Article) and items[0].id == "a" and items[0].published == "2021-01-02"
    assert isinstance(items[1], InputError) and "in.jsonl:2: not valid JSON" in str(items[1])
    assert isinstance(items[2], InputError) and items[2].ident == "c" and "'text' field is missing" in str(items[2])
    assert isinstance(items[3], Article) and items[3].id == "4" and items[3].title == "T" and items[3].published is None


def test_html_input(tmp_path: Path):
    page = tmp_path / "page.html"
    body = " ".join(["The Pentagon said 2,500 troops will stay in Iraq through the end of the year."] * 4)
    page.write_text(
        "<html><head><title>Troops stay</title><meta name='author' content='Jane Roe'>"
        "<meta property='article:published_time' content='2021-12-09'></head>"
        f"<body><nav>Menu</nav><article><h1>Troops stay</h1><p>{body}</p><p>{body}</p></article></body></html>",
        encoding="utf-8",
    )
    article = read_path(page)
    assert article.title == "Troops stay"
    assert "2,500 troops" in article.text and "Menu" not in article.text
    assert article.published == "2021-12-09"
    assert article.authors == ["Jane Roe"]


def test_folder_reads_text_files_in_order_and_reports_missing(tmp_path: Path):
    (tmp_path / "b.txt").write_text("Bee.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Ay.", encoding="utf-8")
    (tmp_path / "README.md").write_text("not an article", encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    items = list(read_inputs([tmp_path, tmp_path / "missing.txt"]))
    assert [i.id for i in items[:2]] == ["a", "b"]
    assert isinstance(items[2], InputError) and "missing.txt: no such file" in str(items[2])
