"""The corpus reader: formats, DCT, title, boilerplate zones, inputs, decoding."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.corpus import CorpusError, analyse, decode, doc_ids, iter_paths, read_article, split_lines

LIVEDOOR = """http://news.livedoor.com/article/detail/5888941/
2011-09-26T12:00:00+0900
【ニュース】auが秋冬ラインアップを発表
本日auは秋冬のラインアップを発表した。

・ARROWS Z ISW11F
・DIGNO ISW11K

発売は１０月以降順次となる。

（MIYUKI KOMATSU）

■関連記事
・あなどれないiPhoneの「生態系」
・ソニーが電子書籍リーダー「Reader」を発表


【キヤノン純正インク】キャノンインクタンク BCI-321
キヤノン
販売元：Amazon.co.jp
クチコミを見る
"""


def _zone_texts(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for z in analyse(text).boilerplate:
        out.setdefault(z.label, []).append(text[z.start : z.end])
    return out


def _content(text: str) -> str:
    return "".join(text[s:e] for s, e in analyse(text).content)


def test_livedoor_format_dct_title_and_zones() -> None:
    layout = analyse(LIVEDOOR)
    assert layout.format == "livedoor"
    assert layout.dct == dt.date(2011, 9, 26)
    assert LIVEDOOR[layout.title.start : layout.title.end] == "【ニュース】auが秋冬ラインアップを発表"
    zones = _zone_texts(LIVEDOOR)
    assert zones["header"][0].startswith("http://")
    assert zones["byline"][0].startswith("（MIYUKI KOMATSU）")
    content = _content(LIVEDOOR)
    assert "ARROWS Z ISW11F" in content and "発売は１０月以降" in content
    for boiler in ("http://", "MIYUKI", "関連記事", "Reader", "Amazon", "クチコミ"):
        assert boiler not in content


def test_link_block_runs_to_the_next_blank_line_and_shop_block_is_a_paragraph() -> None:
    text = "http://x/\n2012-01-02T00:00:00+0900\n題\n本文。\n\n■関連リンク\n・公式サイト\n\n続きの本文。\n\n商品名\n販売元：Amazon.co.jp\nクチコミを見る\n"
    zones = _zone_texts(text)
    assert zones["links"] == ["■関連リンク\n・公式サイト"]
    assert zones["shop"] == ["商品名\n販売元：Amazon.co.jp\nクチコミを見る"]
    assert "続きの本文。" in _content(text)


@pytest.mark.parametrize(
    ("heading", "links"),
    [
        ("■関連記事", True),
        ("■デジ通の記事をもっと見る", True),
        ("■iPhoneに関連した記事を読む", True),
        ("■ビデオSALON 最新記事", True),
        ("【記事連動】ソニーVG20でショートムービーの予告編を撮る", True),
        # section headings that merely contain the word are content
        ("■ブックマークと文字サイズ変更で気になる記事がさらに読みやすく", False),
        ("■純正ドリンクホルダーがスマホホルダーに早変わり", False),
    ],
)
def test_a_link_heading_ends_in_its_word_or_points_to_more(heading: str, links: bool) -> None:
    text = f"http://x/\n2012-01-02T00:00:00+0900\n題\n本文。\n\n{heading}\n次の行。\n"
    assert ("次の行。" not in _content(text)) is links


def test_a_titled_section_of_a_round_up_is_content_but_a_list_of_titles_is_links() -> None:
    body = "■スマートペット育成記 （1）【デジ通】\nバンダイから、ペットロボットが発売された。\n\n"
    links = "■デジ通の記事をもっと見る\n・英語の音声認識で英会話練習【デジ通】\n・キンドルが日本に参入する？【デジ通】\n"
    text = f"http://x/\n2012-01-02T00:00:00+0900\n題\n本文。\n\n{body}{links}"
    content = _content(text)
    assert "スマートペット育成記" in content and "発売された" in content
    assert "英会話練習" not in content


def test_trailing_link_paragraphs_are_swept_but_a_feature_block_is_kept() -> None:
    text = (
        "http://x/\n2012-01-02T00:00:00+0900\n題\n本文。\n\n■主な特徴\n・防水\n・ワンセグ\n\n"
        "メーカー　ホームページ\n\n■Google\n・検索\n"
    )
    content = _content(text)
    assert "■主な特徴\n・防水\n・ワンセグ" in content
    assert "ホームページ" not in content and "Google" not in content


def test_bullets_under_a_lone_feature_heading_are_kept() -> None:
    """``■ZoomITのおもな機能``, a blank line, then its bullets: the heading names what they are; a
    one-line sentence about features is no heading."""
    text = (
        "http://x/\n2012-01-02T00:00:00+0900\n題\n本文。\n\n■ZoomITのおもな機能\n\n・画面の拡大\n・ペンで描画\n\n"
        "■ZoomITのダウンロード\n■Sysinternals\n"
    )
    content = _content(text)
    assert "・画面の拡大\n・ペンで描画" in content and "Sysinternals" not in content
    text = "http://x/\n2012-01-02T00:00:00+0900\n題\n本文。\n\n3つの主な特徴を武器に広がるか注目だ。\n\nReader（ソニー）\n"
    assert "Reader" not in _content(text)


def test_trailing_information_and_notes_are_content() -> None:
    """A product-information block (key：value lines) or bulleted sentences are not link paragraphs."""
    text = (
        "http://x/\n2012-01-02T00:00:00+0900\n題\n本文。\n\n◆製品情報\nメーカー：ZALMAN\n発売時期：8月29日\n\n"
        "■注意事項\n・応募はお一人様一回限りとさせていただきます。\n\n■ZALMAN\n■アスク\n"
    )
    content = _content(text)
    assert "発売時期：8月29日" in content and "お一人様一回限り" in content
    assert "アスク" not in content
    # a giveaway's prizes with their numbers of winners are information too
    text = "http://x/\n2012-01-02T00:00:00+0900\n題\n本文。\n\n・PFU「ScanSnap S1100」：1名\n\n・Nero 「Nero 11」：10名\n"
    assert "ScanSnap S1100" in _content(text)


def test_published_line_format_of_the_seed_article(seed_path: Path) -> None:
    article = read_article(seed_path)
    layout = article.layout
    assert layout.format == "published_line"
    assert layout.dct == dt.date(2007, 6, 26)
    assert article.text[layout.title.start : layout.title.end] == "スケジュール優先で抜け落ちた仮想化機能とその後"
    zones = _zone_texts(article.text)
    assert zones["byline"][0].startswith("[Michael Cherry")
    assert zones["keywords"][0].endswith("WinHEC")
    assert zones["footer"][0].startswith("Copyright")
    content = _content(article.text)
    assert "一部の機能の提供が見送られることになった" in content  # the lead, before the 公開 line
    assert "Redmond" not in content and "関連キーワード" not in content


def test_plain_text_has_no_dct_and_takes_the_given_date(tmp_path: Path) -> None:
    f = tmp_path / "note.txt"
    f.write_text("新製品の話\n来月に発売する予定。\n", encoding="utf-8")
    assert read_article(f).layout.dct is None
    article = read_article(f, date=dt.date(2012, 5, 1))
    assert article.layout.format == "plain"
    assert article.layout.dct == dt.date(2012, 5, 1)
    assert article.doc_id == "note"


def test_offsets_index_the_original_text_with_crlf() -> None:
    text = LIVEDOOR.replace("\n", "\r\n")
    layout = analyse(text)
    assert text[layout.title.start : layout.title.end] == "【ニュース】auが秋冬ラインアップを発表"
    assert "発売は１０月以降" in "".join(text[s:e] for s, e in layout.content)


def test_directories_are_read_recursively_skipping_licences_and_gold(tmp_path: Path) -> None:
    (tmp_path / "a" / "gold").mkdir(parents=True)
    for name in ("a/x-1.txt", "a/LICENSE.txt", "a/README.txt", "a/gold/x-2.txt", "b.txt", "a/y.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("本文", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_paths([tmp_path])]
    assert found == ["a/x-1.txt", "b.txt"]
    assert [p.name for p in iter_paths([tmp_path / "a" / "*.md"])] == ["y.md"]
    with pytest.raises(CorpusError, match="nothing-here"):
        list(iter_paths([tmp_path / "nothing-here"]))


def test_duplicate_stems_are_an_error_naming_both_files() -> None:
    paths = [Path("one/a.txt"), Path("two/a.txt")]
    with pytest.raises(CorpusError, match="one/a.txt.*two/a.txt"):
        doc_ids(paths)
    assert doc_ids(paths, prefix_parent=True) == ["one__a", "two__a"]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("発売".encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + "発売".encode("utf-8"), "utf-8-sig"),
        ("発売".encode("utf-16"), "utf-16"),
        ("発売".encode("cp932"), "cp932"),
    ],
)
def test_decode_detects_the_encoding(data: bytes, encoding: str) -> None:
    assert decode(data) == ("発売", encoding)


@pytest.mark.parametrize(("data", "message"), [(b"", "empty"), (b"  \n", "empty"), (b"\x00\x01\x02", "not text")])
def test_bad_input_is_a_clear_error_naming_the_file(data: bytes, message: str) -> None:
    with pytest.raises(CorpusError, match=f"bad.txt: {message}"):
        decode(data, "bad.txt")


def _article(body: str) -> str:
    return "http://x/\n2012-01-02T00:00:00+0900\n題\n" + body


@pytest.mark.parametrize(
    ("body", "boiler", "kept"),
    [
        # A school's advertisement: a run of ■ links, one with a slogan sentence.
        (
            "本文です。\n\n■アプリ学校 - 開発を学ぶ\nなら千人が学んだ東京校へ！\n■急成長中のアプリ市場に参入しよう。上級コース\n"
            "■人気のパズル風ゲームが作れる。ゲームコース\n■人気ランキングをチェックするならアプリ学校\n",
            ("上級コース", "東京校", "ゲームコース"),
            ("本文です。",),
        ),
        # Campaign information under ■ headings is content even at the end.
        (
            "本文です。\n\n■製品名：ABC-100シリーズ\n■価格：9800円\n■出荷：4月下旬\n",
            (),
            ("ABC-100シリーズ", "4月下旬"),
        ),
        # A blog teaser: title, excerpt, `by：` credit, `…続きを読む`.
        (
            "本文です。\n\n…続きを読む\n\n■新しい脅威の報告\nある研究所が新種のウイルスを見つけた…\n"
            "サンプル株式会社　by： 山田 太郎 （2012年3月6日）\n…続きを読む\n",
            ("新種のウイルス", "山田 太郎", "続きを読む"),
            ("本文です。",),
        ),
        # A magazine issue's promotion and its URL.
        (
            "本文です。\n\n◆映像雑誌2012年2月号\nhttp://example.com/backnumber/1.html\n\n続きの本文です。\n",
            ("映像雑誌", "backnumber"),
            ("続きの本文です。",),
        ),
        # Column byline with fullwidth ＠［］ and its standing blurb; credit lines.
        (
            "本文です。\n\n山田太郎＠yamada［digi（デジ）］\n\nこの連載はデジタルの話題を届けます。\n",
            ("yamada", "この連載"),
            ("本文です。",),
        ),
        (
            "本文です。\n\n編集部：山田太郎（サンプル社）\n制作編集：サンプル社\nCopyright 2012 x.\n",
            ("編集部", "制作編集"),
            ("本文です。",),
        ),
        # `編集／<software>` says which tool edited a video: content.
        ("撮影／ビデオカメラX1\n編集／動画編集ソフト5\n\n本文です。\n", (), ("動画編集ソフト5",)),
        # A bracketed word wrapped from a spec row is no byline: the rows after it stay content.
        (
            "本文です。\n\nCPU OMAP4460 1.5GHz\n(デュアルコア) \n連続通話時間 約480分\n",
            (),
            ("(デュアルコア)", "約480分"),
        ),
        # An author's profile: name with its romanisation, then a bio.
        (
            "本文です。\n\n山田　花子　（Hanako Yamada）\n東京在住の映像作家。\nホームページ\n",
            ("Hanako", "映像作家"),
            ("本文です。",),
        ),
    ],
)
def test_column_boilerplate_is_zoned_and_information_is_kept(body: str, boiler: tuple[str, ...], kept: tuple[str, ...]) -> None:
    text = _article(body)
    content = _content(text)
    for b in boiler:
        assert b not in content
    for k in kept:
        assert k in content


def test_article_title_lines_are_links_with_their_bulleted_neighbours() -> None:
    text = _article(
        "新機種をまとめた。\n\n■スマホA\n・メーカー、新スマホ「スマホA」を発表！防水やワンセグに対応\n"
        "・防水のスマホ「スマホA」を写真と動画でチェック【レポート】\n\n"
        "■主な特長\n●自撮りが簡単にできる - 回転式液晶モニター\n●長時間のバッテリー\n\n"
        "■場所：サンプルホール（東京都港区1-2-3）【MAP】\n\n"
        "詳しくは公式サイト。\n・よくある質問 | サンプル通信\n"
    )
    content = _content(text)
    assert "■スマホA" in content and "新機種をまとめた。" in content
    assert "「スマホA」を発表" not in content and "【レポート】" not in content
    assert "回転式液晶モニター" in content and "長時間のバッテリー" in content
    assert "サンプルホール" in content
    assert "よくある質問" not in content


def test_the_combined_line_rule_finds_every_line_some_rule_finds() -> None:
    """``any_start`` only skips the per-rule searches: it must match every line one of the rules matches."""
    from pipeline.corpus import _rules

    rules = _rules()
    patterns = [r[1] for r in (*rules.tail_starts, *rules.block_starts, *rules.paragraph_lines)]
    root = Path(__file__).resolve().parent.parent / "corpus" / "livedoor" / "kaden-channel"
    lines = [line for path in sorted(root.glob("*-*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]
    ruled = [any(p.search(line) for p in patterns) for line in lines]
    assert any(ruled), "the corpus has boilerplate lines"
    assert [rules.any_start.found_in(line) for line in lines] == ruled


@given(st.text(alphabet="ab \r\n", max_size=40))
def test_lines_cover_the_text_whatever_ends_them(text: str) -> None:
    """Each line is its text's slice, and the lines with their breaks rebuild the text (but a last break)."""
    lines = split_lines(text)
    assert all(text[line.start : line.end] == line.text and not set(line.text) & {"\r", "\n"} for line in lines)
    breaks = [text[a.end : b.start] for a, b in zip(lines, lines[1:])]
    assert all(b in ("\n", "\r", "\r\n") for b in breaks)
    assert lines[0].start == 0 and text[lines[-1].end :] in ("", "\n", "\r", "\r\n")
