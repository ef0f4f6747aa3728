"""Corpus views built from many articles' records: merged events, near-duplicate articles,
force-level timelines and cross-article conflicts. Pure functions over records.py models; the
store calls them after each ingest batch and keeps their results.

    >>> copies = find_near_duplicates([(a.id, a.text, a.published) for a in articles])
    >>> events = merge_events(mentions, copies)
    >>> timelines = force_timelines(forces)
    >>> conflicts = corpus_conflicts(events, forces, claims)
"""

from .conflicts import corpus_conflicts
from .events_merge import claim_event_ids, merge_events
from .near_duplicates import NEAR_DUPLICATE_JACCARD, find_near_duplicates
from .timelines import force_timelines

__all__ = [
    "NEAR_DUPLICATE_JACCARD",
    "claim_event_ids",
    "corpus_conflicts",
    "find_near_duplicates",
    "force_timelines",
    "merge_events",
]
