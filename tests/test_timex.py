"""The temporal normaliser (pipeline.timex) on single expressions: annotation-guidelines §2."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import timex

DCT = dt.date(2012, 5, 8)  # a Tuesday


def norm(expression: str, dct: dt.date | None = DCT) -> tuple[str, str, str | None]:
    t = timex.normalise(expression, dct)
    assert t is not None, expression
    return t.type, t.value, t.mod


@pytest.mark.parametrize("expression, expected", [
    # calendar notations
    ("2007年06月26日 23時00分", ("TIME", "2007-06-26T23:00", None)),
    ("2012/5/14", ("DATE", "2012-05-14", None)),
    ("2012-05-14", ("DATE", "2012-05-14", None)),
    ("５月１４日（月）", ("DATE", "2012-05-14", None)),
    ("2012年5月8日(火・祝)", ("DATE", "2012-05-08", None)),
    ("2012 年 7 月19 日", ("DATE", "2012-07-19", None)),
    ("２０１２年１０月", ("DATE", "2012-10", None)),
    ("二〇〇七年", ("DATE", "2007", None)),
    ("二千七年十二月", ("DATE", "2007-12", None)),
    ("十二月", ("DATE", "2012-12", None)),
    ("1995年", ("DATE", "1995", None)),
    ("12年3月", ("DATE", "2012-03", None)),
    ("1990年代", ("DATE", "199", None)),
    ("19世紀", ("DATE", "18", None)),
    ("二十世紀末", ("DATE", "19", "END")),
    ("98年", ("DATE", "1998", None)),
    ("5月 15, 2012", ("DATE", "2012-05-15", None)),
    ("8月22（水）", ("DATE", "2012-08-22", None)),
    ("5月8日の16時半", ("TIME", "2012-05-08T16:30", None)),
    ("昼1時", ("TIME", "T13:00", None)),
    ("0時過ぎ", ("TIME", "T00:00", "AFTER")),
    ("90年代半ば", ("DATE", "199", "MID")),
    ("2012年11月7日（水）23:59", ("TIME", "2012-11-07T23:59", None)),
    ("午前1時", ("TIME", "T01:00", None)),
    ("午後9時", ("TIME", "T21:00", None)),
    # past midnight, as broadcast schedules count: the next day's hour
    ("2012年1月9日の深夜24時50分", ("TIME", "2012-01-10T00:50", None)),
    ("6月11日25時", ("TIME", "2012-06-12T01:00", None)),
    ("2012年2月29日24時", ("TIME", "2012-02-29T24:00", None)),
    ("2012年2月29日24時30分", ("TIME", "2012-03-01T00:30", None)),
    ("深夜25時", ("TIME", "T01:00", None)),
    ("10時半", ("TIME", "T10:30", None)),
    ("２５日の朝", ("TIME", "2012-05-25TMO", None)),
    # eras, possible or not
    ("平成24年", ("DATE", "2012", None)),
    ("昭和25年", ("DATE", "1950", None)),
    ("令和元年", ("DATE", "2019", None)),
    ("平成32年", ("DATE", "2020", None)),
    ("㍻24年5月", ("DATE", "2012-05", None)),
    ("平成24年度", ("DATE", "FY2012", None)),
    # quarters, halves, seasons, fiscal years and periods
    ("2007年第2四半期", ("DATE", "2007-Q2", None)),
    ("第二四半期", ("DATE", "2012-Q2", None)),
    ("第２・四半期", ("DATE", "2012-Q2", None)),  # a middle dot between number and quarter
    ("2Q", ("DATE", "2012-Q2", None)),
    ("4-6月期", ("DATE", "2012-Q2", None)),
    ("上期", ("DATE", "2012-H1", None)),
    ("2012年下半期", ("DATE", "2012-H2", None)),
    ("2012年前半", ("DATE", "2012-H1", None)),
    ("2012年夏", ("DATE", "2012-SU", None)),
    ("2011年秋冬", ("DATE", "2011-H2", None)),
    ("2012年度", ("DATE", "FY2012", None)),
    ("FY2012", ("DATE", "FY2012", None)),
    ("2012年度上期", ("DATE", "FY2012-H1", None)),
    ("2013年3月期", ("DATE", "FY2012", None)),
    # parts of periods and modifiers
    ("6月下旬", ("DATE", "2012-06", "END")),
    ("11月上旬", ("DATE", "2012-11", "START")),
    ("2007年末", ("DATE", "2007", "END")),
    ("2007年半ば", ("DATE", "2007", "MID")),
    ("2012年初頭", ("DATE", "2012", "START")),
    ("10月以降", ("DATE", "2012-10", "ON_OR_AFTER")),
    ("2009年以前", ("DATE", "2009", "ON_OR_BEFORE")),
    ("2009年より前", ("DATE", "2009", "BEFORE")),
    ("2012年7月31日（火）まで", ("DATE", "2012-07-31", "ON_OR_BEFORE")),
    ("7月31日までに", ("DATE", "2012-07-31", "ON_OR_BEFORE")),
    ("2011年9月28日から", ("DATE", "2011-09-28", None)),
    ("8月頃", ("DATE", "2012-08", "APPROX")),
    ("1月中旬以降", ("DATE", "2012-01", "ON_OR_AFTER")),
    ("8月下旬頃", ("DATE", "2012-08", "END")),
    ("4月29日くらい", ("DATE", "2012-04-29", "APPROX")),
    ("週末あたり", ("DATE", "2012-W19-WE", "APPROX")),
    ("2007年の第2四半期末まで", ("DATE", "2007-Q2", "ON_OR_BEFORE")),
    ("第2四半期末まで", ("DATE", "2012-Q2", "ON_OR_BEFORE")),
    # ranges: one entry, the value and mod of the start
    ("2012年7月〜8月", ("DATE", "2012-07", None)),
    ("10〜11月", ("DATE", "2012-10", None)),
    ("10月15日から11月30日まで", ("DATE", "2012-10-15", None)),
    ("11月上旬から中旬にかけて", ("DATE", "2012-11", "START")),
    ("60〜90日", ("DURATION", "P60D/P90D", None)),
    # relative to the DCT
    ("本日", ("DATE", "2012-05-08", None)),
    ("昨日", ("DATE", "2012-05-07", None)),
    ("昨年", ("DATE", "2011", None)),
    ("来月", ("DATE", "2012-06", None)),
    ("来年1月", ("DATE", "2013-01", None)),
    ("今月28日（木）", ("DATE", "2012-05-28", None)),
    ("昨日7日（月）", ("DATE", "2012-05-07", None)),
    ("今秋", ("DATE", "2012-FA", None)),
    ("この秋", ("DATE", "2012-FA", None)),
    ("来年の春", ("DATE", "2013-SP", None)),
    ("今年のクリスマス", ("DATE", "2012-12-25", None)),
    ("こどもの日", ("DATE", "2012-05-05", None)),  # holidays on a fixed day
    ("七夕", ("DATE", "2012-07-07", None)),
    # frequencies written with a kanji or vague count, a range, or as a unit
    ("年に一度", ("SET", "P1Y", None)),
    ("日に１〜２回", ("SET", "P1D", None)),
    ("１日に複数回", ("SET", "P1D", None)),
    ("月単位", ("SET", "P1M", None)),
    ("日替わり", ("SET", "P1D", None)),
    ("半月あまり", ("DURATION", "P0.5M", "MORE_THAN")),  # half a month, a fractional lexicon duration
    ("年内", ("DATE", "2012", None)),
    ("年末", ("DATE", "2012", "END")),
    ("年明け", ("DATE", "2013", "START")),
    ("今年度", ("DATE", "FY2012", None)),
    ("今週", ("DATE", "2012-W19", None)),
    ("週末", ("DATE", "2012-W19-WE", None)),
    ("今週末", ("DATE", "2012-W19-WE", None)),
    ("1年前", ("DATE", "2011", None)),
    ("3日前", ("DATE", "2012-05-05", None)),
    ("8日", ("DATE", "2012-05-08", None)),
    # vague references
    ("今後", ("DATE", "FUTURE_REF", None)),
    ("将来", ("DATE", "FUTURE_REF", None)),
    ("現在", ("DATE", "PRESENT_REF", None)),
    ("かつて", ("DATE", "PAST_REF", None)),
    ("先日", ("DATE", "PAST_REF", None)),
    ("一昔前", ("DATE", "PAST_REF", None)),
    # durations
    ("180日以内", ("DURATION", "P180D", "EQUAL_OR_LESS")),
    ("6カ月", ("DURATION", "P6M", None)),
    ("6ヶ月", ("DURATION", "P6M", None)),
    ("1年以上", ("DURATION", "P1Y", "EQUAL_OR_MORE")),
    ("約2週間", ("DURATION", "P2W", "APPROX")),
    ("約2か月後", ("DURATION", "P2M", "APPROX")),
    ("約４時間４０分", ("DURATION", "PT4H40M", "APPROX")),
    ("1時間程度", ("DURATION", "PT1H", "APPROX")),
    ("3時間位", ("DURATION", "PT3H", "APPROX")),
    ("2年近く", ("DURATION", "P2Y", "APPROX")),
    ("13時間弱", ("DURATION", "PT13H", "LESS_THAN")),
    ("1年2ヶ月余り", ("DURATION", "P1Y2M", "MORE_THAN")),
    ("2〜3日", ("DURATION", "P2D/P3D", None)),
    ("0.4秒", ("DURATION", "PT0.4S", None)),
    ("1年半", ("DURATION", "P1.5Y", None)),
    ("半年", ("DURATION", "P6M", None)),
    ("数日間", ("DURATION", "PXD", None)),
    ("一週間", ("DURATION", "P1W", None)),
    ("3年未満", ("DURATION", "P3Y", "LESS_THAN")),
    ("ここ数年", ("DURATION", "PXY", None)),  # ここ before a duration belongs to it
    ("過去30年間", ("DURATION", "P30Y", None)),  # … and so do 過去 and 直近
    ("直近52週間", ("DURATION", "P52W", None)),
    ("約1年と2ヶ月", ("DURATION", "P1Y2M", "APPROX")),  # と may join the parts of one duration
    ("3泊4日", ("DURATION", "P4D", None)),  # a stay: nights and days, valued in days
    ("29日と10時間08分16秒", ("DURATION", "P29DT10H8M16S", None)),
    ("2012夏", ("DATE", "2012-SU", None)),  # a year written without 年 before a season
    ("２０１１冬", ("DATE", "2011-WI", None)),
    ("2012年春先", ("DATE", "2012-SP", "START")),
    ("2011年秋口", ("DATE", "2011-FA", "START")),
    ("2011年冬場", ("DATE", "2011-WI", None)),
    # sets
    ("毎月", ("SET", "P1M", None)),
    ("毎日", ("SET", "P1D", None)),
    ("毎時間", ("SET", "PT1H", None)),
    ("週1回", ("SET", "P1W", None)),
    ("1日3回", ("SET", "P1D", None)),
    ("毎週月曜日", ("SET", "XXXX-WXX-1", None)),
    ("毎月1日", ("SET", "XXXX-XX-01", None)),
    ("例年5月", ("SET", "XXXX-05", None)),  # 例年: every year
    ("3時間ごと", ("SET", "PT3H", None)),
    # 半 of an hour or a minute in the next unit; of a larger unit, and a decimal, a fraction (as the gold writes them)
    ("6時間半", ("DURATION", "PT6H30M", None)),
    ("8分半", ("DURATION", "PT8M30S", None)),
    ("6.5時間", ("DURATION", "PT6.5H", None)),
    ("2ヶ月半", ("DURATION", "P2.5M", None)),
])
def test_normalise(expression: str, expected: tuple[str, str, str | None]) -> None:
    assert norm(expression) == expected


@pytest.mark.parametrize("expression, dct, value", [
    ("来月", dt.date(2011, 12, 1), "2012-01"),
    ("今冬", dt.date(2012, 1, 20), "2011-WI"),
    ("年明け", dt.date(2012, 1, 20), "2012"),
    ("12月31日", dt.date(2012, 1, 5), "2011-12-31"),  # the turn of the year: the nearer year
    ("1月15日", dt.date(2011, 12, 20), "2012-01-15"),
    ("今年度", dt.date(2012, 2, 1), "FY2011"),
    ("昨年末", dt.date(2012, 3, 1), "2011"),
    ("冬", dt.date(2012, 1, 9), "2011-WI"),  # winter in January is the one that began in December
    ("冬", dt.date(2011, 11, 9), "2011-WI"),
    ("20日（火祝）", dt.date(2012, 2, 2), "2012-03-20"),  # the month the weekday fits
    ("27日（水）", dt.date(2012, 7, 1), "2012-06-27"),
    # a date announced as coming is ahead of the DCT: the next such weekday, the next such day
    ("今度の土曜", dt.date(2012, 4, 22), "2012-04-28"),
    ("土曜", dt.date(2012, 4, 22), "2012-04-21"),  # unannounced: the nearest
    ("来る金曜日", dt.date(2012, 4, 27), "2012-05-04"),
    ("来る16日", dt.date(2012, 4, 22), "2012-05-16"),
    ("来る25日", dt.date(2012, 4, 22), "2012-04-25"),
    ("31日", dt.date(2012, 9, 2), "2012-08-31"),  # September has no 31st
    ("先週27日（木）", dt.date(2012, 7, 2), "2012-06-27"),
    ("今週20日（金）", dt.date(2012, 7, 15), "2012-07-20"),  # written on a Sunday: the coming week
])
def test_relative_to_dct(expression: str, dct: dt.date, value: str) -> None:
    assert norm(expression, dct)[1] == value


@pytest.mark.parametrize("expression, value", [
    ("本日", "XXXX-XX-XX"),
    ("来月", "XXXX-XX"),
    ("来年1月", "XXXX-01"),
    ("10月", "XXXX-10"),
    ("５月１４日", "XXXX-05-14"),
    ("今秋", "XXXX-FA"),
    ("今週", "XXXX-WXX"),
    ("今年度", "FYXXXX"),
    ("8日", "XXXX-XX-08"),
])
def test_without_dct_values_stay_unresolved(expression: str, value: str) -> None:
    t = timex.normalise(expression, None)
    assert t is not None and t.value == value and t.interval is None
    assert timex.is_valid_value(t.value)


@pytest.mark.parametrize("expression, interval", [
    ("6月下旬", ("2012-06-21", "2012-06-30")),
    ("2012年7月〜8月", ("2012-07-01", "2012-08-31")),
    ("10月15日から11月30日まで", ("2012-10-15", "2012-11-30")),
    ("2007年第2四半期", ("2007-04-01", "2007-06-30")),
    ("2012年度", ("2012-04-01", "2013-03-31")),
    ("2012年冬", ("2012-12-01", "2013-02-28")),
    ("本日", ("2012-05-08", "2012-05-08")),
    ("今週", ("2012-05-07", "2012-05-13")),
    ("2007年末", ("2007-09-01", "2007-12-31")),
    ("2012年5月8日 10時", ("2012-05-08", "2012-05-08")),
    ("19世紀", ("1800-01-01", "1899-12-31")),
    ("8〜10日（木）", ("2012-05-08", "2012-05-10")),
])
def test_interval(expression: str, interval: tuple[str, str]) -> None:
    t = timex.normalise(expression, DCT)
    assert t is not None and t.interval == interval


@pytest.mark.parametrize("expression", ["6カ月", "毎月", "今後", "午前1時", "XXXX年"])
def test_no_interval_without_days(expression: str) -> None:
    t = timex.normalise(expression, DCT)
    assert t is None or t.interval is None


@pytest.mark.parametrize("expression", [
    "Windows 8", "iOS 5.1", "Core i7-3770", "1日あたり", "1日500円", "一時", "十分", "一日も早く",
    "月額", "2万8000円前後", "3分の1", "同時", "今回", "十分間に合う", "1日24時間",
])
def test_not_temporal(expression: str) -> None:
    assert timex.normalise(expression, DCT) is None


@pytest.mark.parametrize("text, number", [("二〇〇七", 2007), ("二千七", 2007), ("十二", 12), ("二十", 20),
                                          ("千九百八十九", 1989), ("三", 3), ("12", 12), ("x", None)])
def test_numbers(text: str, number: int | None) -> None:
    assert timex.number(text) == number


@pytest.mark.parametrize("value", [
    "2007", "2007-06", "2007-06-26", "2007-06-26T23:00", "18", "T01:00", "2012-Q2", "2012-H1", "2011-FA",
    "FY2012", "FY2012-Q1", "2012-W21", "2012-W21-WE", "XXXX-10", "XXXX-WXX-1", "2012-05-26TAF", "199",
    "P180D", "P60D/P90D", "PT4H40M", "PT0.4S", "P1Y6M", "PXD", "PRESENT_REF", "FUTURE_REF",
])
def test_value_grammar_accepts(value: str) -> None:
    assert timex.is_valid_value(value)


@pytest.mark.parametrize("value", ["", "2007-6", "P", "PT", "Q2", "2012-Q5", "T25", "NOW", "P1Y/"])
def test_value_grammar_rejects(value: str) -> None:
    assert not timex.is_valid_value(value)


def test_fold_keeps_length() -> None:
    text = "２０１２年１０月～１１月（火）－　ＦＹ"
    assert len(timex.fold(text)) == len(text)
    assert timex.fold(text) == "2012年10月~11月(火)- FY"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789０１２年月日時分秒週間度期第四半上下旬末以降前後内約毎回〜~-/:（）()火今来昨本秋春夏冬カヶ平成元一二十〇"))),
       st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))))
def test_every_value_parses(expression: str, dct: dt.date | None) -> None:
    t = timex.normalise(expression, dct)
    if t is not None:
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert timex.is_valid_value(t.value), (expression, t.value)
        if t.interval is not None:
            first, last = (dt.date.fromisoformat(d) for d in t.interval)
            assert first <= last
