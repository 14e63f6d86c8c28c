#!/usr/bin/env python3
"""Seeds the fuzz corpora from the repository's own data (idempotent; run from anywhere).

- corpus/pack_source: every TOML file under rules/.
- corpus/condition: every condition written in rules/ (when, met_when, applies_when, show_when).
- corpus/profile_json: the example profiles of rules/*/examples.toml and
  tests/reports/profiles.jsonl, as JSON.
- corpus/share_link: the sample links pinned in tests/share.rs and src/share/, as text and, for
  the target's armored mode, as a 0x01 byte followed by the payload without its check bytes.
- corpus/handoff_file: the hand-off files under tests/fixtures/handoff/.
- corpus/compact_pack: splices for the target's mode that edits the Mexico pack's compact text.
"""
import base64
import hashlib
import json
import pathlib
import re
import tomllib

FUZZ = pathlib.Path(__file__).resolve().parent
ROOT = FUZZ.parent.parent
CONDITION_KEYS = {"when", "met_when", "applies_when", "show_when"}


def put(target, text):
    data = text.encode("utf-8") if isinstance(text, str) else text
    folder = FUZZ / "corpus" / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def conditions(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in CONDITION_KEYS and isinstance(value, str):
                yield value
            else:
                yield from conditions(value)
    elif isinstance(node, list):
        for value in node:
            yield from conditions(value)


counts = {"pack_source": 0, "condition": 0, "profile_json": 0, "share_link": 0}
for path in sorted((ROOT / "rules").glob("*/*.toml")):
    text = path.read_text(encoding="utf-8")
    put("pack_source", text)
    counts["pack_source"] += 1
    doc = tomllib.loads(text)
    for condition in conditions(doc):
        put("condition", condition)
        counts["condition"] += 1
    if path.name == "examples.toml":
        for case in doc.get("case", []):
            if "profile" in case:
                put("profile_json", json.dumps(case["profile"], ensure_ascii=False))
                counts["profile_json"] += 1
for line in (ROOT / "tests/reports/profiles.jsonl").read_text(encoding="utf-8").splitlines():
    if line.strip():
        put("profile_json", json.dumps(json.loads(line)["profile"], ensure_ascii=False))
        counts["profile_json"] += 1
links = set()
for path in [ROOT / "tests/share.rs", *sorted((ROOT / "src/share").glob("*.rs"))]:
    if path.exists():
        links.update(re.findall(r'"(p1\.[A-Za-z0-9_-]+)"', path.read_text(encoding="utf-8")))
for link in sorted(links):
    put("share_link", link)
    counts["share_link"] += 1
    body = link[3:]
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except ValueError:
        continue
    if len(raw) > 4:
        put("share_link", b"\x01" + raw[:-4])
        counts["share_link"] += 1
counts["handoff_file"] = 0
for path in sorted((ROOT / "tests/fixtures/handoff").glob("*.json")):
    put("handoff_file", path.read_text(encoding="utf-8"))
    counts["handoff_file"] += 1
# compact_pack splices its input into the Mexico pack's compact text: a mode byte (odd), where
# (two bytes, a fraction of the text), how much to cut, and what goes in instead.
counts["compact_pack"] = 0
for at in range(0, 65536, 4096):
    for insert in [b"", b"0,", b"1,", b"9999999999,", b"3:abc", b"1,0,"]:
        put("compact_pack", bytes([1]) + at.to_bytes(2, "little") + bytes([len(insert) + 1]) + insert)
        counts["compact_pack"] += 1
put("compact_pack", "umbral.pack-compact/2\n")
print("seeded: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
