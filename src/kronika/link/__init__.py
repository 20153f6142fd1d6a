"""Cross-article linking: the same real-world event told by many articles becomes one incident.

`rules` decides whether two event records can be one event (pure functions, no I/O);
`reconcile` merges the figures the articles give; `incidents` keeps the incidents in the store,
incrementally, with indexed candidate lookup.
"""
