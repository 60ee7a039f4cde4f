// Test helper: runs the shipped runtime under Node on a batch of cases read
// from stdin (one JSON document) and prints the results as JSON.
// Modes: "evaluate" (answers -> result, values formatted in each language),
// "state" (URL fragments -> answers), "why" (the "Why this result" block's data), "multi" (several jobs in one process).
import { readFileSync } from "node:fs";
import { evaluate, parseState, formatValue, whyOf } from "../../wizard/js/wizard-v1.js";

function run(input) {
const out = [];
if (input.mode === "multi") {
  for (const job of input.jobs) out.push(run(job));
} else if (input.mode === "evaluate") {
  const data = input.data;
  for (const c of input.cases) {
    try {
      const r = evaluate(data, c.answers, data.facts, c.params);
      const formatted = {};
      for (const [lang, fmt] of Object.entries(input.formats || {})) {
        formatted[lang] = {};
        for (const v of r.outcome ? data.outcomes[r.outcome].values : []) formatted[lang][v.id] = formatValue(v.type, r.values[v.id], fmt);
      }
      out.push({ outcome: r.outcome, question: r.question, path: r.path, values: r.values, notes: r.notes, error: r.error,
        dead_end: r.dead_end, rule: r.rule, why: r.why, formatted });
    } catch (e) {
      out.push({ crash: String(e) });
    }
  }
} else if (input.mode === "why") {
  for (const c of input.cases) {
    const r = evaluate(input.data, c.answers, input.data.facts, c.params);
    out.push(whyOf(input.data, r, c.answers, c.params.today, input.base));
  }
} else if (input.mode === "state") {
  for (const text of input.cases) out.push(Object.assign({}, parseState(input.data, text)));
}
return out;
}
process.stdout.write(JSON.stringify(run(JSON.parse(readFileSync(0, "utf8")))));
