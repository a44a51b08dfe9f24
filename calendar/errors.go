package calendar

import (
	"errors"
	"fmt"
)

// Sentinel errors. Every error this package returns wraps one of them, so
// callers can test with errors.Is; the typed errors below add detail for
// errors.As.
var (
	// ErrInvalidDate reports text that is not a date, or a date that does not
	// exist (2025-02-30, year 0).
	ErrInvalidDate = errors.New("calendar: invalid date")
	// ErrOutOfRange reports date arithmetic that leaves years 1 to 9999.
	ErrOutOfRange = errors.New("calendar: date out of range")
	// ErrUnknownYear reports a question about a year the calendar has no
	// official data for. The calendar never guesses Monday to Friday.
	ErrUnknownYear = errors.New("calendar: unknown year")
	// ErrInvalidPeriod reports text that is not a period such as 20工作日.
	ErrInvalidPeriod = errors.New("calendar: invalid period")
	// ErrInvalidData reports a malformed calendar data file (JSON or ICS).
	ErrInvalidData = errors.New("calendar: invalid calendar data")
)

// msg is a message for people, in Chinese and in English.
type msg struct{ zh, en string }

// String joins the two languages: 中文 / English.
func (m msg) String() string { return m.zh + " / " + m.en }

// ParseError describes text that could not be parsed as a date or a period.
// It matches ErrInvalidDate or ErrInvalidPeriod with errors.Is.
type ParseError struct {
	// What is "date" or "period".
	What string
	// Input is the text as given.
	Input string
	// Reason says, in Chinese and English, what was expected.
	Reason string
}

// Error describes the failure in Chinese and English.
func (e *ParseError) Error() string {
	what := msg{"日期", "date"}
	if e.What == "period" {
		what = msg{"期间", "period"}
	}
	return fmt.Sprintf("calendar: 无法解析%s %q / cannot parse %s %q: %s",
		what.zh, e.Input, what.en, e.Input, e.Reason)
}

// Is reports whether target is the sentinel this error stands for.
func (e *ParseError) Is(target error) bool {
	if e.What == "period" {
		return target == ErrInvalidPeriod
	}
	return target == ErrInvalidDate
}

func parseErr(what, input string, reason msg) *ParseError {
	return &ParseError{What: what, Input: input, Reason: reason.String()}
}

// UnknownYearError reports the year a calendar has no data for, and the years
// it does know. It matches ErrUnknownYear with errors.Is. Load the year's
// notice with ParseNotice and Calendar.Merge, or answer provisionally with
// Calendar.WithProvisional.
type UnknownYearError struct {
	// Year is the year asked about.
	Year int
	// First and Last bound the years the calendar knows (there may be gaps
	// between them when years were loaded by the caller).
	First, Last int
}

// Error names the year and the years known, in Chinese and English.
func (e *UnknownYearError) Error() string {
	return fmt.Sprintf("calendar: 没有%d年的节假日安排（已知%d–%d年）/ no holiday arrangement for %d (known: %d–%d)",
		e.Year, e.First, e.Last, e.Year, e.First, e.Last)
}

// Is reports whether target is ErrUnknownYear.
func (e *UnknownYearError) Is(target error) bool { return target == ErrUnknownYear }

// DataError reports a malformed calendar data file: which source, where in
// it, and what is wrong. It matches ErrInvalidData with errors.Is.
type DataError struct {
	// Format is "json" or "ics".
	Format string
	// Where locates the problem: a line and column with a JSON Pointer
	// ("line 3, column 12 /days/3/date"), or "line 17" in an .ics feed.
	Where string
	// Reason says, in Chinese and English, what is wrong.
	Reason string

	err error // the underlying error, if any
}

// Error names the format, the place and the problem, in Chinese and English.
func (e *DataError) Error() string {
	return fmt.Sprintf("calendar: %s 数据有误（%s）/ bad %s data at %s: %s",
		e.Format, e.Where, e.Format, e.Where, e.Reason)
}

// Is reports whether target is ErrInvalidData.
func (e *DataError) Is(target error) bool { return target == ErrInvalidData }

// Unwrap returns the underlying error, such as a date's *ParseError.
func (e *DataError) Unwrap() error { return e.err }

func dataErr(format, where string, reason msg) *DataError {
	return &DataError{Format: format, Where: where, Reason: reason.String()}
}
