// Package docimport reads the text of an issued plan document (通知 + 方案,
// as published) into a plan.Plan, with findings for what it could not read
// with confidence.
//
// It recognises:
//
//   - the header: document number (辽政办发〔2022〕14号), issuer and date of
//     issue, the title (or the title inside 关于印发《…》的通知), and the
//     basis the preamble names in 《》;
//   - numbering levels 一、 / （一） / 1. or 1、 / （1）, with full- and
//     half-width punctuation, list markers (- > •) and no-break spaces;
//   - sections of text (指导思想, 基本原则, 工作目标, 总体要求 …), sections of
//     tasks, and the safeguards section (保障措施, 保障机制, 组织保障), whose
//     items are kept as text, not tasks;
//   - task items and their responsibility in the styles plans use:
//     "(牵头单位:区数据局)" and "(区住建局、区数据局按职责分工负责)" at the end of
//     the item; separate 牵头单位：/责任单位：/牵头部门：/责任部门： lines, several
//     leads, unit lists broken across lines, units with parentheses
//     (区财政局(金融发展局)) and group phrases (区税务局等区直相关部门);
//   - items written as unnumbered paragraphs "标题。正文" when a document has
//     no numbered items (the province action plan);
//   - dated targets (2022年底前, 到2022年7月底, 2025年年底前, 2023年6月30日前,
//     2022年上半年, "到2025年，", 每月15日前, and 年底前 in a one-year plan) as the deadline
//     (the latest) and milestones, with quantitative targets (压缩至1个环节，1个
//     工作日以内办结; 办结率达到90%以上);
//   - columns (专栏N), flagship projects (亮点工程一：, or the (一) items of
//     a column), and tab-separated indicator tables: a blank cell continues
//     the row above, targets and 约束性/预期性 attributes are read, and a
//     count the text declares (共包含 4 个一级指标，…) is kept for the plan's
//     checks;
//   - the phases of a programme (近期（到2021年末）…).
//
// What it cannot read with confidence is a Finding with the line number
// (see the table on Finding), never dropped silently. Input that is not a
// document's text is an error: empty, binary, not UTF-8 (GBK is detected
// and named, with the command that converts it), or larger than
// Options.MaxBytes.
//
// IDs are deterministic: the plan's is a UUID v5 of its document number
// (or, without one, its title), and each task's is task.NewID of the same
// key and the task's number, or its section path where numbers repeat.
// Importing the same text twice gives the same IDs.
//
// An import is a draft for a person to check: the plans in examples/data
// were imported with this package (bizenv import), reviewed against the
// text, and carry the review in plan.Source.
package docimport
