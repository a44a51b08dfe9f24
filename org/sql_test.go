package org

import (
	"testing"

	"github.com/bizenv/bizenv/internal/sqltext/sqltexttest"
)

func TestEnumsRoundTrip(t *testing.T) {
	sqltexttest.RoundTrip(t, National, Province, City, County, Township, Village, Zone)
	sqltexttest.RoundTrip(t, Government, Bureau, PartyOrgan, Judicial, Utility, Bank, ZoneOffice, TownshipOffice, Community, Other)
}
