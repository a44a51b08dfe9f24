package calendar

import (
	"fmt"
	"slices"
)

// Provenance says where a calendar's arrangement for one year comes from,
// and how far it can be trusted.
type Provenance struct {
	// Year is the year described.
	Year int `json:"year"`
	// Notice is the title of the notice that arranges the year; for a
	// provisional year, the title the notice will have.
	Notice string `json:"notice,omitempty"`
	// DocNumber is the notice's 文号 (国办发明电〔2025〕7号), where known.
	DocNumber string `json:"doc_number,omitempty"`
	// Issued is when the notice was signed: 2025-11-04, or the month
	// (2026年11月) where only that is known.
	Issued string `json:"issued,omitempty"`
	// Amendments are the later notices that changed the year (the 2020
	// extension of the Spring Festival break), and the files loaded that
	// override some of its days.
	Amendments []string `json:"amendments,omitempty"`
	// Checked reports that every day was read from, or checked against,
	// the notice's own text.
	Checked bool `json:"checked"`
	// Via names where the days were taken from when it is not the notice's
	// text (a machine-readable source), or the file they were loaded from.
	Via string `json:"via,omitempty"`
	// Note says what is partial: a truncated copy of the text, a notice not
	// yet published.
	Note string `json:"note,omitempty"`
	// Provisional reports a year answered from the statutory holidays alone
	// (Calendar.WithProvisional), before its notice.
	Provisional bool `json:"provisional"`
}

// String describes the provenance in one line, Chinese then English.
func (p Provenance) String() string {
	switch {
	case p.Provisional:
		return fmt.Sprintf("%d年：暂定（尚无%s，仅按法定节假日推算）/ %d: provisional (no notice yet; from the statutory holidays alone)", p.Year, p.Notice, p.Year)
	case p.Checked:
		return fmt.Sprintf("%d年：%s%s，已与通知原文核对 / %d: checked against the notice's text", p.Year, p.Notice, paren(p.DocNumber), p.Year)
	}
	s := fmt.Sprintf("%d年：%s%s，未与通知原文核对 / %d: not checked against the notice's text", p.Year, p.Notice, paren(p.DocNumber), p.Year)
	if p.Via != "" {
		s += "（" + p.Via + "）"
	}
	return s
}

func paren(s string) string {
	if s == "" {
		return ""
	}
	return "（" + s + "）"
}

// provenance is the provenance of a built-in notice's year.
func (n notice) provenance() Provenance {
	p := Provenance{Year: n.year, Notice: n.title, DocNumber: n.doc, Issued: n.issued,
		Checked: n.checked == wholeText, Via: n.via}
	switch n.checked {
	case partOfText:
		p.Note = "只找到通知的部分文本，其余日期据两个独立的机读来源核对 / only a truncated copy of the notice's text was found; the rest was checked against two independent machine-readable sources"
	case notAgainstText:
		p.Note = "未能取得通知原文，日期未与原文核对 / the notice's text could not be reached; the days were not checked against it"
	}
	return p
}

// amendment names a built-in notice that changed a year.
func (n notice) amendment() string {
	if n.doc != "" {
		return n.title + "（" + n.doc + "）"
	}
	return n.title
}

// Provenance returns where the arrangement for year comes from. A year the
// calendar does not know is an error wrapping ErrUnknownYear.
func (c *Calendar) Provenance(year int) (Provenance, error) {
	if !c.knows(year) {
		return Provenance{}, c.unknown(year)
	}
	if c.IsProvisionalYear(year) {
		return Provenance{Year: year, Provisional: true,
			Notice: fmt.Sprintf("国务院办公厅关于%d年部分节假日安排的通知", year),
			Via:    "《全国年节及纪念日放假办法》（国务院令第795号）第二条、第六条",
			Note:   "通知发布前按法定节假日与补假推算，不含调休 / before the notice: the statutory holidays and their make-up days, without 调休"}, nil
	}
	i, _ := slices.BinarySearchFunc(c.provenance, year, func(p Provenance, y int) int { return p.Year - y })
	p := c.provenance[i]
	p.Amendments = slices.Clone(p.Amendments)
	return p, nil
}

// Horizon is how far a calendar reaches.
type Horizon struct {
	// Confirmed is the last day of the last year a notice (built in or
	// loaded) arranges.
	Confirmed Date `json:"confirmed"`
	// Last is the last day the calendar answers for: Confirmed, or the end
	// of the provisional years.
	Last Date `json:"last"`
	// Provisional reports that the years after Confirmed, through Last, are
	// answered provisionally.
	Provisional bool `json:"provisional"`
}

// Horizon returns the last day the calendar knows from a notice, and the
// last day it answers for at all. A calendar that knows no year returns the
// zero Horizon.
func (c *Calendar) Horizon() Horizon {
	var h Horizon
	if n := len(c.provenance); n > 0 {
		h.Confirmed = pack(c.provenance[n-1].Year, 12, 31)
	}
	if c.lo != nil {
		h.Last = pack(c.last, 12, 31)
		h.Provisional = c.IsProvisionalYear(c.last)
	}
	return h
}

// DaysLeft returns the number of days from d to the confirmed horizon
// (negative past it): callers warn when it is small, since dates past it
// are unknown or provisional.
func (h Horizon) DaysLeft(d Date) int { return h.Confirmed.Sub(d) }
