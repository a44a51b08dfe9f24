// Command seedplans imports the five seed documents with plan/docimport,
// applies the corrections a person made when checking each import against
// its text (each one written out below, with its reason), and writes the
// reviewed plans to examples/data.
//
//	go run ./plan/docimport/internal/seedplans -seeds ../shared/seeds -out examples/data
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/plan/docimport"
)

// seed is one source document and its review.
type seed struct {
	file   string // in shared/seeds
	out    string // in examples/data
	source string // what the text is, for Source.Name
	opts   docimport.Options
	review string
	edit   func(p *plan.Plan) // corrections made at review
}

// reviewer is who checked the imports, and when.
const reviewer = "reviewed against the text by the bizenv maintainers, 2026-11-22"

var seeds = []seed{
	{
		file: "000_1c5c9fd9257229b5.txt", out: "anshan-2021-2025-programme.json",
		source: "鞍山市优化营商环境“十四五”规划, text as published (shared/seeds/000)",
		review: reviewer + ". 25 numbered tasks (三、重点任务), none names a unit; phases 近期/中期/远期; 专栏1 (26 indicators, directions read from their meaning: 时限/时长/环节 lower is better), 专栏2 and 专栏3 tables kept as printed (专栏2 declares 37 level-3 indicators and prints 39). Removed at review: the 专栏8 indicator table, which the published text prints with its columns shifted (63 rows the importer could not place); 专栏8's text is kept.",
		edit: func(p *plan.Plan) {
			kept := p.IndicatorSystems[:0]
			for _, s := range p.IndicatorSystems {
				if s.Source != p.Title+" 专栏8 亮点工程一" && s.Source != p.Title+" 专栏8" {
					kept = append(kept, s)
				}
			}
			p.IndicatorSystems = kept
			for i := range p.Columns {
				if p.Columns[i].Number == "8" {
					p.Columns[i].Systems = nil
				}
			}
			p.Targets = keepTargets(p)
		},
	},
	{
		file: "001_8014e610d742b867.txt", out: "tiexi-2025-55.json",
		source: "鞍山市铁西区2025年优化营商环境55条, 鞍山市铁西区人民政府办公室 2025-05-13, text as published (shared/seeds/001)",
		review: reviewer + ". 55 items, each unit as the text names it; 3 safeguards. No correction needed. Basis: 鞍山市2025年优化营商环境66条 (named in the preamble; not among the seeds, so linked by title).",
	},
	{
		file: "002_d1cd5678f5edca50.txt", out: "anshan-hightech-2022.json",
		source: "鞍山高新区 2022 business-environment plan, text without header or title (shared/seeds/002)",
		opts:   docimport.Options{Title: "鞍山高新区优化营商环境方案（2022年）", Kind: plan.ActionPlan},
		review: reviewer + ". The text has no header: the title is descriptive, given at review (鞍山 from 国网鞍山供电高新分公司 and “鞍心营商”); no document number, issuer or date. Period 2022 from its deadline (到2022年7月底). 18 items under 三、具体任务; the 6 numbered lines under 二、工作目标 are goals, kept as text. Defects of the document, kept: (四)1 names no unit; (四) numbers two items 2.",
	},
	{
		file: "003_06c3c32fe5354fe4.txt", out: "liaoning-2021-2025.json",
		source: "辽宁省营商环境建设行动方案（2021—2025年）, 辽政办发〔2022〕14号, text as published (shared/seeds/003)",
		review: reviewer + ". The province plan has no numbered items and names no units: its items are the headline paragraphs (标题。正文) of each （一） section, numbered by position (59); the (一) items of its 专栏 are the columns' flagships (18 columns: the text numbers them 1 to 19 and has no 专栏16). Where the text breaks a paragraph or interleaves column items with section text, the import follows the text as printed.",
	},
	{
		file: "004_d78822511846185f.txt", out: "bayuquan-2021-2024.json",
		source: "鲅鱼圈区营商环境优化行动方案（2021-2024年）, 鲅政办发〔2022〕1号, 营口市鲅鱼圈区人民政府办公室 2022-03-23, web page text (shared/seeds/004)",
		review: reviewer + ". 81 items in 18 sections, each 牵头/责任 unit as the text names it (30 items list only 责任单位); deadlines and milestones with their targets from the dated clauses. Web page furniture (分享, 附件, 扫一扫) left out.",
	},
}

// keepTargets drops targets whose system is no longer in the plan.
func keepTargets(p *plan.Plan) []plan.Target {
	have := map[string]bool{}
	for _, s := range p.IndicatorSystems {
		have[s.Name] = true
	}
	var out []plan.Target
	for _, t := range p.Targets {
		if have[t.System] {
			out = append(out, t)
		}
	}
	return out
}

func main() {
	dir := flag.String("seeds", "../shared/seeds", "folder of the seed documents")
	out := flag.String("out", "examples/data", "folder to write the plans to")
	flag.Parse()
	for _, s := range seeds {
		b, err := build(*dir, s)
		if err == nil {
			err = os.WriteFile(filepath.Join(*out, s.out), b, 0o644)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "seedplans:", err)
			os.Exit(2)
		}
	}
}

// build imports one seed, applies its review and returns the JSON.
func build(dir string, s seed) ([]byte, error) {
	text, err := os.ReadFile(filepath.Join(dir, s.file))
	if err != nil {
		return nil, err
	}
	o := s.opts
	o.Source = s.source
	res, err := docimport.Parse(text, o)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.file, err)
	}
	p := res.Plan
	if s.edit != nil {
		s.edit(p)
	}
	p.Source.Review = s.review
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(p); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
