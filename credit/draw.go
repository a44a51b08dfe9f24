package credit

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// ErrInvalidDraw reports draw inputs that cannot be drawn from, or a draw
// record that does not reproduce.
var ErrInvalidDraw = errors.New("credit: 双随机抽取无效 / invalid draw")

// Algorithm names the draw procedure, recorded with every draw.
const Algorithm = "bizenv-draw/1: key = SHA-256(\"bizenv-draw/1\\x00\" + seed + \"\\x00\" + population, roster and policy hashes); " +
	"generator = ChaCha8 (Go math/rand/v2) keyed with it; groups by (grade, risk) in byte order, entities in code order; " +
	"ceil(n × percent / 100) drawn per group by a partial Fisher–Yates shuffle; inspectors per entity by rejection sampling " +
	"(at most 32 tries each), then a scan from a random start"

// Inspector is one entry of the inspector roster (执法检查人员名录库).
type Inspector struct {
	// ID identifies the inspector (执法证号).
	ID string `json:"id"`
	// Name is the inspector's name.
	Name string `json:"name,omitempty"`
	// Unit is the inspector's unit.
	Unit string `json:"unit"`
	// Qualifications are the fields the inspector may check.
	Qualifications []string `json:"qualifications,omitempty"`
	// Excluded are the entities the inspector must not check: kinship,
	// a recent inspection of the same entity, other conflicts.
	Excluded []USCC `json:"excluded,omitempty"`
}

// Roster is the inspector roster (执法检查人员名录库) a draw pairs entities
// with.
type Roster []Inspector

// DrawPolicy is a policy with the pairing rules of one draw.
type DrawPolicy struct {
	Policy
	// Inspectors is the number of inspectors per entity; 0 means 2.
	Inspectors int `json:"inspectors,omitempty"`
	// DistinctUnits asks that an entity's inspectors come from different
	// units (联合检查).
	DistinctUnits bool `json:"distinct_units,omitempty"`
	// RequireQualification asks that inspectors be qualified for the
	// entity's field.
	RequireQualification bool `json:"require_qualification,omitempty"`
}

// Pick is one entity drawn with its inspectors.
type Pick struct {
	// Entity is the entity drawn.
	Entity USCC `json:"entity"`
	// Cell is the policy cell (grade, risk) it was drawn from.
	Cell Cell `json:"cell"`
	// Inspectors are the IDs of its inspectors.
	Inspectors []string `json:"inspectors"`
}

// DrawRecord is a published draw: enough for anyone holding the
// population and roster to re-run it and get the same result.
type DrawRecord struct {
	// Algorithm describes the procedure (see the constant Algorithm).
	Algorithm string `json:"algorithm"`
	// Seed is the published seed (e.g. a lottery result, a block hash, a
	// public ceremony's number).
	Seed string `json:"seed"`
	// Population is the SHA-256 (hex) of the canonical population.
	Population string `json:"population_sha256"`
	// Roster is the SHA-256 (hex) of the canonical roster.
	Roster string `json:"roster_sha256"`
	// Policy is the policy drawn under.
	Policy DrawPolicy `json:"policy"`
	// PolicyHash is the SHA-256 (hex) of the policy's JSON.
	PolicyHash string `json:"policy_sha256"`
	// Entities is the size of the population.
	Entities int `json:"entities"`
	// Exempt counts the red-listed entities outside key fields, not drawn.
	Exempt int `json:"exempt"`
	// Unmatched lists the entities no policy cell covers: never silently
	// dropped.
	Unmatched []USCC `json:"unmatched,omitempty"`
	// Picks are the entities drawn, in draw order, with their inspectors.
	Picks []Pick `json:"picks"`
	// Result is the SHA-256 (hex) of the canonical picks.
	Result string `json:"result_sha256"`
}

func hexSum(h hash.Hash) string { return hex.EncodeToString(h.Sum(nil)) }

// canonicalPopulation checks the population and returns its entity indexes
// in code order and its hash; a zero or duplicate code, a text past
// MaxText or more than MaxEntities entities is an error.
func canonicalPopulation(pop []Entity, maxEntities int) ([]int32, string, error) {
	if len(pop) > maxEntities {
		return nil, "", boundErr("population", len(pop), maxEntities)
	}
	idx := make([]int32, len(pop))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(a, b int32) int { return bytes.Compare(pop[a].Code.b[:], pop[b].Code.b[:]) })
	h := sha256.New()
	var line []byte
	for k, i := range idx {
		e := &pop[i]
		if e.Code.IsZero() {
			return nil, "", fmt.Errorf("%w: 第%d个主体缺少代码 / entity %d has no code", ErrInvalidDraw, i+1, i+1)
		}
		if k > 0 && pop[idx[k-1]].Code == e.Code {
			return nil, "", fmt.Errorf("%w: 主体 %s 重复 / entity %s appears twice", ErrInvalidDraw, e.Code, e.Code)
		}
		line = line[:0]
		line = append(line, e.Code.b[:]...)
		for j, s := range []string{e.Name, string(e.Grade), e.Risk, e.Field} {
			if !textOK(s) {
				return nil, "", checkText(fmt.Sprintf("主体 %s 的 %s / entity %s %s", e.Code, entityTexts[j], e.Code, entityTexts[j]), s)
			}
			line = append(line, '\t')
			line = strconv.AppendQuote(line, s)
		}
		line = append(line, '\t')
		line = strconv.AppendBool(line, e.Red)
		line = append(line, '\n')
		h.Write(line)
	}
	return idx, hexSum(h), nil
}

var entityTexts = [...]string{"name", "grade", "risk", "field"}

// canonicalRoster checks the roster and returns the inspectors in ID
// order, each with sorted qualifications and exclusions, and the roster
// hash. An empty or repeated ID, a qualification that is empty or holds
// the separator ';' (which would make two rosters hash alike), a text past
// MaxText, a list past MaxListItems or more than MaxRoster inspectors is
// an error.
func canonicalRoster(roster []Inspector, maxRoster int) ([]Inspector, string, error) {
	if len(roster) > maxRoster {
		return nil, "", boundErr("roster", len(roster), maxRoster)
	}
	rs := make([]Inspector, len(roster))
	copy(rs, roster)
	sort.Slice(rs, func(i, j int) bool { return rs[i].ID < rs[j].ID })
	h := sha256.New()
	var line []byte
	for k := range rs {
		r := &rs[k]
		if r.ID == "" {
			return nil, "", fmt.Errorf("%w: 检查人员缺少编号 / an inspector has no id", ErrInvalidDraw)
		}
		if k > 0 && rs[k-1].ID == r.ID {
			return nil, "", fmt.Errorf("%w: 检查人员 %s 重复 / inspector %s appears twice", ErrInvalidDraw, echo(r.ID), echo(r.ID))
		}
		for _, f := range []struct{ what, s string }{{"id", r.ID}, {"name", r.Name}, {"unit", r.Unit}} {
			if !textOK(f.s) {
				return nil, "", checkText(fmt.Sprintf("检查人员 %s 的 %s / inspector %s %s", echo(r.ID), f.what, echo(r.ID), f.what), f.s)
			}
		}
		if len(r.Qualifications) > MaxListItems {
			return nil, "", boundErr(fmt.Sprintf("检查人员 %s 的 qualifications / inspector %s qualifications", echo(r.ID), echo(r.ID)), len(r.Qualifications), MaxListItems)
		}
		if len(r.Excluded) > MaxListItems {
			return nil, "", boundErr(fmt.Sprintf("检查人员 %s 的 excluded / inspector %s excluded", echo(r.ID), echo(r.ID)), len(r.Excluded), MaxListItems)
		}
		for _, q := range r.Qualifications {
			if q == "" || strings.Contains(q, ";") {
				return nil, "", fmt.Errorf("%w: 检查人员 %s 的资格 %s 为空或含分号 / inspector %s qualification %s is empty or holds a semicolon",
					ErrInvalidDraw, echo(r.ID), echo(q), echo(r.ID), echo(q))
			}
			if !textOK(q) {
				return nil, "", checkText(fmt.Sprintf("检查人员 %s 的资格 / inspector %s qualification", echo(r.ID), echo(r.ID)), q)
			}
		}
		quals := slices.Clone(r.Qualifications)
		sort.Strings(quals)
		r.Qualifications = quals
		ex := slices.Clone(r.Excluded)
		slices.SortFunc(ex, func(a, b USCC) int { return bytes.Compare(a.b[:], b.b[:]) })
		r.Excluded = ex
		line = line[:0]
		for _, s := range []string{r.ID, r.Name, r.Unit, strings.Join(quals, ";")} {
			line = strconv.AppendQuote(line, s)
			line = append(line, '\t')
		}
		for i, e := range ex {
			if i > 0 {
				line = append(line, ';')
			}
			line = append(line, e.b[:]...)
		}
		line = append(line, '\n')
		h.Write(line)
	}
	return rs, hexSum(h), nil
}

// canonical policy JSON: the bytes encoding/json writes for a DrawPolicy
// with decimal's default settings, written here field by field so that no
// package setting (decimal.MarshalJSONWithoutQuotes, which any importer can
// set) changes a policy's hash.
type (
	canonicalCell struct {
		Grade   Grade  `json:"grade"`
		Risk    string `json:"risk"`
		Percent string `json:"percent"`
		PerYear int    `json:"per_year"`
	}
	canonicalPolicy struct {
		Cells                []canonicalCell `json:"cells"`
		KeyFields            []string        `json:"key_fields,omitempty"`
		DisturbRedList       bool            `json:"disturb_red_list,omitempty"`
		Inspectors           int             `json:"inspectors,omitempty"`
		DistinctUnits        bool            `json:"distinct_units,omitempty"`
		RequireQualification bool            `json:"require_qualification,omitempty"`
	}
)

// policyHash is the SHA-256 (hex) of the policy's canonical JSON.
func policyHash(p DrawPolicy) string {
	s := sha256.Sum256(canonicalPolicyJSON(p))
	return hex.EncodeToString(s[:])
}

// canonicalPolicyJSON writes the policy as encoding/json writes a
// DrawPolicy under decimal's default settings. The policy must have passed
// check, which bounds what Percent.String expands.
func canonicalPolicyJSON(p DrawPolicy) []byte {
	cp := canonicalPolicy{KeyFields: p.KeyFields, DisturbRedList: p.DisturbRedList, Inspectors: p.Inspectors,
		DistinctUnits: p.DistinctUnits, RequireQualification: p.RequireQualification}
	if p.Cells != nil {
		cp.Cells = make([]canonicalCell, len(p.Cells))
		for i, c := range p.Cells {
			cp.Cells[i] = canonicalCell{c.Grade, c.Risk, c.Percent.String(), c.PerYear}
		}
	}
	b, err := json.Marshal(cp)
	if err != nil { // strings, ints and bools always marshal
		panic("credit: canonical policy: " + err.Error())
	}
	return b
}

// Draw runs a double-random draw (双随机): it draws entities from pop per
// the policy's ratios and pairs each with inspectors from roster who are
// not excluded for it (and, as the policy asks, qualified for its field
// and from different units). The draw is deterministic: the same inputs
// and seed always give the same record (see Algorithm). An entity that
// cannot get enough eligible inspectors is an error naming it.
//
// Every count is bounded (MaxEntities, MaxRoster, MaxInspectorsPerEntity,
// MaxCells, MaxPercentPlaces, MaxPerYear, MaxKeyFields, MaxListItems,
// MaxText), and pairing costs a few binary searches per inspector, so that
// time and memory stay proportional to the inputs whatever they hold.
func Draw(pop []Entity, roster Roster, p DrawPolicy, seed string) (*DrawRecord, error) {
	if seed == "" {
		return nil, fmt.Errorf("%w: 需要公开的随机种子 / a published seed is required", ErrInvalidDraw)
	}
	if err := checkText("seed", seed); err != nil {
		return nil, err
	}
	if err := p.check(); err != nil {
		return nil, err
	}
	idx, popHash, err := canonicalPopulation(pop, MaxEntities)
	if err != nil {
		return nil, err
	}
	rs, rosterHash, err := canonicalRoster(roster, MaxRoster)
	if err != nil {
		return nil, err
	}
	polHash := policyHash(p)
	rec := &DrawRecord{Algorithm: Algorithm, Seed: seed, Population: popHash, Roster: rosterHash, Policy: p,
		PolicyHash: polHash, Entities: len(pop), Picks: []Pick{}}
	key := sha256.Sum256([]byte("bizenv-draw/1\x00" + seed + "\x00" + popHash + rosterHash + polHash))
	rng := rand.New(rand.NewChaCha8(key))

	groups := map[Cell][]int32{}
	pct := map[Cell]decimal.Decimal{}
	for _, i := range idx {
		e := &pop[i]
		c, exempt, ok := p.For(*e)
		switch {
		case exempt:
			rec.Exempt++
		case !ok:
			rec.Unmatched = append(rec.Unmatched, e.Code)
		default:
			cell := Cell{e.Grade, e.Risk}
			groups[cell] = append(groups[cell], i)
			pct[cell] = c.Percent
		}
	}
	cells := make([]Cell, 0, len(groups))
	for c := range groups {
		cells = append(cells, c)
	}
	sort.Slice(cells, func(i, j int) bool {
		if cells[i].Grade != cells[j].Grade {
			return cells[i].Grade < cells[j].Grade
		}
		return cells[i].Risk < cells[j].Risk
	})
	k := p.Inspectors
	if k == 0 {
		k = 2
	}
	pl := newPool(rs, p)
	chosen := make([]int32, 0, k)
	for _, cell := range cells {
		g := groups[cell]
		n := len(g)
		// ceil(n × percent / 100), exactly: percent has at most six
		// decimal places, and Shift divides by 100 without rounding (Div
		// would round at decimal.DivisionPrecision, a package setting).
		take := int(decimal.NewFromInt(int64(n)).Mul(pct[cell]).Shift(-2).Ceil().IntPart())
		for i := 0; i < take; i++ { // partial Fisher–Yates
			j := i + rng.IntN(n-i)
			g[i], g[j] = g[j], g[i]
			e := &pop[g[i]]
			chosen, err = pl.pair(e, k, rng, chosen[:0])
			if err != nil {
				return nil, err
			}
			ids := make([]string, len(chosen))
			for x, c := range chosen {
				ids[x] = rs[c].ID
			}
			rec.Picks = append(rec.Picks, Pick{Entity: e.Code, Cell: cell, Inspectors: ids})
		}
	}
	rec.Result = resultHash(rec.Picks)
	return rec, nil
}

// pool indexes the canonical roster for pairing, so that finding an
// eligible inspector costs binary searches, not a scan of the roster: a
// roster built to make most inspectors ineligible (one unit, one
// qualification, long exclusion lists) cannot stall a draw.
type pool struct {
	rs   []Inspector
	p    DrawPolicy
	unit []int32 // each inspector's unit, numbered
	// all lists every inspector (0 … n-1); byField the inspectors
	// qualified for a field, when the policy requires qualification.
	all     []int32
	byField map[string][]int32
	// excluders lists, by entity, the inspectors excluding it.
	excluders map[[18]byte][]int32
	// unitPos maps a candidate list (by its first element's address) to
	// the positions in it of each unit's inspectors, built on first use.
	unitPos map[*int32]map[int32][]int32
}

func newPool(rs []Inspector, p DrawPolicy) *pool {
	pl := &pool{rs: rs, p: p, unit: make([]int32, len(rs)), excluders: map[[18]byte][]int32{}}
	units := map[string]int32{}
	for i := range rs {
		u, ok := units[rs[i].Unit]
		if !ok {
			u = int32(len(units))
			units[rs[i].Unit] = u
		}
		pl.unit[i] = u
		for j, x := range rs[i].Excluded {
			if j > 0 && x.b == rs[i].Excluded[j-1].b {
				continue
			}
			pl.excluders[x.b] = append(pl.excluders[x.b], int32(i))
		}
	}
	if p.RequireQualification {
		pl.byField = map[string][]int32{}
		for i := range rs {
			for j, q := range rs[i].Qualifications {
				if j == 0 || q != rs[i].Qualifications[j-1] {
					pl.byField[q] = append(pl.byField[q], int32(i))
				}
			}
		}
	} else {
		pl.all = make([]int32, len(rs))
		for i := range pl.all {
			pl.all[i] = int32(i)
		}
	}
	if p.DistinctUnits {
		pl.unitPos = map[*int32]map[int32][]int32{}
	}
	return pl
}

// excluded reports whether inspector c excludes e.
func (pl *pool) excluded(c int32, e *Entity) bool {
	ex := pl.rs[c].Excluded
	i, _ := slices.BinarySearchFunc(ex, e.Code, func(a, b USCC) int { return bytes.Compare(a.b[:], b.b[:]) })
	for ; i < len(ex) && ex[i].b == e.Code.b; i++ {
		if ex[i] == e.Code {
			return true
		}
	}
	return false
}

// eligible reports whether inspector c may check e, given those chosen.
func (pl *pool) eligible(c int32, e *Entity, chosen []int32) bool {
	for _, x := range chosen {
		if x == c || (pl.p.DistinctUnits && pl.unit[x] == pl.unit[c]) {
			return false
		}
	}
	if pl.excluded(c, e) {
		return false
	}
	if pl.p.RequireQualification {
		if _, ok := slices.BinarySearch(pl.rs[c].Qualifications, e.Field); !ok {
			return false
		}
	}
	return true
}

// pair chooses k inspectors for e: up to 32 random tries for each, then
// the first eligible inspector from a random start, wrapping round (the
// procedure Algorithm names). The scan is answered from the indexes: the
// candidates are the inspectors qualified for e's field (or all), less the
// blocked ones — those chosen, those in a chosen inspector's unit, those
// excluding e — found by counting blocked positions with binary searches.
func (pl *pool) pair(e *Entity, k int, rng *rand.Rand, chosen []int32) ([]int32, error) {
	n := len(pl.rs)
	if n == 0 {
		return nil, fmt.Errorf("%w: 检查人员名录为空 / the roster is empty", ErrInvalidDraw)
	}
	for len(chosen) < k {
		found := int32(-1)
		for try := 0; try < 32; try++ {
			c := int32(rng.IntN(n))
			if pl.eligible(c, e, chosen) {
				found = c
				break
			}
		}
		if found < 0 {
			found = pl.scan(e, int32(rng.IntN(n)), chosen)
		}
		if found < 0 {
			return nil, fmt.Errorf("%w: 主体 %s 只有%d名符合条件的检查人员，需要%d名 / entity %s has %d eligible inspectors; %d are needed",
				ErrInvalidDraw, e.Code, len(chosen), k, e.Code, len(chosen), k)
		}
		chosen = append(chosen, found)
	}
	return chosen, nil
}

// scan returns the first eligible inspector at or after start, wrapping
// round, or -1: the result of trying start, start+1, … in turn.
func (pl *pool) scan(e *Entity, start int32, chosen []int32) int32 {
	cand := pl.all
	if pl.p.RequireQualification {
		cand = pl.byField[e.Field]
	}
	if len(cand) == 0 {
		return -1
	}
	pos := func(c int32) (int, bool) { return slices.BinarySearch(cand, c) }
	// The blocked positions, as disjoint sorted lists: whole units, and
	// single positions.
	var units [][]int32
	var single []int32
	if pl.p.DistinctUnits {
		up := pl.unitPositions(cand)
		for i, x := range chosen {
			u := pl.unit[x]
			if !slices.ContainsFunc(chosen[:i], func(y int32) bool { return pl.unit[y] == u }) {
				units = append(units, up[u])
			}
		}
	} else {
		for _, x := range chosen {
			if i, ok := pos(x); ok {
				single = append(single, int32(i))
			}
		}
	}
	for _, x := range pl.excluders[e.Code.b] {
		if !pl.excluded(x, e) { // the same digits, but a code tolerated differently
			continue
		}
		if pl.p.DistinctUnits && slices.ContainsFunc(chosen, func(y int32) bool { return pl.unit[y] == pl.unit[x] }) {
			continue // blocked with its unit already
		}
		if i, ok := pos(x); ok { // never a chosen one: those are eligible
			single = append(single, int32(i))
		}
	}
	slices.Sort(single)
	blocked := func(lo, hi int) int { // blocked positions in [lo, hi)
		count := func(l []int32) int {
			a, _ := slices.BinarySearch(l, int32(lo))
			b, _ := slices.BinarySearch(l, int32(hi))
			return b - a
		}
		n := count(single)
		for _, l := range units {
			n += count(l)
		}
		return n
	}
	// first returns the first free position in [lo, hi), or -1: the
	// longest run from lo that is all blocked ends there.
	first := func(lo, hi int) int {
		a, b := 0, hi-lo // [lo, lo+a) is all blocked; [lo, lo+b+1) is not, or b = hi-lo
		if blocked(lo, hi) == hi-lo {
			return -1
		}
		for a < b {
			m := (a + b + 1) / 2
			if blocked(lo, lo+m) == m {
				a = m
			} else {
				b = m - 1
			}
		}
		return lo + a
	}
	p0, _ := pos(start)
	if q := first(p0, len(cand)); q >= 0 {
		return cand[q]
	}
	if q := first(0, p0); q >= 0 {
		return cand[q]
	}
	return -1
}

// unitPositions returns, for a candidate list, the positions in it of
// each unit's inspectors.
func (pl *pool) unitPositions(cand []int32) map[int32][]int32 {
	key := &cand[0]
	if up, ok := pl.unitPos[key]; ok {
		return up
	}
	up := map[int32][]int32{}
	for i, c := range cand {
		up[pl.unit[c]] = append(up[pl.unit[c]], int32(i))
	}
	pl.unitPos[key] = up
	return up
}

func resultHash(picks []Pick) string {
	h := sha256.New()
	var line []byte
	for _, p := range picks {
		line = append(line[:0], p.Entity.b[:]...)
		for _, id := range p.Inspectors {
			line = append(line, '\t')
			line = strconv.AppendQuote(line, id)
		}
		line = append(line, '\n')
		h.Write(line)
	}
	return hexSum(h)
}

// Verify re-runs a published draw from the population and roster and
// reports whether the record is exactly what the draw gives: every field
// of it — the algorithm, the seed and policy (through the re-run), each
// hash, the counts, the unmatched entities and each pick's entity, cell and
// inspectors. Inputs that differ from those drawn from (their hashes), a
// record altered after the draw and a different result are all errors
// wrapping ErrInvalidDraw that name the field that differs. The record is
// checked against the bounds first, so a forged one cannot make the re-run
// exhaust memory.
func Verify(rec *DrawRecord, pop []Entity, roster Roster) error {
	if rec == nil {
		return fmt.Errorf("%w: 没有抽取记录 / no record", ErrInvalidDraw)
	}
	if err := rec.check(MaxEntities); err != nil {
		return err
	}
	if rec.Algorithm != Algorithm {
		return fmt.Errorf("%w: 记录的算法（algorithm）不是 bizenv-draw/1 / the record's algorithm is not bizenv-draw/1: %s", ErrInvalidDraw, echo(rec.Algorithm))
	}
	_, popHash, err := canonicalPopulation(pop, MaxEntities)
	if err != nil {
		return err
	}
	if popHash != rec.Population {
		return fmt.Errorf("%w: 名录库（市场主体）与抽取时不同 / the population differs from the one drawn from (sha256 %s, recorded %s)", ErrInvalidDraw, popHash, showHash(rec.Population))
	}
	_, rosterHash, err := canonicalRoster(roster, MaxRoster)
	if err != nil {
		return err
	}
	if rosterHash != rec.Roster {
		return fmt.Errorf("%w: 检查人员名录与抽取时不同 / the roster differs from the one drawn from (sha256 %s, recorded %s)", ErrInvalidDraw, rosterHash, showHash(rec.Roster))
	}
	if policyHash(rec.Policy) != rec.PolicyHash {
		return fmt.Errorf("%w: 记录中的抽取规则被改动（policy_sha256）/ the record's policy was altered after the draw (policy_sha256)", ErrInvalidDraw)
	}
	if resultHash(rec.Picks) != rec.Result {
		return fmt.Errorf("%w: 记录中的抽取结果被改动（result_sha256）/ the record's picks were altered after the draw (result_sha256)", ErrInvalidDraw)
	}
	again, err := Draw(pop, roster, rec.Policy, rec.Seed)
	if err != nil {
		return err
	}
	return sameRecord(again, rec)
}

// showHash shows a recorded hash: as it is when it is 64 hex digits,
// quoted and shortened otherwise (a forged record can hold anything).
func showHash(s string) string {
	if len(s) == 64 && strings.Trim(s, "0123456789abcdef") == "" {
		return s
	}
	return echo(s)
}

// sameRecord names the first field in which rec differs from the draw's
// own record again.
func sameRecord(again, rec *DrawRecord) error {
	differ := func(field string) error {
		return fmt.Errorf("%w: 重新抽取的 %s 与记录不同 / re-running the draw gives a different %s", ErrInvalidDraw, field, field)
	}
	switch {
	case again.Entities != rec.Entities:
		return differ("entities")
	case again.Exempt != rec.Exempt:
		return differ("exempt")
	case len(again.Unmatched) != len(rec.Unmatched):
		return differ("unmatched")
	}
	for i := range again.Unmatched {
		if again.Unmatched[i] != rec.Unmatched[i] {
			return differ(fmt.Sprintf("unmatched[%d]", i))
		}
	}
	for i := range again.Picks {
		if i >= len(rec.Picks) {
			return fmt.Errorf("%w: 重新抽取的第%d项在记录中缺失 / re-running the draw gives pick %d, which the record lacks", ErrInvalidDraw, i+1, i+1)
		}
		a, r := again.Picks[i], rec.Picks[i]
		switch {
		case a.Entity != r.Entity || !slices.Equal(a.Inspectors, r.Inspectors):
			return fmt.Errorf("%w: 重新抽取的第%d项不同 / re-running the draw differs at pick %d", ErrInvalidDraw, i+1, i+1)
		case a.Cell != r.Cell:
			return fmt.Errorf("%w: 重新抽取的第%d项的 cell 不同 / re-running the draw gives pick %d another cell", ErrInvalidDraw, i+1, i+1)
		}
	}
	switch {
	case len(rec.Picks) > len(again.Picks):
		return fmt.Errorf("%w: 记录多出第%d项 / the record has a pick %d the draw does not give", ErrInvalidDraw, len(again.Picks)+1, len(again.Picks)+1)
	case again.Result != rec.Result:
		return differ("result_sha256")
	case again.Algorithm != rec.Algorithm, again.Seed != rec.Seed, again.Population != rec.Population, again.Roster != rec.Roster,
		again.PolicyHash != rec.PolicyHash:
		return differ("algorithm, seed or hashes") // checked before the re-run; kept so that nothing escapes
	}
	return nil
}
