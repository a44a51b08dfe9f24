package calendar

import "time"

// beijing is China Standard Time. China has kept UTC+8 without daylight
// saving since 1992, so a fixed zone is exact and needs no tz database.
var beijing = time.FixedZone("CST", 8*3600)

// Beijing returns China Standard Time (UTC+8), the zone in which every
// official date is counted. It is a function, not a variable, so that no
// importer can change it for the others.
func Beijing() *time.Location { return beijing }

// Today returns the date of now in loc; a nil loc means Beijing. Use it
// instead of DateOf(now): a server keeps UTC, and from 00:00 to 08:00 in
// Beijing the UTC date is still yesterday.
func Today(loc *time.Location, now time.Time) Date {
	if loc == nil {
		loc = beijing
	}
	return DateOf(now.In(loc))
}
