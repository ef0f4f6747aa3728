"""The ``{"items", "total", "next"}`` envelope: its OpenAPI models and its JSON response."""

from __future__ import annotations

import json
from functools import lru_cache

from fastapi.responses import Response
from pydantic import BaseModel, Field, create_model

from ..records import Page


@lru_cache(maxsize=None)
def page_model(item_cls: type[BaseModel]) -> type[BaseModel]:
    """The OpenAPI model of a page of `item_cls` (cached: one class per record kind)."""
    return create_model(
        f"{item_cls.__name__}Page",
        items=(list[item_cls], Field(description="this page's records")),
        total=(int, Field(description="number of records matching the filters, over all pages")),
        next=(str | None, Field(default=None, description="pass as ?cursor= for the next page; null on the last")),
    )


def _dump(item) -> object:
    return item.model_dump(mode="json") if isinstance(item, BaseModel) else item


def json_response(payload: object, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    # Returning a Response skips FastAPI's re-validation of thousands of records against the
    # response model, which stays for the OpenAPI document only.
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return Response(body, status_code=status, media_type="application/json", headers=headers)


def page_response(page: Page) -> Response:
    return json_response({"items": [_dump(i) for i in page.items], "total": page.total, "next": page.next})


def list_response(items: list) -> Response:
    """A complete list in the same envelope (total = len, no next page)."""
    return json_response({"items": [_dump(i) for i in items], "total": len(items), "next": None})
