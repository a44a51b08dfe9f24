package indicator

import (
	"testing"

	"github.com/bizenv/bizenv/internal/sqltext/sqltexttest"
)

func TestEnumsRoundTrip(t *testing.T) {
	sqltexttest.RoundTrip(t, Count, Ratio, Duration, Money, YesNoKind, Qualitative)
	sqltexttest.RoundTrip(t, Higher, Lower, Band)
	sqltexttest.RoundTrip(t, Binding, Indicative)
	sqltexttest.RoundTrip(t, Yearly, Quarterly, Monthly)
	sqltexttest.RoundTrip(t, AtMost, Below, AtLeast, Above, Equal, Between)
	sqltexttest.RoundTrip(t, Provisional, Final)
	sqltexttest.RoundTrip(t, Warning, Error)
	sqltexttest.RoundTrip(t, NoData, Met, NotMet)
	p1, _ := ParsePeriod("2025")
	p2, _ := ParsePeriod("2025Q3")
	p3, _ := ParsePeriod("2025-06")
	sqltexttest.RoundTrip(t, p1, p2, p3)
}
