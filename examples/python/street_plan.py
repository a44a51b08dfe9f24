#!/usr/bin/env python3
"""Build a street office's plan in bizenv's JSON, using only the published
JSON Schema (schemas/plan.schema.json) and Python's standard library plus
jsonschema (Debian: python3-jsonschema): give it the deterministic IDs of
bizenv's recipe, validate it, and print it.

    python3 examples/python/street_plan.py > street.json
    go run ./cmd/bizenv check street.json
    python3 examples/python/street_plan.py --assign < plan.json   # any plan, given the IDs it lacks

The IDs are those plan.Plan.AssignIDs gives in Go (the recipe is documented
in plan/ids.go and in the README); examples/python's Go test runs this
program and compares them.
"""

import json
import os
import sys
import uuid

import jsonschema

# The namespace of bizenv's deterministic IDs (plan.Namespace()).
NAMESPACE = uuid.UUID("7a1d8e54-2c1f-5b7e-9a43-6f0d3c2b8e11")

# The characters Go's strings.TrimSpace removes (Unicode White_Space).
WHITE_SPACE = "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"


def fold(s):
    """Step 1: full-width ASCII to ASCII, the ideographic space to a space,
    then surrounding white space trimmed."""
    out = []
    for ch in s:
        c = ord(ch)
        if 0xFF01 <= c <= 0xFF5E:
            ch = chr(c - 0xFF01 + 0x21)
        elif c == 0x3000:
            ch = " "
        out.append(ch)
    return "".join(out).strip(WHITE_SPACE)


def plan_key(plan):
    """Step 2: the plan's key, by its 文号 or by title, issuer and date."""
    if plan.get("doc_number"):
        return "doc:" + fold(plan["doc_number"])
    return "title:%s|issuer:%s|issued:%s" % (fold(plan.get("title", "")), fold(plan.get("issuer", "")), plan.get("issued") or "")


def item_keys(plan):
    """Step 4: every task (delegated parts included) with its item key, in
    document order; a key met again gets ~2, ~3 …"""
    found = []

    def delegated(task, key):
        for d in task.get("delegated") or []:
            k = key + ">" + fold(d["number"])
            found.append((d, k))
            delegated(d, k)

    def walk(sections, prefix):
        for s in sections or []:
            sp = prefix + fold(s["number"]) + "/"
            for t in s.get("tasks") or []:
                k = sp + fold(t["number"])
                found.append((t, k))
                delegated(t, k)
            walk(s.get("sections"), sp)

    walk(plan.get("sections"), "")
    count = {}
    out = []
    for t, k in found:
        count[k] = count.get(k, 0) + 1
        out.append((t, k if count[k] == 1 else "%s~%d" % (k, count[k])))
    return out


NIL = "00000000-0000-0000-0000-000000000000"


def assign_ids(plan):
    """Steps 3 and 5: the plan's ID, and each task's that has none (absent,
    or the nil UUID, which Go writes for none)."""
    key = plan_key(plan)
    if plan.get("id") in (None, "", NIL):
        plan["id"] = str(uuid.uuid5(NAMESPACE, "plan#" + key))
    for task, item in item_keys(plan):
        if task.get("id") in (None, "", NIL):
            task["id"] = str(uuid.uuid5(NAMESPACE, key + "#" + item))


def lead(*units):
    return {"lead": list(units), "responsible": [], "supporting": [], "joint": False}


def street_plan():
    """兴盛街道's 2025 plan: no 文号 (as 铁西's 55条 has none), a full-width
    section number and a task delegated to two communities, so that the
    steps of the recipe are used (a number printed twice, which the recipe
    numbers ~2, is an error of the plan: duplicate_number)."""
    return {
        "schema_version": "1.1",
        "title": "兴盛街道2025年优化营商环境工作方案",
        "kind": "action_plan",
        "doc_number": "",
        "issuer": "兴盛街道办事处",
        "issued": "2025-03-01",
        "period": {"from": 2025, "to": 2025},
        "basis": [{"title": "鞍山市铁西区2025年优化营商环境55条"}],
        "phases": [],
        "sections": [
            {"number": "一", "title": "政务服务", "sections": [
                {"number": "（一）", "title": "帮办代办", "tasks": [
                    {"number": "1", "title": "设立帮办代办窗口", "responsibility": lead("兴盛街道党政综合办"),
                     "deadline": {"kind": "date", "date": "2025-06-30", "text": "2025年6月底前"},
                     "status": "in_progress",
                     "ledger": [
                         {"seq": 1, "kind": "report", "date": "2025-04-30", "unit": "兴盛街道党政综合办", "percent": "40", "narrative": "窗口已设立"},
                     ],
                     "delegated": [
                         {"number": "兴盛社区", "title": "社区帮办点", "responsibility": lead("兴盛社区"),
                          "deadline": {"kind": "date", "date": "2025-05-31"}, "status": "not_started", "ledger": []},
                         {"number": "繁荣社区", "title": "社区帮办点", "responsibility": lead("繁荣社区"),
                          "deadline": {"kind": "date", "date": "2025-05-31"}, "status": "not_started", "ledger": []},
                     ]},
                    {"number": "2", "title": "推行企业服务专员", "responsibility": lead("兴盛街道经济发展办"),
                     "deadline": {"kind": "monthly", "day": 15, "text": "每月15日前"}, "status": "not_started", "ledger": []},
                    {"number": "3", "title": "编制帮办事项清单", "responsibility": lead("兴盛街道经济发展办"),
                     "status": "not_started", "ledger": []},
                ]},
            ]},
        ],
        "columns": [],
        "safeguards": ["加强组织领导，明确专人负责。"],
        "indicator_systems": [],
    }


def main():
    if sys.argv[1:] == ["--assign"]:
        # Any plan on standard input, given the IDs it lacks.
        plan = json.load(sys.stdin)
        assign_ids(plan)
        json.dump(plan, sys.stdout, ensure_ascii=False)
        return
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "..", "schemas", "plan.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    plan = street_plan()
    assign_ids(plan)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(plan), key=lambda e: list(e.absolute_path))
    for e in errors:
        print("/" + "/".join(map(str, e.absolute_path)) + ": " + e.message, file=sys.stderr)
    if errors:
        sys.exit(1)
    json.dump(plan, sys.stdout, ensure_ascii=False, indent=2)
    print()


if __name__ == "__main__":
    main()
