"""Hostile and messy input: every encoding decoded the same, broken files reported by name, limits
enforced, nothing crashes, every offset valid, and the same bytes out on every run."""
from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from pipeline.batch import OUTPUT_FILES
from pipeline.corpus import CorpusError, Limits, decode, read_article
from pipeline.tokenizer import original_text

ROOT = Path(__file__).resolve().parent.parent
# An article whose text survives a round trip through CP932 and EUC-JP unchanged.
ARTICLE = ROOT / "corpus" / "livedoor" / "it-life-hack" / "it-life-hack-6390865.txt"
TEXT = ARTICLE.read_text(encoding="utf-8")

# The same article, re-encoded: each must give the same extraction as the original.
ENCODED = {
    "utf8.txt": ("utf-8", TEXT.encode("utf-8")),
    "utf8-bom.txt": ("utf-8-sig", codecs.BOM_UTF8 + TEXT.encode("utf-8")),
    "utf16-bom.txt": ("utf-16", TEXT.encode("utf-16")),
    "utf16le.txt": ("utf-16-le", TEXT.encode("utf-16-le")),
    "utf16be.txt": ("utf-16-be", TEXT.encode("utf-16-be")),
    "cp932.txt": ("cp932", TEXT.encode("cp932")),
    "eucjp.txt": ("euc_jp", TEXT.encode("euc_jp")),
    "名前 と 空白.txt": ("utf-8", TEXT.encode("utf-8")),
    "..txt": ("utf-8", TEXT.encode("utf-8")),
}
# Inputs that must give a per-document error naming the file, and what the error says.
BROKEN = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (" \r\n\t\u3000\n".encode(), "empty file"),
    "blank-utf16.txt": ("  \n".encode("utf-16"), "empty file"),
    "png.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "not text"),
    "controls.txt": (("発売" + "\x01\x02\x1b" * 20).encode(), "not text"),
    "too-big.txt": (TEXT.encode() * 40, "over the limit of 100,000 (--max-bytes)"),
    "long-line.txt": (("新製品を発表した。" * 3500).encode(), "over the limit of 30,000 (--max-line-chars)"),
}
LIMITS = ["--max-bytes", "100000", "--max-line-chars", "30000"]


def _write(folder: Path) -> Path:
    for name, (_, data) in ENCODED.items():
        (folder / name).write_bytes(data)
    for name, (data, _) in BROKEN.items():
        (folder / name).write_bytes(data)
    (folder / "crlf.txt").write_bytes(TEXT.replace("\n", "\r\n").encode())
    (folder / "cr.txt").write_bytes(TEXT.replace("\n", "\r").encode())
    (folder / "script.txt").write_bytes(TEXT.replace("発売", "<script>alert(1)</script>発売", 1).encode())
    (folder / "some-controls.txt").write_bytes(TEXT.replace("。", "。\x00\x07", 3).encode())
    (folder / "bad-utf8.txt").write_bytes(TEXT.encode()[:-3] + b"\xed\xa0\x80\xff")  # an encoded surrogate
    return folder


def _run(inputs: Path, output: Path, *flags: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    """``python -m pipeline run`` in a fresh interpreter (hash seed and all): the manifest."""
    subprocess.run(
        [sys.executable, "-m", "pipeline", "run", str(inputs), "-o", str(output), "--no-progress", *LIMITS, *flags],
        check=True, capture_output=True, env={**os.environ, **(env or {})}, timeout=300,
    )
    return json.loads((output / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def outputs(hostile: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    _run(hostile, out, env={"PYTHONHASHSEED": "1"})
    return out


@pytest.fixture(scope="module")
def manifest(outputs: Path) -> dict[str, dict[str, Any]]:
    data = json.loads((outputs / "manifest.json").read_text(encoding="utf-8"))
    return {Path(e["path"]).name: e for e in data["inputs"]}


@pytest.fixture(scope="module")
def predictions(outputs: Path) -> dict[str, dict[str, Any]]:
    with open(outputs / "predictions.jsonl", encoding="utf-8") as f:
        return {d["doc_id"]: d for d in map(json.loads, f)}


def test_every_input_is_accounted_for(hostile: Path, manifest: dict[str, dict[str, Any]]) -> None:
    assert sorted(manifest) == sorted(p.name for p in hostile.iterdir())


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_input_is_an_error_naming_the_file(name: str, manifest: dict[str, dict[str, Any]]) -> None:
    entry = manifest[name]
    assert entry["status"] == "error"
    assert name in entry["error"] and BROKEN[name][1] in entry["error"]


@pytest.mark.parametrize("name", sorted(ENCODED))
def test_the_detected_encoding_is_recorded(name: str, manifest: dict[str, dict[str, Any]]) -> None:
    assert manifest[name]["status"] == "ok"
    assert manifest[name]["encoding"] == ENCODED[name][0]


def _without_offsets(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_offsets(v) for k, v in value.items() if k not in {"doc_id", "spans"}}
    if isinstance(value, list):
        return [_without_offsets(v) for v in value]
    return value


@pytest.mark.parametrize("name", sorted(ENCODED))
def test_a_re_encoded_copy_gives_the_same_extraction(name: str, predictions: dict[str, dict[str, Any]]) -> None:
    original = predictions["utf8"]
    assert original["events"], "the article must have something to compare"
    copy = predictions[Path(name).stem]
    assert {k: v for k, v in copy.items() if k != "doc_id"} == {k: v for k, v in original.items() if k != "doc_id"}


@pytest.mark.parametrize("name", ["crlf", "cr", "some-controls"])
def test_other_line_ends_and_stray_controls_give_the_same_extraction(
    name: str, predictions: dict[str, dict[str, Any]]
) -> None:
    assert _without_offsets(predictions[name]) == _without_offsets(predictions["utf8"])


def test_a_stray_byte_sequence_gives_a_result(manifest: dict[str, dict[str, Any]]) -> None:
    """Invalid UTF-8 at the end falls back to a legacy decoding of the whole file, never a crash."""
    assert manifest["bad-utf8.txt"]["status"] in {"ok", "error"}
    assert "Error:" not in manifest["bad-utf8.txt"].get("error", "")  # a reader's message, not a traceback


def test_output_file_names_do_not_depend_on_input_names(outputs: Path) -> None:
    assert sorted(p.name for p in outputs.iterdir() if not p.name.startswith(".")) == sorted(OUTPUT_FILES)


def test_article_text_stays_data_in_the_outputs(predictions: dict[str, dict[str, Any]]) -> None:
    events = predictions["script"]["events"]
    assert any("<script>alert(1)</script>" in e["evidence"] for e in events)


def test_two_runs_give_the_same_bytes(hostile: Path, outputs: Path, tmp_path: Path) -> None:
    """Another interpreter with another hash seed, and two workers: byte-identical outputs."""
    _run(hostile, tmp_path, "--workers", "2", env={"PYTHONHASHSEED": "2"})
    for name in OUTPUT_FILES:
        first, second = (outputs / name).read_bytes(), (tmp_path / name).read_bytes()
        if name == "manifest.json":  # its "run" line holds timings, worker count and memory
            first, second = (b"".join(l for l in b.splitlines() if not l.startswith(b' "run": ')) for b in (first, second))
        assert first == second, name


def test_the_limits_are_checked_before_reading_and_apply_to_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("短い行\n" + "あ" * 50 + "\n", encoding="utf-8")
    assert read_article(path, limits=Limits(max_bytes=1000, max_line_chars=50)).text.endswith("あ\n")
    with pytest.raises(CorpusError, match=r"a\.txt: 161 bytes, over the limit of 100"):
        read_article(path, limits=Limits(max_bytes=100))
    with pytest.raises(CorpusError, match=r"a\.txt:2: line of 50 characters, over the limit of 49"):
        read_article(path, limits=Limits(max_line_chars=49))


def test_a_single_300k_character_line_is_processed(nlp: Language) -> None:
    text = "2012年4月1日に新製品「テストフォン」を発売した。" * 12_000
    text = text[:300_000]
    doc = nlp(text)
    assert len(original_text(doc)) == 300_000
    assert doc._.events and all(text[slice(*e["evidence_span"])] == e["evidence"] for e in doc._.events)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_decode_returns_text_or_a_clear_error(data: bytes) -> None:
    try:
        text, encoding = decode(data, "fuzz.txt")
    except CorpusError as e:
        assert str(e).startswith("fuzz.txt: ")
    else:
        assert text.strip() and encoding


# Text that looks like news and breaks things: Japanese, Latin, digits, brackets, bullets, dates,
# controls, NUL, odd white space and line ends.
_ALPHABET = st.sampled_from(
    list("新製品発売発表予定年月日第四半期末の・、。「」『』（）()【】■●※-:：〜～ \u3000\t\r\n\x00\x07\x1b\u2028")
    + list("あいうえおアイウエオiPhoneXperiaWindows0123456789０１２３")
    + ["2012年", "4月", "10日", "発売した", "発表する", "を搭載", "に対応", "コード名", "以下、", "\n・", "\n■"]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=120).map("".join))
def test_the_whole_pipeline_never_crashes_and_every_offset_is_valid(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert doc.text == text
    for key in ("dates", "products", "features"):
        for span in doc.spans.get(key, []):
            start, end = span._.offsets or (span.start_char, span.end_char)
            assert 0 <= start < end <= len(text)
    for flist in doc._.feature_lists or []:
        assert all(text[i["start"] : i["end"]] == i["text"] for i in flist["items"])
    for event in doc._.events or []:
        assert text[slice(*event["evidence_span"])] == event["evidence"]
        assert text[slice(*event["trigger_span"])] == event["trigger"]
