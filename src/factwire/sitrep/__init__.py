"""The HTML situation report: one self-contained page from a store's records.

    from factwire.sitrep import write_sitrep
    write_sitrep(store, Filters(country="IRQ"), Path("sitrep.html"))

data.py reads and caps the records, sections_*.py render each part, evidence.py the evidence
every fact links to, build.py puts them in template.html with the CSS and the drawing code
(web/static/charts.js, shared with the web page).
"""

from .build import build_sitrep, render_sitrep, world_outline, write_sitrep
from .data import RecordSource, SitrepData, SitrepLimits, collect

__all__ = ["RecordSource", "SitrepData", "SitrepLimits", "build_sitrep", "collect", "render_sitrep", "world_outline", "write_sitrep"]
