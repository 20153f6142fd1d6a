"""Bytes to text: BOMs, then UTF-8, then the legacy code pages news in uk/ru still arrives in.

Order of trust: a byte-order mark; valid UTF-8 (legacy Cyrillic almost never is); an encoding the
document declares (HTML meta charset) when it decodes; the best-scoring legacy code page; for
files mixing UTF-8 lines with legacy lines, each line on its own; charset-normalizer last.
Anything else is refused with a reason (InputRejected), never decoded into mojibake silently.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter

MAX_SCORE_BYTES = 16 * 1024  # code-page scoring looks at the head only: it is decided long before


class InputRejected(ValueError):
    """An input kronika cannot read; the message says why, for the user."""


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),   # before UTF-16 LE: its BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# candidates in order of preference on a tie: cp1251 and koi8 are what uk/ru sites and mail used
_LEGACY = ("cp1251", "koi8-r", "koi8-u", "iso8859-5", "mac_cyrillic", "cp866")
_LATIN = ("cp1252",)
ACCEPT_SCORE = 0.75  # share of plausible non-ASCII words/characters a decoding needs

_CYR_LOWER = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў")
_CYR_LETTERS = _CYR_LOWER | {c.upper() for c in _CYR_LOWER}
# typography that real uk/ru/en text uses outside words
_TYPO = set("«»—–…№’‘“”„•·°€\u00a0\u202f×±§©®™′″")
_WORD = re.compile(r"[^\W\d_]+")
_HIGH = bytes(range(0x80, 0x100))
_NON_WORD_HIGH = re.compile(r"[^\w\x00-\x7f]")
# UTF-8 Cyrillic letters and the typography around them («» nbsp – — “ ” ‘ ’ …)
_UTF8_SEQ = re.compile(rb"[\xd0-\xd3][\x80-\xbf]|\xc2[\xa0\xab\xbb]|\xe2\x80[\x93\x94\x98\x99\x9c\x9d\xa6]")


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB (without a UTF-16/32 BOM)."""
    head = data[:8192]
    if any(head.startswith(b) for b, _ in _BOMS):
        return False
    if b"\x00" in head:
        return True
    ctrl = sum(1 for b in head if b < 9 or 13 < b < 32 and b != 27)
    return bool(head) and ctrl / len(head) > 0.05


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding name). Raises InputRejected for binary or undecodable data.

    `declared` is an encoding the document names itself (an HTML meta charset); it is trusted
    only after a BOM and valid UTF-8, and only when it decodes."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as e:
                raise InputRejected(f"starts with a {enc} byte-order mark but does not decode "
                                    f"(byte {e.start}: {e.reason})") from e
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if looks_binary(data):
        raise InputRejected("binary data (NUL or control bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        if e.reason == "unexpected end of data" and e.start >= len(data) - 3:
            # a file cut off inside its last character: keep everything before it
            return data[: e.start].decode("utf-8"), "utf-8"
    if declared:
        codec = _codec_name(declared)
        if codec and codec not in ("utf-8", "utf-16", "utf-32"):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                pass
    lines = data.split(b"\n")
    utf8_lines = [ln for ln in lines if _is_utf8(ln) and max(ln, default=0) >= 0x80]
    if utf8_lines:
        return _decode_mixed(lines)
    best = _best_legacy(data)
    if best is not None:
        return best
    return _detector(data)


def _best_legacy(data: bytes) -> tuple[str, str] | None:
    """The legacy code page whose decoding reads most like real text, if one is good enough."""
    _guard_inline_utf8(data)
    head = data[:MAX_SCORE_BYTES]
    scored: list[tuple[float, int, str]] = []
    for rank, enc in enumerate(_LEGACY + _LATIN):
        try:
            sample = head.decode(enc)
        except UnicodeDecodeError:
            continue
        scored.append((_plausibility(sample, latin=enc in _LATIN), -rank, enc))
    for score, _rank, enc in sorted(scored, reverse=True):
        if score < ACCEPT_SCORE:
            break
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:  # an unmapped byte after the sampled head
            continue
    return None


def _decode_mixed(lines: list[bytes]) -> tuple[str, str]:
    """UTF-8 lines as UTF-8; the other lines in the one legacy code page that fits them all."""
    bad = [(i, ln) for i, ln in enumerate(lines) if not _is_utf8(ln)]
    legacy = _best_legacy(b"\n".join(ln for _, ln in bad))
    if legacy is None:
        shown = ", ".join(str(i + 1) for i, _ in bad[:5]) + (", ..." if len(bad) > 5 else "")
        raise InputRejected(f"mixed encodings: UTF-8 text, but line(s) {shown} are in no known encoding")
    enc = legacy[1]
    out = [ln.decode(enc) if not _is_utf8(ln) else ln.decode("utf-8") for ln in lines]
    return "\n".join(out), f"utf-8+{enc}"


def _guard_inline_utf8(data: bytes) -> None:
    """Refuse one line mixing UTF-8 with a legacy code page: either reading makes mojibake."""
    head = data[:MAX_SCORE_BYTES]
    high = len(head) - len(head.translate(None, _HIGH))
    if high < 8:
        return
    covered = sum(len(m) for m in _UTF8_SEQ.findall(head))
    # legacy Cyrillic rarely forms UTF-8 sequences (lower-case letters are 0xE0-0xFF in cp1251)
    if covered >= 8 and covered / high > 0.3:
        raise InputRejected("mixed encodings: UTF-8 and another encoding within one line")


def _plausibility(text: str, latin: bool) -> float:
    """Share of non-ASCII material that reads as real text: whole-script words with a sane case
    pattern, typographic marks. Wrong code pages give symbols, box drawing and mixed-case noise."""
    good = total = 0
    lower = upper = 0
    # each distinct word once, weighted by its count: news repeats its words
    for w, n in Counter(m.group() for m in _WORD.finditer(text)).items():
        if w.isascii():
            continue
        total += n
        if latin:
            # accented Latin words are mostly ASCII letters ("Zürich"); Cyrillic read as Latin is not
            good += n * (sum(map(str.isascii, w)) * 2 >= len(w) and _case_ok(w))
        elif _case_ok(w) and not set(w) - _CYR_LETTERS:
            good += n
            # letters after the first: capitalised names are normal, ALL CAPS runs are not
            low = sum(map(str.islower, w[1:]))
            lower += n * low
            upper += n * (len(w) - 1 - low)
    for m in _NON_WORD_HIGH.finditer(text):
        ch, i = m.group(), m.start()
        total += 1
        # a mark glued between two letters ("Z№rich") is a letter decoded wrong; apostrophes and
        # no-break spaces are not
        inside = 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha() and ch not in "’‘ʼ\u00a0\u202f"
        good += ch in _TYPO and not inside
    if not total:
        return 0.0
    share = good / total
    if latin:
        return share
    # running text is mostly lower case; a case-swapped code page (cp1251 read as koi8) is not
    # (no Cyrillic words at all: only typography decides, as for the Latin candidate)
    return share * (0.6 + 0.4 * lower / (lower + upper)) if lower + upper else share


def _case_ok(w: str) -> bool:
    return w.islower() or w.isupper() or (w[0].isupper() and w[1:].islower())


def _is_utf8(b: bytes) -> bool:
    try:
        b.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: NULs only at odd (LE) or even (BE) offsets, and clean text after."""
    head = data[:8192]
    if len(head) < 16 or len(data) % 2 or b"\x00" not in head:
        return None
    even_nul = head[0::2].count(0)
    odd_nul = head[1::2].count(0)
    if odd_nul and not even_nul:
        enc, high = "utf-16-le", head[1::2]
    elif even_nul and not odd_nul:
        enc, high = "utf-16-be", head[0::2]
    else:
        return None
    # the high bytes of text in one or two scripts take very few values (0x00 Latin, 0x04 Cyrillic)
    if sum(n for _, n in Counter(high).most_common(3)) < 0.9 * len(high):
        return None
    try:
        text = data.decode(enc)
    except UnicodeDecodeError:
        return None
    sample = text[:4096]
    ctrl = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r")
    letters = sum(ch.isalpha() for ch in sample)
    if ctrl or letters < len(sample) * 0.3:
        return None
    return text, enc


def _codec_name(name: str) -> str | None:
    try:
        return codecs.lookup(name.strip().strip("'\"")).name
    except (LookupError, ValueError):
        return None


def _detector(data: bytes) -> tuple[str, str]:
    """charset-normalizer for everything outside the Cyrillic and Western code pages."""
    try:
        from charset_normalizer import from_bytes

        match = from_bytes(data[: 4 * 1024 * 1024]).best()
    except Exception:  # noqa: BLE001 - the detector is advisory
        match = None
    if match is not None and match.encoding:
        try:
            text = data.decode(match.encoding)
        except (UnicodeDecodeError, LookupError):
            text = None
        if text is not None and not _mostly_controls(text):
            return text, match.encoding
    raise InputRejected("undecodable bytes: not UTF-8 and no known Cyrillic or Latin encoding fits")


def _mostly_controls(text: str) -> bool:
    sample = text[:8192]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r") or 0x7F <= ord(ch) < 0xA0)
    return bool(sample) and bad / len(sample) > 0.02
