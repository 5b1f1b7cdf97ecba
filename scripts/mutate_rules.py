"""Remove each reading/reasoning rule in turn and check that its tests fail.

    python scripts/mutate_rules.py [WORDS]     (only the rules whose name contains WORDS)

A rule whose removal leaves tests/test_readings.py and tests/test_reason.py green is a rule
nothing checks: the script exits 1 and names it."""

from __future__ import annotations

import subprocess
import sys

MUTATIONS = {
    "fused negators (不得, 不予…)": "import ingest.readings as m; m.GOVERNED = frozenset()",
    "subject-excluding verbs (不纳入, 不在…之列)": "import ingest.readings as m, re; m.SUBJECT_NEGATING = re.compile('(?!x)x')",
    "list continued across commas (及/以及)": "import ingest.readings as m, re; m.CONTINUES_LIST = re.compile('(?!x)x')",
    "penalised conduct": "import ingest.readings as m; m.sanctioned = lambda *a, **k: []",
    "除…外 exceptions": "import ingest.readings as m; m.exception_span = lambda *a, **k: None",
    "conditions 若…的": "import ingest.readings as m; m.condition_span = lambda *a, **k: None",
    "a restrictive 对…的 clause is a condition": "import ingest.readings as m, re; m._RESTRICTED = re.compile(r'(?!)')",
    "a possessor is not a condition": "import ingest.readings as m, re; m._POSSESSOR = re.compile(r'(?!)')",
    "penalised conduct is not a condition": "import ingest.readings as m; f = m.condition_span; m.sanctioned = lambda *a, **k: []",
    "concession 虽…但": "import ingest.readings as m; m.concession = lambda *a, **k: None",
    "limit operators after the number (以上/以下)": "import ingest.readings as m; m.OP_AFTER.clear()",
    "limit operators before the number (不超过)": "import ingest.readings as m; m.OP_BEFORE.clear()",
    "list lead-ins": "import ingest.readings as m; m.lead_kind = lambda lead: ''",
    "classification families": "import assistant.reason as m; m._family_stance = lambda *a, **k: None",
    "a classification value is demanded by predication": "import assistant.reason as m; m._predicated = lambda text, word: True",
    "stated numbers vs limits": "import assistant.reason as m; m._limit_stance = lambda *a, **k: None",
    "stated conditions": "import assistant.reason as m; m._stated = lambda *a, **k: False",
    "only-rules by a negated catch-all (其他用途)": "import assistant.reason as m; m._catch_all = lambda *a, **k: None",
    "stated facts checked against the sentence": "import assistant.reason as m; m._stated_facts = lambda *a, **k: (None, None)",
    "relational limits (不得超过原贷款额度)": "import assistant.reason as m; m._relational = lambda *a, **k: None",
    "a failed condition decides for its document": "import assistant.reason as m; m._fails_a_condition = lambda st: False",
    "a modal governs its own clause": "import assistant.reason as m; m._part_at = lambda text, k: text",
    "words guessed across a modal": "import assistant.question as m; m.glued_modal = lambda t: False",
    "credit grades as values": "import ingest.readings as m; m.grade_limits = lambda *a, **k: []",
    "以外 excepts what stands before it": "import ingest.readings as m, re; m._OUTSIDE = re.compile('(?!x)x')",
    "obligations checked against stated facts": "import assistant.reason as m; m._stated_facts = (lambda f: lambda q, r, *a: (None, None) if r.kind == 'obligation' else f(q, r, *a))(m._stated_facts)",
    "a modal runs over a chain of verb phrases": "import assistant.reason as m; m._governing_modal = lambda form, k: 'obligation' if m.OBLIGATION.search(m._part_at(form, k)) else 'permission' if m.PERMISSION.search(m._part_at(form, k)) else None",
    "a new subject ends a modal's chain": "import assistant.reason as m; m._opens_with_subject = lambda part: False",
    "a phrase's word under another noun is another kind": "import assistant.reason as m; m._other_modifier = lambda *a: False",
    "a verb before a phrase's word makes no other kind": "import assistant.reason as m; m._other_modifier = lambda *a: True",
    "不 after a modal negates the skipped act": "import ingest.readings as m; m._skipped_act = lambda text, start, end, parts, spans: spans",
    "a topic before the modal is the skipped act's object": "import ingest.readings as m; m._object_first = lambda topic, rest: False",
    "a topic is no object when the act has its own": "import ingest.readings as m; m._object_first = lambda topic, rest: m._has_content(topic)",
    "a word beginning with 不 is no skip": "import ingest.readings as m; m._own_word = lambda w: False",
    "a manner phrase is no object": "import ingest.readings as m, re; m._MANNER = re.compile('(?!x)x')",
    "a stated bound is a range (不到5%)": "import assistant.reason as m; m._admits = lambda lim, stated: lim.admits(stated.value)",
    "a question keeps its stated bounds": "import assistant.question as m; m._BOUNDS = frozenset()",
    "a value against the original's (相同或稍长, 不得超过原…)": "import assistant.reason as m; m._compared = lambda *a: None",
    "a compared value is the rule's subject": "import assistant.reason as m; m._compared_subject = lambda q, before, at, found, anchors: next((mm for c, _w, _h in found for mm in c.members), None)",
    "idle words the corpus lacks": "import assistant.question as m; m._IDLE_TAGS = frozenset()",
    "acts timed by an event (到期前/后)": "import assistant.reason as m; m._timing = lambda *a: None",
    "an event word is the asking clause's frame": "import assistant.question as m, re; m.EVENT = re.compile('(?!x)x')",
    "an exclusion of two joined facts": "import assistant.reason as m; m._unsettled_conjunct = lambda *a: None",
    "naming the excluded kinds of a class is about the whole class": "import assistant.reason as m; m._as_whole = lambda strength, w, d: strength",
    "an English auxiliary opening a later sentence asks yes/no": "import assistant.question as m, re; m._EN_YESNO = re.compile(r'(^|[,;:]\\s*)(can|may|is|are|does|do|should|must|could|will|would|shall|has|have)\\b', re.I)",
    "an English compound is the corpus word its parts make": "import assistant.question as m; m.Question.english_compounds = lambda self, known: self",
    "parallel negations do not negate each other": "import assistant.question as m; m._parallel = lambda *a: False",
    "an unmapped common English word is idle": "import assistant.question as m; m._common_english = lambda *a: False",
    "an inflected English word is looked up by its base form": "import ingest.tokenize as m; m.english_stem = lambda w: w",
    "an amount after a lending verb is a loan's amount": "import assistant.reason as m; m._lent = lambda *a: set()",
    "a requirement failed one way is open another way": "import assistant.reason as m; m._open_alternative = lambda *a: None",
    "a conjunct outside the alternatives is required whatever": "import assistant.reason as m, re; m._AND = re.compile('(?!x)x')",
    "limits told apart by whose loan leave a figure between them open": "import assistant.reason as m; m._unit_of_subject = lambda tied: False",
    "a pilot permission is not a general yes": "import assistant.reason as m, re; m.DISCRETION = re.compile(r'酌情|视(实际|具体)?情况')",
    "a pilot reaches only its own part and those after it": "import assistant.reason as m; m._left_to_discretion = lambda text, k: m.DISCRETION.search(text) is not None",
    "a passive's agent is no modifier": "import assistant.question as m; m._agent = lambda *a: False",
    "asking whether a story meets the conditions is about the story": "import assistant.question as m, re; m.ELIGIBLE = re.compile('(?!x)x')",
    "asking about one item keeps it the topic": "import assistant.question as m, re; m._ONE_ITEM = re.compile('(?!x)x')",
    "a lead time the rule requires against the one stated": "import assistant.reason as m; m._lead_time_stance = lambda *a: None",
    "a calendar date is no duration": "import ingest.readings as m; m._calendar_date = lambda *a: False",
    "a wh-word before 也/都 asks nothing": "import assistant.question as m, re; m._INDEFINITE = re.compile('(?!x)x')",
    "a condition in the consequence's words is not stated by asking the consequence": "import assistant.reason as m; f = m._stated; m._stated = lambda q, c, r='': f(q, c)",
    "English negation": "import assistant.question as m; m._english_negated = lambda norm: ()",
    "an English preposition's negation ends with its object": "import assistant.question as m, re; m._EN_PREP_NOT = re.compile('(?!x)x')",
    "units that convert roughly leave a close lead time open": "import assistant.reason as m; m._DAYS = {k: ((a + b) / 2, (a + b) / 2) for k, (a, b) in m._DAYS.items()}",
    "meeting a limit linked by the lending verb alone settles nothing else": "import assistant.reason as m; f = m._limit_pairs; m._limit_pairs = lambda q, r, u=None, w=None: f(q, r, u, None)",
    "a limit in a refusal's condition is the disqualifying state": "import assistant.reason as m; m._refused_if = lambda *a: False",
    "a lead time before the event measures the time left to it": "import assistant.reason as m; f = m._lead_before_event; m._lead_before_event = lambda q, n: n.op == 'before' and n.unit in m._DAYS",
    "a stated condition's story words count as held": "import assistant.reason as m; m._condition_share = lambda *a: 0.0",
    "a figure names nothing a rule is about": "import assistant.question as m, re; m._FIGURE = re.compile('(?!x)x')",
    "a bare figure is of the measure the question names": "import assistant.reason as m; m._bare_figure_of = lambda q: frozenset()",
    "an event or 符合条件 alone in the asking clause names nothing specific": "import assistant.question as m; m._specific = lambda c, asking: not any(x in m.RENEWAL for x in c.members)",
    "modal adverbs and spoken bounds name nothing": "import assistant.question as m; m.GENERIC = m.GENERIC - {'一定', '务必', '非得', '非要', '不到', '没到', '达不到'}",
    "a word two joined facts share states neither": "import assistant.reason as m; f = m._telling_words; m._telling_words = lambda part, other: f(part, '')",
    "a rule stated before its term's definition": "import ingest.readings as m; m._rule_first = lambda *a: False",
    "rates computed from two stated amounts": "import assistant.reason as m; m._ratio_stance = lambda *a: None",
    "meeting one condition settles nothing": "import assistant.reason as m; m._one_of_many_conditions = lambda q, r: False",
    "look-back windows against dated facts": "import assistant.reason as m; m._window = lambda *a: None",
    "limits left blank": "import assistant.reason as m; m._blank_limit = lambda *a: None",
    "a phrase's first word names its kind": "import assistant.question as m; m.Question.phrases = property(lambda self: ())",
    "a verb and its object are no phrase": "import assistant.reason as m; m._modifies = lambda *a: True",
    "a negated limit widens a list (不限于)": "import ingest.readings as m, re; m.WIDENING = re.compile('(?!x)x')",
    "asking to skip what a stated condition obliges": "import assistant.reason as m; m._negates_any = lambda *a: False",
    "a failed stated fact outweighs a met condition": "import assistant.reason as m; m._stated_fact_failed = lambda st: False",
    "a stated fact outside a document's own scope": "import assistant.reason as m; m.out_of_scope = lambda *a: None",
    "minimum strength": "import assistant.reason as m; m.MIN_STRENGTH = 0.0",
    "question kind by grammar (V不V)": "import assistant.question as m, re; m._A_NOT_A = re.compile('(?!x)x')",
    "the halves of V不V name nothing": "import assistant.question as m; m.in_a_not_a = lambda t, n: False",
    "modality": "import assistant.question as m, re; m._NECESSITY = re.compile('(?!x)x')",
    "documents named by short forms": "import assistant.docnames as m; m.SHORTEN = ()",
    "a light verb before the renewal act names nothing": "import assistant.question as m; m.light_verb = lambda *a: False",
    "a field and an activity name the field": "import assistant.reason as m; m._activity_head = lambda *a: False",
    "…only when the phrase is used as a noun": "import assistant.reason as m; m._activity_head = (lambda f: lambda q, a, b: q.tags.get(a.members[0], '').startswith(m._NOMINAL) and q.tags.get(b.members[0], '') in ('v', 'vn'))(m._activity_head)",
    "an event word decides only by timing": "import assistant.reason as m, re; m.EVENT = re.compile('(?!x)x')",
    "a modal does not oblige a modifier of the noun before it": "import assistant.reason as m; m._modifies_subject = lambda *a: False",
    "a modal before 一样/不同 asks a yes/no": "import assistant.question as m; m._may_differ = lambda norm: False",
    "…unless the documents' rules are compared": "import assistant.question as m, re; m._RULES_COMPARED = re.compile('(?!x)x')",
    "a count counts what follows it": "import assistant.reason as m; m._counted = lambda *a: set()",
    "续 alone counts renewals": "import assistant.reason as m; m._counts_renewals = lambda *a: False",
    "generic words link no number to a limit": "import assistant.reason as m; m.GENERIC = frozenset()",
    "等额/减额 relate the new amount to the original": "import assistant.reason as m, re; m._TURNOVER = re.compile('(?!x)x')",
    "…not 等额本息": "import assistant.reason as m, re; m._TURNOVER = re.compile('(等额|减额)')",
    "吧？ asks for confirmation": "import assistant.question as m, re; m._FINAL_MA = re.compile(m._FINAL_MA.pattern.replace('|吧\\s*[？?]', ''))",
    "必要 asks for a necessity": "import assistant.question as m, re; m._NECESSITY = re.compile(m._NECESSITY.pattern.replace('|必要', ''), re.I)",
    "a refusal negates what follows (不肯)": "import ingest.readings as m; m.GOVERNED = m.GOVERNED - {'肯', '愿', '愿意'}",
    "discretion (酌情) is a 视情况而定": "import assistant.reason as m, re; m.DISCRETION = re.compile('(?!x)x')",
    "a stated condition is judged by its telling words": "import assistant.reason as m; m._SAYS_NOTHING = frozenset()",
    "a story's unknown details do not dilute its fact": "import assistant.reason as m; m._unknown = lambda w: False",
    "还是 offers an alternative, not the question": "import assistant.question as m, re; m._ALTERNATIVE = re.compile('(?!x)x')",
    "吗，还是 is a yes/no": "import assistant.question as m, re; m._FINAL_MA = re.compile(m._FINAL_MA.pattern.replace('|[吗么][，,]\\s*还是', ''))",
    "kinds of the asked thing on both sides": "import assistant.reason as m; m._kinds_on_both_sides = lambda *a: None",
    "the clause that asks by grammar starts the focus": "import assistant.question as m; f = m._asks_by_grammar; m._asks_by_grammar = lambda piece: f(piece) or '?' in piece or '？' in piece",
    "excluding verbs negate only in rules": "import ingest.readings as m; f = m.negation_scope; m.negation_scope = lambda text, start=0, end=None, rule=True: f(text, start, end, True); import assistant.question as q; q.negation_scope = m.negation_scope",
    "the mention with the other asked words decides": "import assistant.reason as m; m._with_the_others = lambda text, term, pos, others: pos",
    "次 and 期 are one count": "import assistant.reason as m; m._same_unit = lambda a, b: a == b",
    "a negated kind of count sets its limit aside": "import assistant.reason as m; m._kind_denied = lambda *a: False",
    "a rule's count counts what follows it": "import assistant.reason as m; m._rule_counted = lambda *a: set()",
    "a number's quantity stops at the number before it": "import ingest.readings as m; m._after_previous = lambda text, found, ps, k: ps",
    "only a count of renewals is advanced": "import assistant.question as m; m._renews = lambda before: True",
    "a rule on uses frames a question on a use": "import assistant.reason as m, re; m._USES = re.compile('(?!x)x')",
    "split use verbs (留…发, 拿…去)": "import assistant.reason as m, re; m._USE_VERB = re.compile(r'用于|用来|用在|拿去|拿来|买|购|投到|投入|花在|付')",
    "the money is what is used": "import assistant.reason as m, re; m._MONEY_USED = re.compile('')",
    "a class named without its 类": "import assistant.reason as m; f = m._family_sibling; m._family_sibling = lambda reading, term: f(reading, term) if term.endswith('类') or len(term) > 3 else None",
    "a pivot verb makes no field and activity": "import assistant.reason as m; m._ENGAGE = type('Any', (), {'__contains__': lambda s, x: True})()",
    "the question's verb after the modal keeps the obligation": "import assistant.reason as m; f = m._modifies_subject; m._modifies_subject = lambda form, k, term, others=(): f(form, k, term)",
    "limits that pair equally are told apart by the words the question says of one": "import assistant.reason as m; m._own_words = lambda lim, tied: set()",
    "the act counted comes back after 再/还": "import assistant.question as m; m._renews = lambda before, after: '续' in before and any(w in after for w in '再还又')",
    "还是 is an alternative only after a question": "import assistant.question as m, re; m._ASKED_BEFORE = re.compile('')",
    "rules compared are named by words": "import assistant.question as m; f = m._may_differ; m._may_differ = lambda norm: f(norm) and not any(ch in norm for ch in '同各')",
    "必要 asks only as 有/没必要": "import assistant.question as m, re; m._NECESSITY = re.compile(m._NECESSITY.pattern.replace('(有|没|没有|无)必要|必要吗', '必要'), re.I)",
    "a clear exclusion item is one condition met": "import assistant.reason as m; m._one_of_many_conditions = lambda q, r: r.lead == 'requirement' and q.topic != q.focus",
    "a condition's rule holding an asked word in part is about another thing": "import assistant.reason as m; m._holds_in_part = lambda *a: False",
    "a verb and object split by a measure are one word": "import assistant.question as m; m.Question.rejoined = lambda self, known: self",
    "a failed stated fact decides however small its share": "import assistant.reason as m; f = m.best_stance; m.best_stance = lambda sts: None if not sts else max(sts, key=lambda s: (m._fails_a_condition(s) and s.strength >= m.MIN_STRENGTH, round(s.strength, 2), not s.partial, m.KIND_PRIORITY.get(s.reading.kind, 0)))",
    "回 is the spoken 次": "import ingest.readings as m; m.UNIT_CANON.pop('回')",
    "贷款 links a loan amount to a loan-amount limit": "import assistant.reason as m; m._AMOUNT_UNITS = frozenset()",
    "weaker than the original where the original is the floor": "import assistant.reason as m; m._weaker_than_floor = lambda *a: None",
    "a negation ends with its sentence": "import ingest.readings as m, re; m._PART = re.compile('[^，,：:]+')",
    "a causative 使 names an outcome, not a present state": "import assistant.reason as m, ingest.readings as r, re; m.caused_spans = lambda *a, **k: []; r._CAUSATIVE = re.compile('(?!x)x')",
    "a denial of the original party leaves a new party's alternative open": "import assistant.reason as m, re; m._PRIOR = re.compile('(?!x)x')",
}

TESTS = ["tests/test_readings.py", "tests/test_reason.py", "tests/test_glossary.py"]


def main() -> int:
    survivors = []
    only = " ".join(sys.argv[1:])
    for name, patch in MUTATIONS.items():
        if only not in name:
            continue
        code = f"{patch}\nimport sys, pytest\nsys.exit(pytest.main(['-q', '-x', '-p', 'no:cacheprovider', *{TESTS!r}]))"
        rc = subprocess.run([sys.executable, "-c", code], capture_output=True).returncode
        print(f"{'caught ' if rc else 'MISSED '} {name}")
        if not rc:
            survivors.append(name)
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
