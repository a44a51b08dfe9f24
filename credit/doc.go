// Package credit models the credit side of the business environment: the
// unified social credit code, credit grades and red and black lists,
// credit records and their repair, graded supervision, verifiable
// double-random draws, and credit-linked acceptance.
//
// ParseUSCC checks a unified social credit code (统一社会信用代码, GB
// 32100-2015) completely — alphabet, registration authority and
// organisation type, division code, the embedded GB 11714 organisation
// code check and the 18th check character — and says which rule failed
// and where; NormalizeUSCC is the lenient path for codes typed by people.
//
// Rules change, and the package keeps each with its source and period of
// validity: TaxGrade grades under the tax credit rules of the evaluation year
// (公告2014年第40号, 2018年第8号, 2025年第12号); PublicityOn and RepairRulesOn
// give the publicity periods and repair conditions in force on a decision
// date (令2023年第58号 to 2026-03-31, 令第36号 from 2026-04-01); RepairLimitsOn
// the time limits of 国办发〔2025〕22号. What bizenv could not confirm against a
// text is said in the rule set (Unconfirmed), and values no rule sets are
// marked as bizenv defaults for the caller to set.
//
// Records carry a severity (轻微, 一般, 严重) and a publicity period; Repair
// times an application on the working-day clock. A Policy sets spot-check
// ratios by grade and risk, with red-list non-disturbance except in key
// fields. Draw runs 双随机 — entities per the policy, inspectors free of
// conflicts — deterministically from a published seed, and Verify lets anyone
// re-run it from the record and detect a change to any field of it. Every
// count that sizes memory is bounded, and every decoder reads strictly.
package credit
