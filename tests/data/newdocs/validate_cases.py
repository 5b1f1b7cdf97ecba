"""Check cases.jsonl against the clause trees of the three synthetic documents.

Usage: python validate_cases.py CORPUS_DIR TREE_FILE...
CORPUS_DIR holds <doc_id>.txt as written by `python -m ingest add`; each TREE_FILE is the
output of `python -m ingest clauses <doc_id>`. Clause texts are rebuilt from the corpus file
(article N -> aN, item (k) -> aN.ik; an article runs to the next article or chapter heading,
an item to the next item) and checked against the prefixes the tree prints.
"""
import json, re, sys
from pathlib import Path

CN = {"一":1,"二":2,"三":3,"四":4,"五":5,"六":6,"七":7,"八":8,"九":9,"十":10}
def cn2int(s):
    if s == "十": return 10
    if "十" in s:
        a, b = s.split("十")
        return (CN[a] if a else 1) * 10 + (CN[b] if b else 0)
    return CN[s]

ART = re.compile(r"^第([一二三四五六七八九十]+)条")
ITEM = re.compile(r"^（([一二三四五六七八九十]+)）")
CHAP = re.compile(r"^第[一二三四五六七八九十]+章")

def clauses(doc_id, path):
    body = path.read_text(encoding="utf-8").split("+++\n", 2)[2]
    out, art, item = {}, None, None
    for line in body.splitlines():
        line = line.strip()
        if not line: continue
        if CHAP.match(line): art = item = None; continue
        m = ART.match(line)
        if m:
            art = f"{doc_id}/a{cn2int(m.group(1))}"; item = None
            out[art] = line; continue
        if art is None: continue
        out[art] += " " + line
        m = ITEM.match(line)
        if m:
            item = f"{art}.i{cn2int(m.group(1))}"; out[item] = line
        elif item:
            out[item] += " " + line
    return out

def tree_refs(tree_path):
    refs = {}
    lines = Path(tree_path).read_text(encoding="utf-8").splitlines()
    doc_id = lines[0].split()[1]
    for ln in lines[1:]:
        m = re.match(r"\s+(第[一二三四五六七八九十]+条)(?:（([一二三四五六七八九十]+)）)?\s+\[[^\]]*\]\s+(.*)$", ln)
        if not m: continue
        cid = f"{doc_id}/a{cn2int(m.group(1)[1:-1])}" + (f".i{cn2int(m.group(2))}" if m.group(2) else "")
        refs[cid] = m.group(3).strip()
    return doc_id, refs

def main():
    corpus = Path(sys.argv[1]); errors = []
    texts, printed = {}, {}
    for t in sys.argv[2:]:
        doc_id, refs = tree_refs(t)
        printed.update(refs)
        texts.update(clauses(doc_id, corpus / f"{doc_id}.txt"))
    for cid, pre in printed.items():
        if cid not in texts: errors.append(f"tree clause {cid} not rebuilt")
        elif not texts[cid].startswith(pre): errors.append(f"prefix mismatch {cid}: {pre!r}")
    for cid in texts:
        if cid not in printed: errors.append(f"rebuilt clause {cid} not in tree")
    cases = [json.loads(l) for l in (Path(__file__).parent / "cases.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    ids = [c["id"] for c in cases]
    if len(ids) != len(set(ids)): errors.append("duplicate ids")
    keys = {"id","split","kind","question","verdict","gold","facts","docs","tags"}
    for c in cases:
        if set(c) != keys: errors.append(f"{c['id']}: keys {sorted(c)}")
        k, v = c["kind"], c["verdict"]
        if k not in {"yesno","fact","list","oos"}: errors.append(f"{c['id']}: kind {k}")
        if (k == "yesno") != (v in {"yes","no","depends"}) or (k != "yesno" and v is not None):
            errors.append(f"{c['id']}: verdict {v} for {k}")
        if k == "oos":
            if c["gold"] or c["facts"]: errors.append(f"{c['id']}: oos with gold/facts")
            continue
        if not c["gold"]: errors.append(f"{c['id']}: no gold")
        if len({g.split('/')[0] for g in c["gold"]}) != 1: errors.append(f"{c['id']}: gold spans documents")
        for g in c["gold"]:
            if g not in printed: errors.append(f"{c['id']}: gold {g} not in tree")
        if len(c["facts"]) > 3: errors.append(f"{c['id']}: >3 facts")
        for f in c["facts"]:
            if not any(f in texts.get(g, "") for g in c["gold"]):
                errors.append(f"{c['id']}: fact not verbatim in gold: {f}")
    from collections import Counter
    print("cases:", len(cases), dict(Counter(c["kind"] for c in cases)),
          "verdicts:", dict(Counter(c["verdict"] for c in cases if c["kind"] == "yesno")),
          "docs:", dict(Counter(c["gold"][0].split('/')[0] for c in cases if c["gold"])))
    print("clauses per doc (articles+items):", dict(Counter(k.split('/')[0] for k in printed)))
    print("\n".join(errors) or "OK")
    return 1 if errors else 0

if __name__ == "__main__":
    sys.exit(main())
