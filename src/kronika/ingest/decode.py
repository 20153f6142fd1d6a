"""Bytes to text: UTF-8/UTF-16 by BOM, else detection among the encodings news in uk/ru uses."""

from __future__ import annotations

import codecs


class InputRejected(ValueError):
    """An input kronika cannot read; the message says why, for the user."""


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Cyrillic legacy code pages first: charset-normalizer alone often answers mac_cyrillic or cp1125
_LEGACY = ("cp1251", "koi8-r", "koi8-u", "iso8859-5", "mac_cyrillic", "cp866", "latin-1")


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB (without a UTF-16/32 BOM)."""
    head = data[:8192]
    if any(head.startswith(b) for b, _ in _BOMS):
        return False
    if b"\x00" in head:
        return True
    ctrl = sum(1 for b in head if b < 9 or 13 < b < 32)
    return bool(head) and ctrl / len(head) > 0.05


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raises InputRejected for binary or undecodable data."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as e:
                raise InputRejected(f"starts with a {enc} byte-order mark but does not decode: {e}") from e
    if looks_binary(data):
        raise InputRejected("binary data (NUL or control bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best: tuple[float, str, str] | None = None
    for enc in _LEGACY[:-1]:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        s = _cyrillic_plausibility(text)
        if best is None or s > best[0]:
            best = (s, text, enc)
    if best is not None and best[0] > 0.5:
        return best[1], best[2]
    try:
        from charset_normalizer import from_bytes

        match = from_bytes(data).best()
    except Exception:  # noqa: BLE001 - the detector is advisory
        match = None
    if match is not None:
        return str(match), match.encoding
    raise InputRejected("undecodable bytes: not UTF-8 and no known Cyrillic or Latin encoding fits")


# frequent letters and bigrams of Russian/Ukrainian text; a wrong code page gives mixed-case noise
_FREQ = set("оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъёіїєґ")


def _cyrillic_plausibility(text: str) -> float:
    letters = [ch for ch in text[:20000] if ch.isalpha()]
    if not letters:
        return 0.0
    cyr = [ch for ch in letters if "\u0400" <= ch <= "\u04ff"]
    if len(cyr) < 0.3 * len(letters):
        return 0.0
    lower_freq = sum(1 for ch in cyr if ch in _FREQ)
    # in real text most Cyrillic letters are lower-case frequent letters; mis-decoded koi8/cp1251
    # turns them into capitals and rare letters
    return lower_freq / len(cyr)
