"""Small HTML helpers for the report: every piece of article text goes through `esc`.

Articles are untrusted input (a title or quote may hold markup or script), so nothing from a
record is ever put into the page without escaping, and links are only made for http(s) URLs.
"""

from __future__ import annotations

import hashlib
import json
import re
from html import escape

_URL = re.compile(r"https?://[^\s<>\"']+")


def esc(value: object) -> str:
    """Text for an HTML element or a quoted attribute; None shows as an empty string."""
    return "" if value is None else escape(str(value), quote=True)


def anchor(fact_id: str) -> str:
    """A fragment-safe element id for a fact's evidence (fact ids hold '/' and any characters)."""
    return "ev-" + hashlib.sha1(fact_id.encode("utf-8")).hexdigest()[:12]


def safe_url(url: str | None) -> str | None:
    """The http(s) URL at the start of `url`, or None: never a javascript: or data: link."""
    if not url:
        return None
    match = _URL.match(url.strip())
    return match.group() if match else None


def evidence_link(fact_id: str, label: str = "evidence") -> str:
    return f'<a class="ev-link" href="#{anchor(fact_id)}" data-ev="{anchor(fact_id)}">{esc(label)}</a>'


def number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def script_json(data: object) -> str:
    """JSON safe to place inside <script type="application/json">: no '</script>' or '<!--' can
    appear, because every '<', '>' and '&' is written as a \\u escape."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def table(headers: list[str], rows: list[str], css: str = "") -> str:
    """A table from already-escaped row HTML (each row is '<td>..</td>...')."""
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "\n".join(f"<tr>{r}</tr>" for r in rows)
    cls = f' class="{esc(css)}"' if css else ""
    return f"<table{cls}><thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody></table>"


def more_note(shown: int, total: int, what: str) -> str:
    if total <= shown:
        return ""
    return f'<p class="capped">Showing {shown:,} of {total:,} {esc(what)}; narrow the filters to see the rest.</p>'
