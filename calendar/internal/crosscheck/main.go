// Command crosscheck compares the built-in China calendar, day by day, with
// two independent machine-readable holiday datasets published on the npm
// registry, and prints every day on which they disagree about whether it is
// worked. It is a maintenance tool: nothing it reads is committed.
//
// Fetch the packages and run it:
//
//	npm pack chinese-days@1.5.7 holiday-calendar@1.3.3
//	mkdir cd hc && tar xzf chinese-days-1.5.7.tgz -C cd && tar xzf holiday-calendar-1.3.3.tgz -C hc
//	go run ./calendar/internal/crosscheck -chinese-days cd/package -holiday-calendar hc/package
//
// Each disagreement is settled from the notice's own words and pinned in
// calendar's tests (TestNotice*).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/bizenv/bizenv/calendar"
)

func main() {
	cdDir := flag.String("chinese-days", "", "unpacked chinese-days npm package (its dist/chinese-days.json)")
	hcDir := flag.String("holiday-calendar", "", "unpacked holiday-calendar npm package (its data/CN/YYYY.json)")
	flag.Parse()
	if err := run(os.Stdout, *cdDir, *hcDir); err != nil {
		fmt.Fprintln(os.Stderr, "crosscheck:", err)
		os.Exit(2)
	}
}

// source answers "is this day worked?" for the days it lists; a day it does
// not list is ordinary (worked Monday to Friday).
type source struct {
	name string
	off  map[string]string // date -> holiday name
	on   map[string]string // date -> holiday the working weekend day makes up for
}

func run(w io.Writer, cdDir, hcDir string) error {
	var sources []source
	if cdDir != "" {
		s, err := loadChineseDays(cdDir)
		if err != nil {
			return err
		}
		sources = append(sources, s)
	}
	if hcDir != "" {
		s, err := loadHolidayCalendar(hcDir)
		if err != nil {
			return err
		}
		sources = append(sources, s)
	}
	if len(sources) == 0 {
		return fmt.Errorf("give -chinese-days and/or -holiday-calendar")
	}
	cal := calendar.China()
	disagreements := 0
	for _, y := range cal.Years() {
		d, _ := calendar.NewDate(y, 1, 1)
		for d.Year() == y {
			info, err := cal.Kind(d)
			if err != nil {
				return err
			}
			for _, s := range sources {
				worked := d.Weekday() != 0 && d.Weekday() != 6
				why := ""
				if n, ok := s.off[d.String()]; ok {
					worked, why = false, n
				}
				if n, ok := s.on[d.String()]; ok {
					worked, why = true, n
				}
				if worked != info.IsWorking() {
					disagreements++
					fmt.Fprintf(w, "%s %s: bizenv %s %s; %s says worked=%v %s\n",
						d, d.Weekday(), info.Kind, info.Name, s.name, worked, why)
				}
			}
			d, _ = d.AddDays(1)
		}
	}
	fmt.Fprintf(w, "%d disagreements over %v\n", disagreements, cal.Years())
	return nil
}

func loadChineseDays(dir string) (source, error) {
	var raw struct {
		Holidays map[string]string `json:"holidays"`
		Workdays map[string]string `json:"workdays"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "dist", "chinese-days.json"))
	if err != nil {
		return source{}, err
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return source{}, err
	}
	return source{name: "chinese-days", off: raw.Holidays, on: raw.Workdays}, nil
}

func loadHolidayCalendar(dir string) (source, error) {
	s := source{name: "holiday-calendar", off: map[string]string{}, on: map[string]string{}}
	for y := 2000; y <= 2100; y++ {
		b, err := os.ReadFile(filepath.Join(dir, "data", "CN", fmt.Sprintf("%d.json", y)))
		if os.IsNotExist(err) {
			continue
		} else if err != nil {
			return s, err
		}
		var raw struct {
			Dates []struct {
				Date, Name, Type string
			} `json:"dates"`
		}
		if err := json.Unmarshal(b, &raw); err != nil {
			return s, fmt.Errorf("%d.json: %w", y, err)
		}
		for _, d := range raw.Dates {
			switch d.Type {
			case "public_holiday":
				s.off[d.Date] = d.Name
			case "transfer_workday":
				s.on[d.Date] = d.Name
			default:
				return s, fmt.Errorf("%d.json: %s: unknown type %q", y, d.Date, d.Type)
			}
		}
	}
	return s, nil
}
