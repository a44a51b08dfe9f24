package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/bizenv/bizenv/calendar"
)

// env is what a command runs with: its streams and the current time, passed
// in so that tests control them.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	now            time.Time
}

// command is one runnable (sub)command.
type command struct {
	name    string
	usage   string // arguments, e.g. "DATE N"
	summary string // one line, Chinese / English
	// flags adds the command's own flags; the common ones are added for it.
	flags func(fs *flag.FlagSet, o *options)
	run   func(e *env, o *options, args []string) error
	subs  []*command
}

// options holds the flags every command shares.
type options struct {
	format      string
	lang        string // --lang: zh, en, or both (the default)
	calendars   stringList
	years       string
	provisional bool
	at          string // approval status --at
	law         string // deadline --law

	lenient, pilot                   bool   // uscc
	population, roster, policy, seed string // draw
	parent, directory                string // check
	baseline, writeBaseline          string // check
	asOf, observations, sent         string // report
	title, period, issuer, docNumber string // import
	issued, source, findings         string // import
	db                               dbFlag // import, report and the store commands: the store
	st                               storeOptions
}

// stringList is a repeatable string flag.
type stringList []string

// String implements flag.Value.
func (s *stringList) String() string { return strings.Join(*s, ",") }

// Set implements flag.Value: each use of the flag adds a value.
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

// usageError reports a command line that does not fit the command.
type usageError struct{ msg string }

// Error returns the message.
func (e *usageError) Error() string { return e.msg }

func usagef(zh, en string, a ...any) error {
	return &usageError{fmt.Sprintf(zh, a...) + " / " + fmt.Sprintf(en, a...)}
}

var root = &command{
	name:    "bizenv",
	summary: "营商环境 SDK 命令行 / the bizenv command line",
	subs: []*command{
		holidaysCmd,
		{name: "workday", summary: "工作日查询与推算 / working-day questions",
			subs: []*command{workdayIsCmd, workdayAddCmd, workdayBetweenCmd, workdayNextCmd}},
		deadlineCmd,
		approvalCmd,
		usccCmd,
		drawCmd,
		importCmd,
		checkCmd,
		reportCmd,
		schemaCmd,
		ledgerCmd,
		superviseCmd,
		bulletinCmd,
	},
}

// run is main without the process: it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, now time.Time) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, now: now}
	cmd, path := root, []string{root.name}
	for len(cmd.subs) > 0 {
		if cmd.run != nil { // a command that runs itself unless a subcommand is named
			if len(args) > 0 {
				if next := find(cmd.subs, args[0]); next != nil {
					cmd, path, args = next, append(path, next.name), args[1:]
					continue
				}
			}
			break
		}
		if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
			printGroupHelp(stdout, cmd, path)
			if len(args) == 0 && cmd == root {
				return 2
			}
			return 0
		}
		next := find(cmd.subs, args[0])
		if next == nil {
			fmt.Fprintf(stderr, "%s: 未知命令 %q / unknown command %q\n\n", strings.Join(path, " "), args[0], args[0])
			printGroupHelp(stderr, cmd, path)
			return 2
		}
		cmd, path, args = next, append(path, next.name), args[1:]
	}
	o := &options{}
	fs := flag.NewFlagSet(strings.Join(path, " "), flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.format, "format", "text", "输出格式 text 或 json（report 另有 html）/ output format: text or json (report: also html)")
	fs.Var(&o.calendars, "calendar", "叠加的日历文件（JSON 或 .ics，- 为标准输入，可重复）/ calendar overlay file (JSON or .ics; - is stdin; repeatable)")
	fs.StringVar(&o.years, "calendar-years", "", "--calendar 文件完整定义的年份，如 2027,2028 / years the --calendar files define whole, e.g. 2027,2028")
	fs.StringVar(&o.lang, "lang", "", "文字输出的语言：zh、en，默认中英文 / the language of text output: zh or en; both by default (JSON always has both)")
	fs.BoolVar(&o.provisional, "provisional", false, "尚无通知的年份按法定节假日暂定推算（结果标注“暂定”）/ answer years with no notice yet from the statutory holidays, marked provisional")
	if cmd.flags != nil {
		cmd.flags(fs, o)
	}
	pos, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		printCommandHelp(stdout, cmd, fs)
		return 0
	}
	if err == nil && o.format != "text" && o.format != "json" && !(o.format == "html" && (cmd == reportCmd || cmd == bulletinCmd)) {
		err = usagef("--format 须为 text 或 json，而不是 %q", "--format must be text or json, not %q", o.format)
	}
	if err == nil && o.lang != "" && o.lang != "zh" && o.lang != "en" && o.lang != "both" {
		err = usagef("--lang 须为 zh、en 或 both，而不是 %q", "--lang must be zh, en or both, not %q", o.lang)
	}
	if err == nil {
		err = cmd.run(e, o, pos)
	}
	var status exitStatus
	if errors.As(err, &status) {
		return int(status)
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", strings.Join(path, " "), err)
		var unknown *calendar.UnknownYearError
		if errors.As(err, &unknown) {
			fmt.Fprintln(stderr, unknownYearHint(unknown.Year))
		}
		var ue *usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(stderr, "用法 / usage: %s %s (--help)\n", strings.Join(path, " "), cmd.usage)
		}
		return 2
	}
	return 0
}

func find(cmds []*command, name string) *command {
	for _, c := range cmds {
		if c.name == name {
			return c
		}
	}
	return nil
}

// parseInterleaved parses flags that may come before, between or after the
// positional arguments; "--" ends the flags.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		// A negative number (workday add DATE -5) is an argument, not a flag.
		for len(args) > 0 && isNegativeNumber(args[0]) {
			pos, args = append(pos, args[0]), args[1:]
		}
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, &usageError{flagErrorZh(err.Error()) + " / " + err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		// fs.Parse stops at the first argument that is not a flag; "-"
		// (standard input) is an argument too. After "--" all are.
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// flagErrorZh says the flag package's (English) errors in Chinese.
func flagErrorZh(en string) string {
	for _, m := range []struct{ prefix, zh string }{
		{"flag provided but not defined: ", "未知参数 "},
		{"flag needs an argument: ", "参数缺少取值："},
		{"bad flag syntax: ", "参数格式有误："},
	} {
		if rest, ok := strings.CutPrefix(en, m.prefix); ok {
			return m.zh + rest
		}
	}
	if strings.HasPrefix(en, "invalid value ") || strings.HasPrefix(en, "invalid boolean value ") {
		return "参数取值无效"
	}
	return "参数有误"
}

func isNegativeNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil && strings.HasPrefix(s, "-")
}

func printGroupHelp(w io.Writer, cmd *command, path []string) {
	fmt.Fprintf(w, "%s — %s\n\n用法 / usage: %s <command> [flags] [arguments]\n\n", strings.Join(path, " "), cmd.summary, strings.Join(path, " "))
	subs := append([]*command(nil), cmd.subs...)
	sort.SliceStable(subs, func(i, j int) bool { return subs[i].name < subs[j].name })
	for _, s := range subs {
		fmt.Fprintf(w, "  %-10s %s\n", s.name, s.summary)
	}
	fmt.Fprintf(w, "\n%s <command> --help 查看详情 / for details.\n", strings.Join(path, " "))
}

func printCommandHelp(w io.Writer, cmd *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "%s — %s\n\n用法 / usage: %s [flags] %s\n\n参数 / flags:\n", fs.Name(), cmd.summary, fs.Name(), cmd.usage)
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

// writeJSON prints v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
