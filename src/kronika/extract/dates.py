"""Stage 'dates': every date expression resolved against the article's publication date.

Hand-written over lemmas of month and weekday names (lexicons/<lang>/dates.toml): it reads
"Вранці 5 січня", "в ночь с 4 на 5 января", "з 2 по 5 січня", "Wednesday night, 5-6 January",
"у середу", "вчора", "05.01.2022", "станом на 13:00" in one pass over the tokens, and is far faster
than calling dateparser per candidate.

Conventions (from the dev annotations): a night "з 4 на 5" or "5-6 January" is the first day, "в ніч
на 6 січня" is the 6th; a weekday is the latest such day on or before publication; a day and month
without a year take the year that puts them nearest the publication date (an article of 2 January
speaking of "28 грудня" means the previous December); with no publication date the year comes only
from a fully dated expression earlier in the text, otherwise the value is None (no year invented).
A wire dateline ("KYIV, March 4 (Reuters) -") stands in for publication as the day the story is told
from; "напередодні" counts from the date told last in its paragraph, "три дні тому" from publication.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..text.doc import Token
from ..text.normalise import norm
from .context import Context

# event_date and dates_between are this stage's interface to the events stage (kept importable from here)
from .date_binding import DAY_KINDS, current_days, loosen
from .date_binding import dates_between as dates_between
from .date_binding import event_date as event_date
from .date_lexicon import DateLexicon, _safe_date, day_before, resolve_year, weekday_before
from .date_lexicon import lexicon as lexicon
from .date_numeric import numeric_dates
from .figures.numbers import TokenScanner
from .mentions import DateMention

_DASHES = {"-", "–", "—", "‒"}
_DATELINE_ENDS = {"(", ".", "/", "-", "–", "—", ":"}
DATELINE_DAYS = 7    # a dateline this many days before publication still tells the story's day


def _day(tok: Token) -> int | None:
    if re.fullmatch(r"\d{1,2}", tok.text):
        v = int(tok.text)
        return v if 1 <= v <= 31 else None
    return None


def _year(tok: Token) -> int | None:
    if re.fullmatch(r"\d{4}", tok.text):
        v = int(tok.text)
        return v if 1800 <= v <= 2100 else None
    return None


class _Finder(TokenScanner[DateLexicon]):
    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx, lexicon(ctx.doc.lang))
        self.pub = ctx.doc.published
        # a year-only publication date still dates "6 квітня"; weekdays stay unresolved
        self.carried: int | None = None if self.pub else ctx.doc.published_year
        # a year-and-month publication ("2014-03") dates "28 грудня" to the nearest December
        ym = ctx.doc.published_month if self.pub is None and self.carried else None
        self.mid_month: date | None = date(self.carried, ym, 15) if ym and self.carried else None
        self.out: list[DateMention] = []
        self.low = [norm(t.text) for t in self.toks]
        if self.pub is None and self.carried is None:
            self.carried = self.article_year()
        self.pending: list[tuple[DateMention, int]] = []   # "два дні потому": days after the previous date
        self.skip_to = 0     # tokens of the dateline, read before the scan
        self.dateline()

    def article_year(self) -> int | None:
        """With no publication date, the latest year the article names as such ("за 2023 рік",
        "у березні 2023"): undated days are of the story's own year, not of none."""
        best: int | None = None
        for k, tok in enumerate(self.toks):
            y = _year(tok)
            if y is None:
                continue
            nxt = self.low[k + 1] if k + 1 < len(self.toks) else ""
            if nxt in self.lex.year_words or (k > 0 and self.month_of(k - 1) is not None):
                best = y if best is None else max(best, y)
        return best

    def dateline(self) -> None:
        """A wire dateline ("KYIV, March 4 (Reuters) -", "ХАРКІВ, 25 травня."): the day the story is told
        from. It dates "today", "yesterday" and weekdays in place of a publication date it is at most
        `DATELINE_DAYS` before (or stands for a missing one); kind "dateline", the story's fallback day."""
        toks = self.toks
        if not toks or not toks[0].is_word:
            return
        i = 0   # the town: up to four capitalised words ("KYIV", "NEW DELHI"), or one in title case
        while i < len(toks) and i < 4 and toks[i].is_word and len(toks[i].text) > 1 and toks[i].text.isupper():
            i += 1
        if i == 0 and toks[0].is_title and len(toks) > 1 and toks[1].text in (",", "."):
            i = 1   # "Київ, 5 березня (Укрінформ)": only with a dateline's closing mark (below)
        if i == 0 or i >= len(toks) or toks[i].text not in (",", "."):
            return
        i += 1
        if i >= len(toks) or toks[i].sent > 1:
            return
        b = self.doc.sent_tokens[toks[i].sent][1]   # "КИЇВ. 5 березня.": the date may open the next sentence
        k = i     # "ABUJA, Nigeria, March 4": a country after the town
        while k < b and k - i < 3 and toks[k].is_word and toks[k].is_title and self.month_of(k) is None:
            k += 1
        if k > i and k < b and toks[k].text == ",":
            i = k + 1
        if i >= b:
            return
        n, carried = len(self.out), self.carried
        j = self.day_month(i, b) if self.toks[i].text[:1].isdigit() else self.month_day(i, b) \
            if self.lang == "en" else i
        if j == i or len(self.out) != n + 1:
            del self.out[n:]
            self.carried = carried
            return
        m = self.out.pop()
        if m.value is None or (j < b and toks[j].text not in _DATELINE_ENDS and toks[j - 1].text != ".") \
                or (self.pub is not None and not 0 <= (self.pub - m.value).days <= DATELINE_DAYS):
            self.carried = carried
            return
        self.pub = m.value
        self.out.append(DateMention(m.start, m.end, m.text, m.value, 1, None, "dateline"))
        self.skip_to = j

    def month_of(self, i: int) -> int | None:
        tok = self.toks[i]
        if not tok.is_word:
            return None
        if self.lang == "en":
            low = tok.lower
            if low == "may" and not tok.is_title:
                return None  # the modal verb
            got: int | None = self.lex.months.get(low)
            return got
        for k in self.k(i):
            if k in self.lex.months:
                return int(self.lex.months[k])
        return None

    def weekday_of(self, i: int) -> int | None:
        tok = self.toks[i]
        if not tok.is_word:
            return None
        for k in self.k(i):
            if k in self.lex.weekdays:
                return int(self.lex.weekdays[k])
        for suffix in self.lex.possessives:     # "Monday's protest"
            if self.low[i].endswith(suffix) and self.low[i][:-len(suffix)] in self.lex.weekdays:
                return int(self.lex.weekdays[self.low[i][:-len(suffix)]])
        return None

    def add(self, a: int, b: int, value: date | None, precision: int, kind: str,
            value_end: date | None = None) -> None:
        s, e = self.toks[a].start, self.toks[b - 1].end
        if value is not None and self.pub is not None and kind != "time" \
                and abs((value - self.pub).days) > 366:
            kind = "historic"
        self.out.append(DateMention(s, e, self.doc.text[s:e], value, precision, value_end, kind))

    def year_after(self, j: int, stop: int) -> tuple[int | None, int]:
        """An explicit year after a day-month ("5 січня 2022 року", "January 5, 2022")."""
        k = j
        if k < stop and self.toks[k].text == ",":
            k += 1
        if k < stop:
            y = _year(self.toks[k])
            if y is None and re.fullmatch(r"1\d{3}", self.toks[k].text) and k + 1 < stop \
                    and self.low[k + 1] in self.lex.year_words:
                y = int(self.toks[k].text)    # "16 травня 1648 року": an old year, said to be one
            if y is not None:
                k += 1
                if k < stop and self.low[k] in self.lex.year_words:
                    k += 1
                    if k < stop and self.toks[k].text == "." and self.low[k - 1] in self.lex.year_abbrevs:
                        k += 1
                return y, k
        return None, j

    def day_month(self, i: int, stop: int) -> int:
        """DAY [- DAY2 | по DAY2] MONTH [YEAR] starting at token i; returns the next index or i."""
        tok = self.toks[i]
        d1 = _day(tok)
        d2: int | None = None
        j = i + 1
        rng = re.fullmatch(r"(\d{1,2})[-–](\d{1,2})", tok.text)
        if rng:
            d1, d2 = int(rng.group(1)), int(rng.group(2))
        elif d1 is not None and j + 1 < stop and (self.toks[j].text in _DASHES
                                                  or self.low[j] in self.lex.range_to
                                                  or self.low[j] in self.lex.and_words):
            d2 = _day(self.toks[j + 1])
            if d2 is not None and self.month_of(j + 2 if j + 2 < stop else j) is not None:
                j += 2
            else:
                d2 = None
        if d1 is None:
            return i
        if d2 is None and j + 1 < stop and self.toks[j].text in _DASHES and self.toks[j].start == tok.end \
                and self.low[j + 1] in self.lex.day_suffixes and self.toks[j + 1].start == self.toks[j].end:
            j += 2      # "7-го травня", "в ночь на 7-е": the day with its case ending
            if j >= stop or self.month_of(j) is None:
                return self.day_only(i, j, d1, stop)
        if j >= stop:
            return i
        # "5th of January"
        if self.lang == "en" and self.low[j] in ("st", "nd", "rd", "th") and self.toks[j].start == self.toks[j - 1].end:
            j += 1
            if (j >= stop or not self.toks[j].is_word) and i > 0 and self.low[i - 1] in self.lex.day_leads:
                # "on the 12th," "earlier this month, on the 4th.": the day of the story's month
                self.add(i - 1, j, day_before(self.pub, d1), 1, "date")
                return j
            if j < stop and self.low[j] == "of":
                j += 1
            if j >= stop:
                return i
        month = self.month_of(j)
        if month is None:
            return i
        j += 1
        year, j = self.year_after(j, stop)
        a = i
        if d2 is not None and a > 0 and self.low[a - 1] in self.lex.range_from \
                and self.toks[a - 1].sent == tok.sent:
            a -= 1  # "з 2 по 5 січня": the range includes its opening word
        self.emit_day(a, j, d1, d2, month, year)
        return j

    def day_only(self, i: int, j: int, day: int, stop: int) -> int:
        """"в ночь на 7-е", "7-го числа": a day of the month the story is in. Only after a night
        phrase or before a day noun: "7-е место" is a rank, not a date."""
        if j < stop and self.k(j) & self.lex.day_nouns:
            j += 1
        elif not (i >= 2 and self.low[i - 1] in self.lex.night_to and self.low[i - 2] in self.lex.night):
            return i
        a = i - 1 if i > 0 and self.low[i - 1] in self.lex.night_to else i
        self.add(a, j, day_before(self.pub, day), 1, "date")
        return j

    def ordinal_at(self, i: int, stop: int) -> tuple[int, int] | None:
        """An ordinal-word day at token i ("шостого", "двадцять п'ятого", "twenty-first"):
        (day, next index)."""
        ks = self.k(i)
        tens = next((self.lex.ordinal_tens[k] for k in ks if k in self.lex.ordinal_tens), None)
        if tens is not None and i + 1 < stop:
            unit = next((self.lex.ordinal_days[k] for k in self.k(i + 1) if k in self.lex.ordinal_days), None)
            if unit is not None and unit < 10:
                return tens + unit, i + 2
        day = next((self.lex.ordinal_days[k] for k in ks if k in self.lex.ordinal_days), None)
        return (day, i + 1) if day is not None else None

    def ordinal_day_month(self, i: int, stop: int) -> int:
        """"шостого травня", "седьмого марта 2022 года", "the sixth of May": an ordinal word as the day;
        "в ночь с шестого на седьмое марта": a range of two; "восьмого числа", "в ночь на седьмое": a
        day of the month the story is in (see `day_only`)."""
        got = self.ordinal_at(i, stop)
        if got is None:
            return i
        day, j = got
        d2: int | None = None
        if not self.lex.ordinal_links and j + 1 < stop \
                and (self.low[j] in self.lex.range_to or self.toks[j].text in _DASHES):
            nxt = self.ordinal_at(j + 1, stop)
            if nxt is not None and nxt[1] < stop and self.month_of(nxt[1]) is not None and nxt[0] > day:
                d2, j = nxt
        if j < stop and self.low[j] in self.lex.ordinal_links:
            j += 1
        elif self.lex.ordinal_links:
            return i    # "the first May rally": English wants "the first of May"
        if j >= stop or self.month_of(j) is None:
            return self.day_only(i, j, day, stop)
        month = self.month_of(j)
        assert month is not None
        year, j = self.year_after(j + 1, stop)
        a = i
        if d2 is not None and a > 0 and self.low[a - 1] in self.lex.range_from \
                and self.toks[a - 1].sent == self.toks[i].sent:
            a -= 1  # "с шестого на седьмое марта": the range includes its opening word
        self.emit_day(a, j, day, d2, month, year)
        return j

    def emit_day(self, a: int, b: int, d1: int, d2: int | None, month: int, year: int | None) -> None:
        if year is not None:
            value = _safe_date(year, month, d1)
            self.carried = year
        else:
            value = resolve_year(month, d1, self.pub or self.mid_month, self.carried)
        value_end = None
        if d2 is not None and value is not None and d2 > d1:
            value_end = _safe_date(value.year, month, d2)
        self.add(a, b, value, 1, "range" if value_end else "date", value_end)

    def month_day(self, i: int, stop: int) -> int:
        """English "January 5[, 2022]", "Jan. 5-6"."""
        month = self.month_of(i)
        if month is None:
            return i
        j = i + 1
        if j < stop and self.toks[j].text == ".":
            j += 1
        if j >= stop:
            return i
        tok = self.toks[j]
        d1, d2 = _day(tok), None
        rng = re.fullmatch(r"(\d{1,2})[-–](\d{1,2})", tok.text)
        if rng:
            d1, d2 = int(rng.group(1)), int(rng.group(2))
        if d1 is None and tok.is_word:
            got = self.ordinal_at(j, stop)      # "May sixth"
            if got is not None:
                d1, j = got[0], got[1] - 1
        if d1 is None:
            return i
        j += 1
        if j < stop and self.toks[j].lower in ("st", "nd", "rd", "th") and self.toks[j].start == tok.end:
            j += 1
        year, j = self.year_after(j, stop)
        self.emit_day(i, j, d1, d2, month, year)
        return j

    def month_alone(self, i: int, stop: int) -> int:
        """"у січні 2022", "in January": month precision."""
        month = self.month_of(i)
        if month is None or i == 0:
            return i
        prev = self.low[i - 1]
        year, j = self.year_after(i + 1, stop)
        if prev not in self.lex.month_preps and year is None:
            return i
        value: date | None
        if year is not None:
            self.carried = year
            value = date(year, month, 1)
        elif (ref := self.pub or self.mid_month) is not None:
            value = resolve_year(month, 1, ref, None)
            if value is not None and value > ref:
                value = _safe_date(value.year - 1, month, 1)
        else:
            value = _safe_date(self.carried, month, 1) if self.carried else None
        self.add(i, j, value, 3, "month")
        return j

    def weekday(self, i: int, stop: int) -> int:
        wd = self.weekday_of(i)
        if wd is None:
            return i
        prev = self.low[i - 1] if i > 0 else ""
        night_on = prev in self.lex.night_to and i > 1 \
            and self.low[i - 2] in self.lex.night   # "в ніч на суботу", "у ніч проти суботи"
        night_from = prev in self.lex.range_from and i > 1 and self.low[i - 2] in self.lex.night
        if prev not in self.lex.weekday_preps and not night_on and not night_from \
                and not (self.lang == "en" and self.toks[i].is_title):
            return i
        if prev in self.lex.case_preps and self.toks[i].an.case not in (None, "accs", "nomn"):
            return i  # "в среде" is the environment, not Wednesday
        # "у суботу, 24 листопада": the explicit date that follows wins
        k = i + 1
        while k < stop and (self.toks[k].text == "," or self.toks[k].lower in ("night", "morning", "evening")):
            k += 1
        if k < stop and (self.day_month_ahead(k, stop) or (self.lang == "en" and self.month_of(k))):
            return i + 1
        forward = prev in self.lex.weekday_next
        last = prev in self.lex.weekday_last
        a = i - 1 if prev in self.lex.weekday_preps or night_on or night_from else i
        b = i + 1
        if night_from and b + 1 < stop and self.low[b] in self.lex.night_to \
                and self.weekday_of(b + 1) is not None:
            b += 2      # "в ночь с субботы на воскресенье": the night's first day, as "з 4 на 5"
        self.add(a, b, weekday_before(self.pub, wd, forward, last), 1, "weekday")
        return b

    def day_month_ahead(self, k: int, stop: int) -> bool:
        """A day and its month at k ("у суботу, 24 листопада"), not a count ("у неділю 20 учасників")."""
        if _day(self.toks[k]) is None and not re.fullmatch(r"\d{1,2}[-–]\d{1,2}", self.toks[k].text):
            return False
        return any(self.month_of(j) is not None for j in range(k + 1, min(k + 4, stop)))

    def relative(self, i: int, stop: int) -> int:
        tok = self.toks[i]
        if not tok.is_word:
            return i
        low = norm(tok.text)
        off = self.lex.relative.get(low)
        if off is None:
            return i
        value = self.pub + timedelta(days=off) if self.pub is not None else None
        self.add(i, i + 1, value, 1, "relative")
        return i + 1

    def phrase_at(self, i: int, stop: int, phrases: object) -> int:
        """Length of the longest phrase (tuple of lower-case words) starting at token i, or 0."""
        if self.low[i] not in self.lex.firsts:
            return 0
        best = 0
        for phrase in phrases:  # type: ignore[attr-defined]
            n = len(phrase)
            if n > best and i + n <= stop and tuple(self.low[i:i + n]) == phrase:
                best = n
        return best

    def relative_phrase(self, i: int, stop: int) -> int:
        n = self.phrase_at(i, stop, self.lex.relative_years)
        if n:
            off = self.lex.relative_years[tuple(self.low[i:i + n])]
            value = date(self.pub.year + off, 1, 1) if self.pub is not None else None
            self.add(i, i + n, value, 3, "year")
            return i + n
        n = self.phrase_at(i, stop, self.lex.relative_phrases)
        if not n:
            return i
        off = self.lex.relative_phrases[tuple(self.low[i:i + n])]
        value = self.pub + timedelta(days=off) if self.pub is not None else None
        self.add(i, i + n, value, 1, "relative")
        return i + n

    def count_of(self, i: int) -> int | None:
        tok = self.toks[i]
        if re.fullmatch(r"\d{1,2}", tok.text):
            return int(tok.text)
        from .figures.numbers import lexicon as number_lexicon
        vals = number_lexicon(self.lang).values
        for k in self.k(i):
            if k in vals and vals[k] >= 1:
                return int(vals[k])
        return 1 if tok.lower in ("a", "one") else None

    def after_anchor(self, i: int, stop: int) -> int:
        """"наступного дня", "два дні потому", "через два дня", "two days later"; "напередодні", "the
        day before": a day before the date told last, else before publication."""
        n = self.phrase_at(i, stop, self.lex.next_day)
        if n:
            return self.pend(i, i + n, 1)
        n = self.phrase_at(i, stop, self.lex.prev_day)
        if n:
            return self.pend(i, i + n, -1)
        if i + 1 >= stop or not (self.low[i] in self.lex.through or self.low[i] in self.lex.later
                                 or self.low[i + 1] in self.lex.day_words):
            return i  # cheap pre-check: every form needs a "через/спустя" or a day word next
        k = i
        if self.low[k] in self.lex.through or self.low[k] in self.lex.later:
            k += 1
        if k + 1 >= stop:
            return i
        days = self.count_of(k)
        if days is None or self.low[k + 1] not in self.lex.day_words:
            return i
        if k > i:
            return self.pend(i, k + 2, days)
        if k + 2 < stop and self.low[k + 2] in self.lex.later:
            return self.pend(i, k + 3, days)
        if k + 2 < stop and self.low[k + 2] in self.lex.ago:
            # "три дні тому", "два дня назад", "two days ago": counted back from publication
            value = self.pub - timedelta(days=days) if self.pub is not None else None
            self.add(i, k + 3, value, 1, "relative")
            return k + 3
        return i

    def weeks_ago(self, i: int, stop: int) -> int:
        """"тиждень тому", "неделю назад", "a week ago", "два тижні тому": week precision."""
        k = i
        n = 1
        if self.low[k] not in self.lex.week_words:
            got = self.count_of(k)
            if got is None or k + 1 >= stop or self.low[k + 1] not in self.lex.week_words:
                return i
            n, k = got, k + 1
        if k + 1 >= stop or self.low[k + 1] not in self.lex.ago:
            return i
        value = self.pub - timedelta(days=7 * n) if self.pub is not None else None
        self.add(i, k + 2, value, 2, "relative")
        return k + 2

    def pend(self, a: int, b: int, days: int) -> int:
        s, e = self.toks[a].start, self.toks[b - 1].end
        m = DateMention(s, e, self.doc.text[s:e], None, 1, None, "relative")
        self.out.append(m)
        self.pending.append((m, days))
        return b

    def week(self, i: int, stop: int) -> int:
        if self.low[i] not in self.lex.firsts:
            return i
        for phrase in self.lex.last_week:
            n = len(phrase)
            if i + n <= stop and tuple(self.low[i:i + n]) == phrase:
                this = any(w in self.lex.this_words for w in phrase)
                value = None if self.pub is None else self.pub - timedelta(days=0 if this else 7)
                self.add(i, i + n, value, 2, "relative")
                return i + n
        return i

    def year_alone(self, i: int, stop: int) -> int:
        """"у 2014 році", "2011-2012 рр.", "у 1994, 1997 і 2005 роках": year precision."""
        tok = self.toks[i]
        y = _year(tok)
        y2 = None
        rng = re.fullmatch(r"(\d{4})[-–](\d{4})", tok.text)
        if rng and 1800 <= int(rng.group(1)) <= int(rng.group(2)) <= 2100:
            y, y2 = int(rng.group(1)), int(rng.group(2))
        if y is None:
            return i
        j = i + 1
        prev = self.low[i - 1] if i > 0 else ""
        has_word = j < stop and self.low[j] in self.lex.year_words
        listed = j + 1 < stop and (self.low[j] == "," or self.low[j] in self.lex.and_words
                                   or self.low[j] in self.lex.or_words) \
            and (_year(self.toks[j + 1]) is not None)
        if not (has_word or listed or y2) and prev not in self.lex.year_preps:
            if j < stop and self.toks[j].is_word:
                return i  # "2000 людей"
        if has_word:
            j += 1
        value_end = date(y2, 12, 31) if y2 else None
        self.add(i, j, date(y, 1, 1), 3, "year", value_end)
        return j

    def scan_tokens(self) -> None:
        for a, b in self.doc.sent_tokens:
            i = max(a, self.skip_to)
            while i < b:
                tok = self.toks[i]
                if tok.text[:1].isdigit():
                    j = self.day_month(i, b)
                    if j == i:
                        j = self.after_anchor(i, b)
                    if j == i:
                        j = self.weeks_ago(i, b)
                    if j == i:
                        j = self.year_alone(i, b)
                elif tok.is_word and (self.low[i] in self.lex.firsts or self.low[i] in self.lex.through
                                      or self.low[i] in self.lex.later or self.k(i) & self.lex.words
                                      or self.low[i] in self.lex.week_words
                                      or (bool(self.lex.possessives) and self.weekday_of(i) is not None)
                                      or (i + 1 < b and (self.low[i + 1] in self.lex.day_words
                                                         or self.low[i + 1] in self.lex.week_words))):
                    j = self.month_day(i, b) if self.lang == "en" else i
                    for step in (self.relative_phrase, self.weekday, self.relative, self.week,
                                 self.ordinal_day_month, self.after_anchor, self.weeks_ago, self.month_alone):
                        if j != i:
                            break
                        j = step(i, b)
                else:
                    j = i
                i = j if j > i else i + 1

    def scan_regex(self) -> None:
        self.out.extend(numeric_dates(self.doc.text, self.lex.time_preps, [(m.start, m.end) for m in self.out]))

    def run(self) -> list[DateMention]:
        self.scan_tokens()
        self.scan_regex()
        self.out.sort(key=lambda d: d.start)
        # a time takes the date of the nearest preceding day in the text (or the publication date)
        last: date | None = self.pub
        last_at = -1     # where the last day was told
        pending = {id(m): days for m, days in self.pending}
        text = self.doc.text
        for d in self.out:
            if id(d) in pending:
                days = pending[id(d)]
                # "накануне" reaches back only within its paragraph; across one it is the eve of publication
                ref = last if days > 0 or text.rfind("\n", 0, d.start) < last_at else self.pub
                d.value = ref + timedelta(days=days) if ref is not None else None
            if d.kind == "time":
                d.value = last
            elif d.kind in DAY_KINDS and d.value is not None:
                last, last_at = d.value, d.start
        return self.out


def find_dates(ctx: Context) -> list[DateMention]:
    return _Finder(ctx).run()


def run(ctx: Context) -> None:
    """Fill ctx.dates with every date expression, resolved against doc.published; where weekdays and
    "yesterday"s of the story stand, in doc.memo["current_days"]. (The headline's day, the story's
    day when the text gives none, is read by date_binding.event_date where it is needed.)"""
    ctx.dates = [d for d in find_dates(ctx) if not ctx.skipped(d.start, d.end)]
    loosen(ctx)
    ctx.doc.memo["current_days"] = current_days(ctx)
