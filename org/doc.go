// Package org models the bodies plans hold responsible and the places they
// sit: administrative levels, regions by GB/T 2260 code (the whole
// country's table is embedded, from the National Bureau of Statistics'
// codes), units (bureaus, Party organs, courts, utilities, banks, zone
// offices, street offices) and the group phrases documents use for many
// units at once (区直相关部门, 各镇(街道), 各园区).
//
// A Directory resolves names as written: full-width forms, brackets and
// stray spaces are folded, aliases are known (区市场局 is 区市场监管局), lists
// are split (区税务局、区人社局等区直相关部门), and an unknown name is kept as
// written, with suggestions, never dropped. Names sort in Chinese (pinyin)
// order.
package org
