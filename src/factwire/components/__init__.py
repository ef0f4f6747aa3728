"""factwire's spaCy components; importing this package registers their factories."""

from . import actors, claims, conflicts, equipment, events, forces, places, quantities, quotes, times  # noqa: F401
