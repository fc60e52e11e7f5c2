"""Build the gold JSONL files from the per-article label files.

Labels are written one pretty-printed JSON file per article under
``corpus/gold/src/<part>/`` (with the labeller's ``notes``); the evaluator
reads ``corpus/gold/<part>.jsonl``, one document per line, sorted by doc_id.
A second, independent labelling of gold articles (``src/agree<round>/``) is
written to ``corpus/gold/agreement/``, out of the way of ``eval corpus/gold``:
it measures how reproducible the labels are, not the pipeline.
"""
from __future__ import annotations

import json
from pathlib import Path

GOLD = Path(__file__).resolve().parent.parent / "corpus" / "gold"


def build(part: str, out: Path | None = None) -> int:
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((GOLD / "src" / part).glob("*.json"))]
    out = out or GOLD / f"{part}.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        for doc in sorted(docs, key=lambda d: d["doc_id"]):
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return len(docs)


if __name__ == "__main__":
    for part in ("dev", "test"):
        print(part, build(part))
    for src in sorted((GOLD / "src").glob("agree*")):
        print(src.name, build(src.name, GOLD / "agreement" / f"{src.name}.jsonl"))
