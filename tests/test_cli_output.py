"""`kronika extract --format table` prints article data as inert text: rich markup is not
interpreted and control characters are shown as escapes, never sent to the terminal."""

from __future__ import annotations

import io

from kronika.model import ArticleResult, Count, Event, Quote, Source, Span
from kronika.output import plain, print_table


def test_plain_escapes_controls_and_keeps_text() -> None:
    assert plain("Київ [/] ok") == "Київ [/] ok"
    assert plain("a\x1b[31mb") == "a\\x1b[31mb"
    assert plain("x\x07\x9b\u202ey") == "x\\x07\\x9b\\u202ey"
    assert plain("two\nlines\tand tab") == "two lines and tab"
    assert plain(None) == ""


def test_extract_table_with_markup_and_escapes() -> None:
    text = "Protest [/] in Lviv \x1b]0;owned\x07 today, police said [bold]40[/bold] were detained."
    ev = Event("Protests", "Peaceful protest", "2024-02-01", 1, "UA", None, "Lviv [/]\x1b[2J", None, None, None,
               1, "Protesters", None, evidence=[Span.of(text, 0, 30)])
    res = ArticleResult("id-[/]\x1b[31m", "en", True, [ev],
                        [Count("detained", 40, "exact", "[red]", None, "police\x1b[0m", [Span.of(text, 50, 60)])],
                        [Source("[/]police", "police", [Span.of(text, 0, 5)])],
                        [Quote("[link=http://x]hi[/link]", "Ivan\x1b[1m", None, None, [Span.of(text, 0, 5)])],
                        title="[/] title \x1b[5m")
    out = io.StringIO()
    print_table([res], out)
    shown = out.getvalue()
    assert "\x1b" not in shown and "\x07" not in shown
    for part in ("id-[/]\\x1b[31m", "Lviv [/]\\x1b[2J", "[red]", "[/]police", "[link=http://x]hi[/link]",
                 "Ivan\\x1b[1m", "police\\x1b[0m"):
        assert part in shown, part
