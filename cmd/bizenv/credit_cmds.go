package main

import (
	"flag"
	"fmt"

	"github.com/bizenv/bizenv/credit"
	"github.com/bizenv/bizenv/internal/cliout"
)

var usccCmd = &command{
	name: "uscc", usage: "CODE...",
	summary: "解析并说明统一社会信用代码 / parse and explain unified social credit codes",
	flags: func(fs *flag.FlagSet, o *options) {
		fs.BoolVar(&o.lenient, "lenient", false, "宽松读取：全角转半角、去空格连字符、转大写 / lenient: fold width, drop spaces and hyphens, upper-case")
		fs.BoolVar(&o.pilot, "tolerate-check", false, "接受校验码错误的早期试点代码 / accept early pilot codes with a wrong check character")
	},
	run: func(e *env, o *options, args []string) error {
		if len(args) == 0 {
			return usagef("至少需要一个代码", "want at least one code")
		}
		var all []cliout.USCCCheck
		bad := 0
		for _, a := range args {
			var u credit.USCC
			var notes []string
			var err error
			opts := credit.Options{TolerateCheck: o.pilot}
			if o.lenient {
				u, notes, err = credit.NormalizeUSCC(a, opts)
			} else {
				u, err = credit.ParseUSCCWith(a, opts)
				if err == nil && u.CheckTolerated() {
					notes = append(notes, "校验码不符，按早期试点代码接受 / check character wrong, accepted as an early pilot code")
				}
			}
			if err != nil {
				bad++
				all = append(all, cliout.USCCCheck{Input: a, Error: err.Error(), Notes: notes})
				continue
			}
			x := cliout.USCCCheck{Input: a, Valid: true, Code: u.String(), Authority: string(u.Authority()) + " " + u.AuthorityName(),
				OrgType: string(u.OrgType()) + " " + u.OrgTypeName(), Division: u.DivisionCode(), OrgCode: u.OrgCode(), Notes: notes}
			if r, ok := u.Region(); ok {
				x.Region = r.FullName()
				if !r.Known() {
					x.Notes = append(x.Notes, "区划代码不在现行区划表中（可能已撤并）/ division not in the current table (possibly merged)")
				}
			} else {
				x.Region = "全国 / national"
			}
			all = append(all, x)
		}
		if o.format == "json" {
			if err := writeJSON(e.stdout, all); err != nil {
				return err
			}
		} else {
			for _, x := range all {
				if !x.Valid {
					fmt.Fprintf(e.stderr, "%s\n", x.Error)
					continue
				}
				fmt.Fprintf(e.stdout, "%s  有效 valid\n  登记管理部门 authority: %s\n  机构类别 type: %s\n  区划 division: %s %s\n  组织机构代码 organisation code: %s\n",
					x.Code, x.Authority, x.OrgType, x.Division, x.Region, x.OrgCode)
				for _, n := range x.Notes {
					fmt.Fprintf(e.stdout, "  注 note: %s\n", n)
				}
			}
		}
		if bad > 0 {
			return fmt.Errorf("%d 个代码无效 / %d codes invalid", bad, bad)
		}
		return nil
	},
}

func drawFlags(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.population, "population", "", "市场主体名录 CSV（code,grade,risk[,name,field,red]）/ population CSV")
	fs.StringVar(&o.roster, "roster", "", "检查人员名录 CSV（id,unit[,name,qualifications,excluded]）/ inspector roster CSV")
}

// readDrawInputs reads the population and roster files.
func readDrawInputs(e *env, o *options) ([]credit.Entity, []credit.Inspector, error) {
	if o.population == "" || o.roster == "" {
		return nil, nil, usagef("需要 --population 和 --roster", "--population and --roster are required")
	}
	pf, err := openInput(e, o.population)
	if err != nil {
		return nil, nil, err
	}
	defer pf.Close()
	pop, err := credit.ReadPopulation(pf)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", o.population, err)
	}
	rf, err := openInput(e, o.roster)
	if err != nil {
		return nil, nil, err
	}
	defer rf.Close()
	rs, err := credit.ReadRoster(rf)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", o.roster, err)
	}
	return pop, rs, nil
}

var drawCmd = &command{
	name: "draw", usage: "--population P.csv --roster R.csv --policy POLICY.json --seed S",
	summary: "双随机抽取，输出可复核的抽取记录（JSON）/ a double-random draw, printed as a verifiable record (JSON)",
	flags: func(fs *flag.FlagSet, o *options) {
		drawFlags(fs, o)
		fs.StringVar(&o.policy, "policy", "", "抽取规则 JSON（- 为标准输入）/ draw policy JSON (- is standard input)")
		fs.StringVar(&o.seed, "seed", "", "公开的随机种子 / the published seed")
	},
	run: func(e *env, o *options, args []string) error {
		if len(args) != 0 {
			return usagef("draw 不带位置参数", "draw takes no positional arguments")
		}
		if o.policy == "" || o.seed == "" {
			return usagef("需要 --policy 和 --seed", "--policy and --seed are required")
		}
		pop, rs, err := readDrawInputs(e, o)
		if err != nil {
			return err
		}
		pf, err := openInput(e, o.policy)
		if err != nil {
			return err
		}
		defer pf.Close()
		p, err := credit.DecodeDrawPolicy(pf)
		if err != nil {
			return fmt.Errorf("%s: %w", o.policy, err)
		}
		rec, err := credit.Draw(pop, rs, p, o.seed)
		if err != nil {
			return err
		}
		return writeJSON(e.stdout, rec)
	},
	subs: []*command{drawVerifyCmd},
}

var drawVerifyCmd = &command{
	name: "verify", usage: "RECORD.json --population P.csv --roster R.csv",
	summary: "复核抽取记录，能复现则退出码为0 / re-run a draw record; exit 0 only if it reproduces",
	flags:   drawFlags,
	run: func(e *env, o *options, args []string) error {
		if err := wantArgs(args, 1, "RECORD.json"); err != nil {
			return err
		}
		pop, rs, err := readDrawInputs(e, o)
		if err != nil {
			return err
		}
		f, err := openInput(e, args[0])
		if err != nil {
			return err
		}
		defer f.Close()
		rec, err := credit.DecodeDrawRecord(f)
		if err != nil {
			return fmt.Errorf("%s: %w", args[0], err)
		}
		if err := credit.Verify(rec, pop, rs); err != nil {
			return err
		}
		if o.format == "json" {
			return writeJSON(e.stdout, cliout.DrawVerified{Verified: true, Picks: len(rec.Picks), ResultSHA256: rec.Result})
		}
		fmt.Fprintf(e.stdout, "复核通过：%d 项抽取结果可复现 / verified: the %d picks reproduce (result %s)\n", len(rec.Picks), len(rec.Picks), rec.Result)
		return nil
	},
}
