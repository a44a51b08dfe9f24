package cliout

import (
	"time"

	"github.com/bizenv/bizenv/calendar"
)

// Provisional marks an answer of the calendar commands that rests on a
// year no State Council notice arranges yet (--provisional).
type Provisional struct {
	// Provisional reports whether the answer rests on a provisional year.
	Provisional bool `json:"provisional"`
	// ProvisionalYears lists those years; absent when there are none.
	ProvisionalYears []int `json:"provisional_years,omitempty"`
	// Note says so in Chinese and English; absent when not provisional.
	Note string `json:"note,omitempty"`
}

// Day is one answer of `bizenv workday is`.
type Day struct {
	calendar.DayInfo
	// Workday reports whether the day is a working day.
	Workday bool `json:"workday"`
}

// WorkdaySum is what `bizenv workday add` prints with --format json.
type WorkdaySum struct {
	// From is the date counted from.
	From calendar.Date `json:"from"`
	// Workdays is the number of working days added (negative: back).
	Workdays int `json:"workdays"`
	// Date is the answer.
	Date calendar.Date `json:"date"`
	Provisional
}

// WorkdayCount is what `bizenv workday between` prints with --format
// json.
type WorkdayCount struct {
	// From is the day after which counting starts.
	From calendar.Date `json:"from"`
	// To is the last day counted.
	To calendar.Date `json:"to"`
	// Workdays is the number of working days in (From, To]; negative
	// when To is before From.
	Workdays int `json:"workdays"`
	Provisional
}

// NextWorkday is what `bizenv workday next` prints with --format json.
type NextWorkday struct {
	// From is the date asked about.
	From calendar.Date `json:"from"`
	// Date is the first working day after it.
	Date calendar.Date `json:"date"`
	Provisional
}

// Deadline is what `bizenv deadline` prints with --format json; with
// --law the ruling's fields are added.
type Deadline struct {
	// Start is the day the period runs from (the day of the act; counting
	// starts the next day).
	Start calendar.Date `json:"start"`
	// Period is the period as given.
	Period calendar.Period `json:"period"`
	// Deadline is the last day of the period.
	Deadline calendar.Date `json:"deadline"`
	// Law is the rule set applied (--law); absent without one.
	Law *calendar.Law `json:"law,omitempty"`
	// Counted is the period as the law counts it (a 日 of 行政许可法 is a
	// working day); absent without --law.
	Counted *calendar.Period `json:"counted,omitempty"`
	// RolledFrom is the day off on which the period ended before the law
	// carried it to the next working day; absent when it was not carried.
	RolledFrom calendar.Date `json:"rolled_from,omitzero"`
	// Articles are the articles applied; absent without --law.
	Articles []calendar.Article `json:"articles,omitempty"`
	// Explanation is the ruling in words, Chinese / English, a line each;
	// absent without --law.
	Explanation []string `json:"explanation,omitempty"`
	Provisional
}

// ApprovalDue is the due date of a 20-working-day approval accepted
// today, in what `bizenv holidays` prints.
type ApprovalDue struct {
	// Period is the limit: 20工作日.
	Period calendar.Period `json:"period"`
	// Deadline is its last day.
	Deadline calendar.Date `json:"deadline"`
	Provisional
}

// Holidays is what `bizenv holidays` prints with --format json: a year's
// holidays and where they come from.
type Holidays struct {
	// Year is the year shown.
	Year int `json:"year"`
	// Workdays is the number of working days in it.
	Workdays int `json:"workdays"`
	// Holidays is its holiday blocks with their 调休 working days.
	Holidays []calendar.HolidayBlock `json:"holidays"`
	// Provenance says where the year's arrangement comes from.
	Provenance calendar.Provenance `json:"provenance"`
	// Horizon is the span of years the calendar answers.
	Horizon calendar.Horizon `json:"horizon"`
	// Note says that this year is not known and the latest known one is
	// shown instead; absent otherwise.
	Note string `json:"note,omitempty"`
	// Today is today's date in Beijing; absent when Approval is.
	Today calendar.Date `json:"today,omitzero"`
	// Approval is when a 20-working-day approval accepted today falls
	// due; absent when the calendar cannot tell.
	Approval *ApprovalDue `json:"approval,omitempty"`
}

// USCCCheck is one answer of `bizenv uscc` with --format json.
type USCCCheck struct {
	// Input is the text checked, as given.
	Input string `json:"input"`
	// Valid reports whether it is a valid code (under the options given).
	Valid bool `json:"valid"`
	// Code is the code as normalised; absent when not valid.
	Code string `json:"code,omitempty"`
	// Authority is the registration authority's character and name.
	Authority string `json:"authority,omitempty"`
	// OrgType is the organisation type's character and name.
	OrgType string `json:"org_type,omitempty"`
	// Division is the six-digit administrative division code.
	Division string `json:"division,omitempty"`
	// Region is the division's full name, or 全国 / national.
	Region string `json:"region,omitempty"`
	// OrgCode is the nine-character organisation code inside the code.
	OrgCode string `json:"org_code,omitempty"`
	// Notes are remarks: a tolerated check character, a division no
	// longer in the table, what --lenient changed.
	Notes []string `json:"notes,omitempty"`
	// Error is why the input is not valid; absent when it is.
	Error string `json:"error,omitempty"`
}

// DrawVerified is what `bizenv draw verify` prints with --format json
// when a draw record reproduces (when it does not, the command fails).
type DrawVerified struct {
	// Verified is true.
	Verified bool `json:"verified"`
	// Picks is the number of picks reproduced.
	Picks int `json:"picks"`
	// ResultSHA256 is the record's result digest.
	ResultSHA256 string `json:"result_sha256"`
}

// NotSubmitted is what `bizenv approval status --format json` prints
// when asked about an instant before the case was submitted: no timer
// runs yet.
type NotSubmitted struct {
	// Case is the case ID.
	Case string `json:"case"`
	// Process is the process ID.
	Process string `json:"process"`
	// At is the instant asked about.
	At time.Time `json:"at"`
	// Submitted is when the case was submitted.
	Submitted time.Time `json:"submitted"`
	// NotSubmitted is true.
	NotSubmitted bool `json:"not_submitted"`
}
