package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/plan/docimport"
)

var importCmd = &command{
	name: "import", usage: "FILE [--format json] [--findings FINDINGS.json] [--title T] [--period 2022-2022] [--issuer U] [--doc-number N] [--issued DATE] [--source S]",
	summary: "把印发文件导入为计划（文本、Word .docx、Excel .xlsx，按内容识别，不看扩展名；旧版 .doc/.wps 与 PDF 会提示如何转换）：--format json 输出计划 JSON，发现的问题写到标准错误；有错误级问题时退出码为1 / " +
		"import an issued document as a plan (its text, a Word .docx or an Excel .xlsx, told apart by content, not by name; a legacy .doc/.wps or a PDF is refused with how to convert it): --format json prints the plan JSON, findings go to standard error; exit status 1 on an error finding",
	flags: func(fs *flag.FlagSet, o *options) {
		fs.StringVar(&o.title, "title", "", "标题（文本中没有时）/ the title, when the text has none")
		fs.StringVar(&o.period, "period", "", "规划期，如 2021-2025 / the period, e.g. 2021-2025")
		fs.StringVar(&o.issuer, "issuer", "", "印发单位 / the issuer")
		fs.StringVar(&o.docNumber, "doc-number", "", "文号，如 辽政办发〔2022〕14号 / the document number")
		fs.StringVar(&o.issued, "issued", "", "印发日期 / the date of issue")
		fs.StringVar(&o.source, "source", "", "来源（文件名或网址），记入计划的 source / where the text came from, kept in the plan's source")
		fs.StringVar(&o.findings, "findings", "", "把发现的问题以 JSON 数组写入此文件 / write the findings to this file as a JSON array")
		fs.Var(&o.db, "db", "把导入的计划存入此存储（SQLite 文件或 postgres:// 连接串；同一文件再导入不新增版本）；FILE 也可是计划 JSON / store the imported plan here (a SQLite file or a postgres:// URL; the same document again adds no version); FILE may also be a plan's JSON")
	},
	run: func(e *env, o *options, args []string) error {
		if err := wantArgs(args, 1, "FILE"); err != nil {
			return err
		}
		if o.format != "text" && o.format != "json" {
			return usagef("import 的 --format 为 text 或 json", "import's --format is text or json")
		}
		opts := docimport.Options{Title: o.title, Issuer: o.issuer, Source: o.source}
		if opts.Source == "" && args[0] != "-" {
			opts.Source = args[0]
		}
		if o.period != "" {
			from, to, ok := strings.Cut(o.period, "-")
			a, err1 := strconv.Atoi(from)
			b, err2 := strconv.Atoi(to)
			if !ok || err1 != nil || err2 != nil || a > b || a < 1900 || b > 2199 || b-a > 50 {
				return usagef("--period 应如 2021-2025（1900–2199年之间，不超过50年），得到 %q", "--period should be like 2021-2025 (years 1900–2199, at most 50 years), got %q", o.period)
			}
			opts.Period = plan.Period{From: a, To: b}
		}
		if o.docNumber != "" {
			d, err := plan.ParseDocNumber(o.docNumber)
			if err != nil {
				return err
			}
			opts.DocNumber = d
		}
		if o.issued != "" {
			d, err := parseDateArg(e, o.issued)
			if err != nil {
				return err
			}
			opts.Issued = d
		}
		f, err := openInput(e, args[0])
		if err != nil {
			return err
		}
		defer f.Close()
		br := bufio.NewReader(f)
		if peekJSON(br) {
			return importPlanJSON(e, o, args[0], br)
		}
		res, err := docimport.Import(br, opts)
		if err != nil {
			return fmt.Errorf("%s: %w", args[0], err)
		}
		if o.findings != "" {
			f, err := os.Create(o.findings)
			if err != nil {
				return fmt.Errorf("无法创建文件 / cannot create file: %w", err)
			}
			if err := writeJSON(f, res.Findings); err != nil {
				f.Close()
				return err
			}
			if err := f.Close(); err != nil {
				return err
			}
		}
		errs := 0
		for _, fd := range res.Findings {
			if fd.Severity == plan.Error {
				errs++
			}
		}
		if o.format == "json" {
			for _, fd := range res.Findings {
				fmt.Fprintln(e.stderr, importFindingText(fd, langOf(o)))
			}
			if err := writeJSON(e.stdout, res.Plan); err != nil {
				return err
			}
		} else {
			printImport(e, res, langOf(o))
		}
		if errs > 0 {
			return exitStatus(1) // a plan with errors is not stored
		}
		return storeImported(e, o, res.Plan)
	},
}

// printImport prints what was imported: the header, the sections with
// their task counts, the columns and systems, and the findings.
func printImport(e *env, res *docimport.Result, l plan.Lang) {
	p := res.Plan
	w := e.stdout
	issued := ""
	if !p.Issued.IsZero() {
		issued = p.Issued.String()
	}
	fmt.Fprintf(w, "%s\n", orDash(p.Title))
	fmt.Fprintf(w, "  格式 / format   %s\n", res.Format)
	fmt.Fprintf(w, "  文号 / number   %s\n  印发 / issued   %s %s\n  期限 / period   %d–%d\n  类型 / kind     %s\n",
		orDash(p.DocNumber.String()), orDash(p.Issuer), orDash(issued), p.Period.From, p.Period.To, p.Kind)
	tasks, _ := p.Tasks()
	withUnits, withDeadline := 0, 0
	for _, t := range tasks {
		r := t.Responsibility
		if len(r.Lead)+len(r.Responsible)+len(r.Supporting) > 0 {
			withUnits++
		}
		if t.Deadline != nil {
			withDeadline++
		}
	}
	fmt.Fprintf(w, "  条目 / items    %d（写明单位 %d，有期限 %d / %d name units, %d have deadlines）\n", len(tasks), withUnits, withDeadline, withUnits, withDeadline)
	for _, s := range p.Sections {
		number := s.Number + "、"
		if s.Number == "" {
			number = ""
		}
		fmt.Fprintf(w, "  %s%s  %d\n", number, orDash(s.Title), countTasks(s))
	}
	for _, c := range p.Columns {
		fmt.Fprintf(w, "  专栏%s %s  亮点工程 / flagships %d  指标体系 / systems %d\n", c.Number, c.Title, len(c.Flagships), len(c.Systems))
	}
	fmt.Fprintf(w, "  保障措施 / safeguards %d  依据 / basis %d  阶段 / phases %d\n", len(p.Safeguards), len(p.Basis), len(p.Phases))
	for _, f := range res.Findings {
		fmt.Fprintln(w, importFindingText(f, l))
	}
}

// importFindingText is an import finding for people in the language l
// (both: docimport.Finding.String).
func importFindingText(f docimport.Finding, l plan.Lang) string {
	var s string
	switch l {
	case plan.LangZh:
		s = fmt.Sprintf("%s：%s %s：%s", f.Location.Zh(), f.Severity, f.Code, f.MessageZh)
	case plan.LangEn:
		s = fmt.Sprintf("%s: %s %s: %s", f.Location, f.Severity, f.Code, f.MessageEn)
	default:
		return f.String()
	}
	if f.Text != "" {
		s += " «" + f.Text + "»"
	}
	return s
}

// countTasks counts the tasks of a section and the sections under it.
func countTasks(s *plan.Section) int {
	n := len(s.Tasks)
	for _, sub := range s.Sections {
		n += countTasks(sub)
	}
	return n
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
