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
// Records carry a severity (轻微, 一般, 严重) and publicity periods from the
// current national rules; Repair times an application on the working-day
// clock. A Policy sets spot-check ratios by grade and risk, with red-list
// non-disturbance except in key fields. Draw runs 双随机 — entities per the
// policy, inspectors free of conflicts — deterministically from a
// published seed, and Verify lets anyone re-run it from the record and
// detect any tampering.
package credit
