package plan

import (
	"testing"

	"github.com/bizenv/bizenv/internal/sqltext/sqltexttest"
	"github.com/stretchr/testify/require"
)

func TestDocNumberRoundTrip(t *testing.T) {
	a, err := ParseDocNumber("辽政办发〔2022〕14号")
	require.NoError(t, err)
	b, err := ParseDocNumber("鞍政发[2021]3号")
	require.NoError(t, err)
	sqltexttest.RoundTrip(t, a, b, DocNumber{})
}
