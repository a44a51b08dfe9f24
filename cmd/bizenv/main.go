// Command bizenv is the command line of the bizenv SDK: China's official
// working-day calendar and statutory deadlines today; plan import, checks,
// reports, ledgers, credit codes, draws and approval timers as the SDK grows.
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
//
// Every command takes --help, --format text|json, and --calendar FILE (a JSON
// overlay or an .ics feed laid over the built-in calendar; - reads standard
// input; repeatable). Flags may come before or after the arguments. A date
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
