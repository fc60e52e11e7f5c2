"""Feature lists (annotation-guidelines §3): bullets, inline coordination, exclusions, products."""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.components import tokens_of
from pipeline.export import prediction
from pipeline.features import FeatureItem, FeatureList, ProductLike, find_feature_lists, kana_inside_nouns


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    canonical: str


def mentions(text: str, *names: str | tuple[str, str]) -> list[Mention]:
    """Every occurrence of each name (``(surface, canonical)`` or a bare name)."""
    out = []
    for name in names:
        surface, canonical = name if isinstance(name, tuple) else (name, name)
        pos = text.find(surface)
        while pos >= 0:
            out.append(Mention(pos, pos + len(surface), surface, canonical))
            pos = text.find(surface, pos + 1)
    return out


def items(text: str, zones=None, products=()) -> list[list[str]]:
    return [[i.text for i in fl.items] for fl in find_feature_lists(text, zones, products)]


# --------------------------------------------------------------------------- found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # guidelines §5 worked example
        ("防水、ワンセグ、おサイフケータイに対応する。", [["防水", "ワンセグ", "おサイフケータイ"]]),
        ("本機はデュアルコアCPUと大容量バッテリーを搭載した。", [["デュアルコアCPU", "大容量バッテリー"]]),
        # a number closed by a bracket is a bullet even before a figure (４）3.5mm…; not 1.5GHz)
        ("タイトル\n特長は\n１）コンパクト\n２）3.5mmの接続ケーブルのみ\n３）球型デザイン\nといったところだ。",
         [["コンパクト", "3.5mmの接続ケーブルのみ", "球型デザイン"]]),
        # a count word in apposition after the last item is not part of it (ダブル = two, トリプル = three)
        ("世界初となるNFCとFeliCaのダブル搭載も特長だ。", [["NFC", "FeliCa"]]),
        ("温感ヒーターとスチーム、リズムタッチのトリプル効果を搭載。", [["温感ヒーター", "スチーム", "リズムタッチ"]]),
        # `name：description` bullets whose description tells what the name does are features, not spec rows
        ("設定されているファンクションは以下の通り\n・ホームキー：ホーム画面の呼び出し\n・検索キー：検索画面の呼び出し\n"
         "・輝度調節キー：画面の明るさを調節できます\n", [["ホームキー", "検索キー", "輝度調節キー"]]),
        # 各 (each) after the last item, also after a space, and a comma followed by a space
        ("BMP、 JPG、TIFF、PNG、SVG、PDF の各形式がサポートされている。", [["BMP", "JPG", "TIFF", "PNG", "SVG", "PDF"]]),
        # `Aのほか BやC`, a cue after the particle が
        (
            "SP1では、バグフィックスのほか、AMD PacificaやIntel VTハードウェアがサポートされる予定で",
            [["バグフィックス", "AMD Pacifica", "Intel VTハードウェア"]],
        ),
        ("Virtual ServerとViridianの両方に対応する管理製品", [["Virtual Server", "Viridian"]]),
        # など and a feature noun after it
        (
            "SP1では、修正プログラムのほか、仮想化対応プロセッサのサポートなど新機能も幾つか追加される。",
            [["修正プログラム", "仮想化対応プロセッサのサポート"]],
        ),
        # counts and brackets stay inside an item
        (
            "２つのＣＰＵ（ダブルブレイン機能）とカメラ機能、４５個のセンシング機能を搭載した。",
            [["２つのＣＰＵ（ダブルブレイン機能）", "カメラ機能", "４５個のセンシング機能"]],
        ),
        # a nested や-list before などの stays inside its item
        (
            "Webサイトの閲覧やEメール送受信、FacebookやTwitterなどのSNSへの投稿などができる。",
            [["Webサイトの閲覧", "Eメール送受信", "FacebookやTwitterなどのSNSへの投稿"]],
        ),
        # ... but a ・ pair before などの is the nested one, and や is the outer joiner
        (
            "ＹｏｕＴｕｂｅの無料動画や映画・アニメなどの有料作品までテレビの大画面で見ることができる。",
            [["ＹｏｕＴｕｂｅの無料動画", "映画・アニメなどの有料作品"]],
        ),
        # a relative clause belongs to its item
        (
            "最新の28nmプロセスで製造されたCPU「Dual Krait」やGPU「Adreno 225」を搭載した。",
            [["最新の28nmプロセスで製造されたCPU「Dual Krait」", "GPU「Adreno 225」"]],
        ),
        ("アプリでアニメーションや着せ替えができます。", [["アニメーション", "着せ替え"]]),
        ("タッチの感度や自機のデザイン、BGMのON/OFFを変更したい場合", [["タッチの感度", "自機のデザイン", "BGMのON/OFF"]]),
        ("ワンセグやXi、Android 4.0に加え、さらにおサイフケータイにも対応した。", [["ワンセグ", "Xi", "Android 4.0", "おサイフケータイ"]]),
        # a count in apposition is not part of the last item
        ("ECO（エコ）やTURBO（ターボ）の2種類が用意されている。", [["ECO（エコ）", "TURBO（ターボ）"]]),
        # bracketed words with an enumeration tail
        ("「話す」、「お作法」、「褒める」、「家事」の4つのコマンドを使う。", [["話す", "お作法", "褒める", "家事"]]),
        # たり-clauses
        (
            "ポイントでアニメーションを追加したり、アイテムを購入することができる。",
            [["アニメーションを追加", "アイテムを購入"]],
        ),
        # など、 + a category noun: the items are what precedes など
        ("Twitter、Facebook、LINE、mixiなど、SNSでの情報シェアにも対応している。", [["Twitter", "Facebook", "LINE", "mixi"]]),
        # claims, companies, days and asides before the list are not items
        ("世界初、NFCとFeliCaダブル搭載。", [["NFC", "FeliCaダブル"]]),
        ("ウィルコム、ULTRA SPEEDとPHSに対応したスマートフォン", [["ULTRA SPEED", "PHS"]]),
        ("NTTドコモは今月1日、OS 7とQWERTYキーボードを搭載した端末を発売した。", [["OS 7", "QWERTYキーボード"]]),
        ("フォントや行間に加え文字間隔とページの余白設定ができる。", [["フォント", "行間", "文字間隔", "ページの余白設定"]]),
        # a heading joining two capabilities
        ("本文。\n■　ネット動画をテレビで楽しめて、スマホがリモコンに変身！\n", [["ネット動画をテレビで楽しめて", "スマホがリモコンに変身"]]),
        ("本文。\n■会員登録不要で1ファイル2Gバイトまでの「Giga File便」\n", [["会員登録不要", "1ファイル2Gバイトまで"]]),
        # a ・ chain of kanji words in a title
        ("シャープ「KI-AX80」は除菌・脱臭・集じん・加湿・美肌効果のよくばり加湿器\n本文。", [["除菌", "脱臭", "集じん", "加湿", "美肌効果"]]),
        # what makes it an all-in-one
        ("本機はおサイフケータイやワンセグ、赤外線、防水などと全部入りといっても過言ではない。", [["おサイフケータイ", "ワンセグ", "赤外線", "防水"]]),
        ("ワンセグ、赤外線、NOTTV対応の“全部入り”スマホ。", [["ワンセグ", "赤外線", "NOTTV"]]),
        ("X1を発表！CPUや液晶、ワンセグ、防水、NOTTV対応の全部入り\n本文。", [["CPU", "液晶", "ワンセグ", "防水", "NOTTV"]]),
        # data synced with another device (not the two ends synced); the kind of standard the items are,
        # a spaced plus inside a name
        ("メール、カレンダー、連絡先、メモを、自動的に他の機器と同期する。", [["メール", "カレンダー", "連絡先", "メモ"]]),
        ("GoogleドライブとローカルPCを自動で同期する。", []),
        ("IEEE802.11b/g/nとBluetooth Ver.3.0 + HSのワイヤレス規格にも対応。", [["IEEE802.11b/g/n", "Bluetooth Ver.3.0 + HS"]]),
        # features brought into a product (導入)
        ("X1はメッセージ、メモ、リマインダーそしてAirPlayミラーリングをMacに導入する。",
         [["メッセージ", "メモ", "リマインダー", "AirPlayミラーリング"]]),
        # a round bracket closed in the other width is still the item's (as typed)
        ("国内で需要の高いおサイフケータイ（Felica)やワンセグ、赤外線といった機能にも対応。",
         [["おサイフケータイ（Felica)", "ワンセグ", "赤外線"]]),
        # 追加料金 (an extra charge) is no cue of added features
        ("会員なら、映画、ドラマ、ライブ映像を追加料金なしで楽しめる。", [["映画", "ドラマ", "ライブ映像"]]),
        # what can be checked, down to the last item (まで), or as the information the items exemplify
        ("警報や注意報、気温・降水量、湿度まで確認できる！", [["警報", "注意報", "気温・降水量", "湿度"]]),
        ("画面はシンプルですが、1日毎、3時間毎、週間の天気状況や警報・注意報など知りたい情報を細かく確認できる。",
         [["1日毎", "3時間毎", "週間の天気状況", "警報・注意報"]]),
    ],
)
def test_inline_lists(text: str, expected: list[list[str]]) -> None:
    assert items(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a category noun after といった (the list is what precedes it)
        ("おサイフケータイやワンセグ、赤外線といった国内向け機能に対応した。", [["おサイフケータイ", "ワンセグ", "赤外線"]]),
        ("本文。ブックマークの管理、メールの新着チェック、SNSの通知管理といったことができる。", [["ブックマークの管理", "メールの新着チェック", "SNSの通知管理"]]),
        # のどちらも / の両方 before the predicate; an adverb after the particle
        ("インターネットとの接続もケーブルと無線LANのどちらも利用できる。", [["ケーブル", "無線LAN"]]),
        ("消費電力やシステム安定性が大幅に改善されている。", [["消費電力", "システム安定性"]]),
        # more predicates: 両立, 揃え, capability verbs with できる, 行われ after an improvement, により…を実現
        ("高輝度と豊かな色再現性を両立したプロジェクターだ。", [["高輝度", "豊かな色再現性"]]),
        ("音楽は、ミュージックビデオ、カラオケ、ライヴ映像まで揃えています。", [["ミュージックビデオ", "カラオケ", "ライヴ映像"]]),
        ("登録画面では、日付や経路、金額を登録できます。", [["日付", "経路", "金額"]]),
        ("パフォーマンスの向上とデザインの刷新が行われています。", [["パフォーマンスの向上", "デザインの刷新"]]),
        ("高性能スピーカーと、SRS TruMedia HDの信号処理技術により臨場感あふれるサウンドを実現。", [["高性能スピーカー", "SRS TruMedia HDの信号処理技術"]]),
        # a bare cue followed by の, or by など (the cue stays in the last item)
        ("2GB RAMやSnapdragon S4搭載のスマートフォンだ。", [["2GB RAM", "Snapdragon S4"]]),
        ("ユーザー辞書機能の追加やBluetoothキーボード対応など、改善点は多い。", [["ユーザー辞書機能の追加", "Bluetoothキーボード対応"]]),
        # による joins a noun phrase; `の両…` in apposition; のみならず coordinates
        ("3GおよびWi-Fiによるワイヤレス接続に対応している。", [["3G", "Wi-Fiによるワイヤレス接続"]]),
        ("iPhoneおよびAndroidの両プラットフォームに対応した。", [["iPhone", "Android"]]),
        ("Officeファイルの閲覧のみならず編集も可能だ。", [["Officeファイルの閲覧", "編集"]]),
        # kana inside an item: 輝きの, 外付けキーボード
        ("輝きの表現力と高コントラストを実現した。", [["輝きの表現力", "高コントラスト"]]),
        ("ユーザー辞書や、Bluetooth接続の外付けキーボードの利用が可能となった。", [["ユーザー辞書", "Bluetooth接続の外付けキーボードの利用"]]),
        # `A、Bなど、<clause> X`: the clause is the category, A and B are the list
        ("名刺リーダーやセキュリティアプリなど、仕事で活用できるアプリがプリインストールされている。", [["名刺リーダー", "セキュリティアプリ"]]),
        # a day with a bracketed note is not an item
        ("22日（現地時間）、新OSとWindows Phoneを搭載した端末を発表した。", [["新OS", "Windows Phone"]]),
        # a clause before an unbracketed name is not part of the item
        ("事前予約が開始されるXiやNOTTVなどに対応したスマホ", [["Xi", "NOTTV"]]),
        # たり without a comma
        ("画面の拡大率を変更したり特定の項目の表示を変更することができます。", [["画面の拡大率を変更", "特定の項目の表示を変更"]]),
        # bracketed words: short all-kana ones, glosses, a choice, a count with パターン
        ("「ふつう」、「きれい」、「すごくきれい」の3種類の動画を用意している。", [["ふつう", "きれい", "すごくきれい"]]),
        ("肩エアーマッサージ、腰エアーマッサージ、もみ玉による腰もみの３種類のメニューに加え、座面には振動機能が搭載されている。",
         [["肩エアーマッサージ", "腰エアーマッサージ", "もみ玉による腰もみ"]]),  # counted, then something added to them
        ("使用する回線を「WiMAX」「3G」「WiMAX+3G」から選択できます。", [["WiMAX", "3G", "WiMAX+3G"]]),
        ("結果は「Facebookボタン」「Twitterボタン」「mixiボタン」から各SNSに投稿できます。",
         [["Facebookボタン", "Twitterボタン", "mixiボタン"]]),  # what one can do from each
        ("「Emotion」（気分）「Title」（曲名）といった感じで2つに分かれている。", [["Emotion", "Title"]]),
        # a list named by its topic, read forward (commas inside brackets stay)
        ("同梱品は本体、電池パック L17、専用ケース(試供品)、取扱説明書と、かなりシンプルです。", [["本体", "電池パック L17", "専用ケース(試供品)", "取扱説明書"]]),
        # the languages it supports, named by their topic; ・ separates the items when no comma does
        ("対応する言語は、日本語・英語・中国語(繁体字・簡体字)・韓国語。", [["日本語", "英語", "中国語(繁体字・簡体字)", "韓国語"]]),
        # a spec topic, up to という内容; an aside in brackets does not count towards an item's length
        ("その他基本スペックは、Cortex-A8 1GHz CPU、512MB RAM、前面200万画素カメラという内容。",
         [["Cortex-A8 1GHz CPU", "512MB RAM", "前面200万画素カメラ"]]),
        ("その他の主要スペックは、Android 4.0（開発コード名：IceCream Sandwich；ICS）、1GB RAM、8GBストレージなど。",
         [["Android 4.0（開発コード名：IceCream Sandwich；ICS）", "1GB RAM", "8GBストレージ"]]),
        # a spec summary named by its topic; a comma between digits separates thousands, not items
        ("基本スペックは、4.3インチHD、1GB RAM、1,910mAhバッテリーとなっています。", [["4.3インチHD", "1GB RAM", "1,910mAhバッテリー"]]),
        ("対応機種は、iPhone 4、iPhone 4S、iPod touch（第3世代、第4世代）と幅広い。", [["iPhone 4", "iPhone 4S", "iPod touch（第3世代、第4世代）"]]),
        # a connective before the first item (更に) is a boundary
        ("パソコン用画面では、更に本体の電池状況、WANへの接続状況の表示、ローミング設定へのジャンプが追加されます。",
         [["本体の電池状況", "WANへの接続状況の表示", "ローミング設定へのジャンプ"]]),
        # an apposition by である belongs to the item, unless a clause modifies the description
        ("今回はiCloudとの統合、新アプリケーションである「メッセージ」、「通知センター」などを搭載。",
         [["iCloudとの統合", "新アプリケーションである「メッセージ」", "「通知センター」"]]),
        ("国内で需要の高い機能であるワンセグやおサイフケータイ、赤外線に対応する。", [["ワンセグ", "おサイフケータイ", "赤外線"]]),
        # a verbal noun's continuative (進化し) is the predicate of a clause before, not an item
        ("Ultra Durableが更に進化し、Dual UEFIによる安全性の確保、豊富な映像出力を搭載する。",
         [["Dual UEFIによる安全性の確保", "豊富な映像出力"]]),
        ("見出し、目次、索引などを搭載する。", [["見出し", "目次", "索引"]]),
        # an adverb before the cue (しっかり), and a cue that goes on from the など-category just read
        ("ワンセグ、おサイフケータイ、Xi（クロッシィ）といった機能にしっかり対応している。",
         [["ワンセグ", "おサイフケータイ", "Xi（クロッシィ）"]]),
        ("防水、おサイフケータイ、ワンセグ、赤外線などの便利機能もしっかり備えている。",
         [["防水", "おサイフケータイ", "ワンセグ", "赤外線"]]),
        # headlines: a cue glued to the product's category, a subject before 、, a bare enumeration at the end
        ("USBとシガーソケット電源対応加湿器\n本文。", [["USB", "シガーソケット電源"]]),
        ("急速充電や大容量バッテリー、エコナビ対応のXi対応ドコモスマホ\n本文。", [["急速充電", "大容量バッテリー", "エコナビ"]]),
        (
            "NTTドコモ、スマホ「X」を発表！1.5GHzデュアルコアCPUや4.3インチHDディスプレイ、おサイフ、ワンセグ\n本文。",
            [["1.5GHzデュアルコアCPU", "4.3インチHDディスプレイ", "おサイフ", "ワンセグ"]],
        ),
        # a place or version between the subject and the cue; a compound verb's え inside an item;
        # a gloss with kana inside a bracketed item
        ("本文。記事のブックマーク機能と文字サイズ切り替え機能がアプリ内に実装された。", [["記事のブックマーク機能", "文字サイズ切り替え機能"]]),
        (
            "本文。「ブックマーク(お気に入り登録)機能」と「文字サイズ変更機能」がiOS版では新たに実装されている。",
            [["「ブックマーク(お気に入り登録)機能」", "「文字サイズ変更機能」"]],
        ),
        # a count and its noun before the cue; verbal nouns joined by 、 before できる
        ("本機は、AモードとBモードの2つのモードを搭載。", [["Aモード", "Bモード"]]),
        ("本機は再生、保存、WEB共有できる。", [["再生", "保存", "WEB共有"]]),
        # what comes with it
        ("本機には、USBケーブル、ACアダプター、取扱説明書が付いてきます。", [["USBケーブル", "ACアダプター", "取扱説明書"]]),
        ("さらにビューファインダーや、自分撮り用のミラーもついている。", [["ビューファインダー", "自分撮り用のミラー"]]),
        # an honorific お opens a word after ・ (おサイフケータイ)
        ("本機はワンセグ・赤外線・おサイフケータイや高性能カメラに対応しています。",
         [["ワンセグ", "赤外線", "おサイフケータイ", "高性能カメラ"]]),
        ("背面には3.5mmオーディオOUT端子と microUSB端子があります。", [["3.5mmオーディオOUT端子", "microUSB端子"]]),
        # what it lets you check, and the items of its menu
        ("本アプリでは、店の住所や電話番号、営業時間などの情報を確認することができます。", [["店の住所", "電話番号", "営業時間"]]),
        ("下のタブにはニュース、天気、運勢などの項目があります。", [["ニュース", "天気", "運勢"]]),
        ("ホーム画面にはニュース、天気、運勢が表示されます。", [["ニュース", "天気", "運勢"]]),  # what the screen shows
        ("本文です。\n■iOS、Androidにも対応\n説明です。", [["iOS", "Android"]]),  # a heading marker opens the first item
        ("先日3GやLTEに対応した。", [["3G", "LTE"]]),  # a time adverb opens no item …
        ("最近のアプリ一覧だけでなく、改善されたタスクマネージャも搭載", [["最近のアプリ一覧", "改善されたタスクマネージャ"]]),  # … one modifying it stays
        ("写真や音楽、WordやExcelなどのファイルを保存しておける。", [["写真", "音楽", "Word", "Excel"]]),  # examples of a kind
        # bracketed names followed by the kind of feature they are
        ("本文。「USB接続」と「カードリーダー」機能を試す。", [["USB接続", "カードリーダー"]]),
        # what it comes with installed, what it connects to or works with
        ("本機には、歩数計や地図アプリがあらかじめインストールされています。", [["歩数計", "地図アプリ"]]),
        ("本機にはディスプレイ、キーボード、マウスなどを接続できる。", [["ディスプレイ", "キーボード", "マウス"]]),
        ("本アプリは「Zenfo Store」や「Zenfo Music」とも連携でき、便利だ。", [["「Zenfo Store」", "「Zenfo Music」"]]),
        # short words joined by ・ are items of their own; a shared suffix or head keeps the chain one item
        ("本機は、ワンセグ、防水・防塵、赤外線に対応。", [["ワンセグ", "防水", "防塵", "赤外線"]]),
        ("本機は、ワンセグと防水・防塵性能に対応。", [["ワンセグ", "防水・防塵性能"]]),
        # … and so are features that stand alone, and parts each ending with what they are
        ("本機は、Xi、おサイフケータイ・ワンセグ・赤外線通信、防水・防塵に対応。",
         [["Xi", "おサイフケータイ", "ワンセグ", "赤外線通信", "防水", "防塵"]]),
        ("側面にはmicroUSB端子・microSDスロットと電源・音量ボタンがあります。",
         [["microUSB端子", "microSDスロット", "電源・音量ボタン"]]),
        # bracketed feature names, each after a clause saying what it does
        (
            "本機は、周囲の光を感知して色味を調整する「インテリカラー」、途中で画面が消えることを防ぐ「持ってる間ON」など見やすさを向上させる機能により快適だ。",
            [["インテリカラー", "持ってる間ON"]],
        ),
        # what it accepts (もOK), after a concessive ながら, and a topic list switched from somewhere
        ("本機は、両面印刷やカラー原稿もOK。", [["両面印刷", "カラー原稿"]]),
        ("本機はミドルレンジながら4Kビデオ出力、4Kビデオデコードをサポートしている。", [["4Kビデオ出力", "4Kビデオデコード"]]),
        ("本機では、マナーモード、公共モード、エコモードはここから簡単に切替可能です。", [["マナーモード", "公共モード", "エコモード"]]),
        # parts of the hardware said to be placed or seen there
        ("電池パックを外すとmicroSDカードスロットやドコモUIMカードスロットなどが見えます。", [["microSDカードスロット", "ドコモUIMカードスロット"]]),
        # what it searches or selects from (から検索できる)
        ("本アプリは、スパイスの名前やメニュー名、料理テーマから簡単に検索できます。", [["スパイスの名前", "メニュー名", "料理テーマ"]]),
        # content it holds (収録), what it lacks (非対応), what it is known for, the means of a capability
        ("本機は、英会話の音声データとテキストデータを収録。", [["英会話の音声データ", "テキストデータ"]]),
        ("本機は、ワンセグや赤外線には非対応。", [["ワンセグ", "赤外線"]]),
        ("本機はシンプルな型番と薄型ボディが特徴です。", [["シンプルな型番", "薄型ボディ"]]),
        ("新シリーズは「大画面」と「スマートTV機能」が売りだ。", [["「大画面」", "「スマートTV機能」"]]),
        ("本機は、おサイフケータイやワンセグにもほとんど対応している。", [["おサイフケータイ", "ワンセグ"]]),  # an adverb before the cue
        ("本機は、ファンレス設計と新開発の節電機能で省エネ運用が可能だ。", [["ファンレス設計", "新開発の節電機能"]]),
        # items joined by a full-width ＆, hardware named as a means (の搭載で), chargers (not a company's 電器)
        ("本機は、フリップカバーにスタンド＆バッテリーまで内蔵。", [["スタンド", "バッテリー"]]),
        ("本機は、地デジ＆BSデジタルに対応。", [["地デジ", "BSデジタル"]]),  # a Japanese word before ＆
        ("本機は防水、ワンセグ、そして、赤外線に対応した。", [["防水", "ワンセグ", "赤外線"]]),  # そして、 joins the last
        ("本機は新機能「Xi」そして「ワンセグ」に対応した。", [["新機能「Xi」", "「ワンセグ」"]]),  # … and so does そして alone
        ("本機は、同時充電＋ステレオスピーカー内蔵。", [["同時充電", "ステレオスピーカー"]]),
        ("本機は、高速CPUと、高精細HD液晶の搭載で、快適に操作できる。", [["高速CPU", "高精細HD液晶"]]),
        ("本機は、ACからの充電器の他にシガーソケット充電器が付属している。", [["ACからの充電器", "シガーソケット充電器"]]),
        # names opening with a hiragana word, a whole hiragana item between commas
        (
            "本機は、カメラ、地図、めざまし、しゃべってコンシェルといった生活ツールが揃っています。",
            [["カメラ", "地図", "めざまし", "しゃべってコンシェル"]],
        ),
        # など、 then the category the items belong to; など with a count of them
        ("本機は、遠隔サポート、あんしんスキャンなど、ドコモのサービスにはきちんと対応。", [["遠隔サポート", "あんしんスキャン"]]),
        ("本機は、反転モードや美肌モードなど11種類のエフェクトが用意されています。", [["反転モード", "美肌モード"]]),
        # … but not an adverb or a demonstrative opening a clause
        ("本機は、おそらくPCやスマホでも使えるだろう。", []),
        # one run of short words joined by ・ is a list by itself
        ("ソニーモバイル、防水・防塵に対応したスマートフォンを発表。", [["防水", "防塵"]]),
        # an item that is only brackets one after another quotes that many items
        ("本機は、「ＵＳＢ充電」「ＡＣ充電」に加え、「ワイヤレス充電」ができる。", [["ＵＳＢ充電", "ＡＣ充電", "「ワイヤレス充電」"]]),
        ("本機は「おサイフケータイ」「ワンセグ」「赤外線通信」に対応。", [["おサイフケータイ", "ワンセグ", "赤外線通信"]]),
        # と and a described category of them before the cue
        ("本機は、Xi、ワンセグ、赤外線と今注目されている機能はすべて対応している。", [["Xi", "ワンセグ", "赤外線"]]),
        ("本機はXiやワンセグ、防水（IPX5準拠）と注目機能はほぼすべて網羅している。", [["Xi", "ワンセグ", "防水（IPX5準拠）"]]),
        # a verbal noun with した modifying an item after a coordinator, a hiragana word before a
        # bracket, items joined by ＆ between Latin words, a list inside a parenthesis
        (
            "本製品は、豊富な映像出力やmSATAコネクターや充実した各種インターフェイスを搭載する。",
            [["豊富な映像出力", "mSATAコネクター", "充実した各種インターフェイス"]],
        ),
        ("本アプリ（iPhone＆Android対応）を使う。", [["iPhone", "Android"]]),
        # the apps it comes with, as a topic; a number of books after など
        ("そのほかプリセットアプリは、カレンダー、地図、天気予報など13種類となる。", [["カレンダー", "地図", "天気予報"]]),
        ("本機は、新聞・雑誌、書籍など約３万冊のコンテンツを用意していた。", [["新聞", "雑誌", "書籍"]]),
        # など (or などなど) with a count of three digits, the category left out
        ("「Camera」にはNight Vision、Protractor With Cameraなど18種類が収録されています。", [["Night Vision", "Protractor With Camera"]]),
        # a topic list whose last items follow a conjunction (、および…)
        ("対応機種はAndroid端末、およびiOS 5以降のiPhone4/4S、iPad2、新しいiPadです。",
         [["Android端末", "iOS 5以降のiPhone4/4S", "iPad2", "新しいiPad"]]),
        # what it supports, as a cleft topic; bracketed names making up a whole
        ("このアプリ、現状で対応しているのがAndroid、iPhone、Windows Phoneと、何でも使える。",
         [["Android", "iPhone", "Windows Phone"]]),
        ("本機は「直接光」「間接光」「スポット光」の組み合わせで切り換えができる。", [["直接光", "間接光", "スポット光"]]),
        # the tabs or categories they are divided into
        ("本アプリは「場所から探す」「GPSで探す」「新着＋α」のタグに分かれている。", [["場所から探す", "GPSで探す", "新着＋α"]]),
        ("記事は「ITビジネス」「モバイル」などのカテゴリに振り分けられる。", [["ITビジネス", "モバイル"]]),
        # … but not between short Latin words (Q＆A)
        ("本機は、Q＆Aや記事の共有ができる。", [["Q＆A", "記事の共有"]]),
        # … but not the settings it is used in
        ("本機は、自宅やオフィスで快適な通信が可能だ。", []),
        # the same shape in a section heading of the body
        (
            "特集\n\n■スマホ「X」を発表！1.5GHzデュアルコアCPUや4.3インチHDディスプレイ、おサイフ、ワンセグ\n本文。",
            [["1.5GHzデュアルコアCPU", "4.3インチHDディスプレイ", "おサイフ", "ワンセグ"]],
        ),
        # との joins two noun phrases; a quoted name may hold kana; an i-adjective with やすい opens an item
        (
            "本機は独自の技術「高画質エンジン」や、聞き取りやすい音を出力する「はっきり音声」、他社製機器との連携機能などを備える。",
            [["独自の技術「高画質エンジン」", "聞き取りやすい音を出力する「はっきり音声」", "他社製機器との連携機能"]],
        ),
        # hardware or support it lacks is listed (the features of a drop); what cannot be done is not
        ("残念ながら赤外線や防水・防塵には対応していません。", [["赤外線", "防水", "防塵"]]),
        ("本機ではメールやブラウザは利用できない。", []),
        # その他 joins the last item to the ones before
        ("本機ではWEBサイト閲覧、メール確認、その他Google Playの各種アプリが利用できます。", [["WEBサイト閲覧", "メール確認", "Google Playの各種アプリ"]]),
        # an adverb between the particle and the predicate
        ("ログインしておけばメールや新着通知、知人の近況などを即座に確認することができます。", [["メール", "新着通知", "知人の近況"]]),
        # what it is rich in
        ("このサイトはツールの無償配布やトラブル解決用のFAQなどが充実している。", [["ツールの無償配布", "トラブル解決用のFAQ"]]),
        # the roles it can take, said of the product
        ("本機はネットブラウズやメール、電子書籍リーダーとしても使えるので便利だ。", [["ネットブラウズ", "メール", "電子書籍リーダー"]]),
        # …の多くに対応: the items are what precedes it
        ("本機は防水、ワンセグ、赤外線などの多くに対応。", [["防水", "ワンセグ", "赤外線"]]),
        # a Latin name's や before への/での/との is inside the item (one item, so no list)
        ("撮った写真はTwitterやFacebookへの投稿もできる。", []),
        # … a common noun's is not
        ("製造プロセスの微細化やモデムとのワンチップ化を実現した。", [["製造プロセスの微細化", "モデムとのワンチップ化"]]),
    ],
)
def test_inline_lists_of_unseen_shapes(text: str, expected: list[list[str]]) -> None:
    assert items(text) == expected


@pytest.mark.parametrize(
    ("text", "expected", "rule"),
    [
        # `と、` joins two clause-long noun phrases; the topic is not part of the first
        (
            "これは乗るだけですぐに測定を開始する自動認識機能と、パソコンに簡単にデータ転送ができる通信機能を搭載している。",
            [["乗るだけですぐに測定を開始する自動認識機能", "パソコンに簡単にデータ転送ができる通信機能"]],
            "clause-pair",
        ),
        (
            "サクラ電機は、透明素材「Floating Prism」をアクセントにした美しさが際立つ4.3インチ液晶と、独自の画像エンジンを搭載した。",
            [["透明素材「Floating Prism」をアクセントにした美しさが際立つ4.3インチ液晶", "独自の画像エンジン"]],
            "clause-pair",
        ),
        # plain noun phrases are left to the chain
        ("本体上部には3.5mmイヤホンジャックと、ワンセグ視聴用アンテナを備える。", [["3.5mmイヤホンジャック", "ワンセグ視聴用アンテナ"]], "inline"),
        # a name in “” stays inside its item
        (
            "高感度カメラであり、有効約1210万画素のCMOSセンサー“Exmor R for mobile”と、独自の画像エンジンを搭載した。",
            [["有効約1210万画素のCMOSセンサー“Exmor R for mobile”", "独自の画像エンジン"]],
            "inline",
        ),
        # items before an earlier cue verb of the sentence belong to the list
        ("大容量バッテリーを搭載し急速充電にも対応している。", [["大容量バッテリー", "急速充電"]], "inline"),
        ("HD液晶やデュアルコアCPUを搭載し、防水機能にも対応した。", [["HD液晶", "デュアルコアCPU", "防水機能"]], "inline"),
        # the category after など and its use
        (
            "HD動画やグラフィカルなWebサイトなどのリッチなコンテンツをサクサク軽快に閲覧できる。",
            [["HD動画", "グラフィカルなWebサイト"]],
            "inline",
        ),
    ],
)
def test_clause_items_and_joined_predicates(text: str, expected: list[list[str]], rule: str) -> None:
    found = find_feature_lists(text, None, [])
    assert [[i.text for i in fl.items] for fl in found] == expected
    assert [fl.rule for fl in found] == [rule] * len(expected)


@pytest.mark.parametrize(
    "text",
    [
        # ways of doing something, a comparison of products: not a pair of features
        "ソフトウェア更新は、本体のみでパケット通信で行う方法と、パソコンにUSBケーブルで接続して行う方法が用意されています。",
        "ARM向けのCPUを搭載したWindows RTと、従来のパソコンと同等のx86を搭載したWindows 8がある。",
        # what the product lacks
        "シニア向けのUIを搭載し、アプリ配信マーケットに対応しない。",
        # an apposition naming the product is not an item
        "カシオは、デジタルカメラ“EXILIM”の新製品、光学8倍ズームレンズを搭載した『EX-ZR20』を発売する。",
    ],
)
def test_not_clause_pairs(text: str) -> None:
    assert items(text) == []


def test_means_is_not_a_clause_item() -> None:
    """``…技術により臨場感あふれるサウンド``: the pair is read as plain noun phrases instead."""
    text = "原音に忠実な高性能スピーカーと、独自の信号処理技術により臨場感あふれるサウンドを実現した。"
    assert [fl.rule for fl in find_feature_lists(text, None, [])] == ["inline"]


@pytest.mark.parametrize(
    "text",
    [
        # a headline's subject before 、 is not an item (the one left is no list)
        "サンワサプライ、高感度マイク採用のＷＥＢ会議マイクを発売\n本文。",
        # a negated cue, an adverb, a purpose (上で), a question
        "実際、Retina対応では無いモデルと比べても高い。",
        "別途、バッテリーを用意したり電源を用意できれば解消できる。",
        "コンテンツの特徴やコンテンツを揃える上での工夫を教えて下さい。",
        # bracketed words changed or split, not chosen
        "「ご連絡先電話番号」「契約携帯電話番号」が変更となった場合は対象外です。",
        "展示ホールは「無料ゾーン」と「有料ゾーン」に分かれている。",
        # kinds of device or setting, words naming no feature, figures, degrees
        "日常生活とビジネスで使える英語がまとめてある。",
        "ノートPCやタブレットに対応している。",
        "より快適にご利用いただくための更新や一部仕様および表示変更などが含まれています。",
        "シーケンシャルライトが最大400Mバイト/秒と高速な読み書きが可能だ。",
        "ちょうどハンディーブレンダー程度と、画期的なサイズダウンを実現した。",
        # a cue word that is itself an item (`AやサポートなどのB`)
        "その後のバージョンアップやサポートなど、様々な面でメリットが多い。",
        # sharing feelings is not a capability
        "ネットで感覚や体験を共有できるようになった時、社会は変わる。",
    ],
)
def test_not_inline_feature_lists_of_unseen_shapes(text: str) -> None:
    assert items(text) == []


FEATURE_SENTENCE_BULLETS = """タイトル
【特長】
　●最大半径５ｍの音声を集音する高感度マイクを搭載したＵＳＢマイクです。様々な規模の会議に対応することができます。
　●全指向性と単一指向性を本体のスイッチで切り替えることができます。
　●本体にマイクミュートボタンが付いているので、音声を簡単に遮断することができます。
"""

RELEASE_NOTES = """タイトル
アプリ配信マーケットからダウンロードできます。

2012/06/01 1.0.2版リリース
・強制終了しないようにしました。
（返信時のメール送信、デコメ絵文字表示等）
・新着メール受信時に、フィルタを自動的に開くようにしました。
"""

SPEC_CAPABILITIES = """タイトル
本文。

■スペック
OS：Android 2.3
3.4インチNewモバイルASV液晶
1,610万画素カメラ
IPX5／IPX7相当の防水性能
ワンセグ
おサイフケータイ
カラー：アンティークベリー1色

"""

TITLED_PARAGRAPHS = """タイトル
■主な特長
1.5GHzデュアルコアCPUを搭載し、下り最大42Mbpsの「ULTRA SPEED」に対応
高速な処理性能を持つCPUを搭載。さらに高速通信を実現する「ULTRA SPEED」に対応しています。

「グラデーションエッジガラス」を採用、高級感のあるデザイン
ガラスを丹念に研磨する加工技術で強度を上げたガラスを採用し、高級感を演出しています。

■主な仕様
"""


@pytest.mark.parametrize(
    ("text", "expected", "rule"),
    [
        # a spec block headed by the services and functions it supports
        (
            "本文。\n\n対応サービス・機能\nEメール\nワンセグ\nおサイフケータイ\n防水\n",
            [["Eメール", "ワンセグ", "おサイフケータイ", "防水"]],
            "section",
        ),
        # sentences under a heading naming features are features, whole
        (
            FEATURE_SENTENCE_BULLETS,
            [[
                "最大半径５ｍの音声を集音する高感度マイクを搭載したＵＳＢマイクです。様々な規模の会議に対応することができます",
                "全指向性と単一指向性を本体のスイッチで切り替えることができます",
                "本体にマイクミュートボタンが付いているので、音声を簡単に遮断することができます",
            ]],
            "bullets",
        ),
        # release notes (a continuation line in brackets stays out)
        (RELEASE_NOTES, [["強制終了しないようにしました", "新着メール受信時に、フィルタを自動的に開くようにしました"]], "bullets"),
        # capability lines of a spec block; key：value rows are not items
        (
            SPEC_CAPABILITIES,
            [["3.4インチNewモバイルASV液晶", "1,610万画素カメラ", "IPX5／IPX7相当の防水性能", "ワンセグ", "おサイフケータイ"]],
            "section",
        ),
        # a heading naming whose features they are (＜“Zenfo”独自の機能追加＞)
        ("本文。\n\n＜“Zenfo Tab”独自の機能追加＞\nワンセグ\nおサイフケータイ\n", [["ワンセグ", "おサイフケータイ"]], "section"),
        # a run of titled paragraphs: the titles are the features
        (
            TITLED_PARAGRAPHS.replace("1.5GHzデュアルコアCPUを搭載し、下り最大42Mbpsの「ULTRA SPEED」に対応", "高速な1.5GHzデュアルコアCPU"),
            [["高速な1.5GHzデュアルコアCPU", "「グラデーションエッジガラス」を採用、高級感のあるデザイン"]],
            "section",
        ),
        # … also when the titles are numbered, under release notes (■アップデート内容は以下の通り)
        (
            "本文。\n\n■アップデート内容は以下の通り\n\n1）動作スピードの向上\n全体の動作をチューニングし、動作スピードが向上\n\n"
            "2）ページレイアウトの大幅改善\nタグの表示数、メニュー表示方法などを変更\n",
            [["動作スピードの向上", "ページレイアウトの大幅改善"]],
            "section",
        ),
    ],
)
def test_feature_sections(text: str, expected: list[list[str]], rule: str) -> None:
    found = [fl for fl in find_feature_lists(text, None) if fl.rule == rule]
    assert [[i.text for i in fl.items] for fl in found] == expected


def test_lists_inside_titled_paragraphs_are_kept() -> None:
    """A section's titles are its items; the paragraphs under them may hold lists of their own."""
    text = TITLED_PARAGRAPHS.replace("に対応しています。", "に対応しています。ノイズ除去技術や輪郭補正、超解像技術などを搭載。")
    found = [[i.text for i in fl.items] for fl in find_feature_lists(text, None)]
    assert ["ノイズ除去技術", "輪郭補正", "超解像技術"] in found
    assert len(found[0]) == 2  # the titles


@pytest.mark.parametrize(
    "text",
    [
        # cautions under a heading naming them
        "タイトル\n■主な注意点\n・カメラをしっかり固定する。\n・フラッシュはOFFに。\n",
        # questions and requests, even under a heading naming features
        "タイトル\n■主な機能\n・現在ご使用の携帯電話会社を教えてください\n・いつ頃購入しましたか？\n",
        # links to other articles under a prose lead-in that mentions 機能
        "タイトル\n多彩な機能を搭載。2012年7月発売予定。\n・ソフトバンク、Xを発表！ワンセグにも対応\n・Xを写真と動画でチェック【レポート】（後日公開予定）\n",
        # a spec table of rows (white space between key and value), figures and colours
        "タイトル\n本文。\n■ 主なスペック\n機種名 MEDIAS X\n重量（約） 123g\nワンセグ ◯\nおサイフケータイ ◯\n本体色 White\nPink\n",
    ],
)
def test_not_feature_sections(text: str) -> None:
    assert find_feature_lists(text, None) == []


SEED_BULLETS = """タイトル

 Windows Serverの仮想化機能のうち、初期リリースでの搭載が見送られた機能は次のとおりである。

  • ライブマイグレーション:クライアントへのサービスに影響を与えることなく、稼働中のVMをサーバ間で移行できる重要な機能。
  • 仮想リソースのホットアド:ハードウェアを、稼働中のシステムに追加できる機能だと説明されている。
  • 16を超えるコアまたは論理プロセッサのサポート:現在は16を超えるCPUコアを搭載しているシステムはほとんどない。
"""

NESTED_BULLETS = """タイトル
今回の更新で提供される内容は主に以下の7点です。

・Android 4.0.4へのアップデート
　　・ロック解除画面の変更
　　・顔認証
・Facebook、Twitterアプリの追加
・Wi-Fi 品質向上
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (SEED_BULLETS, [["ライブマイグレーション", "仮想リソースのホットアド", "16を超えるコアまたは論理プロセッサのサポート"]]),
        (
            NESTED_BULLETS,
            [["Android 4.0.4へのアップデート", "ロック解除画面の変更", "顔認証", "Facebook、Twitterアプリの追加", "Wi-Fi 品質向上"]],
        ),
        ("タイトル\n主な特長\n1. 防水\n2. ワンセグ\n3. おサイフケータイ\n", [["防水", "ワンセグ", "おサイフケータイ"]]),
        # a stated count holds numbered bullets spaced out by blank lines or by a description under each
        (
            "タイトル\n注目すべきポイントは以下の3点\n\n①アドオンの同期機能が追加された\n\n"
            "②ブックマークをインポートできるようになった\n\n③メモリ使用量を大きく削減した\n\n実際に使ってみた。\n",
            [["アドオンの同期機能が追加された", "ブックマークをインポートできるようになった", "メモリ使用量を大きく削減した"]],
        ),
        (
            "タイトル\nセキュリティツールは以下の2つ。\n\n1）自動スキャン\nボタンを押すと状態が判別できる。\n\n"
            "2）個人情報保護\n設定の甘さを知らせてくれる。\n",
            [["自動スキャン", "個人情報保護"]],
        ),
    ],
)
def test_bulleted_lists(text: str, expected: list[list[str]]) -> None:
    found = find_feature_lists(text, None)
    assert [[i.text for i in fl.items] for fl in found] == expected
    assert all(fl.rule == "bullets" for fl in found)


# --------------------------------------------------------------------------- generalised shapes


@pytest.mark.parametrize(
    ("text", "expected", "rule"),
    [
        # a stated count delimits clause items; the lead and the topic are not items
        (
            "デジカメから画像を送信するには表示している画像を送信する方法と、特定の一日に撮った画像を送信、全てを送信の3種類から選ぶことができます。",
            [["表示している画像を送信する方法", "特定の一日に撮った画像を送信", "全てを送信"]],
            "count",
        ),
        # an item holding its own enumeration before など is rejoined
        (
            "通常のカナ入力の他、半角カナキーボード、記号キーボード、よく使う言葉や絵文字などが登録できるオリジナルキーボードの4つのキーボードを切り替えて使うことができる。",
            [["通常のカナ入力", "半角カナキーボード", "記号キーボード", "よく使う言葉や絵文字などが登録できるオリジナルキーボード"]],
            "count",
        ),
        # examples of a range after など (幅広い, 様々な …) and what is supported for it
        ("本機は、Blu-rayディスク（BD）やDVD、CDなど幅広いディスクの記録・再生に対応している。",
         [["Blu-rayディスク（BD）", "DVD", "CD"]], "inline"),
        # … what the count makes a set, with a conjunction before the last item
        (
            "これは、お面にできる「オニ福笑い」、升が作れる「マス展開図」、そして方角が調べられる「恵方案内」の３つがセットになっている。",
            [["お面にできる「オニ福笑い」", "升が作れる「マス展開図」", "方角が調べられる「恵方案内」"]],
            "count",
        ),
        # too few commas: split at と between words
        ("タッチパネルと新しくなったコントロールダイヤル操作の2種類の操作に対応する。", [["タッチパネル", "新しくなったコントロールダイヤル操作"]], "count"),
        ("まず、ホームアプリは「Palette UI」と「ランチャー」の2つから選べる。", [["Palette UI", "ランチャー"]], "count"),
        # more cue shapes: など + modifier + 機能, といった + any category, を可能に, 行える,
        # 利用可能, a use's destinations, existence after といった機能
        ("赤外線通信やおサイフケータイ、ワンセグなど充実した機能を搭載したモデルです。", [["赤外線通信", "おサイフケータイ", "ワンセグ"]], "inline"),
        (
            "「プラチナバンド」対応、長時間待ち受け、約510万画素カメラ、「緊急速報メール」など充実の機能を搭載。",
            [["「プラチナバンド」対応", "長時間待ち受け", "約510万画素カメラ", "「緊急速報メール」"]],
            "inline",
        ),
        ("月額課金や年額課金といった“定期購入型”の課金を可能にした。", [["月額課金", "年額課金"]], "inline"),
        ("インカメラを搭載しており、自分撮りやビデオチャットも行えます。", [["自分撮り", "ビデオチャット"]], "inline"),
        ("ワンセグやおサイフケータイが利用可能だ。", [["ワンセグ", "おサイフケータイ"]], "inline"),
        ("入力した文章はSMSやメール、Twitterなどに貼り付けて使うことができる。", [["SMS", "メール", "Twitter"]], "inline"),
        ("本機には、防水、ワンセグ、おサイフケータイといった機能がある。", [["防水", "ワンセグ", "おサイフケータイ"]], "inline"),
        ("MW1は、microSDカードに保存したMP3ファイルとWAVファイルを単体で再生する機能がある。", [["MP3ファイル", "WAVファイル"]], "inline"),
        # what a thing is compared with stays in the item; an aside about its release does not
        ("EOSシリーズと同等の高画質と小型・軽量化を両立させた。", [["EOSシリーズと同等の高画質", "小型・軽量化"]], "inline"),
        (
            "専用の「EF-M」レンズ（2012年9月中旬発売予定）だけでなく、豊富な種類のEFレンズが使用できる。",
            [["専用の「EF-M」レンズ", "豊富な種類のEFレンズ"]],
            "inline",
        ),
        # adjectives and a relative clause after a comma belong to their item
        ("高速なCPUと新しいスタート画面を採用した。", [["高速なCPU", "新しいスタート画面"]], "inline"),
        (
            "端子は、USB3.0、点灯状態でバッテリー残量がわかるLED、ディスプレイ外部出力を搭載。",
            [["USB3.0", "点灯状態でバッテリー残量がわかるLED", "ディスプレイ外部出力"]],
            "inline",
        ),
        # parts of the hardware that are there; an inline number is not part of an item
        ("左から順番に、ACアダプタ挿入口、USB3.0、ヘッドホンジャックが並ぶ。", [["ACアダプタ挿入口", "USB3.0", "ヘッドホンジャック"]], "inline"),
        ("蓋を開けるとmicroUSB端子とmicroSDカードスロットがあり、便利だ。", [["microUSB端子", "microSDカードスロット"]], "inline"),
        ("左側面にはmicroUSB端子とストラップホールがあります。", [["microUSB端子", "ストラップホール"]], "inline"),
        ("裏面には赤外線通信ユニット、カメラ用フラッシュライトとスピーカーがあります。",
         [["赤外線通信ユニット", "カメラ用フラッシュライト", "スピーカー"]], "inline"),
        (
            "以下の違いがあった。(1)倍速液晶の搭載、(2)録画機能や複数チューナー搭載など機能が増加した。",
            [["倍速液晶の搭載", "録画機能", "複数チューナー搭載"]],
            "inline",
        ),
        # a list named by its topic (interfaces), read forward to the end of the sentence
        (
            "外部インターフェースは3.5mmオーディオジャック、microUSB、microSDカードスロット、充電用ジャック。",
            [["3.5mmオーディオジャック", "microUSB", "microSDカードスロット", "充電用ジャック"]],
            "topic",
        ),
        # a spec row keyed by what the product has or includes, its value a list
        ("本文です。\n付属品：ACアダプター、USBケーブル、取扱説明書\n", [["ACアダプター", "USBケーブル", "取扱説明書"]], "topic"),
        ("対応言語は日本語および英語、中国語（簡・繁）、韓国語。", [["日本語", "英語", "中国語（簡・繁）", "韓国語"]], "topic"),
        ("本文です。\n・機能: スピーカー、マイク、FMラジオ\n", [["スピーカー", "マイク", "FMラジオ"]], "topic"),
        ("本文です。\n■外部端子：3.5mmオーディオジャック、microUSB（充電兼用）\n", [["3.5mmオーディオジャック", "microUSB（充電兼用）"]], "topic"),
        # both are there; quoted stages counted
        ("iOSアプリとAndroidアプリの両方あります！", [["iOSアプリ", "Androidアプリ"]], "inline"),
        ("「パーカー牧場」「ドゥーガン牧場」「ファン牧場」の3ステージあり、楽しめる。", [["パーカー牧場", "ドゥーガン牧場", "ファン牧場"]], "quoted"),
        # … and so does a count that ends the sentence
        ("ゲームモードは「キャリア」、「クイックプレイ」、「マルチプレイ」の3種類。", [["キャリア", "クイックプレイ", "マルチプレイ"]], "quoted"),
        # three or more brackets in a row before a particle need no tail; keys of one character do not count
        ("電気機器の「使用時間」「積算電気料金」「瞬時電力量」を測定できる。", [["使用時間", "積算電気料金", "瞬時電力量"]], "quoted"),
        # a ・ chain of katakana words before a cue
        ("ワンセグ・ブラウザ・メールに対応。", [["ワンセグ", "ブラウザ", "メール"]], "middle-dot"),
        # … of features that stand alone: one item of the inline list, split at its dots
        ("ワンセグ・おサイフケータイ・赤外線通信に対応。", [["ワンセグ", "おサイフケータイ", "赤外線通信"]], "inline"),
    ],
)
def test_generalised_shapes(text: str, expected: list[list[str]], rule: str) -> None:
    found = find_feature_lists(text, None)
    assert [[i.text for i in fl.items] for fl in found] == expected
    assert {fl.rule for fl in found} == {rule}


@pytest.mark.parametrize(
    "text",
    [
        # a clause whose subject or object is coordinated, or contrasted by も, holds the list
        "単体利用だけでなく、モバイルルーターとしても利用できるWi-Fiテザリング機能を備えている。",
        # repeated `製品名：` records
        "タイトル\n本文です。\n■製品名：Vertex4 128GB（1万6千800円前後）\n■製品名：Vertex4 256GB（3万4千円前後）\n",
        # counts that do not add up
        "AとBとCとDの2種類から選べる。",
        # existence of things that are not parts of the hardware
        "この製品には問題と課題がある。",
        # a time adverb before a comma is no item
        "昨今、光ディスクドライブを搭載していない薄型ノートPCが増えた。",
        # places
        "目黒川や神田川、大岡川などで花見を楽しめる。",
        "ホテル周辺や駅周辺などでも無料で利用できる。",
        # spec rows keyed by an attribute: colours, figures
        "本文です。\nカラー：レッド、ホワイト、ピンク\nカメラ：背面800万画素、前面200万画素\n",
        # bracketed keys of one character or a figure
        "画面の「お」「は」「よ」を押す。",
        "画面下の「1」「2」「3」を押す。",
    ],
)
def test_not_generalised_shapes(text: str) -> None:
    assert items(text) == []


CLAUSE_ITEMS = [
    # たり-clauses of any verb, closed by など / たりできる, with a capability cue
    (
        "「Google 日本語入力」の最新版では、画面が狭い場合に全画面表示することができるようになったり、"
        "キーボードの文字が綺麗に表示されるようになるなど、細かな機能改善が行われています。",
        "Google 日本語入力",
        [["画面が狭い場合に全画面表示することができるようになったり", "キーボードの文字が綺麗に表示されるようになる"]],
    ),
    (
        "「MW1」は、アプリを利用して、レシーバーにアプリケーションを追加したり、ファームウェアの更新を行ったりできる。",
        "MW1",
        [["レシーバーにアプリケーションを追加", "ファームウェアの更新を行ったり"]],
    ),
    # … three or more, each after a comma, the cue after the last
    (
        "「MW1」は、写真を共有したり、レシピを投稿したり、料理に印を付けたりといったこともできる。",
        "MW1",
        [["写真を共有", "レシピを投稿", "料理に印を付けたり"]],
    ),
    # pastimes: no capability cue after the clauses
    ("「MW1」の話。休日は映画を見たり、買い物をしたりして過ごす。", "MW1", []),
    # not only A but also B, A besides B: two capabilities, each a clause
    (
        "「GV-MVP」は、今あるパソコンでテレビ番組の視聴ができるだけでなく、大量の番組を録画し管理できる。",
        "GV-MVP",
        [["今あるパソコンでテレビ番組の視聴", "大量の番組を録画し管理"]],
    ),
    (
        "アプリ「Zcam」では、通常の4:3の画面比率での撮影以外に、1:1の正方形フォーマットでの撮影も可能です。",
        "Zcam",
        [["通常の4:3の画面比率での撮影", "1:1の正方形フォーマットでの撮影"]],
    ),
    # a target, a nested list: no pair
    ("「Zbrowser」は従来のAndroid向けだけでなく、iPhoneやiPod touchでも利用できる。", "Zbrowser", []),
]


@pytest.mark.parametrize(("text", "name", "expected"), CLAUSE_ITEMS)
def test_clause_items_need_a_product_named_nearby(text: str, name: str, expected: list[list[str]]) -> None:
    assert items(text, products=mentions(text, name)) == expected
    assert items(text) == []  # no product named: nobody's feature


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("タイトル\n本文です。\n\n主な特長は以下の通り。\n◯防水\n◯ワンセグ\n◯おサイフケータイ\n", [["防水", "ワンセグ", "おサイフケータイ"]]),
        ("タイトル\n新製品の特長は、\n→防水\n→ワンセグ\n→おサイフケータイ\n", [["防水", "ワンセグ", "おサイフケータイ"]]),
        # a short sentence announcing the list inside a long lead-in makes long items features
        (
            "タイトル\n今回の更新で追加される機能や修正される不具合は、以下の3点となっています。"
            "この端末のソフトウェア更新は3回目で、1回の更新完了までに最大20分程度かかる場合があるとのことです。\n\n"
            "1. 「Adobe Flash Player 11」アプリの追加\n2. Bluetoothの高音質化を実現するaptXに対応\n"
            "3. スリープ状態から復帰後、画面がフリーズしたり、再起動する場合がある事象の改善\n"
            "4. 非対応のメモリカードをご利用された際に、メモリカード内のデータが破損する事象の改善\n",
            [[
                "「Adobe Flash Player 11」アプリの追加",
                "Bluetoothの高音質化を実現するaptXに対応",
                "スリープ状態から復帰後、画面がフリーズしたり、再起動する場合がある事象の改善",
                "非対応のメモリカードをご利用された際に、メモリカード内のデータが破損する事象の改善",
            ]],
        ),
        # sentences under a heading that names a feature the product has (■…を搭載) describe it
        (
            "タイトル\n■ 新UI「Feel UX」を搭載\n・初めての方でも使いこなせる、新しいUIを搭載。\n"
            "・よく使う場所をセンターに表示。各シートで見ていた場所を記憶している。\n",
            [["初めての方でも使いこなせる、新しいUIを搭載", "よく使う場所をセンターに表示。各シートで見ていた場所を記憶している"]],
        ),
        # the fixes of an update are what the update release does; a note indented
        # under an item is not an item, a footnote mark is not part of one
        (
            "タイトル\n改善される事象\n・microSDXCカードを差し込むと、データが破損される。\n"
            "　※ 詳細は下記をご参照下さい。\n・まれに画面が表示されない場合がある。\n",
            [["microSDXCカードを差し込むと、データが破損される", "まれに画面が表示されない場合がある"]],
        ),
        (
            "タイトル\nケータイアップデートにて以下の事象が改善されます。\n"
            "1. Wi-Fiの品質を向上します (注1)\n　注1) 詳細は、以下をご参照ください。\n2. 充電できない場合があります。\n",
            [["Wi-Fiの品質を向上します", "充電できない場合があります"]],
        ),
    ],
)
def test_more_bulleted_lists(text: str, expected: list[list[str]]) -> None:
    assert items(text) == expected


# --------------------------------------------------------------------------- not feature lists


@pytest.mark.parametrize(
    "text",
    [
        # coordination without a feature cue
        "ノートPCやWi-Fiタブレットも所有していれば便利だ。",
        "テレビとラジオのニュースやニューメディアを手玉にとる。",
        # companies, prices, figures, people, dates
        "NTTドコモやauに対応している。",
        "価格は2万円や3万円を実現した。",
        "50Mバイトや100Mバイト、250Mバイトに対応するサービスが大多数だ。",
        "山田氏と鈴木氏を採用した。",
        "以下の場合でX1が削除される。\n・X1をアンインストールした場合\n・端末を初期化した場合\n・端末を修理に出した場合\n",
        "「X1」に出演。\n■登壇者\n・山田太郎（コラムニスト、協会代表理事）\n・鈴木花子（弁護士）\n・佐藤一郎（大学特任助教）\n",
        "KDDIは27日、防水に対応したモデルを発表した。",
        # a product hosting the feature
        "比較明合成や、GR DIGITALに新たに搭載された機能",
        # a cue inside a compound, or after a verb
        "仮想化対応プロセッサや高速メモリが話題だ。",
        "ゲームを始めるにはSTARTをタップする。",
        # ・ inside names and short pairs
        "ヤニス・スマラグディス氏が来日した。",
        # a count standing for the items; a one-kanji fragment (同等)
        "最上位のX、ミッドレンジのVと3つのモデルが用意されている。",
        "製品版と同等仕様の端末を手にした。",
        "ダウンロード・アップロード機能を搭載。",
        # a figure is the value of something named before it, not an item, and not joined to the next list
        "作業用（RAM）が1GBを搭載し、防水に対応します。",
        # places in a heading
        "NTTドコモ、関東甲信越・東海・関西地域の契約者で障害\n本文。",
        "関西・中国・四国・九州の利用者向けに配信\n本文。",
        # a clause-joining heading that is a question, and a title (news, not a heading)
        "本文。\n■ドリームページって、なに？\n",
        "iPhoneから煙が出て、機内が騒然\n本文。",
        # quoted remarks, not words
        "「スマホもファッションの一部」「服みたいにケータイも着替えたい」などの声を集めた。",
        # chips named by what they support: a line-up of products
        "GSM／W-CDMA対応「MSM8260A」やCDMA 1X 2000対応「MSM8660A」を搭載したモデル。",
    ],
)
def test_not_inline_feature_lists(text: str) -> None:
    assert items(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # key：value spec table
        "タイトル\n主な仕様\n・対応機種: GALAXY SII専用\n・サイズ(約):W69mm x H136mm\n・重量(約):65g\n",
        # name：description bullets without a lead-in naming features
        "タイトル\n〈アプリについて〉\n・安心アプリ制限: 制限機能がご利用いただけなくなります。\n・MOTO BLUR: アカウント管理機能が削除されます。\n",
        # how-to steps
        "タイトル\n応募の流れは、\n1）期間内に「購入宣言」をする。\n2）期間内に「HTC J」を購入。\n3）もれなく電池パックをプレゼント。\n",
        "タイトル\n■応募方法\n・Step 1：キャンペーン期間内に製品をご購入\n・Step 2：サイトにアクセスして入力\n",
        # cautions (sentences)
        "タイトル\n〈ご注意〉\n・OSアップデートはお客さまの責任において実施してください。\n・Android 2.3に戻すことはできません。\n",
        # complaints (clauses) without a lead-in naming features
        "タイトル\n苦情を見てみよう。\n\n・電話中にフリーズする\n・個人データが勝手に送信されていた\n・バッテリーの持ちが悪い\n",
        # clauses after a lead-in that only points at them (以下の通り): a statement, not features
        "タイトル\n返答としては、以下の通りとなります。\n・原因が特定できていない状態。\n・応急の対策として、本体を初期化する方法がある。\n・問題が発生しない個体もある。\n",
        # prices, a ranking, numbers out of order
        "タイトル\n価格\n・本体 2,980円\n・セット 3,980円\n",
        # prizes with their number of winners
        "タイトル\nプレゼント内容は以下の通り。\n・観戦チケット　／　32組64名\n・サイン入りボール　／　26名\n・サイン入りユニフォーム／　7名\n",
        "タイトル\n1位）洋服\n2位）タブレット・コンピュータ\n",
        "タイトル\n4.原因\n調査中\n1.発生日時\n8月2日\n",
        # numbered steps spaced out by their descriptions, with no count stated: a how-to, not one list
        "タイトル\n1.アプリをインストール\nストアから入れる。\n\n2.アンテナに繋ぐ\nケーブルを挿す。\n\n3.PCに挿す\nUSBに挿す。\n",
        # name：date pairs (campaign periods)
        "タイトル\n応募期間\n※第二弾：2012年7月16日（月）〜8月15日（水）\n※第三弾：2012年8月16日（木）〜9月15日（土）\n",
        # model numbers: a line-up
        "タイトル\n対象機種\n・PANTONE 5 107SH\n・AQUOS PHONE Xx 106SH\n・ARROWS A 101F\n",
        # single bullet
        "タイトル\n・Galaxy SII用 バッテリー内蔵ケース\n",
        # people's remarks quoted under a paragraph about a feature
        "タイトル\nこの機能の評判は散々だ。その他の反応は以下\n・こんな機能ってなんなんすっかねぇ…怖\n・逆にすごいわ\n・お前らビビリ杉ｗ\n",
        # a programme's running order under its time slot
        "タイトル\n●プログラム\n■AM1:00〜2:00\n・開幕直前、噂を総ざらい！\n・現地からの生情報\n・天気予報\n・エンディング\n",
    ],
)
def test_not_bulleted_feature_lists(text: str) -> None:
    assert find_feature_lists(text, None) == []


def test_lineup_of_products_is_not_a_feature_list() -> None:
    text = "タイトル\n新機種は次の通り。\n・ARROWS Z ISW11F\n・DIGNO ISW11K\n・AQUOS PHONE IS13SH\n"
    products = mentions(text, "ARROWS Z ISW11F", "DIGNO ISW11K", "AQUOS PHONE IS13SH")
    assert find_feature_lists(text, None, products) == []


def test_services_named_by_kind_and_bracketed_name_are_a_lineup() -> None:
    text = "タイトル\n使用できるサービスは\n\n・公衆無線LANサービス「au Wi-Fi SPOT」\n・WiMAXサービス「UQ WiMAX」\n\nです。"
    products = mentions(text, "au Wi-Fi SPOT", "UQ WiMAX")
    assert find_feature_lists(text, None, products) == []


def test_products_added_to_a_lineup_are_not_features() -> None:
    text = "今回新しくAQUOS PHONE ZETA SH-09DとSH-06D NERVが追加されたということです。"
    products = mentions(text, "AQUOS PHONE ZETA SH-09D", "SH-06D NERV")
    assert find_feature_lists(text, None, products) == []
    assert items(text) == [["AQUOS PHONE ZETA SH-09D", "SH-06D NERV"]]


def test_products_carried_by_a_set_of_models_are_not_features() -> None:
    text = "LTEに対応しない「MSM8260A」や「MSM8660A」を搭載したモデルはいくつかある。"
    assert find_feature_lists(text, None, mentions(text, "MSM8260A", "MSM8660A")) == []
    text = "防水とワンセグに対応したモデルは多い。"
    assert items(text) == [["防水", "ワンセグ"]]


def test_heading_above_bullets_is_not_an_item() -> None:
    text = "タイトル\n■主な新機能\n・顔認証\n・フォルダの作成\n"
    assert items(text) == [["顔認証", "フォルダの作成"]]


def test_boilerplate_zones_are_skipped() -> None:
    body = "本機は防水とワンセグに対応する。"
    footer = "\n■関連記事\n・AやBに対応する新機種\n"
    text = body + footer
    assert items(text, [(0, len(body))]) == [["防水", "ワンセグ"]]
    assert items(text, []) == []


def test_identical_lists_are_reported_once() -> None:
    text = "本機は防水とワンセグに対応する。また、防水とワンセグに対応する。"
    assert items(text) == [["防水", "ワンセグ"]]


# --------------------------------------------------------------------------- products


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # the topic of the sentence
        ("「SAKURA S1」は防水、ワンセグ、おサイフケータイに対応する。", ["SAKURA S1"], "SAKURA S1"),
        # a topic after the list (the list modifies it)
        ("AとBの両方に対応する管理製品SCVMMは、近く出る。", ["SCVMM"], "SCVMM"),
        # the product the list's clause modifies
        ("チップはCPU「Dual Krait」やGPU「Adreno 225」を搭載した「Snapdragon S4」だ。", ["Snapdragon S4"], "Snapdragon S4"),
        # products named together: the first is taken (両機種とも)
        ("『BDP-S480』『BDP-S380』の2機種を発売する。両機種ともネット動画や3D再生に対応する。", ["BDP-S480", "BDP-S380"], "BDP-S480"),
        # the nearest earlier product of the paragraph
        ("東芝が発売する「大清快」だ。これはマイクやスピーカーを内蔵した装置が動く。", ["大清快"], "大清快"),
        # no product named nearby: the title's product; a modifier mention does not count
        ("Android向けアプリ「弾幕デス」\n\nAndroid向けのゲームだ。\n\nタッチの感度や自機のデザインを変更できる。", ["弾幕デス", "Android"], "弾幕デス"),
        # a product that is itself a component (OS, network) is passed over for its host
        (
            "1.5GHzCPUや防水、ワンセグなどに対応したAndroid 4.0（開発コード名：ICS）」を採用した4.6インチの「ARROWS X」を発表。",
            ["Android 4.0", "ARROWS X"],
            "ARROWS X",
        ),
        ("防水やワンセグに対応したAndroid 4.0を搭載したスマホ「P-06D」だ。", ["Android 4.0", "P-06D"], "P-06D"),
        # none at all
        ("防水、ワンセグ、おサイフケータイに対応する。", [], None),
    ],
)
def test_product_attachment(text: str, names: list[str], expected: str | None) -> None:
    found = find_feature_lists(text, None, mentions(text, *names))
    assert len(found) == 1
    assert found[0].product == expected


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a topic written with a bracketed maker note
        ("「L-05D」（LG製）は、Xiやおサイフケータイに対応しつつ、小さい。「絵文字クイック」もある。", ["L-05D", "絵文字クイック"], "L-05D"),
        # one-line paragraphs: the product last made a topic, not the title's first product
        (
            "「A1」と「B2」を比較\n\n「A1」は大きい。\n\n「B2」も薄い。\n\n薄いながらも、Xiやワンセグにも対応している。\n",
            ["A1", "B2"],
            "B2",
        ),
        # a bare cue right before the bracketed name it describes: the list is that name's, not an item's
        ("NTTドコモ、XiやNOTTV対応「Zenfo X-01」を発表！", ["Xi", "NOTTV", "Zenfo X-01"], "Zenfo X-01"),
        # a component named first in the title is not the article's product
        ("Android 4.1を搭載した「PIPO U1」が発売\n\n本文。\n\n外部インターフェースはmicroUSB、充電用ジャック。\n", ["Android 4.1", "PIPO U1"], "PIPO U1"),
        # the は-topic owns the sentence's predicate, not a が-subject of a clause inside it
        ("「Zen X」は放送局「ABCテレビ」が視聴できるほか、Xiやワンセグ、赤外線に対応する。", ["Zen X", "ABCテレビ"], "Zen X"),
        # a list's clause modifying 本製品 is the article's product's, not the last name before it
        (
            "「Zen X」を発売。「Zen X」は軽い。\n\nスマホ「Kei 2」は人気だ。\n\n体重、体脂肪率、基礎代謝といった測定機能を備えた本製品。\n",
            ["Zen X", "Kei 2"],
            "Zen X",
        ),
        # when the paragraph names only components (“X”を採用), the list is the article's product's
        ("「Zen X」を発表した。\n\n新開発の“Zen UI”を採用したモデルです。防水やワンセグ、赤外線に対応しています。\n", ["Zen X", "Zen UI"], "Zen X"),
        # a product named as a spec value (CPUは…「X」) is a component, not what the lists describe
        (
            "「Tab A7」を発売。\n\n主要スペックは、CPUはデュアルコアCPU内蔵の「OMAP 4430」、RAMは1GB。通信機能は、有線LAN、無線LAN、Bluetoothに対応。\n",
            ["Tab A7", "OMAP 4430"],
            "Tab A7",
        ),
        # a name in a bracketed aside (a code name, a chip) is not what the next sentence goes on about
        (
            "「Zen X」を発表。CPUはMSM8960（Snapdragon S4）で、IPX5およびIPX7準拠の防水、防塵機能に対応。\n",
            ["Zen X", "Snapdragon S4"],
            "Zen X",
        ),
        # the spec topic names the list; the bracketed aside does not count towards an item's length
        (
            "「Zen X」を発表。その他の主要スペックは、Android 4.0（開発コード名：IceCream Sandwich；ICS）、1GB RAM、8GBストレージなど。\n",
            ["Zen X", "Android 4.0", "IceCream Sandwich", "ICS"],
            "Zen X",
        ),
    ],
)
def test_more_product_attachment(text: str, names: list[str], expected: str) -> None:
    (found,) = find_feature_lists(text, None, mentions(text, *names))
    assert found.product == expected


def test_described_bracketed_names_are_the_items_though_they_are_products() -> None:
    """Names each after a description of its own (…を実現する「A」、…を増す「B」を搭載): the names are the items,
    read through the cue predicate, though each is a product (a quoted line-up of products is no list)."""
    text = (
        "オーディオ機能として、歪みやノイズを低減し高音質を実現する「ピュアMX」、クリアなステレオ感を実現する「クリアST」、"
        "引き締まった力強い重低音を実現する「クリアBS」、小さなスピーカーでも音割れを防ぎつつ音の迫力を増す「ラウドX」を搭載します。"
    )
    assert items(text, None, mentions(text, "ピュアMX", "クリアST", "クリアBS", "ラウドX")) == [["ピュアMX", "クリアST", "クリアBS", "ラウドX"]]


def test_component_is_not_the_list_product() -> None:
    text = "カード「RAID Caddy」を使う。このカードにはチップ「88SE9128」が搭載されているのでRAID構築とシステム起動ができる。"
    (found,) = find_feature_lists(text, None, mentions(text, "88SE9128", "RAID Caddy"))
    assert found.product == "RAID Caddy"


def test_item_that_is_a_product_is_not_the_list_product() -> None:
    text = "SP1では、バグフィックスのほか、AMD PacificaやIntel VTハードウェアがサポートされる。"
    products = mentions(text, ("SP1", "Virtual Server 2005 R2 SP1"), "AMD Pacifica")
    (found,) = find_feature_lists(text, None, products)
    assert found.product == "Virtual Server 2005 R2 SP1"


def test_canonical_product_is_reported() -> None:
    text = "「SC-06D」は防水とワンセグに対応する。"
    (found,) = find_feature_lists(text, None, mentions(text, ("SC-06D", "GALAXY SIII SC-06D")))
    assert found.product == "GALAXY SIII SC-06D"


def test_mention_objects_satisfy_the_protocol() -> None:
    mention: ProductLike = Mention(0, 1, "A", "A")
    assert mention.canonical == "A"


# --------------------------------------------------------------------------- shape and robustness


def test_result_shape() -> None:
    text = "本機は防水とワンセグに対応する。"
    (found,) = find_feature_lists(text, None)
    assert isinstance(found, FeatureList) and found.rule == "inline"
    assert found.items == (FeatureItem(3, 5, "防水"), FeatureItem(6, 10, "ワンセグ"))
    assert found.start == 3 and found.end == text.index("する")
    with pytest.raises(AttributeError):
        found.product = "x"  # type: ignore[misc]


# Long degenerate inputs: (head, repeated unit, count, tail).
LONG_INPUTS = [
    ("", "AやB", 80000, ""),
    ("", "「あ」", 50000, ""),
    ("", "・A\n", 50000, ""),
    ("", "ア", 300000, ""),
    ("", "の", 300000, ""),
    ("AとB", "の", 100000, "搭載"),
    ("", "したり、", 50000, ""),
    ("", "1,2", 100000, ""),
]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\x00\x01\x02AとBを搭載",
        "\ud800\udfffAやBに対応\ud800",
        "・\n・\n・",
        "「」「」など",
        "■\n■て、\n",
        "、" * 1000,
        *(head + unit * count + tail for head, unit, count, tail in LONG_INPUTS),
    ],
)
def test_never_raises(text: str) -> None:
    for fl in find_feature_lists(text, None):
        for item in fl.items:
            assert text[item.start : item.end] == item.text


@pytest.mark.parametrize(("head", "unit", "count", "tail"), LONG_INPUTS)
def test_long_inputs_take_linear_time(head: str, unit: str, count: int, tail: str, growth) -> None:
    """No catastrophic backtracking or quadratic step on long degenerate text."""
    assert growth(lambda n: find_feature_lists(head + unit * n + tail, None), count // 4) < 8


_ALPHABET = st.sampled_from(
    list("・●■※-1.①()（）「」『』、。！？\n \u3000")
    + list("やとのをにがもはでなど")
    + ["搭載", "対応", "サポート", "でき", "可能", "機能", "したり、", "に加え、", "のほか、", "など", "て、", "不要で"]
    + list("防水ワンセグ機能画面AXi4.0漢字円氏社")
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_ALPHABET, max_size=120).map("".join),
    st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400)), max_size=3),
)
def test_property_offsets_are_valid(text: str, raw_zones: list[tuple[int, int]]) -> None:
    zones = sorted((min(a, b), max(a, b)) for a, b in raw_zones)
    merged: list[tuple[int, int]] = []
    for s, e in zones:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    for use in (None, merged):
        bounds = [(0, len(text))] if use is None else [(s, min(e, len(text))) for s, e in use]
        products = [Mention(i, i + 1, text[i], text[i]) for i in range(0, len(text), 7)]
        for fl in find_feature_lists(text, use, products):
            assert len(fl.items) >= 2
            assert 0 <= fl.start < fl.end <= len(text)
            for item in fl.items:
                assert 0 <= item.start < item.end <= len(text)
                assert text[item.start : item.end] == item.text
                assert any(s <= item.start and item.end <= e for s, e in bounds)


# --------------------------------------------------------------------------- generalisation pass 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a generic category noun after など is not part of the last item
        ("本機は防水、ワンセグ、赤外線通信などの機能を備える。", [["防水", "ワンセグ", "赤外線通信"]]),
        ("端末は防水、ワンセグ、赤外線通信などの便利な機能を搭載している。", [["防水", "ワンセグ", "赤外線通信"]]),
        ("アプリはTwitterやmixiなどのサービスに対応した。", [["Twitter", "mixi"]]),
        # two cue predicates with a short topic between them are one enumeration
        ("本機は13インチ液晶を搭載しCPUには、Core i5を搭載する。", [["13インチ液晶", "Core i5"]]),
        # features that are added
        ("新版では検索機能と共有機能が加わった。", [["検索機能", "共有機能"]]),
        # a lone heading bullet over deeper numbered bullets is their heading
        ("新製品を発表した。\n■特長\n　１．小さい本体で高画質\n　２．高速なＡＦ\n　３．動画撮影\n", [["小さい本体で高画質", "高速なＡＦ", "動画撮影"]]),
    ],
)
def test_generalisation_pass_two(text: str, expected: list[list[str]]) -> None:
    assert items(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "出演者と会場の観客も加わって全員で踊った。",  # people joining, not features added
        "ボディカラーはホワイト、ピンク、ブラックの3色を用意。",  # colours are variants, not features
        "本体色はパールホワイト、ブラック系、赤の3色を用意した。",
        "本体色はMarble White（ホワイト）、Pebble Blue（ブルー）の2色を用意した。",  # written in Latin, glossed
        "本文。\n※１：歯の表面に付着した汚れ\n※２：化粧品　洗口液\n",  # numbered ※ lines are footnotes
        "本文。\n\n○審査のポイント\n・革新性、先進性\n・市場性、経済性\n・ユーザーの利便性\n",  # judging criteria
    ],
)
def test_not_features_pass_two(text: str) -> None:
    assert items(text) == []


# --------------------------------------------------------------------------- kana inside nouns


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("IP5X相当の防じん性能を備える", ["防じん"]),  # kana written for a kanji (防塵)
        ("スマートフォンあんしん遠隔サポートに対応", ["あんしん"]),  # a kana noun glued to nouns
        ("イマつぶLIVEのタブ", ["つぶ"]),
        ("組み合わせで切り替えができる", []),  # okurigana: the lexicons spell it
        ("することができる", []),  # a function noun
        ("あんしんして使える", []),  # a kana noun standing alone
    ],
)
def test_kana_inside_nouns(tokenizer_only, text: str, inside: list[str]) -> None:
    assert [text[s:e] for s, e in kana_inside_nouns(text, tokens_of(tokenizer_only(text)))] == inside


def test_kana_inside_a_noun_does_not_end_an_item(nlp) -> None:
    text = "本機はIPX5相当の防水性能とIP5X相当の防じん性能を備える。"
    assert items(text) == []  # read without tokens, the item stops at じ and the list at one item
    found = nlp(text)._.feature_lists
    assert [[i["text"] for i in fl["items"]] for fl in found] == [["IPX5相当の防水性能", "IP5X相当の防じん性能"]]
    assert all(text[i["start"] : i["end"]] == i["text"] for fl in found for i in fl["items"])


def test_a_dotted_item_with_kana_inside_a_noun_is_split(nlp) -> None:
    text = "本機は、ワンセグ、赤外線、防水・防じんに対応する。"
    found = nlp(text)._.feature_lists
    assert [[i["text"] for i in fl["items"]] for fl in found] == [["ワンセグ", "赤外線", "防水", "防じん"]]


def test_a_names_exclamation_mark_stays_inside_the_item() -> None:
    assert items("本機は独自のホームアプリやYahoo! JAPANの各種サービスのアプリがプリセットされている。") == [
        ["独自のホームアプリ", "Yahoo! JAPANの各種サービスのアプリ"]
    ]
    assert items("Yahoo!ファイナンスやYahoo!天気などのアプリを搭載。") == [["Yahoo!ファイナンス", "Yahoo!天気"]]


def test_a_cue_glued_to_yotei_is_still_a_predicate() -> None:
    assert items("本機はデコメ絵文字popやデコメピクチャpopにも対応予定。") == [["デコメ絵文字pop", "デコメピクチャpop"]]
    assert items("本機はワンセグや赤外線を搭載済み。") == [["ワンセグ", "赤外線"]]


def test_examples_of_a_kind_of_feature_are_a_list_whatever_is_said_of_the_kind() -> None:
    text = "Peachyは恋愛やライフスタイル、グルメといったカテゴリーで情報を配信する。"
    assert items(text) == [["恋愛", "ライフスタイル", "グルメ"]]
    # examples closed by など、 with a strong cue later in the clause; a weak one (使える) is not enough
    assert items("すれちがい通信機能やゲームコインなど、本体を持ち運びたくなる機能を搭載。") == [
        ["すれちがい通信機能", "ゲームコイン"]
    ]
    assert items("夜間や冬場など、いつでも使える。") == []
    # a feature category after といった marks its examples whatever follows it
    assert items("無線LANやBluetooth 3.0といったワイヤレス機能、2つのポートを持つ。") == [["無線LAN", "Bluetooth 3.0"]]
    # … after など as after といった, and settings and specifications are such kinds
    text = "絞り値やホワイトバランス、彩度などの設定を細かく変えられる。"
    assert items(text) == [["絞り値", "ホワイトバランス", "彩度"]]
    # services named as examples are other products, not features
    assert items("DropboxやiCloudといったサービスが人気だ。") == []


def test_clause_bullets_closed_by_a_line_naming_them_features_are_a_list() -> None:
    """``①… ②… という特長を持っている``: the line after the bullets names what they are, as a heading
    would; a number written twice in a row is a slip, not a break in the count."""
    text = (
        "ここで配布されているツール類は\n\n①インストールの必要がない\n②システムを再起動しなくていい\n"
        "②レジストリを変更せずに利用できる\n\nという特長を持っている。\n"
    )
    assert items(text) == [["インストールの必要がない", "システムを再起動しなくていい", "レジストリを変更せずに利用できる"]]
    # clauses closed by anything else stay a statement
    assert items(text.replace("という特長を持っている", "ということだ")) == []


def test_a_title_holding_an_enumeration_gives_way_to_it() -> None:
    """``■…CPUを搭載し、…「ULTRA SPEED」に対応``: the title is a sentence around its list."""
    text = TITLED_PARAGRAPHS.replace("■主な仕様", "大容量バッテリー\n長時間の連続通話を実現しました。\n\n■主な仕様")
    found = [[i.text for i in fl.items] for fl in find_feature_lists(text, None)]
    assert ["1.5GHzデュアルコアCPU", "下り最大42Mbpsの「ULTRA SPEED」"] in found
    assert ["「グラデーションエッジガラス」を採用、高級感のあるデザイン", "大容量バッテリー"] in found
    # with one title left, the titles are no list at all
    assert [fl.rule for fl in find_feature_lists(TITLED_PARAGRAPHS, None)] == ["inline"]


def test_ni_kuwaete_with_an_adverb_still_coordinates() -> None:
    text = "本機は、高精細な液晶に加えて、新たにマルチタッチ機能やヘッドアップディスプレイ機能を採用した。"
    assert items(text) == [["高精細な液晶", "マルチタッチ機能", "ヘッドアップディスプレイ機能"]]


def test_settings_listed_before_nado_and_a_short_aside() -> None:
    text = "設定ではプッシュ受信、文字サイズ、引用返信など使いやすいようにカスタマイズすることができます。"
    assert items(text) == [["プッシュ受信", "文字サイズ", "引用返信"]]


def test_the_prediction_keeps_an_item_in_every_list_that_names_it(nlp) -> None:
    """Gold writes each list an article gives, and scoring pools their items one-to-one: 防水 in two
    phones' lists is two items (dev writes 85 such repeats); within one list an item appears once."""
    text = "「AX-1」は防水や防塵、ワンセグに対応。「BX-2」は防水やワンセグ、赤外線に対応する。"
    lists = prediction(nlp(text))["feature_lists"]
    assert [fl["items"] for fl in lists] == [["防水", "防塵", "ワンセグ"], ["防水", "ワンセグ", "赤外線"]]
