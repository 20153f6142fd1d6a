"""Stage 'dates' (being built: see the issue for this stage)."""

from __future__ import annotations

from .context import Context


def run(ctx: Context) -> None:
    """Fill the context's dates field(s)."""
    return None
