"""Temporal-expression detection (pipeline.dates) in running text: annotation-guidelines §2."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import timex
from pipeline.dates import DateMention, find_dates

DCT = dt.date(2012, 5, 8)


def found(text: str, dct: dt.date | None = DCT) -> list[tuple[str, str, str, str | None]]:
    return [(m.text, m.type, m.value, m.mod) for m in find_dates(text, dct)]


@pytest.mark.parametrize("text, expected", [
    ("KDDIおよび沖縄セルラーは8日、au向けに5月下旬発売予定の",
     [("8日", "DATE", "2012-05-08", None), ("5月下旬", "DATE", "2012-05", "END")]),
    ("キャンペーンを2012年5月8日（火）〜発売日まで実施",
     [("2012年5月8日（火）", "DATE", "2012-05-08", None)]),
    ("期間内（発売日〜2012年7月31日（火）まで）に購入",
     [("2012年7月31日（火）", "DATE", "2012-07-31", "ON_OR_BEFORE")]),
    ("賞品の発送はご購入から約2か月後(順次)発送予定です。",
     [("約2か月後", "DURATION", "P2M", "APPROX")]),
    ("2012年9月1日（土）から2012年10月31日（水）まで、キャンペーンを実施",
     [("2012年9月1日（土）から2012年10月31日（水）", "DATE", "2012-09-01", None)]),
    ("午前1時から午後9時の間は無料", [("午前1時", "TIME", "T01:00", None), ("午後9時", "TIME", "T21:00", None)]),
    ("2012年7月25日（水）1時41分から9時14分に",
     [("2012年7月25日（水）1時41分", "TIME", "2012-07-25T01:41", None), ("9時14分", "TIME", "2012-07-25T09:14", None)]),
    ("発売を10月以降の予定からさらに来年1月に延期",
     [("10月以降", "DATE", "2012-10", "ON_OR_AFTER"), ("来年1月", "DATE", "2013-01", None)]),
    ("3月から4月に延期された", [("3月", "DATE", "2012-03", None), ("4月", "DATE", "2012-04", None)]),
    ("これらの機能は今後1年以上も提供されない",
     [("今後", "DATE", "FUTURE_REF", None), ("1年以上", "DURATION", "P1Y", "EQUAL_OR_MORE")]),
    ("現在では2007年の第2四半期末までとなった",
     [("現在", "DATE", "PRESENT_REF", None), ("2007年の第2四半期末", "DATE", "2007-Q2", "ON_OR_BEFORE")]),
    ("リリースから60〜90日の間に", [("60〜90日", "DURATION", "P60D/P90D", None)]),
    # 最終日 is the last day of the period written before it; with no period before it, no date
    ("期間：2012年6月13日（水）〜6月24日（月）\n開館時間：11：00〜20：00（最終日17：00まで）",
     [("2012年6月13日（水）〜6月24日（月）", "DATE", "2012-06-13", None), ("11：00〜20：00", "TIME", "T11:00", None),
      ("最終日17：00", "TIME", "2012-06-24T17:00", "ON_OR_BEFORE")]),
    ("8月9日に紹介した。最終日までプレイ可能だ", [("8月9日", "DATE", "2012-08-09", None)]),
    # 現在 / 時点 after a date say when a figure held: not part of the date's text, nor a date of their own
    ("2012年8月現在、販売台数は10万台。", [("2012年8月", "DATE", "2012-08", None)]),
    ("5月20日時点で1週間以内とされた", [("5月20日", "DATE", "2012-05-20", None), ("1週間以内", "DURATION", "P1W", "EQUAL_OR_LESS")]),
    ("このリリースはおそらく2009年より前にはならない", [("2009年より前", "DATE", "2009", "BEFORE")]),
    ("SP1は1年前からβ期間に入っている", [("1年前", "DATE", "2011", None)]),
    ("168時間（7日間）保存", [("168時間", "DURATION", "PT168H", None), ("7日間", "DURATION", "P7D", None)]),
    # つい before a vague word is part of its text (as dev's gold writes 3 of 4); ついに, について are no prefix
    ("つい先日発表された", [("つい先日", "DATE", "PAST_REF", None)]),
    ("ついに発売。これについて", []),
    # clock times joined by a hyphen are one entry, like those joined by 〜
    ("営業時間：11:00-19:00", [("11:00-19:00", "TIME", "T11:00", None)]),
    # 先日 before a bare day is one expression: that day, in the past (as dev's gold writes all 3)
    ("先日25日に発表された", [("先日25日", "DATE", "2012-04-25", None)]),
    # 前期 / 後期 after a year are its halves; alone, 前期 is the previous (fiscal) period, no date
    ("コンテンツが2012年後期から利用できる", [("2012年後期", "DATE", "2012-H2", None)]),
    ("売上は前期比で増加した", []),
    # この before a duration or a period is in its text, and この夏 / この日 stay words of their own
    ("この１年で値上がりし、この４月から", [("この１年", "DURATION", "P1Y", None), ("この４月", "DATE", "2012-04", None)]),
    ("この夏に発売", [("この夏", "DATE", "2012-SU", None)]),
    # an amount measured in time keeps its 分 (1ヶ月分の料金); 分の before a number is a fraction
    ("1ヶ月分の料金が戻る", [("1ヶ月分", "DURATION", "P1M", None)]),
    ("約100分の再生が可能で、価格は3分の1", [("約100分", "DURATION", "PT100M", "APPROX")]),
    ("台数分のACアダプタが要る", []),
    # 来る / 今度の before a date are in its text (a prefix of a point: 来る16日 is a day, 約16日 a duration)
    ("来る16日に発売、今度の5月27日（日）にも", [("来る16日", "DATE", "2012-05-16", None), ("今度の5月27日（日）", "DATE", "2012-05-27", None)]),
    ("約16日かかる", [("約16日", "DURATION", "P16D", "APPROX")]),
    # so is 次の before a weekday, and いっぱい after a period (to its end) without a mod
    ("次の水曜に発売、受付は今週いっぱいで8月一杯まで", [("次の水曜", "DATE", "2012-05-09", None),
     ("今週いっぱい", "DATE", "2012-W19", None), ("8月一杯", "DATE", "2012-08", "ON_OR_BEFORE")]),
    # a month/day with a slash before a particle of time is a date; a set's particle is no part of it
    ("クーポンは9/30まで。比率は3/4だ。", [("9/30", "DATE", "2012-09-30", "ON_OR_BEFORE")]),
    ("スケジュール【7/26更新】", [("7/26", "DATE", "2012-07-26", None)]),
    ("1分毎に違う作品が表示される", [("1分毎", "SET", "PT1M", None)]),
    # a range joined by から and closed by にかけて keeps it in its text, as the guidelines write it; まで is
    # dropped, and so is にかけて after a range written with 〜
    ("11月上旬から中旬にかけて発売、6月から8月まで", [("11月上旬から中旬にかけて", "DATE", "2012-11", "START"),
     ("6月から8月", "DATE", "2012-06", None)]),
    ("5〜6月にかけて発売", [("5〜6月", "DATE", "2012-05", None)]),
    # the year's end after a year and の is that year's (2009年の年末 is not this year's 年末)
    ("2009年の年末に出て、昨年の年末にも", [("2009年の年末", "DATE", "2009", "END"), ("昨年の年末", "DATE", "2011", "END")]),
    # a part of a period joined to it by の
    ("2012年の夏の終わりに公開、登場は6月の半ば", [("2012年の夏の終わり", "DATE", "2012-SU", "END"), ("6月の半ば", "DATE", "2012-06", "MID")]),
    # an era year with its Western year in brackets
    ("官報は明治16（1883）年7月2日に創刊", [("明治16（1883）年7月2日", "DATE", "1883-07-02", None)]),
    # a clock time takes the one day named shortly before it, also past a sentence or a line end
    ("5月10日に皆既月食がある。\n21時45分から欠け始める", [("5月10日", "DATE", "2012-05-10", None), ("21時45分", "TIME", "2012-05-10T21:45", None)]),
    ("5月10日に皆既月食がある。" + "説明" * 200 + "21時45分から", [("5月10日", "DATE", "2012-05-10", None), ("21時45分", "TIME", "T21:45", None)]),
    # a season alone before くらい, as gold reads ごろ; a change from one amount to another is no range
    ("登場する秋くらいになると", [("秋くらい", "DATE", "2012-FA", "APPROX")]),
    ("充電時間が6時間から3.5時間に短縮され", [("6時間", "DURATION", "PT6H", None), ("3.5時間", "DURATION", "PT3.5H", None)]),
    ("1時間から3日までの間で設定", [("1時間から3日", "DURATION", "PT1H/P3D", None)]),
    # 通年 / 通期 after a year or a fiscal year: the whole of it, kept in the text (as dev and round 34 write all 3)
    ("2011年通期のシェアは2位、2012年度通期の見通しは", [("2011年通期", "DATE", "2011", None), ("2012年度通期", "DATE", "FY2012", None)]),
    # a weekday glued to a katakana word is a programme's name (金曜ロードショー), no date
    ("日本テレビ系「金曜ロードショー」で放送される", []),
    ("2012年1月〜6月上半期計", [("2012年1月〜6月", "DATE", "2012-01", None), ("上半期", "DATE", "2012-H1", None)]),
    ("週明けの月曜に天文ショー", [("週明けの月曜", "DATE", "2012-05-07", None)]),
    ("YouTubeは2005年の5月に登場した", [("2005年の5月", "DATE", "2005-05", None)]),
    ("同社は5月10日に発表し、同日発売した",
     [("5月10日", "DATE", "2012-05-10", None), ("同日", "DATE", "2012-05-10", None)]),
    # まで closing a range read as two expressions is the end of a period: ON_OR_BEFORE (as gold labels it)
    ("月曜から木曜まで放送", [("月曜", "DATE", "2012-05-07", None), ("木曜", "DATE", "2012-05-10", "ON_OR_BEFORE")]),
    ("本日、午後から配信", [("本日", "DATE", "2012-05-08", None), ("午後", "TIME", "2012-05-08TAF", None)]),
    ("2011年6月9日・10日（金）午前10：30から",
     [("2011年6月9日", "DATE", "2011-06-09", None), ("10日（金）午前10：30", "TIME", "2011-06-10T10:30", None)]),
    ("2011年に開始し、同年に終了", [("2011年", "DATE", "2011", None), ("同年", "DATE", "2011", None)]),
    ("SP1は07年以降に提供", [("07年以降", "DATE", "2007", "ON_OR_AFTER")]),
    ("30年くらい前に", [("30年くらい前", "DATE", "1982", "APPROX")]),
    ("数年前から", [("数年前", "DATE", "PAST_REF", None)]),
    # years later standing alone name a year counted from the DCT; after an event, or in months, durations
    ("次に起こるのは51年後の2063年だ", [("51年後", "DATE", "2063", None), ("2063年", "DATE", "2063", None)]),
    ("数年後には普及する", [("数年後", "DATE", "FUTURE_REF", None)]),
    ("毎年夏に開催される", [("毎年夏", "SET", "XXXX-SU", None)]),
    ("入社3年後の定着率", [("3年後", "DURATION", "P3Y", None)]),
    ("発売の1年後に", [("1年後", "DURATION", "P1Y", None)]),
    ("期間：2012年9月1日〜", [("2012年9月1日", "DATE", "2012-09-01", None)]),
    # a calendar range may close on a clock time of its last day
    ("応募期間：2012年4月10日（火)〜2012年4月24日（火）23:59まで",
     [("2012年4月10日（火)〜2012年4月24日（火）23:59", "DATE", "2012-04-10", None)]),
    # a day in the life of something is one day long, not the first of a month
    ("新製品ラッシュの1日を振り返る", [("1日", "DURATION", "P1D", None)]),
    # clock times joined by a tilde are one entry, on the day of the start; by から they are two
    ("更新は午前2時〜午前4時に行われる", [("午前2時〜午前4時", "TIME", "T02:00", None)]),
    ("2012年8月16日（木）16:00〜21:00開催", [("2012年8月16日（木）16:00〜21:00", "TIME", "2012-08-16T16:00", None)]),
    ("午前1時から午後9時の間", [("午前1時", "TIME", "T01:00", None), ("午後9時", "TIME", "T21:00", None)]),
    ("営業時間は18：00〜翌1：00です", [("18：00〜翌1：00", "TIME", "T18:00", None)]),  # past midnight
    # an interval (間隔) makes a set, which takes an estimate after it but not a bound nor a share
    ("5分間隔で更新", [("5分間隔", "SET", "PT5M", None)]),
    ("15〜20分ごとに換気する", [("15〜20分ごと", "SET", "PT15M/PT20M", None)]),  # a range of intervals
    ("今現在の状況", [("今現在", "DATE", "PRESENT_REF", None)]),  # one word
    ("ほぼ2年間使った", [("ほぼ2年間", "DURATION", "P2Y", "APPROX")]),  # ほぼ like 約, but not before a frequency
    ("記録は最長29分 59秒まで", [("最長29分 59秒", "DURATION", "PT29M59S", "EQUAL_OR_LESS")]),  # parts apart by a space
    ("ほぼ1ヶ月に1回更新", [("1ヶ月に1回", "SET", "P1M", None)]),
    ("１年に１回程度の頻度", [("１年に１回程度", "SET", "P1Y", "APPROX")]),
    ("例年以上に暑い", [("例年", "SET", "P1Y", None)]),
    ("毎月分の料金", [("毎月", "SET", "P1M", None)]),
    ("5月10日に発表。翌日の朝9時から配信",
     [("5月10日", "DATE", "2012-05-10", None), ("翌日の朝9時", "TIME", "2012-05-11T09:00", None)]),
    ("本日の17時まで", [("本日の17時", "TIME", "2012-05-08T17:00", "ON_OR_BEFORE")]),
    ("3営業日以内に発送", [("3営業日以内", "DURATION", "P3D", "EQUAL_OR_LESS")]),
    ("ずいぶん前から昨今まで", [("ずいぶん前", "DATE", "PAST_REF", None), ("昨今", "DATE", "PRESENT_REF", None)]),
    ("今から行こうか。", [("今", "DATE", "PRESENT_REF", None)]),  # now, as the start of something
    ("いま話題の商品。", [("いま", "DATE", "PRESENT_REF", None)]),  # いま before a word, not only before a particle
    ("今や定番の機能だ。今のところ予定はない。いまや常識。", []),  # "nowadays", "for the time being": no date
    ("使っています。", []),
    ("今回の更新で", []),  # 今 inside a word is no date
    ("詳細は後日発表。もうすぐ届く。近年は人気だ。", [("後日", "DATE", "FUTURE_REF", None), ("もうすぐ", "DATE", "FUTURE_REF", None), ("近年", "DATE", "PAST_REF", None)]),
    ("後日談がある。", []),  # an epilogue
    ("5月16日に開催。この日は晴れた。", [("5月16日", "DATE", "2012-05-16", None), ("この日", "DATE", "2012-05-16", None)]),
])
def test_find_dates(text: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "Core i7-3770を搭載", "Windows 8とiOS 5.1に対応", "型番はSH-09Dで、価格は2万8000円前後",
    "1日あたり500円", "1日500円で使える", "一時停止する", "十分な性能", "月額980円", "3分の1の価格",
    "画面は16:10のワイド液晶", "あの人の１日だ", "高校3年生の頃",
    "発売日前日まで", "その後、同時に発表", "今回紹介する", "現在地を表示", "4.3インチで重さ約120g",
    "（500）日のサマー", "4回、2回と数えた", "「午後の彼女」を開く", "注文すると翌日に届く", "毎月割を増額",
    "一月のモバイル通信量", "複数年契約", "Vista以前のActiveX", "今からでも十分間に合う",
    "Snapdragon S4 1.5GHz", "世紀の一大イベント",
])
def test_not_dates(text: str) -> None:
    assert found(text) == []


D = dt.date


@pytest.mark.parametrize("text, dct, expected", [
    # past news told again in a digest: its weekday finds the month, months back if need be
    ("先日20日（金）から予約が開始された", D(2012, 9, 4), [("先日20日（金）", "DATE", "2012-07-20", None)]),
    # era years start at the era name
    ("スギちゃんは、平成7年から芸人活動開始", DCT, [("平成7年", "DATE", "1995", None)]),
    ("４アイテムを平成２４年９月１１日より発売", DCT, [("平成２４年９月１１日", "DATE", "2012-09-11", None)]),
    ("電波法（昭和25年法律第131号）", DCT, [("昭和25年", "DATE", "1950", None)]),
    # two-digit years that cannot be counts of years, or that close or carry a range
    ("タニタでは97年に国内初の", DCT, [("97年", "DATE", "1997", None)]),
    ("本格移行は2014年〜15年になる", DCT, [("2014年〜15年", "DATE", "2014", None)]),
    ("まず2012-13年にシェア4位", DCT, [("2012-13年", "DATE", "2012", None)]),
    ("創業57年のメーカー", DCT, [("57年", "DURATION", "P57Y", None)]),
    # a bare day an end is set for is that day, not a count of days (as 約50日で1,000万台 is)
    ("節電要請が２２日で終了する", D(2011, 9, 20), [("２２日", "DATE", "2011-09-22", None)]),
    ("発売から約50日で1,000万台を突破", D(2011, 9, 20), [("約50日", "DURATION", "P50D", "APPROX")]),
    # a vague word that begins like a prefix of durations (ここ数年) is read whole
    ("ここ最近はスマホが人気で、ここ数年で伸びた", D(2012, 7, 8), [("ここ最近", "DATE", "PAST_REF", None), ("ここ数年", "DURATION", "PXY", None)]),
    # a month word restated by its month, a year with this year's season, two months listed: one expression each
    ("今月7月に発表し、来月8月に発売", D(2012, 7, 27), [("今月7月", "DATE", "2012-07", None), ("来月8月", "DATE", "2012-08", None)]),
    ("2012年今夏は熱い", D(2012, 7, 27), [("2012年今夏", "DATE", "2012-SU", None)]),
    ("見通しは7、8月ともに高い", D(2012, 7, 27), [("7、8月", "DATE", "2012-07", None)]),
    # the time left: あと/残り are in the duration's text
    ("開催まであと１週間。", D(2012, 7, 8), [("あと１週間", "DURATION", "P1W", None)]),
    ("残り4日と何時間後か", D(2012, 7, 8), [("残り4日", "DURATION", "P4D", None)]),
    # a bare day dated by the news lede is past news: later than the DCT's day, last month's
    ("NTTドコモは30日、今夏に発売する", D(2012, 8, 19), [("30日", "DATE", "2012-07-30", None), ("今夏", "DATE", "2012-SU", None)]),
    ("Googleは24日（現地時間）、アプリを", D(2012, 6, 3), [("24日", "DATE", "2012-05-24", None)]),
    ("NTTドコモは16日、発表した", D(2012, 8, 19), [("16日", "DATE", "2012-08-16", None)]),
    ("21日は金環食を見よう", D(2012, 5, 17), [("21日", "DATE", "2012-05-21", None)]),
    ("P-06Dが12日、N-07Dが13日に発売", D(2012, 7, 9), [("12日", "DATE", "2012-07-12", None), ("13日", "DATE", "2012-07-13", None)]),
    # ... a bracketed weekday picks the month it fits; a day the DCT's month lacks is last month's
    ("27日（水）、28日（木）から発売", D(2012, 7, 1), [("27日（水）", "DATE", "2012-06-27", None), ("28日（木）", "DATE", "2012-06-28", None)]),
    ("3月17日（土）、20日（火祝）：実習", D(2012, 2, 2), [("3月17日（土）", "DATE", "2012-03-17", None), ("20日（火祝）", "DATE", "2012-03-20", None)]),
    ("31日から配布", D(2012, 9, 2), [("31日", "DATE", "2012-08-31", None)]),
    # ... and takes a month named without a day only right after it
    ("※7月は、14日、15日", D(2012, 6, 11), [("7月", "DATE", "2012-07", None), ("14日", "DATE", "2012-07-14", None), ("15日", "DATE", "2012-07-15", None)]),
    ("9月〜10月に発売する2機種をラウンジで28日から展示", D(2012, 8, 28), [("9月〜10月", "DATE", "2012-09", None), ("28日", "DATE", "2012-08-28", None)]),
    # 翌日 counts from the last date with a day, not from a season named in between
    ("4月2日に新製品「2012年春モデル」を出し、翌日3日には他社も続いた", D(2012, 5, 20),
     [("4月2日", "DATE", "2012-04-02", None), ("2012年春", "DATE", "2012-SP", None), ("翌日3日", "DATE", "2012-04-03", None)]),
    # a year word sets the year of the months after it in its sentence, like a written year (not a season's)
    ("昨年を振り返ると、2月には新OSが出た", D(2012, 4, 1), [("昨年", "DATE", "2011", None), ("2月", "DATE", "2011-02", None)]),
    ("昨年冬の機種は重かったが、春の機種は軽い", D(2012, 6, 18), [("昨年冬", "DATE", "2011-WI", None), ("春", "DATE", "2012-SP", None)]),
    # ... unless a bracketed weekday only fits the DCT's year
    ("2010年に始まった番組が8月2日（木）から見られる", D(2012, 8, 1),
     [("2010年", "DATE", "2010", None), ("8月2日（木）", "DATE", "2012-08-02", None)]),
    # a clock time takes the one day named before it in its sentence ...
    ("本日、5月9日、14時より説明会を開く", D(2012, 5, 9),
     [("本日", "DATE", "2012-05-09", None), ("5月9日", "DATE", "2012-05-09", None), ("14時", "TIME", "2012-05-09T14:00", None)]),
    ("発売日の3月1日には深夜0時から販売した", D(2012, 3, 2),
     [("3月1日", "DATE", "2012-03-01", None), ("深夜0時", "TIME", "2012-03-01T00:00", None)]),
    # ... also when its hours are given with it (a programme on the lines after); not a shop's daily hours
    ("日時：8月30日（木）15:00〜20:00\n1）開会式　15:00〜", D(2012, 8, 1),
     [("8月30日（木）15:00〜20:00", "TIME", "2012-08-30T15:00", None), ("15:00", "TIME", "2012-08-30T15:00", None)]),
    ("日時：8月4日（土）13:00〜18:00\n営業時間：10:30〜20:00", D(2012, 8, 1),
     [("8月4日（土）13:00〜18:00", "TIME", "2012-08-04T13:00", None), ("10:30〜20:00", "TIME", "T10:30", None)]),
    # ... not the first day of a period, one of a list of days, or every day named
    ("本日より、正午までの注文は当日に届く", D(2012, 5, 9), [("本日", "DATE", "2012-05-09", None), ("正午", "TIME", "T12:00", "ON_OR_BEFORE")]),
    ("6月2日（土）・3日（日）、午前10時〜午後5時", D(2012, 5, 9),
     [("6月2日（土）", "DATE", "2012-06-02", None), ("3日（日）", "DATE", "2012-06-03", None),
      ("午前10時〜午後5時", "TIME", "T10:00", None)]),
    # the new year: the coming one in December, the one just begun in January; 師走 is December
    ("新年を迎える", D(2011, 12, 28), [("新年", "DATE", "2012", None)]),
    ("新年の挨拶", D(2012, 1, 5), [("新年", "DATE", "2012", None)]),
    ("新年度から", D(2012, 3, 5), []),
    ("師走の街", D(2011, 12, 2), [("師走", "DATE", "2011-12", None)]),
    # a word of the day or month before a full date restates it: one expression; before a month alone, two
    ("本日7月3日より提供", D(2012, 7, 3), [("本日7月3日", "DATE", "2012-07-03", None)]),
    ("今月8月10日に発売", D(2011, 8, 5), [("今月8月10日", "DATE", "2011-08-10", None)]),
    # the nth weekday of every month is one set; a clock time may open with AM/PM
    ("毎月第2火曜日AM2:00〜AM7:00までの間は", D(2012, 8, 2),
     [("毎月第2火曜日", "SET", "P1M", None), ("AM2:00〜AM7:00", "TIME", "T02:00", None)]),
    # a weekday as the value of a closing-day key is every such weekday
    ("休 館 日：火曜日\n入場料：無料", D(2012, 6, 20), [("火曜日", "SET", "XXXX-WXX-2", None)]),
    ("■定休日：火曜", D(2012, 6, 20), [("火曜", "SET", "XXXX-WXX-2", None)]),
    ("本日10月より値下げ", D(2012, 7, 3), [("本日", "DATE", "2012-07-03", None), ("10月", "DATE", "2012-10", None)]),
    ("会期は6月2日で、各日10時に開場", D(2012, 5, 9), [("6月2日", "DATE", "2012-06-02", None), ("10時", "TIME", "T10:00", None)]),
    # a bare day repeating the day of a date written shortly before names that date (not a lede's day)
    ("新色を9月30日発売！\n同社は28日、新色を30日から発売すると発表した", D(2012, 8, 29),
     [("9月30日", "DATE", "2012-09-30", None), ("28日", "DATE", "2012-08-28", None), ("30日", "DATE", "2012-09-30", None)]),
    # bounds on a duration from its context: 最大/最長/最低 before it (in its text, as gold writes it;
    # written apart, 最大で, outside), まで/のうちに after it
    ("更新時間は最大20分程度、期間は3年", DCT, [("最大20分程度", "DURATION", "PT20M", "EQUAL_OR_LESS"), ("3年", "DURATION", "P3Y", None)]),
    ("最長約5時間の連続再生", DCT, [("最長約5時間", "DURATION", "PT5H", "EQUAL_OR_LESS")]),
    ("最高2年の懲役", DCT, [("最高2年", "DURATION", "P2Y", "EQUAL_OR_LESS")]),
    ("契約は最低3ヶ月から", DCT, [("最低3ヶ月", "DURATION", "P3M", "EQUAL_OR_MORE")]),
    ("再生時間は最大で20分", DCT, [("20分", "DURATION", "PT20M", "EQUAL_OR_LESS")]),
    ("動画は15秒まで投稿できる", DCT, [("15秒", "DURATION", "PT15S", "EQUAL_OR_LESS")]),
    ("料金は2時間まで800円", DCT, [("2時間", "DURATION", "PT2H", None)]),
    ("数週間のうちに配信する", DCT, [("数週間", "DURATION", "PXW", "EQUAL_OR_LESS")]),
    ("最大3日前までの番組を見られる", DCT, [("3日前", "DURATION", "P3D", "EQUAL_OR_LESS")]),
    ("5年ほど前まで主流だった", DCT, [("5年ほど前", "DATE", "2007", "APPROX")]),
    # a day of a relative week
    ("先週27日（木）に発売された", D(2012, 7, 2), [("先週27日（木）", "DATE", "2012-06-27", None)]),
    ("今週20日（金）から発売予定", D(2012, 7, 15), [("今週20日（金）", "DATE", "2012-07-20", None)]),
    # a date and its clock time joined by の; the end of a range of times keeps its half of the day
    ("「5月8日の16時半より駒場で", DCT, [("5月8日の16時半", "TIME", "2012-05-08T16:30", None)]),
    ("12日の午前11時前後。", D(2012, 4, 14), [("12日の午前11時前後", "TIME", "2012-04-12T11:00", "APPROX")]),
    ("午後7時ごろから9時くらいにかけて", DCT, [("午後7時ごろ", "TIME", "T19:00", "APPROX"), ("9時くらい", "TIME", "T21:00", "APPROX")]),
    ("23時から1時まで", DCT, [("23時", "TIME", "T23:00", None), ("1時", "TIME", "T01:00", "ON_OR_BEFORE")]),
    # a part of the day before a clock hour puts the hour in its half of the day
    ("NHKが夕方5時のニュースで", DCT, [("夕方5時", "TIME", "T17:00", None)]),
    ("平日夜7時頃、電波は", DCT, [("夜7時頃", "TIME", "T19:00", "APPROX")]),
    ("深夜1時から", DCT, [("深夜1時", "TIME", "T01:00", None)]),
    ("11月28日朝9時59分までの", DCT, [("11月28日朝9時59分", "TIME", "2012-11-28T09:59", "ON_OR_BEFORE")]),
    # days written without 日 before their weekday, listed days, an embedded post's date
    ("日時：8月22（水）〜26（日）", D(2012, 8, 17), [("8月22（水）〜26（日）", "DATE", "2012-08-22", None)]),
    ("■期間：7月14(土)から8月19日(日)", D(2012, 7, 11), [("7月14(土)から8月19日(日)", "DATE", "2012-07-14", None)]),
    ("4月28、29日に幕張メッセで", D(2012, 4, 23), [("4月28、29日", "DATE", "2012-04-28", None)]),
    ("&mdash; 津田大介さん (@tsuda) 6月 7, 2012", DCT, [("6月 7, 2012", "DATE", "2012-06-07", None)]),
    # centuries
    ("ゴムを付けたのは19世紀も後半に入ってから", DCT, [("19世紀", "DATE", "18", None)]),
    ("18世紀前半以降の新聞", DCT, [("18世紀前半以降", "DATE", "17", "ON_OR_AFTER")]),
    # spans of days and rates are no dates
    ("2〜3日の小旅行なら", DCT, [("2〜3日", "DURATION", "P2D/P3D", None)]),
    ("1日24時間遊んでも", DCT, [("24時間", "DURATION", "PT24H", None)]),
    # approximations after a date or a duration, and words
    ("（4月29日くらい）と言われて", DCT, [("4月29日くらい", "DATE", "2012-04-29", "APPROX")]),
    ("明日あたりから流れる", DCT, [("明日あたり", "DATE", "2012-05-09", "APPROX")]),
    ("2時間位の練習で", DCT, [("2時間位", "DURATION", "PT2H", "APPROX")]),
    ("ネット接続を毎時間利用した", DCT, [("毎時間", "SET", "PT1H", None)]),
    # 今まで is no date: labellers leave it out or mark it optional (これまで, the same sense, is labelled)
    ("今まで以上に便利", DCT, []),
    ("一昔前のノートPCでも", DCT, [("一昔前", "DATE", "PAST_REF", None)]),
])
def test_find_dates_against_their_dct(text: str, dct: dt.date, expected: list[tuple[str, str, str, str | None]]) -> None:
    assert found(text, dct) == expected


def test_years_come_from_the_same_sentence() -> None:
    text = "2011年11月に発表、12月に発売した。1月に発売する。"
    values = [m.value for m in find_dates(text, DCT)]
    assert values == ["2011-11", "2011-12", "2012-01"]


def test_zones_limit_the_search() -> None:
    text = "2012年5月8日に発表。■関連記事 6月1日に発売。"
    boundary = text.index("■")
    mentions = find_dates(text, DCT, [(0, boundary)])
    assert [m.text for m in mentions] == ["2012年5月8日"]
    assert find_dates(text, DCT, []) == []
    assert [m.text for m in find_dates(text, DCT, [(boundary, 10_000), (-5, 3)])] == ["6月1日"]


def test_mentions_carry_offsets_interval_and_rule() -> None:
    text = "東芝は11月上旬より発売する。"
    (m,) = find_dates(text, DCT)
    assert isinstance(m, DateMention)
    assert text[m.start:m.end] == m.text == "11月上旬"
    assert m.interval == ("2012-11-01", "2012-11-10")
    assert m.rule == "absolute.month+part"


def test_without_dct_relative_values_stay_unresolved() -> None:
    assert found("来年1月と10月以降、本日", None) == [
        ("来年1月", "DATE", "XXXX-01", None), ("10月以降", "DATE", "XXXX-10", "ON_OR_AFTER"),
        ("本日", "DATE", "XXXX-XX-XX", None)]


SEED_EXCERPT = (
    "Windows Server 2008(旧コード名:Longhorn)のリリースから180日以内というリリーススケジュールを厳守するため、"
    "幾つかの主要機能が搭載されないことになった。これらの機能は今後1年以上も提供されないことになる。"
    "また、Virtual Server 2005 R2 SP1の提供も、2007年第2四半期に延期された\n"
    "2004年にMicrosoftは、仮想化技術を統合することを決定した。"
    "2007年末までに最初のパブリックβのリリースを予定している。リリース時期は、当初の2007年第1四半期から変更され、"
    "現在は2007年半ばの予定である。RTMまでの期間が6カ月というのは楽観的だ。"
)


def test_seed_excerpt() -> None:
    assert found(SEED_EXCERPT, dt.date(2007, 6, 26)) == [
        ("180日以内", "DURATION", "P180D", "EQUAL_OR_LESS"),
        ("今後", "DATE", "FUTURE_REF", None),
        ("1年以上", "DURATION", "P1Y", "EQUAL_OR_MORE"),
        ("2007年第2四半期", "DATE", "2007-Q2", None),
        ("2004年", "DATE", "2004", None),
        ("2007年末", "DATE", "2007", "ON_OR_BEFORE"),
        ("2007年第1四半期", "DATE", "2007-Q1", None),
        ("現在", "DATE", "PRESENT_REF", None),
        ("2007年半ば", "DATE", "2007", "MID"),
        ("6カ月", "DURATION", "P6M", None),
    ]


def _check(text: str, mentions: list[DateMention]) -> None:
    last_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= last_end  # sorted, non-overlapping
        last_end = m.end
        assert m.type in ("DATE", "TIME", "DURATION", "SET")
        assert timex.is_valid_value(m.value), m
        assert m.rule


TEMPORAL_ALPHABET = list("0123456789０１２３年月日時分秒週間度期第四半上下旬末以降前後内約毎回〜~-/:（）()"
                         "火水今来昨本秋冬カヶ平成元一二十〇から まで、。\n")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(TEMPORAL_ALPHABET), max_size=80),
       st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))))
def test_any_temporal_looking_text(text: str, dct: dt.date | None) -> None:
    _check(text, find_dates(text, dct))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120), st.lists(st.tuples(st.integers(-5, 130), st.integers(-5, 130)), max_size=3))
def test_any_text_and_zones(text: str, zones: list[tuple[int, int]]) -> None:
    mentions = find_dates(text, DCT, zones)
    _check(text, mentions)
    clipped = [(max(0, a), min(len(text), b)) for a, b in zones]
    assert all(any(a <= m.start and m.end <= b for a, b in clipped) for m in mentions)


@pytest.mark.parametrize("text", ["", "\x00\x01\x1f", "\ud800年\udfff月", "2012年" * 3, "日" * 1000, "\n" * 100])
def test_odd_inputs_do_not_crash(text: str) -> None:
    _check(text, find_dates(text, DCT))


def test_long_line_is_linear(growth) -> None:
    """A 300k-character line with no line break: no catastrophic backtracking."""
    line = SEED_EXCERPT.replace("\n", "") * 200

    def run(n: int) -> list[DateMention]:
        return find_dates(line[:n], DCT)

    mentions = run(300_000)
    _check(line[:300_000], mentions)
    assert len(mentions) >= 1900
    assert growth(run, 75_000) < 8
