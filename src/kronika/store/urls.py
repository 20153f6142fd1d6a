"""Canonical article URLs and content hashes: how one article is recognised when it comes again."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

# query parameters that track the reader, not the page
_TRACKING_PREFIXES = ("utm_", "mc_", "_hs")
_TRACKING = {"fbclid", "gclid", "yclid", "dclid", "msclkid", "igshid", "ref", "ref_src", "cmpid", "_ga",
             "spm", "from", "source"}


def canonical_url(url: str | None) -> str | None:
    """Lower-case scheme and host without 'www.', default port, fragment, trailing dot or slash and
    tracking parameters; the path percent-encoded one way; remaining parameters sorted."""
    if not url or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - a port out of range raises here, not later
    except ValueError:
        return url.strip()  # not a URL this can canonicalise: compared as given
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return url.strip()
    host = parts.hostname.lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    port = parts.port if parts.port not in (None, 80, 443) else None
    netloc = f"{host}:{port}" if port else host
    path = quote(unquote(parts.path), safe="/:@!$&'()*+,;=-._~%") or "/"
    if path != "/" and path.endswith("/"):
        path = path.rstrip("/")
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if k.lower() not in _TRACKING and not k.lower().startswith(_TRACKING_PREFIXES))
    # http and https of one page are one page
    return urlunsplit(("https", netloc, path, urlencode(query), ""))


def content_hash(text: str) -> str:
    """Hash of the text with whitespace runs collapsed (re-wrapped copies are the same text)."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()
