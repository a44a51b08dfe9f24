package credit

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/bizenv/bizenv/internal/strictjson"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const policyJSON = `{"cells":[{"grade":"A","risk":"低","percent":"3","per_year":1}],"inspectors":2}`

// problemCode returns the code of the first strictjson problem in err.
func problemCode(t *testing.T, err error) string {
	t.Helper()
	var se *strictjson.Error
	require.ErrorAs(t, err, &se)
	require.NotEmpty(t, se.Problems)
	return se.Problems[0].Code
}

// problemCodes returns the codes of every strictjson problem in err.
func problemCodes(t *testing.T, err error) []string {
	t.Helper()
	var se *strictjson.Error
	require.ErrorAs(t, err, &se)
	var codes []string
	for _, p := range se.Problems {
		codes = append(codes, p.Code)
	}
	return codes
}

// Issue 13, items 3 and 8: the draw policy and record go through the
// module's one strict JSON path; the policy no longer accepts trailing data.
func TestDecodeDrawPolicyIsStrict(t *testing.T) {
	p, err := DecodeDrawPolicy(strings.NewReader(policyJSON))
	require.NoError(t, err)
	assert.Equal(t, "3", p.Cells[0].Percent.String())

	tests := []struct {
		name, in, code string
	}{
		{"trailing data", policyJSON + `{"cells":[]}`, strictjson.CodeTrailingData},
		{"trailing junk", policyJSON + "x", strictjson.CodeTrailingData},
		{"duplicate key", `{"inspectors":2,"inspectors":3,"cells":[]}`, strictjson.CodeDuplicateKey},
		{"case-variant key", `{"inspectors":2,"Inspectors":3,"cells":[]}`, strictjson.CodeDuplicateKey},
		{"unknown field", `{"cells":[],"colour":1}`, strictjson.CodeUnknownField},
		{"field in the wrong case", `{"Cells":[]}`, strictjson.CodeUnknownField},
		{"invalid UTF-8", "{\"cells\":[{\"grade\":\"\xb0\xa1\",\"risk\":\"低\",\"percent\":\"3\"}]}", strictjson.CodeEncoding},
		{"UTF-16", "\xff\xfe{\x00}\x00", strictjson.CodeEncoding},
		{"null cell", `{"cells":[null]}`, strictjson.CodeNullElement},
		{"empty", "  ", strictjson.CodeEmpty},
		{"wrong type", `{"inspectors":"two"}`, strictjson.CodeType},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeDrawPolicy(strings.NewReader(tt.in))
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidDraw)
			assert.Equal(t, tt.code, problemCode(t, err))
			assert.Contains(t, err.Error(), "不是有效的抽取规则 JSON / not a valid draw policy JSON")
		})
	}
	_, err = DecodeDrawPolicy(strings.NewReader(strings.Repeat(" ", MaxPolicyBytes) + "{}"))
	assert.Equal(t, strictjson.CodeTooLarge, problemCode(t, err), "MaxPolicyBytes bounds the input")
}

// Issue 13, item 2: duplicate JSON keys cannot make a record show one seed
// and verify with another — encoding/json would keep the last.
func TestDecodeDrawRecordRefusesDuplicateKeys(t *testing.T) {
	rec, err := Draw(population(40), roster(8), drawPolicy(), "shown seed")
	require.NoError(t, err)
	b, err := json.Marshal(rec)
	require.NoError(t, err)
	_, err = DecodeDrawRecord(bytes.NewReader(b))
	require.NoError(t, err)
	for _, key := range []string{`"seed"`, `"Seed"`, `"SEED"`} {
		twice := bytes.Replace(b, []byte(`"seed":`), []byte(key+`:"hidden seed",`+`"seed":`), 1)
		_, err := DecodeDrawRecord(bytes.NewReader(twice))
		require.Error(t, err, key)
		assert.ErrorIs(t, err, ErrInvalidDraw)
		assert.Contains(t, problemCodes(t, err), strictjson.CodeDuplicateKey, key)
	}
	twice := bytes.Replace(b, []byte(`"picks":`), []byte(`"picks":[],"picks":`), 1)
	_, err = DecodeDrawRecord(bytes.NewReader(twice))
	assert.Equal(t, strictjson.CodeDuplicateKey, problemCode(t, err), "nor two lists of picks")
}

// The BOM policy is one for JSON and CSV (issue 13, items 3 and 8): a UTF-8
// byte order mark at the start of the input is skipped by every reader of
// the package; anywhere else it is data, and refused as such.
func TestByteOrderMarkPolicy(t *testing.T) {
	_, err := DecodeDrawPolicy(strings.NewReader(bom + policyJSON))
	assert.NoError(t, err, "JSON policy")
	rec, err := Draw(population(10), roster(3), drawPolicy(), "s")
	require.NoError(t, err)
	b, _ := json.Marshal(rec)
	_, err = DecodeDrawRecord(bytes.NewReader(append([]byte(bom), b...)))
	assert.NoError(t, err, "JSON record")
	pop, err := ReadPopulation(strings.NewReader(bom + "code,grade,risk\n91350100M000100Y43,A,低\n"))
	require.NoError(t, err, "population CSV")
	assert.Len(t, pop, 1)
	rs, err := ReadRoster(strings.NewReader(bom + "id,unit\nZF01,区市场监管局\n"))
	require.NoError(t, err, "roster CSV")
	assert.Len(t, rs, 1)

	_, err = ReadPopulation(strings.NewReader("code,\uFEFFgrade,risk\n91350100M000100Y43,A,低\n"))
	assert.ErrorContains(t, err, "not a known column", "a BOM inside the header is not skipped")
	_, err = ReadPopulation(strings.NewReader(bom + bom + "code,grade,risk\n"))
	assert.ErrorContains(t, err, "not a known column", "only one BOM, at the start")
	_, err = DecodeDrawPolicy(strings.NewReader(bom + bom + policyJSON))
	assert.Error(t, err, "likewise in JSON")
}

func TestReadCSVRefusesWhatItCannotKeep(t *testing.T) {
	const good = "91350100M000100Y43"
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", "needs a header row"},
		{"unknown column", "code,grade,risk,adress\n" + good + ",A,低,x\n", `column 4 "adress" is not a known column`},
		{"column twice", "code,grade,risk,grade\n" + good + ",A,低,B\n", `names column "grade" twice`},
		{"missing column", "code,grade\n", `lacks column "risk"`},
		{"extra cell", "code,grade,risk\n" + good + ",A,低,extra\n", "line 2 has 4 cells; the header has 3 columns"},
		{"missing cell", "code,grade,risk\n" + good + ",A\n", "line 2 has 2 cells"},
		{"GBK", "code,grade,risk,name\n" + good + ",A,低,\xb0\xa1\n", "line 2, column 4 is not valid UTF-8"},
		{"UTF-16", "\xff\xfec\x00o\x00", "UTF-16"},
		{"bare quote", "code,grade,risk\n" + good + ",A,\"低\n", "malformed"},
		{"bad code", "code,grade,risk\n" + good + ",A,低\n91350100M000100Y44,A,低\n", "line 3 code"},
		{"long name", "code,grade,risk,name\n" + good + ",A,低," + strings.Repeat("名", MaxText) + "\n", "line 2 name is 3000 bytes long"},
		{"red", "code,grade,risk,red\n" + good + ",A,低,maybe\n", "line 2 red"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadPopulation(strings.NewReader(tt.in))
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidDraw)
			assert.Contains(t, err.Error(), tt.want)
			assert.Contains(t, err.Error(), " / ", "Chinese and English")
		})
	}
	// A quoted cell spanning lines: the line named is where the row starts.
	_, err := ReadPopulation(strings.NewReader("code,grade,risk,name\n" + good + ",A,低,\"two\nlines\"\n91350100M000100Y44,A,低,x\n"))
	assert.ErrorContains(t, err, "line 4 code")
}

// Each bound of the CSV readers (issue 13, item 1), tested on the
// mechanism with a small bound and on the real ones where that is cheap.
func TestReadCSVBounds(t *testing.T) {
	rows := 0
	err := readCSV(strings.NewReader("id,unit\na,x\nb,x\nc,x\n"), "roster", rosterColumns, 2, 2, func(int, func(string) string) error { rows++; return nil })
	assert.ErrorContains(t, err, "line 4: more than the 2 rows allowed")
	assert.Equal(t, 2, rows, "the rows within the bound were read, the rest refused")

	codes := make([]string, MaxListItems+1)
	for i := range codes {
		codes[i] = "91350100M000100Y43"
	}
	_, err = ReadRoster(strings.NewReader("id,unit,excluded\nZF01,x," + strings.Join(codes, ";") + "\n"))
	assert.ErrorContains(t, err, "line 2 excluded has 10001 items, at most 10000")
	_, err = ReadRoster(strings.NewReader("id,unit,qualifications\nZF01,x," + strings.Join(codes[:MaxListItems+1], ";") + "\n"))
	assert.ErrorContains(t, err, "line 2 qualifications has 10001 items")
	_, err = ReadRoster(strings.NewReader("id,unit,qualifications\nZF01,x,药品;" + strings.Repeat("x", MaxText+1) + "\n"))
	assert.ErrorContains(t, err, "qualifications is 1001 bytes long")
	rs, err := ReadRoster(strings.NewReader("id,unit,excluded\nZF01,x," + strings.Join(codes[:MaxListItems], ";") + "\n"))
	require.NoError(t, err, "exactly at the bound")
	assert.Len(t, rs[0].Excluded, MaxListItems)
}
