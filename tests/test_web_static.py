"""The map page's static files: the type colours stay apart for colour-blind readers (every pair keeps
a clear CIELAB distance after simulating protanopia, deuteranopia and tritanopia, Machado et al. 2009,
severity 1), every script writes data as text only, and the three languages have the same words."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

STATIC = Path(__file__).resolve().parents[1] / "src" / "kronika" / "web" / "static"
APP = STATIC / "app.js"
MIN_DELTA_E = 20.0  # CIE76; the old palette (reds and oranges side by side) fell to ~11

SIM = {
    "normal": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = (min(1.0, max(0.0, v)) for v in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _seen(hexcol: str, m: tuple[tuple[float, ...], ...]) -> tuple[float, float, float]:
    lin = [_linear(int(hexcol[i:i + 2], 16) / 255) for i in (1, 3, 5)]
    sim = tuple(sum(m[r][k] * lin[k] for k in range(3)) for r in range(3))
    return _lab(sim)  # type: ignore[arg-type]


def palette() -> dict[str, str]:
    block = re.search(r"var COLORS = \{(.*?)\};", APP.read_text(encoding="utf-8"), re.S)
    assert block, "COLORS not found in app.js"
    return dict(re.findall(r'"([^"]+)":\s*"(#[0-9A-Fa-f]{6})"', block.group(1)))


def min_distance(colours: dict[str, str]) -> dict[str, float]:
    out = {}
    for name, m in SIM.items():
        labs = {k: _seen(v, m) for k, v in colours.items()}
        out[name] = min(sum((p - q) ** 2 for p, q in zip(labs[a], labs[b], strict=True)) ** 0.5
                        for a, b in itertools.combinations(labs, 2))
    return out


def test_every_event_type_has_a_colour() -> None:
    assert set(palette()) == {"Protests", "Riots", "Violence against civilians", "Battles",
                              "Explosions/Remote violence", "Strategic developments"}


def test_colours_stay_distinct_for_colour_blind_readers() -> None:
    dist = min_distance(palette())
    assert all(d >= MIN_DELTA_E for d in dist.values()), dist


def test_the_check_can_fail() -> None:
    old = {"Protests": "#2b8cbe", "Riots": "#e6550d", "Violence against civilians": "#a50f15",
           "Battles": "#6a3d9a", "Explosions/Remote violence": "#d62728", "Strategic developments": "#636363"}
    assert min(min_distance(old).values()) < MIN_DELTA_E


def test_page_scripts_never_inject_markup() -> None:
    for js in STATIC.glob("*.js"):
        code = "\n".join(line for line in js.read_text(encoding="utf-8").splitlines()
                         if not line.lstrip().startswith(("*", "/*", "//")))
        for bad in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
            assert bad not in code, (js.name, bad)


def test_every_language_has_every_word() -> None:
    text = (STATIC / "i18n.js").read_text(encoding="utf-8")
    langs = re.findall(r"^  (\w+): \{(.*?)^  \},", text, re.S | re.M)
    assert [name for name, _ in langs] == ["en", "uk", "ru"]
    keys = [set(re.findall(r'(?:^|,)\s*"?(\w[\w/ ]*?)"?\s*:\s*"', body, re.M)) for _, body in langs]
    assert keys[0] and keys[0] == keys[1] == keys[2]
    for used in re.findall(r'data-i18n(?:-placeholder)?="(\w+)"', (STATIC / "index.html").read_text(encoding="utf-8")):
        assert used in keys[0], used
