// Command bizenv is the command line of the bizenv SDK: China's official
// working-day calendar, statutory deadlines and approval timers today;
// plan import, checks, reports, ledgers, credit codes and draws as the SDK
// grows.
//
// Usage:
//
//	bizenv <command> [subcommand] [flags] [arguments]
//
// Commands:
//
//	holidays [YEAR]              this year's (or YEAR's) holiday breaks and make-up working days
//	workday is DATE...           whether each date is a working day, and why
//	workday add DATE N           the N-th working day after DATE (before it when N < 0)
//	workday between FROM TO      the working days in (FROM, TO]
//	workday next DATE            the first working day after DATE
//	deadline START PERIOD        the last day of a statutory period (20工作日, 15日, 3个月, 1年)
//	approval catalog             the approval processes with their stages and limits
//	approval status CASE.json    a case's timers as of --at (RFC 3339; default now), with explanations
//	approval stats CASES.jsonl   statistics of finished cases by process, stage and unit
//
// Every command takes --help, --format text|json, and --calendar FILE (a JSON
// overlay or an .ics feed laid over the built-in calendar; - reads standard
// input; repeatable). File arguments may be - for standard input. Flags may come before or after the arguments. A date
// is 2025-12-31, 2025年12月31日 or today (the date in Beijing). Errors go to
// standard error in Chinese and English, with exit status 2.
package main

import (
	"os"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, time.Now()))
}
