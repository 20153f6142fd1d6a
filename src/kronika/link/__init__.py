"""Cross-article linking: the same real-world event told by many articles becomes one incident.

`rules` decides whether two event records can be one event (pure functions, no I/O);
`reconcile` merges the figures the articles give; `incidents` chooses an event's incident and
summarises an incident from its members. The SQL that keeps incidents in the store, incrementally
and with indexed candidate lookup, is `store/linking.py`.
"""
