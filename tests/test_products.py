"""Product names: shape and context candidates, exclusions, in-document resolution."""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.corpus import read_article
from pipeline.products import ProductMention, _resolve, find_products, load_lexicons, product_key


def canonicals(text: str, zones=None, lexicons=None) -> dict[str, set[str]]:
    """Canonical -> the surfaces that resolve to it."""
    out: dict[str, set[str]] = {}
    for m in find_products(text, zones, lexicons):
        out.setdefault(m.canonical, set()).add(m.text)
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Latin names and model numbers that MeCab splits into many tokens
        ("NTTドコモは「ARROWS X LTE F-05D」を発売する。", {"ARROWS X LTE F-05D"}),
        ("Virtual Server 2005 R2 SP1の提供が延期された。", {"Virtual Server 2005 R2 SP1"}),
        ("auの新機種ＩＳ１２Ｔが登場。", {"ＩＳ１２Ｔ"}),
        # katakana and mixed names, names in brackets
        ("新料金プラン「プランZシンプル」を導入する。", {"プランZシンプル"}),
        # rate plans named in running text, with the variants written after them; a generic plan is none
        ("月額はスマートプラン（シンプルにねん＋アシスト1600）適用時。", {"スマートプラン", "シンプルにねん"}),
        ("対象は\n・定額データプラン フラット\n・Xiデータプラン2 にねん\n", {"定額データプラン フラット", "Xiデータプラン2 にねん"}),
        ("24時間使えるスタンダードプランのほか、専用パケットプランやデータプランもある。", {"スタンダードプラン"}),
        ("パズルゲーム「マッチ棒パズル」を紹介します。", {"マッチ棒パズル"}),
        ("サムスンのGalaxy Sシリーズなどは人気だ。", {"Galaxy Sシリーズ"}),
        ("部門では「パズル＆ドラゴンズ」が最優秀賞を受賞した。", {"パズル＆ドラゴンズ"}),  # a work given a prize
        ("今回提供を開始する「トークノベル」は小説を楽しめる。", {"トークノベル"}),  # announced by 提供を開始する
        # generic edges are trimmed (a name that only ever modifies a noun is none: see below)
        ("Androidスマートフォンを選ぶ場合、Androidの版も見る", {"Android"}),
        ("スペック表 OS Android 4.0 RAM 1GB", {"Android 4.0"}),
        ("Twitterクライアントで投稿する。Twitterは便利だ", {"Twitter"}),
        # a model number in brackets beside the name belongs to it
        ("人気のGALAXY SII（SC-02C）は", {"GALAXY SII（SC-02C）"}),
        # a table row of a device and the OS it runs is two names
        ("端末 OS\nSO-01B Android 2.1 ○\niPhone 4S iOS 5.1.1 ○\n", {"SO-01B", "Android 2.1", "iPhone 4S", "iOS 5.1.1"}),
        # a chip's number ending in M before its memory is part of the name, not metres
        ("上位機はAMD Radeon HD 7570M 1GB GDDRを搭載。", {"AMD Radeon HD 7570M"}),
        # a title after its category word may end like a verb (うた); a quotation may not
        ("呼出音を設定できるサービス「待ちうた」を提供開始した。", {"待ちうた"}),
        ("端末が「IPv6による通信はできない」と判断する。", set()),
        ("「もっと使いやすい」と話す。", set()),
        # what is downloaded so many times, and a game named as one
        ("「かまぼこ捌き」は25万ダウンロード。", {"かまぼこ捌き"}),
        ("25万ダウンロードされた「おにぎり職人」は楽しい。", {"おにぎり職人"}),
        # a title after its category word or owned by a company may read like English words
        ("スマートフォン「Disney Mobile on docomo F-08D」を発売。", {"Disney Mobile on docomo F-08D"}),
        ("カブドットコム証券の「kabu smart」などだ。", {"kabu smart"}),
        ("画面に「quick tips」と出る。", set()),
        ("テストで「エフセキュア モバイル セキュリティ」が最優秀評価を獲得した。", {"エフセキュア モバイル セキュリティ"}),
        ("「いも収穫」（25万ダウンロード）、", {"いも収穫"}),
        ("「探検ドリランド」ゲーム内のトレードを停止。", {"探検ドリランド"}),
        ("「ふつうの一日」は長かった。", set()),
        ("「グーグルショッピング」というこのサービスは便利だ。", {"グーグルショッピング"}),
        ("これに「auひかりちゅら」「コミュファ光」といった光回線を組み合わせる。", {"auひかりちゅら", "コミュファ光"}),
        ("「速さ」「軽さ」といった機能が魅力だ。", set()),
        # a lens: maker or series, focal length and aperture, one name
        ("「SIGMA 19mm F2.8 EX DN」を発売。", {"SIGMA 19mm F2.8 EX DN"}),
        ("ズームレンズとして登場した1 NIKKOR VR 10-100mm f/4.5-5.6PD-ZOOMもそのひとつ。", {"1 NIKKOR VR 10-100mm f/4.5-5.6PD-ZOOM"}),
        ("ノクトン17.5mm F0.95を試す。", {"ノクトン17.5mm F0.95"}),
        # the focus of a cleft on a release
        ("明日から発売されるのは「映画付年賀状」。", {"映画付年賀状"}),
        # a title's own ! and a brand's stay in the bracket; a remark's goes
        ("アプリ「仮免奪取！」を紹介。", {"仮免奪取！"}),
        ("富士通の「NX!電話帳」と「NX! comfort UI」を搭載。", {"NX!電話帳", "NX! comfort UI"}),
        # a site's domain is its name when a cue or a bracket quotes it; bare, it is an address
        ("活用サイト「Ultrabooker.jp」がオープン。詳しくはexample.comへ。", {"Ultrabooker.jp"}),
        ("便利サイト「お買い得.net」活用のススメ", {"お買い得.net"}),
        # a name ends before a number with thousands separators; "for mobile" is what it is made for
        ("価格はiPhone 4S 1,000円。", {"iPhone 4S"}),
        ("カメラはSony Exmor R for Mobile 1,300万画素CMOSを採用。", {"Sony Exmor R for Mobile"}),
        # a step's number is not part of the word after it
        ("手順\n5.USB経由でコントローラーを差し込む。\n3.Android 4.0を入れる。Android 3.xは不可。", {"Android 4.0", "Android 3.x"}),
    ],
)
def test_candidates(text: str, expected: set[str]) -> None:
    assert set(canonicals(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "MicrosoftとGoogle、auとドコモが発表した。",  # companies and carriers
        "LTEとWi-Fi、Bluetooth 4.0、USB 2.0、microSDHCに対応。",  # standards, with versions
        "FireWire800とIEEE1394b、PCI-Express、DVI-Iを備え、UE Category4に対応。",  # interfaces, glued versions
        "スマホからもアクセスできるNAS！高速NASを募集",  # a generic word with an exclamation mark
        "AV-TESTのMarch 2012の結果ではBitdefenderが首位。",  # a test lab, a date in English, a security vendor
        "米国ではBest BuyやGameStop、RadioShackで販売。",  # retailers
        "更新後は6.1.D.0.170になります。\nビルド番号：S0008",  # build numbers
        "プロセス上にsvchost.exeがやたら表示され、example.comが開く。",  # a file name, a domain, Japanese right after
        "年間1000mSvを浴びると危険で、10mSvや0.23μSvなら問題ない。",  # doses of radiation
        "iモードや緊急速報メールに対応する。",  # carrier services the gold never counts as products
        "新しいProjectを作り、Screenshotsを見る。BoostとStarsの表示。",  # English words alone
        "WindowsPCやWindows PCで使える。",  # a kind of computer named by its OS
        "80 PLUS Platinum認証の電源で、ZALMANやZOTACが出展。",  # a certification; makers of PC parts
        "VHDファイルとPDF形式で保存できる。",  # formats
        "JavaScriptとWebGL、XMLHttpRequestに対応し、Opusも再生できる。",  # web standards, a language, a codec
        "WinHECで発表された。IFA2012にも出展。",  # events
        "CPUやOS、PC、SIM、GPS、HD、3D、NFCの話。",  # generic Latin words
        "1.5GHzのCPUと1GBのRAM、1800mAhの電池、IPX5の防水。",  # measures, rating codes
        "消費電力は12 mW、出力は2 kWだ。",  # units written apart from their figure
        "詳しくはhttp://example.com/Xperia または @XperiaJP まで。",  # URLs, handles
        "「メモリ不足となる場合があり」という理由で見送られた。",  # a quotation
        "エイドリアン・チェオク（Adrian D. CHEOK）教授が語る。",  # a gloss of a person's name
        "Profile\n山田太郎",  # a heading word alone on its line
        "パラメータshop_idとcampaign_eventを指定する。",  # snake_case identifiers
        "センサー Accelerator、Gyro、Compass、Proximity\n",  # the values of a spec line of sensors
        "記事は「iPhone users regret their new handset」だ。",  # English prose with a possessive
        "答えは「It’s quite difficult」だ。",  # … with a contracted verb
        "出典：Canadian man enters U.S、Samsung continues",  # … headlines in English
        "韓国のMaeil Business Newspaperが報じた。",  # a newspaper
        "ＮＴＴレゾナントが発表した「ソーシャル疲れの原因」を見る。",  # a company; a survey's finding
    ],
)
def test_exclusions(text: str) -> None:
    assert canonicals(text) == {}


def test_code_names_resolve_to_the_product() -> None:
    text = (
        "Windows Server 2008(旧コード名:Longhorn)のリリースから180日以内に、"
        "Windows Server Virtualizationサービス(コード名:Viridian)を出荷する。"
        "Longhorn Serverへの移行は簡単だ。Viridianの初期リリースでは機能を見送る。"
    )
    assert canonicals(text) == {
        "Windows Server 2008": {"Windows Server 2008", "Longhorn", "Longhorn Server"},
        "Windows Server Virtualization": {"Windows Server Virtualization", "Viridian"},
    }


def test_development_code_names_and_title_surface() -> None:
    text = "Android 4.0 ICS搭載。Android 4.0（開発コード名：IceCream Sandwich；ICS）を採用した。"
    assert canonicals(text) == {"Android 4.0": {"Android 4.0", "Android 4.0 ICS", "ICS", "IceCream Sandwich"}}


@pytest.mark.parametrize(
    ("text", "model", "canonical"),
    [
        # a bracket after a name giving its model number (with a short form after it)
        ("京セラの「ABC PROGRESSO(エービーシー)」(型番はKYY04。以下、AP)を発売。KYY04は防水。", "KYY04", "ABC PROGRESSO"),
        # … which, labelled, may take a shape a bare model number may not
        ("「Dual Caddy」（型番：IO-PESA236）を使う。IO-PESA236は安い。", "IO-PESA236", "Dual Caddy"),
    ],
)
def test_model_number_given_in_a_bracket_joins_the_name(text: str, model: str, canonical: str) -> None:
    assert {m.canonical for m in find_products(text) if m.text == model} == {canonical}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # digits replace the full number's last digits; a word replaces what follows its last dash
        ("品番：ＤＭＲ−ＢＺＴ８１０／７１０／ＢＷＴ５１０", {"ＤＭＲ−ＢＺＴ８１０": "ＤＭＲ−ＢＺＴ８１０", "７１０": "ＤＭＲ−ＢＺＴ７１０", "ＢＷＴ５１０": "ＤＭＲ−ＢＷＴ５１０"}),
        ("BD-W2000/W1000の2機種。W1000は安い。", {"BD-W2000": "BD-W2000", "W1000": "BD-W1000"}),
        # slashes between standards are no abbreviations
        ("HDMI/DVI/RGBの端子", {}),
    ],
)
def test_abbreviated_siblings_after_a_model_number_are_expanded(text: str, expected: dict[str, str]) -> None:
    assert {m.text: m.canonical for m in find_products(text)} == expected


def test_a_maker_is_no_product_anywhere_in_the_article() -> None:
    text = "Zapphire Vizion社製のカード「Zapphire HD 7750」を買う。Zapphire Vizionのカードは人気だ。"
    assert set(canonicals(text)) == {"Zapphire HD 7750"}


def test_the_headline_maker_is_no_product() -> None:
    text = "ZENKO、大型ディスプレイを搭載したタブレット「ZENKO Tab 10」を発表\n\nZENKOは直販サイトで販売する。"
    assert set(canonicals(text)) == {"ZENKO Tab 10"}


def test_short_forms_defined_in_brackets() -> None:
    text = "ASUSは「TransBook Chi Ultra T100（以下、Chi）」を発表。Chiは軽い。「MX-9（以下、本製品）」も。本製品は安い。"
    found = canonicals(text)
    assert found["TransBook Chi Ultra T100"] == {"TransBook Chi Ultra T100", "Chi"}
    assert all("本製品" not in surfaces for surfaces in found.values())


def test_bare_service_pack_completes_the_latest_named_product() -> None:
    text = (
        "Virtual Server 2005 R2 SP1の提供は延期された。現行のVirtual Server 2005 R2製品のSP1も延期。"
        "SP1ではバグが修正される。"
    )
    found = canonicals(text)
    assert found["Virtual Server 2005 R2 SP1"] == {"Virtual Server 2005 R2 SP1", "SP1"}
    assert found["Virtual Server 2005 R2"] == {"Virtual Server 2005 R2"}


def test_unresolved_bare_version_is_dropped() -> None:
    assert canonicals("SP1ではバグが修正される。") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # short forms extended by a model number join the fullest name
        ("「Xperia ray」がある。ドコモモデルは「Xperia ray SO-03C」として販売された。",
         {"Xperia ray SO-03C": {"Xperia ray", "Xperia ray SO-03C"}}),
        ("「HTC J ISW13HT」を購入宣言。HTC Jを購入。IS12Mとは別。",
         {"HTC J ISW13HT": {"HTC J ISW13HT", "HTC J"}, "IS12M": {"IS12M"}}),
        # a vendor before the name, a trademark sign, a series word
        ("ASUS ZENBOOK(TM)シリーズを買うとZENBOOK用の特典。",
         {"ASUS ZENBOOKシリーズ": {"ASUS ZENBOOK(TM)シリーズ", "ZENBOOK"}}),
        # … but beside a sequel numbered in Roman numerals the bare name is the first title
        ("ZINAL ZANTASYとZINAL ZANTASY IIを配信。これでZINAL ZANTASYシリーズが揃った。",
         {"ZINAL ZANTASY": {"ZINAL ZANTASY"}, "ZINAL ZANTASY II": {"ZINAL ZANTASY II"},
          "ZINAL ZANTASYシリーズ": {"ZINAL ZANTASYシリーズ"}}),
        # a word that is generic alone (HD) is the name's when a fuller name ends with the two
        ("「Atrix HD」を発表。“Atrix”シリーズの新型「Motorola Atrix HD」だ。",
         {"Motorola Atrix HD": {"Atrix HD", "Motorola Atrix HD"}, "Atrix": {"Atrix"}}),
        # HD after a name makes another model of the line, not the same product said more fully
        ("「Xperia acro」の後継となる「Xperia acro HD」を発表。", {"Xperia acro": {"Xperia acro"}, "Xperia acro HD": {"Xperia acro HD"}}),
        # models joined by a slash in one bracket are two products; abbreviated siblings are expanded
        ("カシオは『ＥＸ−ＪＥ１０／ＥＸ−Ｎ１０』を発売する。", {"ＥＸ−ＪＥ１０": {"ＥＸ−ＪＥ１０"}, "ＥＸ−Ｎ１０": {"ＥＸ−Ｎ１０"}}),
        ("『DMR-BZT810／710』を発売", {"DMR-BZT810": {"DMR-BZT810"}, "DMR-BZT710": {"710"}}),
        # … and a name's generation after a slash (iPhone4/4S); not after a measure (RAM 1GB/2GB)
        ("iOS 5以降のiPhone4/4S、iPad2に対応。",
         {"iOS 5": {"iOS 5"}, "iPhone4": {"iPhone4"}, "iPhone4S": {"4S"}, "iPad2": {"iPad2"}}),
        ("RAM 1GB/2GBを搭載し、IPX5/7の防水。", {}),
        # a mobile chip's number ends its name (not metres)
        ("NVIDIA GeForce 610Mを搭載する。", {"NVIDIA GeForce 610M": {"NVIDIA GeForce 610M"}}),
        # … and so are names that begin with the same word (siblings of one line)
        ("モデル名は「Eee PC 1025C / Eee PC 1025CE」だ。",
         {"Eee PC 1025C": {"Eee PC 1025C"}, "Eee PC 1025CE": {"Eee PC 1025CE"}}),
        # a Latin rendering closing a bracketed Japanese name is another name of it; an acronym is not
        ("新製品「フィリップス　ソニッケアー　エアーフロス（Ｐｈｉｌｉｐｓ　Ｓｏｎｉｃａｒｅ　ＡｉｒＦｌｏｓｓ）」を販売する。",
         {"フィリップス　ソニッケアー　エアーフロス": {"フィリップス　ソニッケアー　エアーフロス",
                                                    "Ｐｈｉｌｉｐｓ　Ｓｏｎｉｃａｒｅ　ＡｉｒＦｌｏｓｓ"}}),
        ("アプリ「コミックキューガール（COMIC CUTEGIRL）」を公開。", {"コミックキューガール": {"コミックキューガール", "COMIC CUTEGIRL"}}),
        ("サービス「ニコニコ動画（ZERO）」を公開。", {"ニコニコ動画": {"ニコニコ動画"}}),
        # a katakana reading closing a bracketed Latin name is another name of it, used alone elsewhere;
        # after a name in running text the bracket gives its maker instead
        ("新ブランド「ミライエ」\n新ブランド「ＭＩＬＩＥ（ミライエ）」による事業展開を開始する。",
         {"ＭＩＬＩＥ": {"ＭＩＬＩＥ", "ミライエ"}}),
        # … inside the name, the reading of its first words: the name runs on through it (not into slashed siblings)
        ("京セラの「DIGNO（ディグノ） ISW11K」を発表。DIGNO ISW11Kは軽い。",
         {"DIGNO（ディグノ） ISW11K": {"DIGNO（ディグノ） ISW11K", "DIGNO ISW11K"}}),
        ("光回線「eo（イオ）光サービス」が対象。", {"eo（イオ）光サービス": {"eo（イオ）光サービス"}}),
        ("ロボット掃除機「Ｓｍａｒｂｏ(スマーボ)　ＶＣ−ＲＢ１００」が発売に",
         {"Ｓｍａｒｂｏ(スマーボ)　ＶＣ−ＲＢ１００": {"Ｓｍａｒｂｏ(スマーボ)　ＶＣ−ＲＢ１００"}}),
        ("「Active Image Protector 3.5」（ネットジャパン）は、重複排除圧縮機能を追加。ネットジャパンの製品だ。",
         {"Active Image Protector 3.5": {"Active Image Protector 3.5"}}),
        # a name in kana after a series the article names is that series' product; Latin names stay apart
        ("「リボンシール」を発売。商品シリーズ「スマホウエア」の第1弾として「スマホウエア リボンシール」を発売。",
         {"スマホウエア リボンシール": {"リボンシール", "スマホウエア リボンシール"}, "スマホウエア": {"スマホウエア"}}),
        ("「MacBook Pro」と「Retina」、新しい「Retina MacBook Pro」を比べる。",
         {"MacBook Pro": {"MacBook Pro"}, "Retina": {"Retina"}, "Retina MacBook Pro": {"Retina MacBook Pro"}}),
        # "for" and a platform ending the name are part of it; before a name of its own they separate two
        ("■Evernote 4.0 for Androidが公開！", {"Evernote 4.0 for Android": {"Evernote 4.0 for Android"}}),
        ("Shadow Protect4 for I-O DATAを使う。", {"Shadow Protect4 for I-O DATA": {"Shadow Protect4 for I-O DATA"}}),
        ("Desktop Video 9.2 beta 1 for Mac OS Xを公開", {"Desktop Video 9.2 beta 1": {"Desktop Video 9.2 beta 1"}, "Mac OS X": {"Mac OS X"}}),
        # a carrier's model number ending in a unit's letter is no measure
        ("HONEY BEE 101Kを発売。", {"HONEY BEE 101K": {"HONEY BEE 101K"}}),
        # a model number in brackets after a category word is no gloss of it
        ("WiMAXのルータ（URoad-8000）に貼った。", {"URoad-8000": {"URoad-8000"}}),
        # a listed name ending in a number may be written with a space before it
        ("「プレイステーション 3」で視聴できる。", {"プレイステーション 3": {"プレイステーション 3"}}),
        # a name in half-width square brackets is still a name
        ("注目されているのがNECの[ZaVie Z]だ。", {"ZaVie Z": {"ZaVie Z"}}),
        # a listed name ending like an organisation's (… Center) is still the product
        ("Windows Media Centerで録画し、Game Centerで競う。",
         {"Windows Media Center": {"Windows Media Center"}, "Game Center": {"Game Center"}}),
        # "by", a maker and a model number are part of the name; a brand's owner ending it is not
        ("PRADA phone by LG L-02Dは薄い。", {"PRADA phone by LG L-02D": {"PRADA phone by LG L-02D"}}),
        ("au by KDDIは通信会社。", {}),
        # a bracketed name that starts a service (「X」が４月２日よりサービスを開始)
        ("「もっとTV」が４月２日よりサービスを開始している。", {"もっとTV": {"もっとTV"}}),
        # a chip named before its kind (チップセット) is a product, unlike a feature named before a noun
        ("今回はIntel Z77 Expressチップセット搭載の最新マザーだ。", {"Intel Z77 Express": {"Intel Z77 Express"}}),
        # an occurrence of a katakana name does not start or end inside a katakana word
        ("アプリ「LINE(ライン)」で、ホーム・タイムラインへのスタンプ投稿ができる。", {"LINE": {"LINE", "ライン"}}),
        # a trademark sign inside a bracketed name; a ! after a Latin word before a katakana word
        ("『Ｄｅｌｌ（ＴＭ）1420xプロジェクタ』を発売。", {"Ｄｅｌｌ1420xプロジェクタ": {"Ｄｅｌｌ（ＴＭ）1420xプロジェクタ"}}),
        ("音楽アプリ「YES!　プレイヤー」を公開。", {"YES!　プレイヤー": {"YES!　プレイヤー"}}),
        # Android's code names join the version they name when the article writes both; the article's own
        # link (4.0.3（…ICS）) wins over the lexicon's, and a short form linked twice never breaks resolution
        ("OSはICSで、Android 4.0を搭載する。", {"Android 4.0": {"ICS", "Android 4.0"}}),
        ("Android 4.0.3（開発コード名：IceCream Sandwich；ICS）を搭載。Android 4.0以降に対応。",
         {"Android 4.0.3": {"Android 4.0.3", "IceCream Sandwich", "ICS"}, "Android 4.0": {"Android 4.0"}}),
        # a product of the list (ATOK) beside a longer name that begins with it (ATOK Pad); its maker by its Latin name
        ("「ATOK Pad」を使う。MS-IMEやJustsystemのATOKに及ばない。",
         {"ATOK Pad": {"ATOK Pad"}, "ATOK": {"ATOK"}, "MS-IME": {"MS-IME"}}),
        # a series after a brand word or a listed name is that series (ブラビア　ＨＸ９５０シリーズ)
        ("液晶テレビ「ブラビア　ＨＸ９５０シリーズ」を発売。今回発売される「ＨＸ９５０シリーズ」は明るい。",
         {"ブラビア　ＨＸ９５０シリーズ": {"ブラビア　ＨＸ９５０シリーズ", "ＨＸ９５０シリーズ"}}),
        # a shop's category number before the model (400-TOY022) is a model number too
        ("「電動ホチキス400-TOY022」を発売。\n■簡単にホチキス止めできる400-TOY022",
         {"電動ホチキス400-TOY022": {"電動ホチキス400-TOY022", "400-TOY022"}}),
        # a TM glued to capitals is the sign when the article also writes the name without it
        ("「XPS 13」が人気だ。XPSTM 13を値下げする。", {"XPS 13": {"XPS 13", "XPSTM 13"}}),
        ("「InspironTM 13z」と「Inspiron 13z」を値下げする。", {"Inspiron 13z": {"Inspiron 13z", "InspironTM 13z"}}),
        # versions are products of their own
        ("AndroidのOSでAndroid 4.0へのアップデート。",
         {"Android": {"Android"}, "Android 4.0": {"Android 4.0"}}),
        # a generic word after the name is the same product
        ("Windows OSの機能としてWindowsに統合する。", {"Windows": {"Windows", "Windows OS"}}),
        # but not a word that names another product after it: a store, an SDK (the renamed store takes its old name)
        ("Androidでは「Google Playストア（旧Androidマーケット）」で販売。Android向けだ。",
         {"Android": {"Android"}, "Google Play": {"Google Play", "Androidマーケット"}}),
        ("PlayStation Mobileを発表。PlayStation Mobile SDKを公開。",
         {"PlayStation Mobile": {"PlayStation Mobile"}, "PlayStation Mobile SDK": {"PlayStation Mobile SDK"}}),
        # nor a listed name that begins with another (Firefox OS is not the browser)
        ("Firefoxの開発元が「Firefox OS」を発表。", {"Firefox": {"Firefox"}, "Firefox OS": {"Firefox OS"}}),
        # the model word ending a name is its short form, though too weak a name alone
        ("新製品「nextbook PREMIUM8」を発表。PREMIUM8は4月19日より販売。",
         {"nextbook PREMIUM8": {"nextbook PREMIUM8", "PREMIUM8"}}),
        # a console's maker or line word before its name makes the name's fuller form (ニンテンドー, PS)
        ("「ニンテンドー3DS」を発売。3DSは人気。", {"ニンテンドー3DS": {"ニンテンドー3DS", "3DS"}}),
        ("「PS Vita」を発売。Vitaは人気。", {"PS Vita": {"PS Vita", "Vita"}}),
        # fullwidth and halfwidth forms are one name
        ("ＢＤＰ−Ｓ４８０を発売。BDP-S480は9月発売。", {"ＢＤＰ−Ｓ４８０": {"ＢＤＰ−Ｓ４８０", "BDP-S480"}}),
        # a code name after a version glued to its name is that version's (Android4.0 ICS)
        ("OSはAndroid4.0 ICS。Android4.0に対応。", {"Android4.0": {"Android4.0 ICS", "Android4.0"}}),
        # a bare model number is the line's model, not its edition
        ("「Optimus Vu L-06D」と「JOJO L-06D」を発表。L-06Dは5インチ。",
         {"Optimus Vu L-06D": {"Optimus Vu L-06D", "L-06D"}, "JOJO L-06D": {"JOJO L-06D"}}),
        # a title is the product its subtitled name names; a listed service stays itself beside its edition
        ("ゲーム「アスファルト7：Heat」【iPhoneアプリ】\n最新作「アスファルト7」が登場。",
         {"アスファルト7：Heat": {"アスファルト7：Heat", "アスファルト7"}, "iPhone": {"iPhone"}}),
        ("アプリ「Dot Locker - ロック画面をカスタマイズ」を紹介。Dot Lockerは無料。",
         {"Dot Locker - ロック画面をカスタマイズ": {"Dot Locker - ロック画面をカスタマイズ", "Dot Locker"}}),
        # a listed name written without its space is that name
        ("パケ・ホーダイダブルなどを利用している場合。", {"パケ・ホーダイダブル": {"パケ・ホーダイダブル"}}),
        # a bare Flash beside Flash Player is the player
        ("「Flash Player」が削除される。Flashを使うには注意。", {"Flash Player": {"Flash Player", "Flash"}}),
        # so are spellings with an apostrophe's look-alikes
        ("アプリ「PAC′N-JUMP」を紹介。PAC'N-JUMPは無料。", {"PAC′N-JUMP": {"PAC′N-JUMP", "PAC'N-JUMP"}}),
    ],
)
def test_resolution(text: str, expected: dict[str, set[str]]) -> None:
    assert canonicals(text) == expected


def test_other_spellings_from_the_alias_list_join_the_name() -> None:
    assert canonicals("アンドロイドの新版、Android 4.1はAndroidの最新版。") == {
        "Android": {"Android", "アンドロイド"},
        "Android 4.1": {"Android 4.1"},
    }
    # names that start with the two spellings and go on alike are one product too
    assert canonicals("「ドラゴンクエストX」を発売した。ドラクエXは人気だ。") == {
        "ドラゴンクエストX": {"ドラゴンクエストX", "ドラクエX"},
    }
    # … or the one name going on from there with words (a subtitle), not with a version
    assert canonicals("「ドラゴンクエストX 目覚めし五つの種族 オンライン」が発売。ドラクエXは人気だ。") == {
        "ドラゴンクエストX 目覚めし五つの種族 オンライン": {"ドラゴンクエストX 目覚めし五つの種族 オンライン", "ドラクエX"},
    }
    assert set(canonicals("「ドラゴンクエストX2」が出た。「ドラクエX」も人気だ。")) == {"ドラゴンクエストX2", "ドラクエX"}


def test_brand_alone_is_a_short_form_or_a_family() -> None:
    one = "GALAXYを最強にするケース。GALAXY SII（SC-02C）は人気だ。"
    assert set(canonicals(one)) == {"GALAXY SII（SC-02C）"}
    several = "従来のGALAXYと同様に、GALAXY SIII SC-06DとGALAXY Note SC-05Dも速い。"
    assert set(canonicals(several)) == {"GALAXY SIII SC-06D", "GALAXY Note SC-05D"}


def test_longest_match_wins_and_latin_words_are_not_cut() -> None:
    text = "「Pixel 8a」と「Pixel 8」は別物。Pixel 8aを買った。"
    mentions = find_products(text)
    assert [m.text for m in mentions] == ["Pixel 8a", "Pixel 8", "Pixel 8a"]
    assert {m.canonical for m in mentions} == {"Pixel 8a", "Pixel 8"}


def test_spec_table_row_splits_into_products() -> None:
    text = "GALAXY S III SC-06D QUALCOMM MSM8960 1.5GHz 2 5018"
    assert set(canonicals(text)) == {"GALAXY S III SC-06D", "MSM8960"}


def test_mentions_keep_offsets_into_the_original_text() -> None:
    text = "　ソニーの「ＢＤＰ−Ｓ４８０」を発売。"
    [m] = find_products(text)
    assert (m.start, m.end, m.text) == (6, 14, "ＢＤＰ−Ｓ４８０")
    assert text[m.start : m.end] == m.text


def test_zones_limit_the_search() -> None:
    text = "iPhoneの話。\n■関連記事\n・iPadの話"
    zones = [(0, text.index("■"))]
    assert [m.text for m in find_products(text, zones)] == ["iPhone"]
    assert find_products(text, []) == []


def test_result_is_sorted_and_non_overlapping() -> None:
    text = "Windows Server 2008とWindows、Windows Server 2008 R2、Windows 8。" * 3
    mentions = find_products(text)
    assert mentions == sorted(mentions, key=lambda m: m.start)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


def test_user_lexicons_extend_the_package(tmp_path: Path) -> None:
    (tmp_path / "products.txt").write_text("# mine\nはやぶさ号\nコントソフォン\n", encoding="utf-8")
    (tmp_path / "companies.txt").write_text("Contoso\n", encoding="utf-8")
    (tmp_path / "aliases.tsv").write_text("コントソフォン\tContoso Phone 7\n", encoding="utf-8")
    text = "Contosoがはやぶさ号とContoso Phone 7を発表。コントソフォンは安い。"
    assert canonicals(text) == {"Contoso": {"Contoso"}, "Contoso Phone 7": {"Contoso Phone 7"}}
    assert canonicals(text, lexicons=load_lexicons([tmp_path])) == {
        "はやぶさ号": {"はやぶさ号"},
        "Contoso Phone 7": {"Contoso Phone 7", "コントソフォン"},
    }


def test_package_lexicons_do_not_list_a_product_as_excluded() -> None:
    lex = load_lexicons()
    assert not lex.known & lex.excluded


def test_package_lexicons_list_each_spelling_once() -> None:
    import collections

    from pipeline.products import DATA_DIR

    for path in sorted(DATA_DIR.glob("*.txt")):
        names = [line.split("#")[0].split("\t")[0].strip() for line in path.read_text(encoding="utf-8").splitlines()]
        counts = collections.Counter(n for n in names if n)
        assert [k for k, n in counts.items() if n > 1] == [], path.name


def test_product_key_is_the_scorer_normalisation() -> None:
    assert product_key("ＢＤＰ−Ｓ４８０") == product_key("BDP-S480") == "bdp-s480"
    assert product_key("ASUS ZENBOOK(TM)シリーズ") == product_key("ASUS ZENBOOKシリーズ")


def test_seed_article_matches_its_gold(seed_path: Path) -> None:
    article = read_article(seed_path)
    found = canonicals(article.text, article.layout.content)
    assert set(found) == {
        "Windows Server 2008", "Windows Server Virtualization", "Virtual Server 2005 R2 SP1",
        "Virtual Server 2005 R2", "Virtual Server", "Virtual PC", "Windows", "Windows Server",
        "Windows Hyperviser", "System Center Virtual Machine Manager 2008 R2", "Virtual Machine Manager",
        "AMD Pacifica", "Intel VT",
    }
    assert "R2" in found["System Center Virtual Machine Manager 2008 R2"]


@pytest.mark.parametrize(
    "text",
    ["", "\x00\x01\x02", "\ud800abc\udfff", "「」『』()（）", "(コード名:)" * 3, "A" * 300_000, "SP1 R2 (以下、)"],
)
def test_odd_inputs(text: str) -> None:
    for m in find_products(text):
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize("unit", ["A ", "ア・", "Ab1 アイ "])
def test_a_long_run_of_words_without_a_name_takes_linear_time(growth, unit: str) -> None:
    """Words that could begin a name (a rate plan's Latin words and katakana) but never end in one:
    each start is read a bounded distance, not to the end of the line."""
    assert growth(lambda n: find_products(unit * n), 5_000) < 8


def test_a_long_katakana_run_before_a_measure_takes_linear_time(growth) -> None:
    """A lens name may start with a katakana word (ノクトン17.5mm F0.95): it starts where the run does,
    not at every character of it."""
    assert growth(lambda n: find_products("ア" * n + "1mm F2.8"), 5_000) < 8


def test_the_prefixes_of_a_very_long_name_take_linear_time(growth) -> None:
    """Resolution looks up the names a name starts with: only the lengths the document's names have
    are cut, so a name as long as a line costs no more than its length (not its square)."""
    from pipeline.products import _KeyIndex, _default_lexicons

    lex = _default_lexicons()

    def run(n: int) -> list:
        long = "z" * n
        first = {long: long, "zz": "zz", "zzz": "zzz"}
        return _KeyIndex(first, lex).prefixes_of(long)

    assert run(10) == ["zzz", "zz"]
    assert growth(run, 40_000) < 8


def test_a_long_line_dense_with_names_takes_linear_time(growth) -> None:
    """One long line of different names: its work grows with its length, not with its square."""

    calls = itertools.count()

    def run(n: int) -> list:
        k = next(calls)  # new names on every call: the name caches must not make the small runs look cheap
        return find_products(
            "".join(f"NTTドコモの「ARROWS X{i}Z{k} F-{i:05d}」はAndroid {i}.0搭載、Wi-Fi対応。" for i in range(n))
        )

    assert len(run(1000)) == 2_000
    assert growth(run, 250) < 8


PIECES = [*"Aa1 -.「」（）()：:ーア亜あ、。\n!SPR", "iPhone", "SP1", "コード名", "以下、", "製品名：", "向け", "という"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_property_offsets_are_valid(text: str) -> None:
    mentions = find_products(text)
    for m in mentions:
        assert isinstance(m, ProductMention)
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.canonical
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60), st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=3))
def test_property_any_text_and_zones(text: str, zones: list[tuple[int, int]]) -> None:
    for m in find_products(text, zones):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert any(s <= m.start and m.end <= e for s, e in zones)


@pytest.mark.parametrize(
    "text",
    [
        "人気ロックバンドGLAYのボーカルTERUだ。",  # a band and a singer
        "アイドルグループAKB48が出演した。",  # a group, although shaped like a model number
        "「DATA82N」というフォルダをコピーする。",  # a folder
        "「ccatalog82」という設定ファイルをタッチします。",  # a file
        "項目「Downlink Frequency」がチェックできる。",  # a screen item
        "「デコメ」→「external_sd」→「Download」→「lgdecome」から確認できる。",  # a menu path
        "ビルド番号が「IMM76D.SC06DOMALF5」から「IMM76D.SC06DOMALG1」になる。",  # build numbers
        "「Select time zone」「Automatically sync data」を選ぶ。",  # English screen labels
        "「Create an HTC Account」「I already have an account」「Turn on」",  # English sentences
        "「Accept」「Skip」「Done」「Existing」「Connected」をタップ。",  # buttons
        "Tel: 03-3256-6676\nFax: 03-3256-6686",  # contact labels
        "筐体はCool Black（クールブラック）とGlossy Redの2色。",  # colours
        "発起人はCompTIAとRakuten-CERTで、CeBIT 2012とSoftBank World 2012で発表した。",  # bodies, events
        "ドキュメントはsetup_guide_v2にある。",  # an identifier
        "MVPen、タブレットを発売！\nMVPenテクノロジーズが発表した。",  # a company, by its corporate name
        "電子辞書「G6シリーズ」を発売した。",  # no name left but シリーズ once the weak G6 is dropped
        "画面には「ノリいいなｗ」が流れた。",  # a viewer's comment ending in a laugh
        "c小山宙哉/講談社 cVariety Art Works",  # copyright credits
        "LANは10BASE-T/100BASE-TX、SDカードはFAT32で使う。",  # Ethernet media, a file system
        "CtrlキーとAltキーを押す。APS-Cセンサー、CD-ROM付属。",  # keys, a sensor size, a medium
        "最近いろいろな「痛い人」が登場している。",  # a kind of person
    ],
)
def test_labels_groups_and_phrases_are_no_products(text: str) -> None:
    assert canonicals(text) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新アプリ「PushMaker」を発表した。", {"PushMaker"}),  # a bracketed name stays
        ("テレビ用HDMI無線化ユニット「WTR-HDAV/A」を試す。", {"WTR-HDAV/A"}),  # a device unit's model number
        ("モバイルルーター「DATA08W」を試す。", {"DATA08W"}),  # 08W: a model number's digits, not 8 watts
        ("開場は10:00OPEN、詳しくはp.132へ。", set()),  # a clock time's minutes, a page
        ("「ゲーム3：Fallen Nation」を配信。", {"ゲーム3：Fallen Nation"}),  # a title's colon is no clock, and no label
        ("絵文字タブは「spモードメール」アプリでのみ表示されます。", {"spモードメール"}),  # not a tab label
        ("「iPod touch」と「Xperia ray」を比べる。", {"iPod touch", "Xperia ray"}),  # lower-case words of a name
        ("人気のOptimus it L-05Dが登場。", {"Optimus it L-05D"}),
        ("開発コードネーム「Tsubasa（モデル名：LT25）」の機種。", {"Tsubasa", "LT25"}),  # a code name is no handle
        ("iOS端末（iPhoneやiPadなど）向けに提供する。", {"iOS", "iPhone", "iPad"}),  # examples, not a gloss
    ],
)
def test_names_beside_labels_and_phrases_stay(text: str, expected: set[str]) -> None:
    assert set(canonicals(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "高精度ＡＦ＆６コマ／秒連写が可能。",  # a feature and a figure
        "１６Ｍ　デジタルＬｉｖｅ　ＭＯＳ　センサー搭載",  # common word + generic term
        "通信機能は、Bluetooth4.0 LE＋EDR準拠。",  # a standard with its feature sets
        "■『ニコニコ神社 in お台場合衆国2012』番組概要",  # a show at an event
        "フジテレビ「お台場合衆国2012」、これに加えて",  # a broadcaster, not a category word
        "製品名 チップセット クロック数 コア数",  # a table header, no field separator
    ],
)
def test_features_shows_and_events_are_no_products(text: str) -> None:
    assert canonicals(text) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("■製品名：サンバイザー クリップスタイル カーホルダー\n価格：2,980円", {"サンバイザー クリップスタイル カーホルダー"}),
        ("製品名：エクソボルト プラス（exovolt plus）メインバッテリー", {"エクソボルト プラス"}),
        ("アプリ名：語学プレーヤー〈NHK出版〉\n価格：無料", {"語学プレーヤー"}),
        ("「エクソボルト プラス」というモバイルバッテリーで", {"エクソボルト プラス"}),
        ("iPhone向けアプリ「Yahoo!天気・災害」は公式アプリ", {"iPhone", "Yahoo!天気・災害"}),
        ("今回紹介するiPhone向け「格言名言Free」は", {"iPhone", "格言名言Free"}),
        ("IP電話サービス「050 plus」の新機能", {"050 plus"}),
        ("NVIDIAの新型GPU「GeForce GTX 660 Ti」。", {"GeForce GTX 660 Ti"}),
    ],
)
def test_names_from_fields_and_cues(text: str, expected: set[str]) -> None:
    assert set(canonicals(text)) == expected


def test_field_without_a_name_gives_nothing() -> None:
    assert canonicals("製品名：\n商品名：スマートフォン") == {}


@pytest.mark.parametrize(
    "text",
    [
        "キヤノンSタワー3階の会場で説明した。",  # a floor of a building
        "「キヤノンホール S」において発表会を開催した。",  # a venue
        "PRONTO 東京ソラマチ店とCAFE de CRIE 渋谷3丁目店で使える。",  # branches of shop chains
        "人気モデル「くみっきー」こと舟山久美子さんが登場した。",  # a person's nickname
        "「BLOG URL」欄に貼り付けたら「add」をクリックする。",  # a button
        "「ERASE」をタッチした後、線をタッチする。",  # a button touched
        "共に85,000IOPS以上の高速アクセス",  # the tail of a number
        "Yシャツの胸ポケットに挟む。",  # a letter labelling a katakana word
        "開発者：Escapist Games Limited\n本体色 JOJO White",  # a maker and a colour in a spec block
        "ツールの［brush］［eraser］［line］の太さ",  # a listed name (LINE) written as the common word
        "SSD二台でRAID 0構成にする。",  # a standard with a level
        "IOPSとは、Input Output per Secの略だ。",  # an English phrase
    ],
)
def test_places_people_labels_and_spec_values_are_no_products(text: str) -> None:
    assert canonicals(text) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the whole bracketed name: a glued katakana word, an edition label, a closing !!
        ("「LiveWareマネージャー」アプリを利用する。", {"LiveWareマネージャー": {"LiveWareマネージャー"}}),
        ("爽快なゲーム「Blow Up (Lite)」です。", {"Blow Up (Lite)": {"Blow Up (Lite)"}}),
        ("タップすると「HereWeGo!!」と表示される。", {"HereWeGo!!": {"HereWeGo!!"}}),
        # a standard or technical word bracketed with the name is part of it, a company or category is not
        ("シャープ「LED AQUOS」シリーズに60型が登場。", {"LED AQUOS": {"LED AQUOS"}}),
        ("設定アプリ「QRコネクト」を使う。機能『Ｗｉ−Ｆｉコネクト』を搭載。",
         {"QRコネクト": {"QRコネクト"}, "Ｗｉ−Ｆｉコネクト": {"Ｗｉ−Ｆｉコネクト"}}),
        ("「ドコモ スマートフォンAQUOS PHONE f SH-13C」を発売。", {"AQUOS PHONE f SH-13C": {"AQUOS PHONE f SH-13C"}}),
        # an edition named by its platform glued before the name is a product of its own
        ("待望のiPhone版Zoogle Driveが登場！Zoogle Driveは便利。",
         {"iPhone版Zoogle Drive": {"iPhone版Zoogle Drive"}, "Zoogle Drive": {"Zoogle Drive"}}),
        # a model number with its colour codes after slashes is one name
        ("ライター「ZDR-XD04R/W/BK」を発売する。", {"ZDR-XD04R/W/BK": {"ZDR-XD04R/W/BK"}}),
        # a colon before a capitalised or katakana subtitle is inside a title; before other text it is a label's
        ("ゲーム「ギャングスターZIO：City of Saints」が99円。", {"ギャングスターZIO：City of Saints": {"ギャングスターZIO：City of Saints"}}),
        # a carrier's line label stays before a bare model number, the one name it has there
        ("スマートフォン「docomo NEXT series Z-04D」を発表。Z-04Dは防水。",
         {"docomo NEXT series Z-04D": {"docomo NEXT series Z-04D", "Z-04D"}}),
        # a ! between Latin words is inside the name
        ("陶芸作品を作ろう「Let's Create! Pottery Lite」", {"Let's Create! Pottery Lite": {"Let's Create! Pottery Lite"}}),
        # a category word and a subject particle before the bracket
        ("お勧めのサイトが「ライフリスト」だ。", {"ライフリスト": {"ライフリスト"}}),
        # a former name in brackets is a mention of the product
        ("「Google Play（旧Androidマーケット）」で配信。Androidマーケットは終了した。",
         {"Google Play": {"Google Play", "Androidマーケット"}}),
        # a short form belongs to the longest name before its bracket
        ("新しいiPad（以下、第3世代iPad）が発売された。iPad2も併売。",
         {"新しいiPad": {"新しいiPad", "第3世代iPad"}, "iPad2": {"iPad2"}}),
        # a figure after a decimal point is no build number; a category glued before a name is trimmed
        ('128GBモデルの「OCZ Vertex4 2.5" 128GB」が速い。', {'OCZ Vertex4 2.5" 128GB': {'OCZ Vertex4 2.5" 128GB'}}),
        ("デジタル一眼レフカメラEOSシリーズと同等の画質。", {"EOSシリーズ": {"EOSシリーズ"}}),
        # a brand beside a store named after it stays a product of its own
        ("直販サイト「Xperia Store」で販売する。Xperiaとの相性が良い。",
         {"Xperia Store": {"Xperia Store"}, "Xperia": {"Xperia"}}),
    ],
)
def test_bracketed_names_former_names_and_owners(text: str, expected: dict[str, set[str]]) -> None:
    assert canonicals(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "同社のプレジデントのJK Shin氏が語った。写真はJK Shinプレジデント。",  # a person, titled once
        "人気アイドルグループAKB48が出演。AKB48のCMが話題に。",  # a group, named so once
        "人気ダンスユニット「DANCEROID」と、アイドルユニットの「ももクロ」が踊った。",  # groups in brackets
        "期間限定カフェ「Zenfo cafe」をオープン。",  # a venue in brackets
        "銀座にあるリコーフォトギャラリーRING CUBEで開催。RING CUBEは円形の空間だ。",  # a venue
        "MITメディアラボの研究グループが開発した。",  # a laboratory
        "アニメ「デジモン」主題歌「Butter-Fly」を歌う。ボカロ曲「Hello, Worker」を踊る。",  # songs, anime
        "新製品発表会「Samsung Mobile Unpacked 2012」で披露した。",  # an event in brackets
        "テレビドラマ「GTO」に出演中。番組「U型テレビ」をアピール。",  # a drama, a programme
        "国際会議「地球サミット RIO+20」が開催。キャンペーン「PANTONE 5 For You」を実施。",  # a conference, a campaign
        "「rain stops good-bye」「glow」の3曲を披露した。",  # song titles counted
        "東大門にある「DISCO JUMP」は人気だ。",  # a place
        "「Designed for Humans」という言葉も使われた。",  # a slogan
        "「盛り上がるドン！」「いいねぇｗｗｗ」とコメントが流れる。",  # viewers' comments
        "台湾で行われたCOMPTEX TAIPEI 2012で発表した。COMPTEX TAIPEIに出展。",  # a trade show by its city
        "PFUダイレクト価格：27,800円",  # a direct-sales shop
        "場　　 所：リコーフォトギャラリーRING CUBE 9Fフォトスペース\n主　催：リコー",  # an event notice
        "秋葉原にあるAndroid Tablet専門ショップにて販売。",  # a shop named by what it sells
        "当時のクレジットネームは「jp20y」だった。",  # a person's handle
        "出力2W＋2Wのスピーカー、サイズはW83.5×D38.5mm。",  # measures joined by +, dimensions
        "定格容量３５．４Ｖ３．３９Ａｈ、定格容量35.4V3.39Ah。",  # a rating glues two measures
        "カナダではBellから、英国ではボーダフォンから発売予定だ。",  # carriers abroad
        "開発はBig Head Gamesが担当し、Marshall Amplificationが監修した。",  # studios and makers by their name's last word
        "ROMはRead Only Memory、誤り訂正はLow-Density Parity-Check (LDPC)を使う。",  # acronyms spelt out
        "型番：11199-00-20G、キー：7DBA3A178662E7FF904D12F260F0FFF3",  # a part number, a hash
    ],
)
def test_people_groups_venues_works_and_events_are_no_products(text: str) -> None:
    assert canonicals(text) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a model-number line under a product-name line is a mention of that product
        ("製品名：ScanSnap 1300i\n型番：FI-S1300A\n価格：27,800円\nFI-S1300Aを発売。",
         {"ScanSnap 1300i": {"ScanSnap 1300i", "FI-S1300A"}}),
        # a product-name line is the whole name, Latin or not, up to a bracket
        ("製品名：ScanSnap S1300i 楽々ライブラリ パーソナル V5.0 セットモデル\n型番：FI-S1300A-SR",
         {"ScanSnap S1300i 楽々ライブラリ パーソナル V5.0 セットモデル":
          {"ScanSnap S1300i 楽々ライブラリ パーソナル V5.0 セットモデル", "FI-S1300A-SR"}}),
        # a maker line names a company, and the name after it is the product without it
        ("Zenfo社の「Strike-X AIR」が登場。Zenfoはメーカーだ。\nメーカー：Zenfo\n製品名：Zenfo Strike-X AIR",
         {"Zenfo Strike-X AIR": {"Zenfo Strike-X AIR", "Strike-X AIR"}}),
        # a model line repeating the model of the name line keeps the products apart
        ("製品名：ZALMAN ZM-M100\n型番：ZM-M100\n製品名：ZALMAN ZM-M200\n型番：ZM-M200",
         {"ZALMAN ZM-M100": {"ZALMAN ZM-M100", "ZM-M100"}, "ZALMAN ZM-M200": {"ZALMAN ZM-M200", "ZM-M200"}}),
        # a name without its brand is a short form of the one branded product (model numbers aside)
        ("愛用中のGALAXY Note SC-05D。どうせならNoteが欲しい。発表後にGALAXY Noteを買った。",
         {"GALAXY Note SC-05D": {"GALAXY Note SC-05D", "Note", "GALAXY Note"}}),
        # an abbreviated code name of a version is a variant of that version
        ("Android 4.1 JBを採用。Android 4.1は最新だ。", {"Android 4.1": {"Android 4.1", "Android 4.1 JB"}}),
        # a bracketed name keeps a word that commonly ends a name
        ("配信ストア「Google Playストア」に対応。", {"Google Playストア": {"Google Playストア"}}),
        # a brand written as a company keeps the service named after it
        ("Yahoo!ファイナンスの掲示板を読める。", {"Yahoo!ファイナンス": {"Yahoo!ファイナンス"}}),
        # a model number with one digit among letters after a dash
        ("予備バッテリー（eneloop KBC-L2BS）も借りた。", {"eneloop KBC-L2BS": {"eneloop KBC-L2BS"}}),
        # a company named like its service: 社 rejects only that occurrence
        ("Twitter社から提供を受けた。Twitterなどのサービスで話題。", {"Twitter": {"Twitter"}}),
        # listed other spellings and short names
        ("ニコニコ生放送は15万人が視聴。ニコ生ユーザーも合唱。",
         {"ニコニコ生放送": {"ニコニコ生放送", "ニコ生"}}),
    ],
)
def test_fields_brands_and_spellings_resolve(text: str, expected: dict[str, set[str]]) -> None:
    assert canonicals(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "詳しくは「Meet us at the booth」まで。",  # an English phrase with function words
        "サードパーティ製ドライバ（third-party peripheral drivers）は廃止される。",  # running English
        "Identified developersのアプリだけが動く。",  # a participle starting a phrase
        "You will enter corridor B at 9:00",  # an English sentence
        "同社はGlobal Mobile Innovation Awardを受賞した。",  # an award
        "TEDxKyotoで講演した。",  # a conference
        "会場はSmartphone & Tablet 2013 Springだ。",  # an event with its season
        "「ガジェット勉強会」と「モバイルデザイン展」を開催する。",  # a meeting and an exhibition
        "「ニコニコ夏祭りin 札幌市」を実施。",  # an event at a place
        "本体サイズはW46xD27xH175mmだ。",  # dimensions
        "特売：USD6.91",  # a price
        "詳しくはREADME.TXTとsetup.exeを見る。",  # file names
        "下にスクロールして「Zcreen Off」設定をタップする。",  # a setting's label
        "レイヤーの追加は［ADD Layer］、画像の［Export］では形式が選べる。",  # screen labels in full-width ［］
        "画面から「Zoot」を選び、さらに「Zoot Device Priority」を選ぶ。",  # menu items chosen
        "B賞：記念Tシャツ 300名様、ステッカーパック2個",  # counts, not model numbers
        "メンテナンスは毎週AM3:00〜AM6:00に行う。",  # clock times
        "Zentriq Systemsが開発した。",  # a company by its suffix
        "QUOBIT（クオビット）の子会社が提供する。",  # a company by what follows its reading
        "Harbourが運営する教室で学ぶ。",  # a company that runs something
        "ビルド番号が「ABC12.XY34」「ABC12.XY56」の端末が対象。",  # a chain of labels
        "車両はE233系で、Zenfo系の端末も多い。",  # a kind or family named after something
        "暗号化方式はWPA2とAESに対応。",  # security standards
        "認証形式はWPA-PSKとWPA2-PSKのミックス。",  # security modes
        "ファイル形式はHFS＋とNTFSに対応。",  # file systems
        "韓国のKorean Broadcasting Systemと契約した。",  # a broadcaster
        "通信規格である「LTE」（Long Term Evolution）向けの半導体。",  # an acronym's expansion after its quote
        "ファッションブランド「ヴィヴィアン・ウエストウッド」とのコラボレーション。",  # a fashion house
        "動画「無線通信競馬　第1回　Wi杯G1」を公開。",  # an instalment's title
        "ブースNo.19で展示。電源はAC100-240V、出力はDC19.5V　3.9A、防水はIPX-7。",  # booth numbers, power ratings, a rating
        "サイズはＷ１７０×Ｈ２８０〜３２０ｍｍ、マイクはＨ１４８×Ｗ６０ｍｍ。",  # sizes written with their axes
        "BGMに「SMART SONIC RECEIVER」「ALL IN ONE」をキーワードにした。",  # a CM's keywords
        "2012年の１月にConsumer Electronics Showで披露する。",  # a trade show by its full name
        "Kingdom Holding Companyが出資した。投資先にはeBayやCompaqがある。",  # companies
        "Augmented Realityの研究が進む。",  # a technology
        "D-VHSやS-VHSのテープを再生する。",  # video tape formats
        "「World IPv6 Launch」で、IPv6（Internet Protocol Version 6）が使われる。",  # a launch day, a protocol
        "騒音は20dBAと静かで、DRMフリーの書籍も読める。",  # a sound level, a technology
        "Recent Changes At Amazon & Best Buy Seem To Suggest A New Apple TV Is Coming Soon（TechCrunch）",  # a headline
        "Phone Spontaneously Combusts On Regional Express Flight",  # a headline: an adverb in capitals
        "発表会「Summer 2012」を開催。公式ページ「news by gadget | blog」を見る。",  # a season, a page title
        "アニメを配信。\nc Nintendo・Creatures・GAME FREAK・ShoPro\n",  # a copyright line
        "［Alt］＋［Tab］キーや［Ctrl］＋［End］キーを押す。",  # keyboard shortcuts
        "映像機材部\nTEL.03-3443-2677\nFAX：03-1234-5678\n",  # phone and fax numbers
    ],
)
def test_phrases_events_figures_and_companies_are_no_products(text: str) -> None:
    assert canonicals(text) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("同社が5月に発売した「ふわりんクッション」が好評だ。", {"ふわりんクッション"}),  # a release verb before it
        ("配信中の「ぽかぽか日記」を紹介する。", {"ぽかぽか日記"}),
        # a particle letter inside a hiragana word is no particle (じゃがいも); before or after a word it is
        ("通信販売限定で「じゃがいも　ｅｃｏ　時計」の発売を開始した。", {"じゃがいも　ｅｃｏ　時計"}),
        # a katakana word with a model number starting with 0 is a name in brackets without a cue
        ("対応オプション品には「ポケットチャージャー01」も含まれる。", {"ポケットチャージャー01"}),
        ("「もちもちメーカー」の販売を開始した。", {"もちもちメーカー"}),  # its release after it
        ("「らくらくポット」（KP-210A）を使う。", {"らくらくポット"}),  # its model number after it is a mention of it
        ("「ほかほか毛布」「さらさら枕」を発売した。", {"ほかほか毛布", "さらさら枕"}),  # a chain shares its cue
        ("「Chrome for iPad and iPhone」を公開した。", {"Chrome for iPad and iPhone"}),  # and inside a name
        ("新作「Reading Garden」を公開。", {"Reading Garden"}),  # a participle in a capitalised name
        ("「League of Heroes」をプレイした。", {"League of Heroes"}),
        ("Tabula Pro 3/9より発売開始", {"Tabula Pro"}),  # the date is no part of the name
        ("Tabula Pro 2013年春に発売", {"Tabula Pro"}),
        ("携帯型電動歯ブラシ「ふわふわブラシ」に新色が登場した。", {"ふわふわブラシ"}),  # an appliance category before it
        ("人気のスポット「ぽかぽか広場」から歩いて5分。", set()),  # スポット is no category, though it ends in ポット
        ("モバイル通信サービス「ぽかぽか 3G」を開始した。", {"ぽかぽか 3G"}),  # a service named for its network keeps it
        ("スマホ「Optimusクッキー」を発売した。", {"Optimusクッキー"}),  # no katakana word is cut in two (クッ|キー)
        # the bracket marks where a name ends, save for a word making it a kind of thing for a product
        ("プリペイドカード「Google Playギフトカード」を発表した。", {"Google Playギフトカード"}),
        ("新たに「Androidアプリ」を公開した。", {"Android"}),
        ("「iPhoneケースデコワークショップ」を開催する。iPhoneを持参のこと。", {"iPhone"}),  # a workshop: not iPhoneケースデコワーク
        # の in brackets is a phrase, unless a release verb or a category word names it
        ("『ほかほか　森の毛布』と『さらさら　海の枕』を8月1日に発売する。", {"ほかほか　森の毛布", "さらさら　海の枕"}),
        ("くすみを落とす「ほかほか　歯の美容クリーナー」などを発売", {"ほかほか　歯の美容クリーナー"}),  # など before the verb
        ("アプリ「くらしの小箱」が便利だ。", {"くらしの小箱"}),
        # a company's bracketed name with Latin or katakana is its product; not its notice nor its plan
        ("具体的には松井証券の「株touch」、マネックス証券による「マネックストレーダー」などだ。", {"株touch", "マネックストレーダー"}),
        ("ソニーの「お知らせ」を読む。ソニーの「ソフト開発構想」だ。", set()),
        # a listed name does not end inside a katakana word (ビエラ in ビエラリンク), but may before a word of its own
        ("ビエラリンク対応のテレビとウォークマンシリーズ。", {"ウォークマン"}),
        ("ロールプレイングゲーム（RPG）「光と闇の戦士 完全版」を配信。", {"光と闇の戦士 完全版"}),  # past its abbreviation
        ("話題の「夏の新製品」が気になる。", set()),
        # an exhortation or a passive clause in brackets is a quotation: only the name inside it stays
        ("見出しは「Zenfoもやりましょう！」だ。", {"Zenfo"}),
        ("設定は「Zenfo Storeと認証された開発者」となっている。", {"Zenfo Store"}),
        ("人気の「初心者のための写真講座」を公開した。", set()),  # a column or a course is no product
        # a Roman numeral after a long katakana title numbers it; a letter after a short word labels it
        ("「ミラクルクエストX」を発売した。会場はホールCだ。", {"ミラクルクエストX"}),
        ("ミラクエXは人気だ。ミラクエⅨも面白い。", {"ミラクエX", "ミラクエⅨ"}),  # not Ⅸ alone
        # ＆ and ＋ between two words coordinate two names; beside a short word they are inside one
        ("Zenfo＆Zenpadに対応。Tegra9＋Zenfo 4.0を搭載。", {"Zenfo", "Zenpad", "Tegra9", "Zenfo 4.0"}),
        ("Zenfo 3.0+HSに対応し、Zenfo+も使える。", {"Zenfo 3.0+HS", "Zenfo+"}),
        # in brackets, X for Y is one name even when X alone is too weak to be one
        ("「ABCD for Android」を公開した。", {"ABCD for Android"}),
        # what it is released as names it
        ("「ぽかぽか伝言板」と「らくらく移行」もスマホ用アプリとしてリリースされた。", {"ぽかぽか伝言板", "らくらく移行"}),
        # a bracketed name may open with a number when a category names it; a season's line-up is no name
        ("iPhone向けアプリ「88星座図鑑」で学ぶ。", {"88星座図鑑", "iPhone"}),
        ("見出しは「3日で完成」だ。", set()),
        ("アプリ「2012夏モデル」を公開。", set()),
        # a curly apostrophe inside a name
        ("新モデル「Let’snote SX1」を発売した。", {"Let’snote SX1"}),
        # a work named as its maker's hit
        ("出世作の「毛抜きの名人」が人気だ。", {"毛抜きの名人"}),
        # an underscore in a name opening a bracket is no identifier
        ("公式アプリ「ABC_Port Navi」をリリースした。", {"ABC_Port Navi"}),
    ],
)
def test_bracket_cues_chains_and_dates_after_names(text: str, expected: set[str]) -> None:
    assert set(canonicals(text)) == expected


def test_a_quotation_in_a_chain_shares_no_cue() -> None:
    assert canonicals("「ボク」や「ボクの知らない人」が登場する。") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # names ending with one model number are one product, the fullest name canonical
        (
            "新機種「ARROWS Q LTE Z-07K」を発売。ARROWS Q Z-07Kは薄い。",
            {"ARROWS Q LTE Z-07K": {"ARROWS Q LTE Z-07K", "ARROWS Q Z-07K"}},
        ),
        # a model number in brackets after a bracketed name is that name's
        (
            "掃除機「Kurubo」（KR-AB300）を発売する。KR-AB300は静かだ。",
            {"Kurubo": {"Kurubo", "KR-AB300"}},
        ),
        # a model number may end with a variant letter in lower case: the name with it is the fuller one
        ("「Zenfo One V T320e」を試す。Zenfo One Vは軽い。", {"Zenfo One V T320e": {"Zenfo One V T320e", "Zenfo One V"}}),
        # a carrier's three-digit model number with its maker's letter
        ("新機種「SoftBank 109Q」を発売する。", {"SoftBank 109Q": {"SoftBank 109Q"}}),
        # the same words in another order are one name; the first written is the canonical
        ("「Z-09D ZENFO」を発表。ZENFO Z-09Dは軽い。", {"Z-09D ZENFO": {"Z-09D ZENFO", "ZENFO Z-09D"}}),
        # a maker leading the name stays in it, also after a category word
        ("新型GPU NVIDIA ZeForce ZTX 680が登場。ZeForce ZTX 680は速い。",
         {"NVIDIA ZeForce ZTX 680": {"NVIDIA ZeForce ZTX 680", "ZeForce ZTX 680"}}),
        # a carrier before its own model number is part of the name (not the vendor column of a table)
        ("Zenfo A SoftBank 109Qを発売する。", {"Zenfo A SoftBank 109Q": {"Zenfo A SoftBank 109Q"}}),
        # … also an older one (X and two digits, II for a second edition)
        ("・Zenfo Desire SoftBank X06HTII\n", {"Zenfo Desire SoftBank X06HTII": {"Zenfo Desire SoftBank X06HTII"}}),
        # a mark written as an HTML entity is no part of the name; & between words is
        ("Zenfo&reg Playerを搭載。", {"Zenfo Player": {"Zenfo&reg Player"}}),
        # ® flattened to an R glued to a lower-case word joins the name without it (AiR is a name), and the
        # canonical keeps it as written, as the gold does (FlashR Player)
        ("ZenfoR Playerを搭載。Zenfo Playerは便利。AiR VOLTAGEも使える。",
         {"ZenfoR Player": {"ZenfoR Player", "Zenfo Player"}, "AiR VOLTAGE": {"AiR VOLTAGE"}}),
        # a network generation ends a name; inside a run or before a memory type it is a measure
        ("Zenfo 3Gを発売した。Zenfo 4Gも出る。", {"Zenfo 3G": {"Zenfo 3G"}, "Zenfo 4G": {"Zenfo 4G"}}),
        ("AB-100 3G CD-200 4Gを比べた。", {"AB-100": {"AB-100"}, "CD-200 4G": {"CD-200 4G"}}),
        ("Radeon HD 7850 2G GDDR5を発売した。", {"Radeon HD 7850": {"Radeon HD 7850"}}),  # GDDR5 is a memory standard
        # a generic word with four digits from a zero glued on is a model number (DL: download), not a version
        ("貝印 アイスクリームメーカー DL0272は安い。", {"DL0272": {"DL0272"}}),
        # a listed name takes a bare model number after it, not a count
        ("ロボット掃除機ルンバ 780を発売。ルンバ 2台を並べた。", {"ルンバ 780": {"ルンバ 780"}, "ルンバ": {"ルンバ"}}),
        # a bare model number names the one product holding it, also before an edition's name …
        ("「Z-09D ZENFO」を発表。Z-09Dは軽い。", {"Z-09D ZENFO": {"Z-09D ZENFO", "Z-09D"}}),
        # … but not one whose name adds a standard or a version after it: those are other models
        ("「ZB-Z77X WiFi」と「ZB-Z77X」を発売。", {"ZB-Z77X WiFi": {"ZB-Z77X WiFi"}, "ZB-Z77X": {"ZB-Z77X"}}),
        ("「Zenfo 102ZH II」を発売。102ZHより速い。", {"Zenfo 102ZH II": {"Zenfo 102ZH II"}, "102ZH": {"102ZH"}}),
        # … nor one of several holding it
        ("「JOJA Z-06D」と「Zenfo Vu Z-06D」。Z-06Dは人気。",
         {"JOJA Z-06D": {"JOJA Z-06D"}, "Zenfo Vu Z-06D": {"Zenfo Vu Z-06D"}, "Z-06D": {"Z-06D"}}),
    ],
)
def test_model_numbers_join(text: str, expected: dict[str, set[str]]) -> None:
    assert canonicals(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # common noun phrases made of generic words, bracketed and cued, name no product
        "更新サービス「ソフトウェア更新」を提供開始した。",
        "サービス「スマホアップデート」を提供する。",
        "新サービス「公式アカウント」を開始する。",
        "1080pと720pの動画を30pで撮影できる。",  # frame rates stay measures
        "720pHD動画撮影をサポートした130万画素フロントカメラ。",  # a video resolution with its name
        "連写は最大画像サイズ4608x3456で行う。",  # a pixel size
        "アイドルグループAKB48のメンバーが登場した。",  # a performing group
        "新しいTV-CMを9月1日から放映する。",  # an advertisement
        "新色「Marble White」と「Pebble Blue」を用意した。",  # colour names, however they are bracketed
        "会場のNECブースでは、VJとDJがminiUIMカードを配った。",  # a booth, roles, a SIM card type
        "LGA2011対応で、HD-SDI出力とVESA100mmマウントを備える。",  # a socket, an interface, a mount
        "露出はEV+2、晴天ならEV15が目安だ。",  # exposure values
        "“ワンセグ” “赤外線通信”などの機能がある。",  # features, however they are quoted
    ],
)
def test_generic_phrases_are_no_products(text: str) -> None:
    assert canonicals(text) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title right after a category word may read like a phrase: games and apps take such names
        ("今回紹介するアプリ「ひつじの毛をドゥルン♪」です。", {"ひつじの毛をドゥルン♪"}),
        ("ゲーム「おにぎり職人」が人気だ。", {"おにぎり職人"}),
        ("iPhoneアプリ「つぎとまります」を紹介します。", {"iPhone", "つぎとまります"}),
    ],
)
def test_a_title_after_a_category_word_may_hold_particles(text: str, expected: set[str]) -> None:
    assert set(canonicals(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a review's column tag after a bracket names the app or accessory as written, punctuation and all
        ("懐かしい！「挑戦！天下一武道会」【Androidアプリ】", {"挑戦！天下一武道会", "Android"}),
        ("「ねこカフェ行くにゃ？全国版」【iPhoneアプリ】", {"ねこカフェ行くにゃ？全国版", "iPhone"}),
        ("すっきり「ドロイド君 ケーブルホルダー」【周辺機器】", {"ドロイド君 ケーブルホルダー"}),
    ],
)
def test_a_bracket_before_a_review_column_tag_is_the_name_reviewed(text: str, expected: set[str]) -> None:
    assert set(canonicals(text)) == expected


@pytest.mark.parametrize("text", ["彼は「もっと便利にしたい」と話した。", "「目が目がぁぁああ」と叫んでしまった。"])
def test_a_phrase_in_brackets_without_a_category_word_is_a_quotation(text: str) -> None:
    assert canonicals(text) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word found by its shape whose every mention runs into a katakana noun modifies
        # that noun (a part, a feature, a store) and is no product
        ("新型はRetinaディスプレイを搭載し、付属のUSB-ACアダプタで充電する。", set()),
        ("アプリはGoogle Playストアから入手できる。Google Playストアで検索しよう。", set()),
        # one mention standing alone is enough to keep it
        ("Retinaディスプレイを搭載した。Retinaの解像度は高い。", {"Retina"}),
        # a cue after it keeps it (an app, a series)
        ("NaviConアプリをインストールした。", {"NaviCon"}),
        # an acronym with its noun is a term or an organisation, unless a series word ends it
        ("頭部をMRIスキャンし、PVCコーティングを施した。TOHOシネマズで見た。", set()),
        ("ZENIAシリーズの新型だ。", {"ZENIAシリーズ"}),
    ],
)
def test_a_shape_word_that_only_modifies_a_katakana_noun_is_no_product(text: str, expected: set[str]) -> None:
    assert set(canonicals(text)) == expected


def test_a_word_in_capitals_named_once_by_shape_alone_is_no_product() -> None:
    assert canonicals("TOEICの勉強に使える。") == {}
    # named twice, or in brackets, it stays
    assert set(canonicals("CUBIXは軽い。CUBIXの新型だ。")) == {"CUBIX"}
    assert set(canonicals("新型スマホ「DIGNO」は軽い。")) == {"DIGNO"}


def test_a_short_form_linked_to_a_name_the_document_lacks_is_ignored() -> None:
    links = [(product_key("ICS"), product_key("Android 4.0")), (product_key("ICS"), product_key("Android 4.0.3"))]
    resolved = _resolve(["Android 4.0.3", "ICS"], links, load_lexicons())
    assert resolved[product_key("ICS")] == "Android 4.0.3"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word spelt once wrongly: the spelling written more often is the canonical
        ("「Quadrant Standard Edition」で測る。Quadrant Standard Edtionの結果。Quadrant Standard Editionは速い。",
         {"Quadrant Standard Edition": {"Quadrant Standard Edition", "Quadrant Standard Edtion"}}),
        # … or, written as often, the longer one (a dropped letter is the common slip)
        ("Zwitterで話題。Zwtterでも話題。", {"Zwitter": {"Zwitter", "Zwtter"}}),
        # … a swap of two letters, a letter added, a letter changed in a word of four beside other words
        ("「Zenfobroswer+」を公開。「Zenfobrowser+」は速い。Zenfobrowser+を使う。",
         {"Zenfobrowser+": {"Zenfobrowser+", "Zenfobroswer+"}}),
        ("アプリ「Sportuz」を公開。「Spotuz」は便利。「Spotuz」を試す。", {"Spotuz": {"Spotuz", "Sportuz"}}),
        ("ZlackBerry Bold 9900を発売。ZlackBerry Bolo 9900は人気。",
         {"ZlackBerry Bold 9900": {"ZlackBerry Bold 9900", "ZlackBerry Bolo 9900"}}),
        # … a first letter dropped from a word beside others (not from a name of one word)
        ("「ZQUOS PHONE Xx 106SH」を発売。\nQUOS PHONE Xx 106SHは人気。",
         {"ZQUOS PHONE Xx 106SH": {"ZQUOS PHONE Xx 106SH", "QUOS PHONE Xx 106SH"}}),
        ("「Zwitter」と「witter」を比べる。", {"Zwitter": {"Zwitter"}, "witter": {"witter"}}),
        # a listed product is spelt right
        ("PS Vistaで遊ぶ。PS Vistaは楽しい。PS Vitaを買う。", {"PS Vita": {"PS Vita", "PS Vista"}}),
        # short words, digits and plurals name other products
        ("「Zperia GX」と「Zperia SX」を比べる。", {"Zperia GX": {"Zperia GX"}, "Zperia SX": {"Zperia SX"}}),
        ("「Zenfo Tab 7」と「Zenfo Tab 8」を比べる。", {"Zenfo Tab 7": {"Zenfo Tab 7"}, "Zenfo Tab 8": {"Zenfo Tab 8"}}),
    ],
)
def test_misspelt_names_join_the_name(text: str, expected: dict[str, set[str]]) -> None:
    assert canonicals(text) == expected
