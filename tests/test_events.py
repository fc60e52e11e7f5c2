"""Events from triggers: types, product attachment, dates, status, hedges, merging."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.dates import find_dates
from pipeline.events import find_events, product_groups
from pipeline.features import main_product
from pipeline.features import FeatureItem, FeatureList
from pipeline.products import ProductMention

DCT = dt.date(2012, 5, 10)


def mentions(text: str, names: dict[str, str]) -> list[ProductMention]:
    """Every occurrence of each surface in ``names`` (surface -> canonical), longest first."""
    found: list[ProductMention] = []
    taken: set[int] = set()
    for surface in sorted(names, key=len, reverse=True):
        start = text.find(surface)
        while start >= 0:
            span = set(range(start, start + len(surface)))
            if not span & taken:
                found.append(ProductMention(start, start + len(surface), surface, names[surface], "test"))
                taken |= span
            start = text.find(surface, start + 1)
    return sorted(found, key=lambda m: m.start)


def events(text: str, names: dict[str, str], dct: dt.date | None = DCT, lists=()) -> list[tuple]:
    found = find_events(text, None, dct, find_dates(text, dct), mentions(text, names), lists)
    return [(e.type, e.product, e.status, e.date and (e.date.value, e.date.mod)) for e in found]


def test_worked_example_of_the_guidelines() -> None:
    text = (
        "サクラ電機は2012年5月10日、スマートフォン『SAKURA S1』を発表した。6月下旬に発売する予定。"
        "防水、ワンセグ、おサイフケータイに対応する。当初予定していたLTE対応は見送られた。"
    )
    items = tuple(FeatureItem(text.find(t), text.find(t) + len(t), t) for t in ("防水", "ワンセグ", "おサイフケータイ"))
    lists = [FeatureList(items[0].start, items[-1].end, "SAKURA S1", items, "inline")]
    found = events(text, {"SAKURA S1": "SAKURA S1"}, lists=lists)
    assert ("announce", "SAKURA S1", "done", ("2012-05-10", None)) in found
    assert ("release", "SAKURA S1", "planned", ("2012-06", "END")) in found
    assert ("feature_drop", "SAKURA S1", "done", None) in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an argument marked by を before the trigger
        ("ソニーは『X1』を9月17日に発売する。", [("release", "X1", "planned", ("2012-09-17", None))]),
        # a date on or before the DCT means done, whatever the verb form
        ("本日より『X1』の販売が開始される。", [("release", "X1", "done", ("2012-05-10", None))]),
        # the product after the trigger, as the head of a relative clause
        ("東芝が11月上旬より発売を開始する「X1」だ。", [("release", "X1", "planned", ("2012-11", "START"))]),
        # a modifier (Androidスマートフォン) is not the product
        ("au向けに5月下旬発売予定のAndroidスマートフォン「X1」について。", [("release", "X1", "planned", ("2012-05", "END"))]),
        # an undated announcement reported as news takes the DCT
        ("KDDIは新サービス「X1」を発表した。", [("announce", "X1", "done", ("2012-05-10", None))]),
        # the announcement's date is the sentence's time adverbial, not the service date
        ("ソフトバンクは9日、「X1」について6月1日から提供すると発表した。",
         [("release", "X1", "planned", ("2012-06-01", None)), ("announce", "X1", "done", ("2012-05-09", None))]),
        # the date of what was announced (a firmware update: a planned release) is not the announcement's date
        ("ソニーでは「X1」について、来年3月にファームアップを予定していると発表した。",
         [("release", "X1", "planned", ("2013-03", None)), ("announce", "X1", "done", ("2012-05-10", None))]),
        # a pre-order opening is not a release
        ("「X1」の事前予約の受付を開始した。", []),
        # a delay takes the new date and is done once decided
        ("東芝は「X1」の発売を10月以降の予定からさらに来年1月に延期。", [("delay", "X1", "done", ("2013-01", None))]),
        # a superseded date is not the event's date
        ("「X1」のリリース時期は、当初の2012年第1四半期から変更され、2012年半ばの予定である。",
         [("release", "X1", "planned", ("2012", "MID"))]),
        # a fiscal year dates an event; the predicate nearest the trigger decides (予定, not 示されました)
        ("「X1」についても一部地域ではサービスを2012年度中に提供開始予定であることも示されました。",
         [("release", "X1", "planned", ("FY2012", None))]),
        ("「X1」は欧州において発売を予定しており、順次他の国で発売していくとのこと。",
         [("release", "X1", "planned", None)]),
        # an announcement's time adverbial may carry an aside before its comma (現地時間, a weekday)
        ("Googleは27日（現地時間）、最新バージョン「X1」を発表しています。", [("announce", "X1", "done", ("2012-04-27", None))]),
        # the announcer may stand between the date and the trigger
        ("8日にNTTドコモが発表した「X1」が先行展示されている。", [("announce", "X1", "done", ("2012-05-08", None))]),
        # an update program for a device, made available, is a release of the device
        ("ドコモは2012年5月3日、「X1」向けに、Android 4.0へのアップデートプログラムの提供を開始した。",
         [("release", "X1", "done", ("2012-05-03", None))]),
        # a colour's date is its product's; a product on sale is background, not a release;
        # a feature added and the new version provided is a release
        ("発売時期は、「X1」のブルーが2012年6月中旬以降、「X2」のマゼンタが2012年6月下旬以降となります。",
         [("release", "X1", "planned", ("2012-06", "ON_OR_AFTER")),
          ("release", "X2", "planned", ("2012-06", "ON_OR_AFTER"))]),
        ("NTTドコモから販売中の「X1」は、筆圧対応の端末です。", []),
        ("ドコモは28日、提供中のアプリ「X1」に、フィッシング対策機能を追加し、提供を開始しました。",
         [("release", "X1", "done", ("2012-04-28", None))]),
        # a name described by a clause after 」と、 is coordinated with the name before it
        ("ライオンは、『X1』と、すすぐだけでくすみをつきにくくする『X2』を、2012年5月22日より発売いたします。",
         [("release", "X1", "planned", ("2012-05-22", None)), ("release", "X2", "planned", ("2012-05-22", None))]),
        # a relative clause with ばかりの describes the name after it
        ("つい先日発表されたばかりの高速SSD「X1」を試した。", [("announce", "X1", "done", None)]),
        # a subject with a verb of its own is not the subject of a relative clause after it;
        # one without is (「X」が発売された頃)
        ("4月に「X1」が発売され、さらに先日発表されたばかりの夏モデルにも「X2」がラインナップされる。",
         [("release", "X1", "done", ("2012-04", None)), ("announce", "X2", "done", None)]),
        ("世界中で「X1」が発売された頃のことだ。", [("release", "X1", "done", None)]),
        # a relative clause states its fact though the sentence ends in a hedge
        ("コストパフォーマンスに優れるのが5月8日に発表された「X1」だろう。", [("announce", "X1", "done", ("2012-05-08", None))]),
        # a new colour named after 新色; features left out; a category word glued before the name
        ("イー・アクセスは7日、スマートフォン「X1」に新色マットブラックを追加すると発表しています。",
         [("announce", "X1", "done", ("2012-05-07", None))]),
        ("音声認識機能やスマートフォンとの連携機能を省いた廉価版「X1」もある。", [("feature_drop", "X1", "done", None)]),
        ("2013年にインテルから登場する新プロセッサX1(コード名)が出る。", [("release", "X1", "planned", ("2013", None))]),
        # a feature it lacks, said with となっています
        ("「X1」は、DLNAやHDMI出力には非対応となっています。", [("feature_drop", "X1", "done", None)]),
        # an embargo lifted on a product announces it
        ("22時以降に解禁されたNVIDIAの新型GPU「X1」を試した。", [("announce", "X1", "done", ("2012-05-10", None))]),
        # a sale said in the polite non-past is planned; a cut said so is decided
        ("市場により「X1」が販売されます。", [("release", "X1", "planned", None)]),
        ("バージョンアップを行うと、プリインストールされている「X1」が削除されます。", [("feature_drop", "X1", "done", None)]),
        # what only other models have is no feature the product dropped
        ("「X1」の縦撮り対応は、上級機種にしか搭載されないことがある。", []),
        # a debut, a dated start, a site launched are releases; a user's debut with a device is not
        ("「X1」は、2012年1月31日に華々しくデビューした。", [("release", "X1", "done", ("2012-01-31", None))]),
        ("新サイト「X1」を2012年3月30日よりスタートさせた。", [("release", "X1", "done", ("2012-03-30", None))]),
        ("ウェブサイト「X1」を立ち上げた。", [("release", "X1", "done", None)]),
        ("X1デビューしたと喜んでいた。", []),
        ("「X1」の動画の最後に登場するのはCEOだ。", []),
        # on sale from a date: a release on that date
        ("DELLは、『X1』を2月28日から販売している。", [("release", "X1", "done", ("2012-02-28", None))]),
        ("「X1」は5000円程度で販売されている。", []),
        # a long katakana category between the relative clause and the name it describes
        ("ブースは6月上旬発売予定のコンパクトデジタルカメラX1に注目が集まっていた。",
         [("release", "X1", "planned", ("2012-06", "START"))]),
        # … and a long category of Latin words with spaces (ULTRA SPEED対応Androidスマートフォン)
        ("明日28日に発売開始されるULTRA SPEED対応Androidスマートフォン「X1」を購入すると、もらえます。",
         [("release", "X1", "planned", ("2012-05-28", None))]),
        # 発売予定時期 is the trigger's noun (not a compound naming something else), each product with its date
        ("発売予定時期は、X1が9月、X2が10月です。",
         [("release", "X1", "planned", ("2012-09", None)), ("release", "X2", "planned", ("2012-10", None))]),
        # a heading naming the product is not coordinated with the body's first name
        ("■X1\nX1は昨年9月に発売され、好評だ。", [("release", "X1", "done", ("2011-09", None))]),
        # names coordinated across the market of the next one (…や…向け「Y」が) share the trigger
        ("au向け「X1」やソフトバンクモバイル向け「X2」が6日から発売開始されました。",
         [("release", "X1", "done", ("2012-05-06", None)), ("release", "X2", "done", ("2012-05-06", None))]),
        ("「X1」が2012年5月28日デビューの予定だ。", [("release", "X1", "planned", ("2012-05-28", None))]),
        # に加え and the kind of each name (上位モデルの「X2」) keep the names coordinated
        ("「X1」に加え、上位モデルの「X2」が発表された。",
         [("announce", "X1", "done", ("2012-05-10", None)), ("announce", "X2", "done", ("2012-05-10", None))]),
        ("発表されたのは3G＋WiFiモデルの「X1」と、Wi-Fiモデルの「X2」だ。",
         [("announce", "X1", "done", ("2012-05-10", None)), ("announce", "X2", "done", ("2012-05-10", None))]),
        # 公開 as a headline's or a sentence's last word (体言止め)
        ("4月25日、アップルの最新OSとなる「X1」が正式公開。", [("release", "X1", "done", ("2012-04-25", None))]),
        # an app released in editions for platforms (「X」のiOS版およびAndroid版を): the app is released
        ("NHN Japanは7日、アプリ「X1」のiOS版およびAndroid版をリリースした。", [("release", "X1", "done", ("2012-05-07", None))]),
        # a version label after the latest version released is the product's release
        ("jig.jpは14日、アプリ「X1」の最新バージョンVer.1.2.0を公開しています。",
         [("release", "X1", "done", ("2012-04-14", None))]),
        # a bracketed paraphrase of the date is not the event's date
        ("「X1」は今年の第3四半期（2012年7〜9月）に発売されます。", [("release", "X1", "planned", ("2012-Q3", None))]),
        # a polite progressive (発売開始しています) is done, and a predicate that continues the sentence before
        ("X1はスマートフォンです。5月3日に発売開始しています。", [("release", "X1", "done", ("2012-05-03", None))]),
        # … but not when it names other products after its trigger: which one it is about is not said
        # a start told with an adverb (サービスを正式に開始), a site opened (「X」というサイトがオープン), a handout begun
        ("「X1」も新サービスを正式に開始した。", [("release", "X1", "done", None)]),
        ("「X1」というサイトがオープンした。", [("release", "X1", "done", None)]),
        ("アプリ「X1」の配布を開始した。", [("release", "X1", "done", None)]),
        ("「X1」という有料サービスも始まっている。", [("release", "X1", "done", None)]),
        # a subjectless release after a sentence naming only a platform is the article's product's
        ("「X1」は小型PCだ。Androidもサクサク動作させられる。発売は6月下旬。", [("release", "X1", "planned", ("2012-06", "END"))]),
        ("X1はスマートフォンです。5月3日に発売開始しており、X2を使う人に人気だ。", []),
        # a name after the trigger past a contrastive が、 is another clause's, not the trigger's head
        ("多くの製品が発表されましたが、新しいX1は含まれておらず残念だ。", []),
        # a name in angle brackets is marked like one in 「」 (シャープ's プラズマクラスター乾燥機＜X1＞)
        ("シャープは、乾燥機＜X1＞を11月22日に発売する。", [("release", "X1", "planned", ("2012-11-22", None))]),
    ],
)
def test_attachment_dates_and_status(text: str, expected: list[tuple]) -> None:
    assert events(text, {"X1": "X1", "X2": "X2", "Android": "Android"}) == expected


@pytest.mark.parametrize(
    "text",
    [
        "iPhoneを発売するのではないか？",  # speculation
        "「X1」が発売されるかもしれない。",  # hypothetical
        "「X1」は国内未発売だ。",  # negated
        "「X1」はまだ発表になっていないため、解禁待ちだ。",  # negated (発表になっていない)
        "「X1」の発売日が決定しましたらお知らせします。",  # condition
        "「X1」のリリーススケジュールについて説明した。",  # the trigger is part of a longer noun
        "「X1」の生産終了も懸念されています。",  # a fear, not a fact
        "まだ「X1」の発売日が決定したわけではありません。",  # a denial in the trigger's clause
        "おそらく「X1」は6月に発売される。",  # an adverb before the trigger hedges it
        "「X1」の提供予定は未定だ。",  # no plan
        "NTTドコモ、「X1」が300万契約を突破と発表！",  # a figure announced, not the product
        "「X1」本体のみで更新をする場合には、自動更新に非対応となっています。",  # a condition
        "最近いろいろな「X1」が登場しているようだ。",  # an impression
        "この手のガジェットとしては、昔に販売されたソニーの「X1」がある。",  # a release long past, as background
        "「X1」が来月発売されるという情報がある。",  # hearsay
        "■Androidに待望の「X1」が登場！？",  # a questioning headline
        "「X1」は無料だ。このアプリに登場する猫たちも可愛い。",  # appearing inside an app, not released
        "「X1」が発売直後に不具合で話題になった。",  # the release as a time reference, background
        "発売以来、世界中にファンを持つ「X1」。",
    ],
)
def test_no_event_for_hedges_negations_and_compounds(text: str) -> None:
    assert events(text, {"X1": "X1", "iPhone": "iPhone"}) == []


def test_beta_and_final_release_are_two_facts_and_an_undated_anchor_is_none() -> None:
    text = (
        "「X1」のリリースから180日以内に「X2」をリリースできる。"
        "2007年末までに「X2」の最初のパブリックβのリリースを予定している。"
    )
    assert events(text, {"X1": "X1", "X2": "X2"}, dct=dt.date(2007, 6, 26)) == [
        ("release", "X2", "planned", None),
        ("release", "X2", "planned", ("2007", "ON_OR_BEFORE")),
    ]


def test_a_dated_anchor_is_an_event() -> None:
    text = "2012年4月25日の「X1」の発表に合わせて自作した。"
    assert events(text, {"X1": "X1"}) == [("announce", "X1", "done", ("2012-04-25", None))]


def test_a_line_up_gives_one_event_per_product() -> None:
    text = "本日auは秋冬のラインアップを発表した。\n\n・ARROWS Z\n・DIGNO\n\n発売は10月以降順次となる。"
    found = events(text, {"ARROWS Z": "ARROWS Z", "DIGNO": "DIGNO"})
    assert found == [
        ("announce", "ARROWS Z", "done", ("2012-05-10", None)),
        ("announce", "DIGNO", "done", ("2012-05-10", None)),
        ("release", "ARROWS Z", "planned", ("2012-10", "ON_OR_AFTER")),
        ("release", "DIGNO", "planned", ("2012-10", "ON_OR_AFTER")),
    ]


def test_a_counted_line_up_reaches_names_each_with_its_size() -> None:
    text = "アスクがタブレット2製品を発表した。\n\nラインアップは、7インチの「X1」、そして9.7インチの「X2」。"
    assert events(text, {"X1": "X1", "X2": "X2"}) == [
        ("announce", "X1", "done", ("2012-05-10", None)),
        ("announce", "X2", "done", ("2012-05-10", None)),
    ]


def test_a_trigger_naming_nothing_repeats_the_same_fact_said_earlier_in_the_sentence() -> None:
    text = "A社は7日、「X1」の発売を開始することを発表し、8日より発売している。"
    assert events(text, {"X1": "X1"}) == [
        ("announce", "X1", "done", ("2012-05-07", None)),
        ("release", "X1", "done", ("2012-05-08", None)),
    ]
    # not with an object of its own, nor past another name
    assert events("「X1」の配信を開始するとして、9日に申し込みページを公開した。", {"X1": "X1"}) == [
        ("release", "X1", "planned", None)
    ]


def test_a_fact_said_to_come_with_the_one_before_takes_its_date() -> None:
    text = "A社は7日、「X1」をアップデートして公開しています。また、これに伴い「X2」もアップデートされています。"
    assert events(text, {"X1": "X1", "X2": "X2"}) == [
        ("release", "X1", "done", ("2012-05-07", None)),
        ("release", "X2", "done", ("2012-05-07", None)),
    ]


def test_a_passive_cleft_names_what_was_announced_after_it() -> None:
    text = "A社は7日、秋モデルを発表した。今回発表されたのは、「X1」と「X2」の2機種です。"
    assert ("announce", "X1", "done", ("2012-05-07", None)) in events(text, {"X1": "X1", "X2": "X2"})
    assert ("announce", "X2", "done", ("2012-05-07", None)) in events(text, {"X1": "X1", "X2": "X2"})
    # not who announced it, nor a cleft about a product named before it
    assert events("発表したのは、「X1」の責任者であるA氏だ。", {"X1": "X1"}) == []
    assert events("「X1」の更新が公開されたのは、「Y2」の提供が始まる前日。", {"X1": "X1", "Y2": "Y2"})[0][1] == "X1"


def test_a_count_after_the_names_sums_them_up() -> None:
    text = "今夏は「X1」や大画面の「X2」、Xi対応ルーター「X3」の合計3機種が発売されます。"
    names = {"X1": "X1", "X2": "X2", "X3": "X3", "Xi": "Xi"}
    assert events(text, names) == [("release", f"X{i}", "planned", ("2012-SU", None)) for i in (1, 2, 3)]


def test_a_line_up_counted_forward_takes_that_many_names_from_the_lines_after_it() -> None:
    text = "発表されたのは以下の3モデル。価格はZ9と同じだ。\n\n■向け\n・A1\n・A2\n■別\n・A3\n・A4"
    names = {"Z9": "Z9", "A1": "A1", "A2": "A2", "A3": "A3", "A4": "A4"}
    assert [e[1] for e in events(text, names) if e[0] == "announce"] == ["A1", "A2", "A3"]


def test_an_undated_announcement_takes_the_day_of_the_news_named_just_before() -> None:
    text = "情報開示が5月8日をもって解禁になった。\n\n同時に発表された「X1」も注目だ。"
    assert events(text, {"X1": "X1"}) == [("announce", "X1", "done", ("2012-05-08", None))]
    # … a default, like the DCT: a later statement giving its own date dates the fact
    text = "情報開示が5月8日に解禁された。\n■「X1」を発表\n\nミドリ社は9日、「X1」を発表した。"
    assert events(text, {"X1": "X1"}) == [("announce", "X1", "done", ("2012-05-09", None))]
    # … nor for an announcement said to have come before (事前に発表されていた)
    text = "KDDIは、事前に発表されていた「X1」を含めて6機種を紹介した。"
    assert events(text, {"X1": "X1"}) == [("announce", "X1", "done", None)]
    # … not a day long before the article, nor one after it
    text = "「Y1」は4月8日に発売された。同時に発表された「X1」も注目だ。"
    assert ("announce", "X1", "done", ("2012-05-10", None)) in events(text, {"X1": "X1", "Y1": "Y1"})


def test_a_counted_line_up_left_unnamed_reaches_the_one_picked_next() -> None:
    text = "ニコンは22日、デジタルカメラの新製品4モデルを発表した。\n\nこのうち「X1」は、Androidを搭載したモデルだ。"
    assert events(text, {"X1": "X1", "Android": "Android"}) == [("announce", "X1", "done", ("2012-04-22", None))]


def test_a_counted_line_up_reaches_the_products_heading_its_sections() -> None:
    text = "KDDIは15日、新ラインアップとして5機種を発表した。\n\n■X1\n薄い。\n\n■Y1（京セラ製）\n軽い。\n\n■Y1の特長\n速い。"
    found = events(text, {"X1": "X1", "Y1": "Y1"})
    assert [e[:2] for e in found] == [("announce", "X1"), ("announce", "Y1")]
    # … no more of them than the count
    more = text.replace("5機種", "2機種") + "\n\n■Z1\n重い。"
    assert events(more, {"X1": "X1", "Y1": "Y1", "Z1": "Z1"}) == []


def test_a_line_up_announced_by_name_reaches_the_products_heading_its_sections() -> None:
    heads = "\n\n■X1\n発売日：2012年5月25日\n\n■Y1\n発売日：2012年6月下旬以降"
    text = "KDDIは15日、新モデル「2012年夏モデル」の発表会を行い、新しくスマートフォンを追加した。" + heads
    announced = [e[:4] for e in events(text, {"X1": "X1", "Y1": "Y1"}) if e[0] == "announce"]
    assert announced == [("announce", "X1", "done", ("2012-04-15", None)), ("announce", "Y1", "done", ("2012-04-15", None))]
    # … not a hope to announce one, nor a single section
    assert [e for e in events("今年は新機種を発表できるのが嬉しい。" + heads, {"X1": "X1", "Y1": "Y1"}) if e[0] == "announce"] == []
    one = "KDDIは15日、新モデル「2012年夏モデル」の発表会を行った。\n\n■X1\n薄い。"
    assert [e for e in events(one, {"X1": "X1"}) if e[0] == "announce"] == []
    # … or, without sections, the models the sentence counts and the next one names
    counted = "ドコモは16日、新モデル「2012年夏モデル」を発表し、そのうちの2機種の展示を始めた。展示は「X1」と「Y1」だ。"
    assert [e[:2] for e in events(counted, {"X1": "X1", "Y1": "Y1"}) if e[0] == "announce"] == [
        ("announce", "X1"), ("announce", "Y1")
    ]


def test_a_line_up_counted_twice_takes_its_total_not_a_count_of_one_kind_in_it() -> None:
    heads = "\n\n■X1\n薄い。\n\n■Y1\n軽い。\n\n■Z1\n速い。"
    names = {"X1": "X1", "Y1": "Y1", "Z1": "Z1", "Android": "Android"}
    text = "ドコモは16日、Androidスマートフォン2機種、Androidタブレット1機種の総勢3機種3モデルを発表した。" + heads
    assert [e[:2] for e in events(text, names)] == [("announce", "X1"), ("announce", "Y1"), ("announce", "Z1")]
    # … in kinds and in models: either names the group that follows
    text = "ASUSは、春モデルとして、ノートパソコンの2機種3モデルを発表。「X1」「Y1」の2機種だ。"
    assert [e[:2] for e in events(text, names)] == [("announce", "X1"), ("announce", "Y1")]


def test_repeated_fact_is_one_event_dated_by_the_first_statement_with_a_date() -> None:
    text = "「X1」を発売する。「X1」は6月1日に発売する。「X1」は7月1日に発売する。"
    assert events(text, {"X1": "X1"}) == [("release", "X1", "planned", ("2012-06-01", None))]


def test_a_family_at_its_newest_is_its_one_version_named() -> None:
    names = {"Brow 11": "Brow 11", "Brow": "Brow"}
    text = "最新のBrowが登場！\nMozは「Brow 11」をリリースした。AとBに対応した。"
    title = (0, text.index("\n"))
    found = find_events(text, None, DCT, (), mentions(text, names), [flist(text, "Brow", "A", "B")], title=title)
    # one release, of the version, carrying the list said of the family the title names
    assert [(e.type, e.product, e.features) for e in found] == [("release", "Brow 11", ("A", "B"))]
    # two versions named: which one is newest is not said
    text = "最新のBrowが登場！Brow 10とBrow 11を比べる。"
    assert [e[1] for e in events(text, {"Brow 10": "Brow 10", **names})] == ["Brow"]


def test_a_release_named_by_a_delay_is_not_a_release() -> None:
    assert [e[0] for e in events("「X1」の発売を6月に延期した。", {"X1": "X1"})] == ["delay"]


def test_an_update_given_up_is_a_feature_drop() -> None:
    assert [e[:2] for e in events("「X1」へのアップデートを断念した。", {"X1": "X1"})] == [("feature_drop", "X1")]


def test_a_dropped_named_feature_belongs_to_the_main_product() -> None:
    text = "「X1」をアップデート。\nアップデート後に「Flash Player」がプリインストールされなくなります。"
    names = {"X1": "X1", "Flash Player": "Flash Player"}
    found = find_events(text, None, DCT, (), mentions(text, names), (), title=(0, text.index("\n")))
    assert [(e.type, e.product, e.features) for e in found] == [("feature_drop", "X1", ("Flash Player",))]


@pytest.mark.parametrize("without", ["おくだけ充電には非対応です。", "おくだけ充電には対応していません。"])
def test_a_feature_done_without_is_dropped_from_the_main_product_not_from_a_component(without: str) -> None:
    text = "XiやNOTTV対応「X1」を発表\n「X1」は薄い。ただし、" + without
    names = {"Xi": "Xi", "NOTTV": "NOTTV", "X1": "X1"}
    found = find_events(text, None, DCT, (), mentions(text, names), (), title=(0, text.index("\n")))
    assert [(e.type, e.product) for e in found if e.type == "feature_drop"] == [("feature_drop", "X1")]


def test_product_groups_join_coordinated_names_only() -> None:
    text = "『A』『B』の2機種と、別の「C」"
    groups = product_groups(text, mentions(text, {"A": "A", "B": "B", "C": "C"}))
    assert [[p.canonical for p in g] for g in groups] == [["A", "B"], ["C"]]
    twice = text + "C"
    assert main_product(twice, mentions(twice, {"A": "A", "C": "C"})) == "C"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bracket that says what the name runs on describes it: no names beside it
        ("アプリ「A」（B・C対応／無料）を公開した。", [["A"], ["B", "C"]]),
        # one that only names (an alias, the names of a pair) joins them
        ("「A」（B）を公開した。", [["A", "B"]]),
        ("「A」（B、C）を公開した。", [["A", "B", "C"]]),
    ],
)
def test_product_groups_do_not_join_a_describing_aside(text: str, expected: list[list[str]]) -> None:
    groups = product_groups(text, mentions(text, {"A": "A", "B": "B", "C": "C"}))
    assert [[p.canonical for p in g] for g in groups] == expected


def test_a_name_described_by_an_aside_is_the_object() -> None:
    text = "NHNは、アプリ「A1」（iOS・Android対応／無料）を公開した。"
    found = events(text, {"A1": "A1", "iOS": "iOS", "Android": "Android"})
    assert [e[:2] for e in found] == [("release", "A1")]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="「」X1をがは発売発表延期見送終了予定した。、6月日\n・ ", max_size=80))
def test_never_crashes_and_offsets_are_valid(text: str) -> None:
    found = find_events(text, None, DCT, find_dates(text, DCT), mentions(text, {"X1": "X1"}))
    for e in found:
        assert 0 <= e.evidence_start <= e.trigger_start < e.trigger_end <= e.evidence_end <= len(text)
        assert e.type in {"announce", "release", "delay", "feature_drop", "end"}
        assert e.status in {"done", "planned"}


def flist(text: str, product: str | None, *items: str, at: int = 0) -> FeatureList:
    """A feature list of ``items`` found in ``text`` from ``at`` on."""
    found = []
    for item in items:
        start = text.index(item, at)
        found.append(FeatureItem(start, start + len(item), item))
        at = start + len(item)
    return FeatureList(found[0].start, found[-1].end, product, tuple(found), "test")


def features_of(text: str, names: dict[str, str], lists: list[FeatureList]) -> list[tuple]:
    found = find_events(text, None, DCT, find_dates(text, DCT), mentions(text, names), lists)
    return [(e.type, e.product, e.features) for e in found]


@pytest.mark.parametrize(
    ("text", "names", "lists", "expected"),
    [
        # added features go to the release, not to the announcement nor the delay
        ("「X1」を発表した。防水とワンセグに対応する。「X1」の発売を6月に延期した。「X1」は7月1日に発売する。",
         {"X1": "X1"}, [("X1", "防水", "ワンセグ")],
         [("announce", "X1", ()), ("delay", "X1", ()), ("release", "X1", ("防水", "ワンセグ"))]),
        # without a release, the announcement carries them
        ("「X1」を発表した。防水とワンセグに対応する。", {"X1": "X1"}, [("X1", "防水", "ワンセグ")],
         [("announce", "X1", ("防水", "ワンセグ"))]),
        # a list said of both models goes to the release of each
        ("「A1」「B1」の2機種を9月17日に発売する。両機種とも防水とワンセグに対応する。",
         {"A1": "A1", "B1": "B1"}, [("A1", "防水", "ワンセグ")],
         [("release", "A1", ("防水", "ワンセグ")), ("release", "B1", ("防水", "ワンセグ"))]),
        # ... but not when it is one model's own
        ("「A1」「B1」を9月17日に発売する。「A1」は防水とワンセグに対応する。",
         {"A1": "A1", "B1": "B1"}, [("A1", "防水", "ワンセグ")],
         [("release", "A1", ("防水", "ワンセグ")), ("release", "B1", ())]),
        # a list of a component with no event of its own (the OS a phone runs) is what the release adds
        ("「X1」を6月1日に発売する。「OS9」はマルチウィンドウとテザリングに対応する。",
         {"X1": "X1", "OS9": "OS9"}, [("OS9", "マルチウィンドウ", "テザリング")],
         [("release", "X1", ("マルチウィンドウ", "テザリング"))]),
        # a list of a product with no event, in an article where one product alone has events, is that one's
        ("「Y2」はUSTREAMとニコニコ生放送に対応する。「X1」を6月1日に発売する。",
         {"X1": "X1", "Y2": "Y2"}, [("Y2", "USTREAM", "ニコニコ生放送")],
         [("release", "X1", ("USTREAM", "ニコニコ生放送"))]),
        # an item naming a removal belongs to the drop, not the release
        ("「X1」の更新の提供を開始した。顔認証の追加、SNS連携の削除を含む。「X1」ではFlashが搭載されなくなる。",
         {"X1": "X1"}, [("X1", "顔認証の追加", "SNS連携の削除")],
         [("release", "X1", ("顔認証の追加",)), ("feature_drop", "X1", ("SNS連携の削除",))]),
        # a bulleted list introduced by a drop is dropped, whatever product the list was given
        ("「X1」の一部機能の提供が見送られる。\n初期リリースで搭載が見送られた機能は次のとおり。\n・移行\n・ホットアド\n",
         {"X1": "X1"}, [(None, "移行", "ホットアド")],
         [("feature_drop", "X1", ("移行", "ホットアド"))]),
        # example inputs are no features of the release
        ("「X1」を6月1日に発売する。「暑い」「節電」など２６種類の音声を認識する。", {"X1": "X1"},
         [("X1", "暑い", "節電")], [("release", "X1", ())]),
        # what the product lacks is no feature of its release, but of its drop
        ("「X1」を6月1日に発売する。なお、防水とワンセグには対応していません。", {"X1": "X1"},
         [("X1", "防水", "ワンセグ")], [("release", "X1", ()), ("feature_drop", "X1", ("防水", "ワンセグ"))]),
    ],
)
def test_features_attach_to_the_event_they_belong_to(text, names, lists, expected) -> None:
    built = [flist(text, product, *items) for product, *items in lists]
    assert features_of(text, names, built) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the place of sale is no argument when the product is marked by を
        ("ソニーは5日、「X1」を直販サイト「Y1」において2012年7月21日から販売開始すると発表した。",
         [("release", "X1", "planned", ("2012-07-21", None)), ("announce", "X1", "done", ("2012-05-05", None))]),
        # a clause with its own trigger keeps its own date and predicate
        ("すでに「X1」が発売となり、「Y1」が7日に発売になります。",
         [("release", "X1", "done", None), ("release", "Y1", "done", ("2012-05-07", None))]),
        # a deadline anchored on a release is no release
        ("「X1」は3日から発売日まで予約を受け付ける。", []),
        # an undated release as the setting of another fact lies ahead, whatever that fact's predicate says
        ("「X1」の初期リリースには、幾つかの機能が搭載されないことになった。",
         [("release", "X1", "planned", None), ("feature_drop", "X1", "done", None)]),
        # … and so is a time after one, unless it says the release is recent
        ("「X1」が発売されてから1年となる。", []),
        ("登場してから間もない「X1」が人気だ。", [("release", "X1", "done", None)]),
        # an announcement placed in a vague past takes no DCT
        ("つい先日発表されたばかりの「X1」を使う。", [("announce", "X1", "done", None)]),
        # a category right before the quoted name is not a product of the statement
        ("デルはUltrabook「X1」を発表した。", [("announce", "X1", "done", ("2012-05-10", None))]),
        # a bracketed reading between a series and its models keeps them one group
        ("「Y1（ワイワン）　X1、Z1」が６月１日より発売される。",
         [("release", "Y1", "planned", ("2012-06-01", None)), ("release", "X1", "planned", ("2012-06-01", None)),
          ("release", "Z1", "planned", ("2012-06-01", None))]),
        # どちらも: both of the last two products named
        ("「X1」は赤い。「Y1」は青い。どちらも発売は6月だ。",
         [("release", "X1", "planned", ("2012-06", None)), ("release", "Y1", "planned", ("2012-06", None))]),
        # a clock time alone is no date of the event
        ("その後、22時に開店して「X1」を発売する。", [("release", "X1", "planned", None)]),
        # hearsay and guesses state no fact
        ("「X1」の登場は4月の半ば以降と言われている。", []),
        ("今後は順次「X1」が発売されていくかと思います。", []),
        # a hedge that ends a clause before the trigger speaks of that clause; an adverb after its clause, of the next
        ("需要が少ないと見られている端末も「X1」を海外に投入、おそらく最初の製品といえる。", [("release", "X1", "done", None)]),
        ("女性向けの愛らしいデザインの「X1」を6月1日から発売する。", [("release", "X1", "planned", ("2012-06-01", None))]),
        # a subordinate clause that asserts the trigger is not hedged by the predicate after it
        ("「X1」が登場したことで、この傾向はさらに加速していくだろう。", [("release", "X1", "done", None)]),
        # a state described is not a cut
        ("「X1」の下部には端子は搭載されていない。", []),
    ],
)
def test_arguments_clauses_anchors_and_hedges(text: str, expected: list[tuple]) -> None:
    assert events(text, {"X1": "X1", "Y1": "Y1", "Z1": "Z1", "Ultrabook": "Ultrabook"}) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a wish or fear in another clause leaves the trigger a fact; in its own clause it does not
        ("「X1」は夏以降に発売される予定とのことで、大いに期待して待ちたい。", [("release", "X1", "planned", ("2012-SU", "ON_OR_AFTER"))]),
        ("「X1」の発売が期待される。", []),
        # shipping is a release; a dated subjectless predicate far from the article's one product is about it
        ("「X1」は軽い。\n\n電池で動く。\n\n通販では1万円、6月上旬発送予定で予約受付中だ。", [("release", "X1", "planned", ("2012-06", "START"))]),
        # 発売もされ is a predicate, not a noun subject, and この「…」、 is its sentence's own topic
        ("「X1」と「Y1」は似ている。この「Z」、すでに各社から発売もされており、人気だ。", []),
        # a release day with its own date is a fact the wish is about, and the date's の owns no other product
        ("「X1」は軽い。価格は4200円。11月1日の発売日が楽しみだ。", [("release", "X1", "planned", ("2012-11-01", None))]),
        ("不具合の恐れがあるため「X1」の発売を6月に延期した。", [("delay", "X1", "done", ("2012-06", None))]),
        # もし only as a word of its own (not フォローもしっかり)
        ("「X1」は6月に発売され、フォローもしっかり行われる。", [("release", "X1", "planned", ("2012-06", None))]),
        # an attributive trigger is about the product it describes, not an object before it
        ("長い間「Y1」シリーズを展開してきた富士通が発表した「X1」。", [("announce", "X1", "done", ("2012-05-10", None))]),
        ("2012年4月に発表されたレノボのX1は軽い。", [("announce", "X1", "done", ("2012-04", None))]),
        ("先日発売が開始されたAMDのX1とY1によって揃った。", [("release", "X1", "done", None), ("release", "Y1", "done", None)]),
        ("6月1日より発売開始となる無線LAN搭載の「X1」で楽しめる。", [("release", "X1", "planned", ("2012-06-01", None))]),
        # a count in apposition after ほか/他 closes the line-up
        ("冷蔵庫「X1」他、5機種を6月15日より発売する。", [("release", "X1", "planned", ("2012-06-15", None))]),
        ("冷蔵庫「X1」ほか全5機種を6月15日より発売する。", [("release", "X1", "planned", ("2012-06-15", None))]),
        # … and X をはじめ opens the counted goods the verb takes (not a mere example: XやYをはじめとする端末に対応)
        ("「X1」をはじめ、2TBの4シリーズ合計12機種を製品化して、量産を開始すると発表した。",
         [("announce", "X1", "done", ("2012-05-10", None))]),
        ("「X1」をはじめとする全5モデルを7月に発売する。", [("release", "X1", "planned", ("2012-07", None))]),
        ("「X1」や「Y1」をはじめとする多くの端末に対応するアプリを発売する。", []),
        # a dated trigger modifying a noun is a fact the hedging predicate takes for granted
        ("この映画は1995年発売のゲーム「X1」に影響を与えたと言われている。", [("release", "X1", "done", ("1995", None))]),
        # … whose noun, no kind of product, is the subject of its own clause: the topic before is not the argument
        ("「X1」は月1回、提供されるプログラムは20個以下であることが一般的だ。", []),
        ("2012年9月28日から導入される新料金プランは「X1」。", [("release", "X1", "planned", ("2012-09-28", None))]),
        # a passive relative clause has no object: Y1を is another verb's
        ("「Y1」を最新版にして5月25日から提供されるアプリを使う。", []),
        # a colon heads what is said of the name
        ("・「X1」: 2007年6月発売、出荷台数約54万台", [("release", "X1", "done", ("2007-06", None))]),
        # a spec line keyed by the trigger is about its block's name
        ("製品名：X1\n型番：Y1\n出荷：5月25日より\n\n製品名：Z1\n発売時期：6月中旬",
         [("release", "X1", "planned", ("2012-05-25", None)), ("release", "Z1", "planned", ("2012-06", "MID"))]),
        # … a bulleted spec line too; a block naming none is about the paragraph before it, when that
        # presents a product (「X」は…, …のモデルがXだ)
        ("「X1」は薄い。色は白い。\n\n●発売予定：3月下旬\n●価格：9万円\n\n安いモデルがY1だ。色は黒い。\n\n●発売予定日：4月10日",
         [("release", "X1", "done", ("2012-03", "END")), ("release", "Y1", "done", ("2012-04-10", None))]),
        # … a block naming none is about the article's product
        ("「X1」は自転車ナビだ。「Y1」とは違い、「X1」は軽い。\n\nモニター：4.3型\n発売開始：11月中旬",
         [("release", "X1", "planned", ("2012-11", "MID"))]),
        # a launch event held for a product announces it
        ("ミドリ社は3日、新機種「X1」の発表会を都内で行った。", [("announce", "X1", "done", ("2012-05-03", None))]),
        # a press release cited by its title is no release
        ("「X1」の資料。\nリリース：「展示会2012」への出展について", []),
        # a trigger as subject continues the topic of the sentence before, not its last name
        ("新登場の「X1」は、「Y1」をベースに「Z1」対応を加えた。発売は5月25日からだ。",
         [("release", "X1", "planned", ("2012-05-25", None))]),
        # 開始予定 after the trigger keeps it a predicate, not a longer noun
        ("「X1」を発表した。\n\n2012年7月下旬以降発売開始予定。",
         [("announce", "X1", "done", ("2012-05-10", None)), ("release", "X1", "planned", ("2012-07", "ON_OR_AFTER"))]),
        # … but not the parts a product has, named in the sentence before
        ("「X1」を発表した。\n\n「Y1」（Felica)やワンセグ、赤外線などに対応しています。\n\n7月下旬発売予定。",
         [("announce", "X1", "done", ("2012-05-10", None))]),
        # … and so does one dated by the genitive before it, with 以降 after it
        ("アップルは「X1」の修正版を発表した。3日のリリース以降、不具合が続いていた。",
         [("announce", "X1", "done", ("2012-05-10", None)), ("release", "X1", "done", ("2012-05-03", None))]),
        # … nor a part named further back, when the sentence before names none: the article's product
        ("「X1」を発表した。OSは「Y1」を採用。価格は未定だ。発売時期は5月中旬。",
         [("announce", "X1", "done", ("2012-05-10", None)), ("release", "X1", "planned", ("2012-05", "MID"))]),
        # a name marked as a place after the trigger is not its argument, unless the trigger's clause describes it
        ("10日に配信予定となっていますが、手持ちの「Y1」では見つけることができませんでした。", []),
        ("新しく発表された　「X1」では吸引力が上がった。", [("announce", "X1", "done", ("2012-05-10", None))]),
        # an announcement reporting a release as its complement clause announces that product
        ("Y社は9日、「X1」の発売を開始することを発表した。",
         [("release", "X1", "planned", None), ("announce", "X1", "done", ("2012-05-09", None))]),
        # … every product it reports, not only the one nearest the announcement
        ("Z社は9日、「X1」を6月6日、「Y1」を6月12日に発売開始することを発表した。",
         [("release", "Y1", "planned", ("2012-06-12", None)), ("release", "X1", "planned", ("2012-06-06", None)),
          ("announce", "Y1", "done", ("2012-05-09", None)), ("announce", "X1", "done", ("2012-05-09", None))]),
        # an edition for another platform as subject is the article's product
        ("アプリ「X1」を紹介します。天気も見られる。なお、iOS版も提供予定とのことです。",
         [("release", "X1", "planned", None)]),
        # a new colour as subject is the product it was added to
        ("「Y1」の人気は高い。「X1」の新色ピンクが展示された。「Z1」も人気だ。なお、この新色ピンクは6月下旬以降に発売予定です。",
         [("release", "X1", "planned", ("2012-06", "ON_OR_AFTER"))]),
        # a line-up cue points to names on the lines that follow, not to the next sentence
        ("発売は5月25日からで旧機種のユーザーも使える。X1やY1は無線LANを使う。", []),
        # a trigger in an aside is about the name before it
        ("専用の「X1」レンズ（2012年9月中旬発売予定）も用意する。", [("release", "X1", "planned", ("2012-09", "MID"))]),
        # an update made available is a release of the product; a user's update is not
        ("Googleは9日、アプリ「X1」をバージョンアップしています。", [("release", "X1", "done", ("2012-05-09", None))]),
        ("「X1」をアップデートしたい。", []),
        # the app of a service, updated, is the service updated
        ("ドコモは9日、「X1」のAndroid向けアプリがバージョンアップしています。", [("release", "X1", "done", ("2012-05-09", None))]),
        # an announcement told as a while ago takes no DCT
        ("「X1」が発表され、そろそろ1か月が経過しようとしている。", [("announce", "X1", "done", None)]),
        ("「X1」もアップデートされています。", [("release", "X1", "done", None)]),
        # 公開 of a device is its unveiling; of an app, its release
        ("レノボはタブレット「X1」を公開した。", [("announce", "X1", "done", ("2012-05-10", None))]),
        ("ヤフーはアプリ「X1」を公開した。", [("release", "X1", "done", None)]),
        # a relative clause does not continue the sentence before; nor does a trigger with a noun of its own
        ("「X1」は赤い。約300ドルで発売されているヘッドセットが人気だ。", []),
        ("「X1」は赤い。シートの発売も決まった。", []),
        # a sentence continues the product of the last event of its type before, not that sentence's topic
        ("Y1は9日、今年2月に発売開始したタブレット「X1」にモデルを追加すると発表した。発売は8月上旬を予定している。",
         [("release", "X1", "done", ("2012-02", None)), ("announce", "Y1", "done", ("2012-05-09", None))]),
        # a name cut by the sentence splitter at its "!" still gets its trigger
        ("ヤフーが、アプリ「Yahoo!X1」の無償提供を始めた。", [("release", "Yahoo!X1", "done", None)]),
    ],
)
def test_round_two_classes(text: str, expected: list[tuple]) -> None:
    names = {"X1": "X1", "Y1": "Y1", "Z1": "Z1", "Yahoo!X1": "Yahoo!X1"}
    assert events(text, names) == expected


def test_a_line_up_announced_with_its_sale_date_is_planned_for_it_unless_released_elsewhere() -> None:
    text = ("ドコモは9日、今夏に発売する予定の新モデル「夏モデル」の発表会を行った。"
            "発表された機種は「X1」「Y1」の2機種です。Y1の発売日は6月1日です。")
    assert sorted(events(text, {"X1": "X1", "Y1": "Y1"})) == [
        ("announce", "X1", "done", ("2012-05-09", None)), ("announce", "Y1", "done", ("2012-05-09", None)),
        ("release", "X1", "planned", ("2012-SU", None)), ("release", "Y1", "planned", ("2012-06-01", None)),
    ]


def test_a_price_topic_is_no_new_subject() -> None:
    text = "寒い手に応えたのがX1。同社通販サイトで1299円、送料は399円で発売中だ。"
    assert events(text, {"X1": "X1"}) == [("release", "X1", "done", None)]


def test_a_subjectless_release_is_not_about_the_platforms_named_before_it() -> None:
    text = "アプリ「X1」を紹介する。現在はiPhone、iPod touchのみでの利用だ。「電子首輪」と呼ぶ者もいる。リリースは5月5日だ。"
    names = {"X1": "X1", "iPhone": "iPhone", "iPod touch": "iPod touch"}
    assert events(text, names) == [("release", "X1", "done", ("2012-05-05", None))]


def test_one_long_sentence_of_products_and_triggers_stays_linear(growth) -> None:
    """Each trigger looks at a bounded stretch of its sentence (was quadratic, then cubic in part)."""

    def run(n: int) -> list:
        text = "「X1」を6月1日に発売した" * n
        return find_events(text, None, DCT, find_dates(text, DCT), mentions(text, {"X1": "X1"}))

    assert [(e.type, e.product) for e in run(300)] == [("release", "X1")]
    assert growth(run, 300) < 8


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a product bound to another verb (搭載し) is not the trigger's argument; the topic is
        ("「X1」は、「Y2」を搭載し、6月に発売する。", {"X1": "X1", "Y2": "Y2"},
         [("release", "X1", "planned", ("2012-06", None))]),
        # a relative clause on another noun takes the object before it
        ("「X1」を使い倒せるガジェットが登場。", {"X1": "X1"}, []),
        ("「X1」「Y2」をプリインストールしたモデルも同日から発売されます。", {"X1": "X1", "Y2": "Y2"}, []),
        # a verb that shares its object with the trigger leaves the object the trigger's
        ("ミドリ社は「X1」を新たに加え、6月中旬より発売する。", {"X1": "X1"},
         [("release", "X1", "planned", ("2012-06", "MID"))]),
        # the trigger's own argument is no product: no event, not a nearby name
        ("「X1」ではデモ動画が公開された。", {"X1": "X1"}, []),
        ("ミドリ社は「X1」の調査結果を発表した。", {"X1": "X1"}, []),
        ("人気の機種は周辺機器やアクセサリー類も数多く発売されるが、「X1」も例外ではない。", {"X1": "X1"}, []),  # accessories for it
        # an aside about a noun that is no product takes no name from outside it
        ("・「X1」を写真でチェック【レポート】（後日公開予定）", {"X1": "X1"}, []),
        # a bare 終了 is a program quitting, unless it comes at a stated time
        ("「X1」を終了し、電源を切る。", {"X1": "X1"}, []),
        ("「X1」は6月30日で終了する。", {"X1": "X1"}, [("end", "X1", "planned", ("2012-06-30", None))]),
        # a kind of thing as the object, dated on the calendar, in an article naming one product: that product
        ("「X1」登場\nアデランスが、ビューティーマシンを、2012年5月2日（水）から全国のサロンで発売する。", {"X1": "X1"},
         [("release", "X1", "done", ("2012-05-02", None))]),
        # a date inside someone's words or a campaign's name does not date the event; one in a plan quoted does
        ("Googleは、9月3日に「ドラえもんの誕生日100年前を記念」して「X1」を公開した。", {"X1": "X1"},
         [("release", "X1", "planned", ("2012-09-03", None))]),
        ("発売は「遅くても年内」を予定している「X1」。", {"X1": "X1"}, [("release", "X1", "planned", ("2012", None))]),
        # a count of models after the name, with their sizes in brackets, is the name's apposition
        ("ソニーは、「X1」２機種（６５Ｖ型、５５Ｖ型）を１１月１０日に発売する。", {"X1": "X1"},
         [("release", "X1", "planned", ("2012-11-10", None))]),
        # the maker moving the product to a new version releases it
        ("ジャストシステムは3日、「X1」をバージョン1.3.0にアップデートした。", {"X1": "X1"},
         [("release", "X1", "done", ("2012-05-03", None))]),
        # an embargo lifted announces; a time it holds from, joined to it, dates it
        ("3月22日22時から情報開示が解禁されたGPU「X1」。", {"X1": "X1"},
         [("announce", "X1", "done", ("2012-03-22T22:00", None))]),
        # a release date not yet known states no release
        ("ソニーは「X1」を発表した。価格や発売日は現時点で明らかにされていません。", {"X1": "X1"},
         [("announce", "X1", "done", ("2012-05-10", None))]),
        ("ソニーは「X1」を発表した。日本国内での発売は未定です。", {"X1": "X1"},
         [("announce", "X1", "done", ("2012-05-10", None))]),
        # a headline's date straight after the name: the name is the trigger's argument
        ("放射線測定センサー「X1」8月26日より出荷開始", {"X1": "X1"}, [("release", "X1", "planned", ("2012-08-26", None))]),
        # a sale called off ends the product; an update withdrawn ends it too, on the news's day, not the update's
        ("「X1」は９月３０日正午を持って販売が中止になる。", {"X1": "X1"}, [("end", "X1", "planned", ("2012-09-30T12:00", None))]),
        ("ミドリ社は6日、「X1」において5月29日から公開していたソフトウェアの公開を停止した。", {"X1": "X1"},
         [("end", "X1", "done", ("2012-05-06", None))]),
        # development stopped ends the product
        ("タブレット「X1」などの開発中止も発表されている。", {"X1": "X1"}, [("end", "X1", "done", None)]),
        # 公開予定: the status the suffix states
        ("「X1」は後日公開予定だ。", {"X1": "X1"}, [("release", "X1", "planned", None)]),
        # a count of models as the argument: one event per model of the line-up named after it
        ("ミドリ社は8日、スマートフォン2機種を発表した。今回発表された「X1」「Y2」2機種は夏に発売。",
         {"X1": "X1", "Y2": "Y2"},
         [("announce", "X1", "done", ("2012-05-08", None)), ("announce", "Y2", "done", ("2012-05-08", None)),
          ("release", "X1", "planned", ("2012-SU", None)), ("release", "Y2", "planned", ("2012-SU", None))]),
        # … or, when no group after it names them, the models the article releases further on, if that many
        ("ミドリ社は8日、スマートフォン2機種を発表した。発表会は盛況だった。\n\n■X1\n防水モデル。"
         "\n発売日：7月上旬発売予定\n\n■Y2\n薄型モデル。\n発売日：8月発売予定",
         {"X1": "X1", "Y2": "Y2"},
         [("announce", "X1", "done", ("2012-05-08", None)), ("announce", "Y2", "done", ("2012-05-08", None)),
          ("release", "X1", "planned", ("2012-07", "START")), ("release", "Y2", "planned", ("2012-08", None))]),
        # … else the models heading its sections, no more than counted (a round-up may show some of them)
        ("ミドリ社は8日、スマートフォン3機種を発表した。発表会は盛況だった。\n\n■X1\n防水モデル。"
         "\n発売日：7月上旬発売予定\n\n■Y2\n薄型モデル。\n発売日：8月発売予定",
         {"X1": "X1", "Y2": "Y2"},
         [("announce", "X1", "done", ("2012-05-08", None)), ("announce", "Y2", "done", ("2012-05-08", None)),
          ("release", "X1", "planned", ("2012-07", "START")), ("release", "Y2", "planned", ("2012-08", None))]),
        # … also when the count qualifies a category noun (N機種のレコーダーを) and the models follow on a spec line
        ("ミドリ社は、2機種の3D対応レコーダーを10月8日から順次発売する。\n品番：X1／Y2", {"X1": "X1", "Y2": "Y2"},
         [("release", "X1", "planned", ("2012-10-08", None)), ("release", "Y2", "planned", ("2012-10-08", None))]),
        # … and a series counted as the argument: the series and the models a later group names that many of
        ("ミドリ社は、『Zシリーズ』2機種を9月23日に発売する。\n品番：X1／Y2", {"Zシリーズ": "Zシリーズ", "X1": "X1", "Y2": "Y2"},
         [("release", "Zシリーズ", "planned", ("2012-09-23", None)), ("release", "X1", "planned", ("2012-09-23", None)),
          ("release", "Y2", "planned", ("2012-09-23", None))]),
        # … not when the group names another number of them
        ("ミドリ社は、『Zシリーズ』3機種を9月23日に発売する。\n品番：X1／Y2", {"Zシリーズ": "Zシリーズ", "X1": "X1", "Y2": "Y2"},
         [("release", "Zシリーズ", "planned", ("2012-09-23", None))]),
        # a name in apposition to a noun of goods is the argument
        ("ミドリ社はX1という新サービスを始めており、好評だ。", {"X1": "X1"}, [("release", "X1", "done", None)]),
        # coordinated arguments with dates of their own
        ("ミドリ社は「X1」を6日、「Y2」を9日に発売した。", {"X1": "X1", "Y2": "Y2"},
         [("release", "X1", "done", ("2012-05-06", None)), ("release", "Y2", "done", ("2012-05-09", None))]),
        # an announcement told as done is not dated by the future date of what it announced
        ("ミドリ社は10月1日に、掃除機「X1」を販売すると発表した。", {"X1": "X1"},
         [("release", "X1", "planned", ("2012-10-01", None)), ("announce", "X1", "done", ("2012-05-10", None))]),
        # a planned release reported on a day is not dated by the report's day
        ("ミドリ社は9日、「X1」を発売すると発表した。", {"X1": "X1"},
         [("release", "X1", "planned", None), ("announce", "X1", "done", ("2012-05-09", None))]),
        # a date joined to an earlier trigger is that trigger's
        ("ミドリ社は9日の決算発表で、「X1」の発売日について説明した。", {"X1": "X1"},
         [("release", "X1", "done", None)]),
        # an update service released is a release of the product it updates
        ("ミドリ社は9日、スマートフォン「X1」において不具合を修正する「ソフトウェア更新」を提供開始した。",
         {"X1": "X1", "ソフトウェア更新": "ソフトウェア更新"}, [("release", "X1", "done", ("2012-05-09", None))]),
        # ... also when the update is named by a common noun, no product of its own
        ("ミドリ社は9日、スマートフォン「X1」において不具合を修正する「ソフトウェア更新」を提供開始した。",
         {"X1": "X1"}, [("release", "X1", "done", ("2012-05-09", None))]),
        ("ミドリ社は9日、「X1」向けにソフトウェア更新を提供開始した。",
         {"X1": "X1"}, [("release", "X1", "done", ("2012-05-09", None))]),
        # … with an aside after the update and the device marked by に対し, not the version it goes to
        ("ミドリ社は9日、「X1」に対し、「Y2」にOSバージョンアップするソフトウェア更新（アップデート）を提供開始した。",
         {"X1": "X1", "Y2": "Y2"}, [("release", "X1", "done", ("2012-05-09", None))]),
        # a shop where a product is sold is not what is sold
        ("まずは「Xストア」にて販売し、地域を広げる。", {"Xストア": "Xストア"}, []),
        # an object after the trigger belongs to a later verb
        ("5日から一般公開される「X展」に「Y2」を出展する。", {"X展": "X展", "Y2": "Y2"}, []),
        # an undated offer in a relative clause describes, it reports no event
        ("「X1」については、ミドリ社の提供するサービス「Y2」にも対応する。", {"X1": "X1", "Y2": "Y2"}, []),
        # XやYをはじめ: examples of what a shop sells, not a release
        ("「X1」や「Y2」をはじめ周辺機器の販売を行うショップだ。", {"X1": "X1", "Y2": "Y2"}, []),
        # a cleft puts an announcement's date after the trigger
        ("最上位モデルの「X1」が発表されたのが2月。", {"X1": "X1"}, [("announce", "X1", "done", ("2012-02", None))]),
        # a negation in the past: nothing was announced
        ("期待された「X1」といった発表はなかった。", {"X1": "X1"}, []),
        # the DCT of an undated headline is no stated date: the body's day dates the fact
        ("ミドリ、「X1」を発表\nミドリ社は8日、スマートフォン「X1」を発表した。", {"X1": "X1"},
         [("announce", "X1", "done", ("2012-05-08", None))]),
        # a relative clause heads a new model; the place of an announcement stands between it and its date
        ("同時に、5月13日にロンドンで発表する新型Zenfo（Zenfo S3）に初搭載することも明らかにした。",
         {"Zenfo": "Zenfo S3", "Zenfo S3": "Zenfo S3"}, [("announce", "Zenfo S3", "planned", ("2012-05-13", None))]),
        # an attributive trigger heading a line-up sentence's topic: every product after it
        ("発表された機種は、スマートフォンに「Z-100」「Z-200」の2機種、タブレットに「Z-300」の1機種で合計3機種だ。",
         {"Z-100": "Z-100", "Z-200": "Z-200", "Z-300": "Z-300"},
         [("announce", "Z-100", "done", ("2012-05-10", None)), ("announce", "Z-200", "done", ("2012-05-10", None)),
          ("announce", "Z-300", "done", ("2012-05-10", None))]),
        # a plan made known is an announcement of the release it reports
        ("ミドリ社は、「Z-100」を6月3日より発売することをあきらかにした。", {"Z-100": "Z-100"},
         [("announce", "Z-100", "done", ("2012-05-10", None)), ("release", "Z-100", "planned", ("2012-06-03", None))]),
        # an attributive trigger's head is the name its owner owns, also before its kind (「X」機能)
        ("4月9日にサービスが開始されたZixiの「Zwitterからさがす」機能。", {"Zixi": "Zixi", "Zwitterからさがす": "Zwitterからさがす"},
         [("release", "Zwitterからさがす", "done", ("2012-04-09", None))]),
        # … also a kind of device as the topic (発売したスマートフォンは)
        ("同社が2011年に発売したスマートフォンは「Z-100」や「Z-200」などだ。", {"Z-100": "Z-100", "Z-200": "Z-200"},
         [("release", "Z-100", "done", ("2011", None)), ("release", "Z-200", "done", ("2011", None))]),
        # a sentence naming no product, and the next naming what it was (それがXだ)
        ("ぴったりなGPUが今月頭に発表された。それがミドリの「Z-100」と「Z-200」だ。", {"Z-100": "Z-100", "Z-200": "Z-200"},
         [("announce", "Z-100", "done", ("2012-05", "START")), ("announce", "Z-200", "done", ("2012-05", "START"))]),
        # no predicate, and the period it names still running on the DCT (5月10日): planned
        ("「Z-100」の発売は５月下旬、価格はオープン。", {"Z-100": "Z-100"}, [("release", "Z-100", "planned", ("2012-05", "END"))]),
        # a kind of thing sold, in a sentence naming no product: the article's product
        ("ミドリ社のヘッドホン「Z-100」。\n\n画期的なヘッドホンが5月20日から発売される。", {"Z-100": "Z-100"},
         [("release", "Z-100", "planned", ("2012-05-20", None))]),
        # an unveiling is an announcement
        ("「Z-100」が9日にお披露目された。", {"Z-100": "Z-100"}, [("announce", "Z-100", "done", ("2012-05-09", None))]),
        ("発表会でお披露目されたスマートフォン「Z-100」を試す。", {"Z-100": "Z-100"},
         [("announce", "Z-100", "done", ("2012-05-10", None))]),  # … also heading the name it describes
        # a new version of a product is a release of that product
        ("ミドリ社は、音楽アプリ「Z-Player」の最新版を順次提供すると発表した。", {"Z-Player": "Z-Player"},
         [("release", "Z-Player", "planned", None), ("announce", "Z-Player", "done", ("2012-05-10", None))]),
        # a trigger in the non-past (提供する) reported as news (と発表した) is still planned
        ("ミドリ社は、サービス「Z-Cloud」を事業者に提供すると発表した。", {"Z-Cloud": "Z-Cloud"},
         [("release", "Z-Cloud", "planned", None), ("announce", "Z-Cloud", "done", ("2012-05-10", None))]),
        # new colours of a product are news of that product
        ("KDDIは9日、「Z-100」および「Z-200」に新色を追加することを発表した。", {"Z-100": "Z-100", "Z-200": "Z-200"},
         [("announce", "Z-100", "done", ("2012-05-09", None)), ("announce", "Z-200", "done", ("2012-05-09", None))]),
        # ... also when the colour's name follows
        ("KDDIは9日から「Z-100」の新色「シャイニーピンク」を順次発売開始した。", {"Z-100": "Z-100"},
         [("release", "Z-100", "done", ("2012-05-09", None))]),
        # a subjectless trigger continued by a copula is about the product of the sentence before
        ("ミドリ社は「Zenfo Card」を発表した。6月26日に発売開始で、当初は国内でのみ販売されます。", {"Zenfo Card": "Zenfo Card"},
         [("announce", "Zenfo Card", "done", ("2012-05-10", None)), ("release", "Zenfo Card", "planned", ("2012-06-26", None))]),
        ("「Zenfo Net」は人気だ。2010年12月24日にサービスを開始し、利用者を増やした。", {"Zenfo Net": "Zenfo Net"},
         [("release", "Zenfo Net", "done", ("2010-12-24", None))]),
        # appearing in a commercial or on a stage is no release
        ("「Zenfo」はミドリ社のCMにも登場している。", {"Zenfo": "Zenfo"}, []),
        ("第3部に登場するゲーム「Zenfo」も入っている。", {"Zenfo": "Zenfo"}, []),  # a story's, not a release
        ("作品中に登場するゲーム「Zenfo」も入っている。", {"Zenfo": "Zenfo"}, []),
        # a date closing a clause whose verb is left out belongs to its object; a topic's date does not
        ("ミドリ社は、「Z-100」を6月上旬に、小型の液晶プロジェクター3機種を6月中旬に発売する。", {"Z-100": "Z-100"},
         [("release", "Z-100", "planned", ("2012-06", "START"))]),
        ("Zenfoは9日、アプリ「Zenfo Note」を公開した。", {"Zenfo": "Zenfo", "Zenfo Note": "Zenfo Note"},
         [("release", "Zenfo Note", "done", ("2012-05-09", None))]),
        # a scheduled firmware update is a planned release of the device
        ("「Z-100」は2012年8月にユーザーファームアップを予定している。", {"Z-100": "Z-100"},
         [("release", "Z-100", "planned", ("2012-08", None))]),
        # a suggestion is no question: the fact stands
        ("「X1」は本日発売開始ですので、試してみてはいかがでしょうか。", {"X1": "X1"},
         [("release", "X1", "done", ("2012-05-10", None))]),
    ],
)
def test_sentence_structure_classes(text: str, names: dict[str, str], expected: list[tuple]) -> None:
    assert sorted(events(text, names), key=repr) == sorted(expected, key=repr)


def test_a_name_inside_a_feature_item_is_no_argument() -> None:
    # the chip and the service are parts of the phone the sentence releases
    text = "KDDIは27日、CPU「ZX100」、おサイフケータイ（Felica）、ワンセグなどに対応したスマートフォン「Zenfo X」（京セラ製）において不具合を修正するために本体ファームウェアアップデートサービス「ソフトウェア更新」を提供開始した。"
    names = {"ZX100": "ZX100", "おサイフケータイ": "おサイフケータイ", "Zenfo X": "Zenfo X"}
    lists = [flist(text, "Zenfo X", "CPU「ZX100」", "おサイフケータイ")]
    assert [(e.type, e.product) for e in find_events(text, None, DCT, find_dates(text, DCT), mentions(text, names), lists)] == [
        ("release", "Zenfo X")
    ]
    # an item that states an event of its own keeps its name
    text = "本機は、専用の「ZF」レンズ（2012年9月中旬発売予定）と豊富なレンズを使えるシステムを備える。"
    lists = [flist(text, None, "専用の「ZF」レンズ", "豊富なレンズ")]
    assert events(text, {"ZF": "ZF"}, lists=lists) == [("release", "ZF", "planned", ("2012-09", "MID"))]
