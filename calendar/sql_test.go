package calendar

import (
	"testing"

	"github.com/bizenv/bizenv/internal/sqltext/sqltexttest"
	"github.com/stretchr/testify/assert"
)

// Every value a database or an exchange would hold round-trips through
// JSON and through SQL, as its name.
func TestEnumsRoundTrip(t *testing.T) {
	sqltexttest.RoundTrip(t, Workday, Weekend, Holiday, Adjusted)
	sqltexttest.RoundTrip(t, Festival(0), NewYear, SpringFestival, Qingming, LabourDay, DragonBoat, MidAutumn, NationalDay, VictoryDay, MidAutumn|NationalDay)
	sqltexttest.RoundTrip(t, Days, Workdays, Months, Years, Hours)
	sqltexttest.RoundTrip(t, Period{20, Workdays}, Period{15, Days}, Period{3, Months}, Period{1, Years}, Period{24, Hours}, Period{})
	var k DayKind
	assert.Error(t, k.Scan("holliday"))
}
