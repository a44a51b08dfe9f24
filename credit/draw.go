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

// canonicalPopulation returns the entity indexes in code order and the
// population hash; a duplicate or zero code is an error.
func canonicalPopulation(pop []Entity) ([]int32, string, error) {
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
		for _, s := range []string{e.Name, string(e.Grade), e.Risk, e.Field} {
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

// canonicalRoster returns the inspectors in ID order and the roster hash.
func canonicalRoster(roster []Inspector) ([]Inspector, string, error) {
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
			return nil, "", fmt.Errorf("%w: 检查人员 %s 重复 / inspector %s appears twice", ErrInvalidDraw, r.ID, r.ID)
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

func policyHash(p DrawPolicy) (string, error) {
	b, err := json.Marshal(p)
	if err != nil {
		return "", err
	}
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:]), nil
}

// Draw runs a double-random draw (双随机): it draws entities from pop per
// the policy's ratios and pairs each with inspectors from roster who are
// not excluded for it (and, as the policy asks, qualified for its field
// and from different units). The draw is deterministic: the same inputs
// and seed always give the same record (see Algorithm). An entity that
// cannot get enough eligible inspectors is an error naming it.
func Draw(pop []Entity, roster Roster, p DrawPolicy, seed string) (*DrawRecord, error) {
	if seed == "" {
		return nil, fmt.Errorf("%w: 需要公开的随机种子 / a published seed is required", ErrInvalidDraw)
	}
	if p.Inspectors < 0 {
		return nil, fmt.Errorf("%w: 每户检查人员数不能为负 / inspectors per entity cannot be negative", ErrInvalidDraw)
	}
	for i, c := range p.Cells {
		if c.Percent.IsNegative() || c.Percent.GreaterThan(decimal.NewFromInt(100)) || c.PerYear < 0 {
			return nil, fmt.Errorf("%w: cells[%d] 的比例须在0–100之间 / cells[%d] percent must be 0 to 100", ErrInvalidDraw, i, i)
		}
	}
	idx, popHash, err := canonicalPopulation(pop)
	if err != nil {
		return nil, err
	}
	rs, rosterHash, err := canonicalRoster(roster)
	if err != nil {
		return nil, err
	}
	polHash, err := policyHash(p)
	if err != nil {
		return nil, err
	}
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
	hundred := decimal.NewFromInt(100)
	chosen := make([]int, 0, k)
	for _, cell := range cells {
		g := groups[cell]
		n := len(g)
		take := int(decimal.NewFromInt(int64(n)).Mul(pct[cell]).Div(hundred).Ceil().IntPart())
		for i := 0; i < take; i++ { // partial Fisher–Yates
			j := i + rng.IntN(n-i)
			g[i], g[j] = g[j], g[i]
			e := &pop[g[i]]
			chosen, err = pair(e, rs, p, k, rng, chosen[:0])
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

// eligible reports whether inspector r may check e under p, given the
// inspectors already chosen.
func eligible(r *Inspector, e *Entity, p DrawPolicy, rs []Inspector, chosen []int, idx int) bool {
	for _, c := range chosen {
		if c == idx || (p.DistinctUnits && rs[c].Unit == r.Unit) {
			return false
		}
	}
	for _, x := range r.Excluded {
		if x == e.Code {
			return false
		}
	}
	if p.RequireQualification && !slices.Contains(r.Qualifications, e.Field) {
		return false
	}
	return true
}

// pair chooses k inspectors for e.
func pair(e *Entity, rs []Inspector, p DrawPolicy, k int, rng *rand.Rand, chosen []int) ([]int, error) {
	if len(rs) == 0 {
		return nil, fmt.Errorf("%w: 检查人员名录为空 / the roster is empty", ErrInvalidDraw)
	}
	for len(chosen) < k {
		found := -1
		for try := 0; try < 32; try++ {
			c := rng.IntN(len(rs))
			if eligible(&rs[c], e, p, rs, chosen, c) {
				found = c
				break
			}
		}
		if found < 0 {
			start := rng.IntN(len(rs))
			for s := 0; s < len(rs); s++ {
				c := (start + s) % len(rs)
				if eligible(&rs[c], e, p, rs, chosen, c) {
					found = c
					break
				}
			}
		}
		if found < 0 {
			return nil, fmt.Errorf("%w: 主体 %s 只有%d名符合条件的检查人员，需要%d名 / entity %s has %d eligible inspectors; %d are needed",
				ErrInvalidDraw, e.Code, len(chosen), k, e.Code, len(chosen), k)
		}
		chosen = append(chosen, found)
	}
	return chosen, nil
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
// reports whether it reproduces: inputs that differ from those drawn from
// (their hashes), a record altered after the draw (its policy hash, its
// picks, its result hash) and a different result are all errors wrapping
// ErrInvalidDraw that say what differs.
func Verify(rec *DrawRecord, pop []Entity, roster Roster) error {
	if rec == nil {
		return fmt.Errorf("%w: 没有抽取记录 / no record", ErrInvalidDraw)
	}
	_, popHash, err := canonicalPopulation(pop)
	if err != nil {
		return err
	}
	if popHash != rec.Population {
		return fmt.Errorf("%w: 名录库（市场主体）与抽取时不同 / the population differs from the one drawn from (sha256 %s, recorded %s)", ErrInvalidDraw, popHash, rec.Population)
	}
	_, rosterHash, err := canonicalRoster(roster)
	if err != nil {
		return err
	}
	if rosterHash != rec.Roster {
		return fmt.Errorf("%w: 检查人员名录与抽取时不同 / the roster differs from the one drawn from (sha256 %s, recorded %s)", ErrInvalidDraw, rosterHash, rec.Roster)
	}
	if ph, err := policyHash(rec.Policy); err != nil || ph != rec.PolicyHash {
		return fmt.Errorf("%w: 记录中的抽取规则被改动 / the record's policy was altered after the draw", ErrInvalidDraw)
	}
	if resultHash(rec.Picks) != rec.Result {
		return fmt.Errorf("%w: 记录中的抽取结果被改动 / the record's picks were altered after the draw", ErrInvalidDraw)
	}
	again, err := Draw(pop, roster, rec.Policy, rec.Seed)
	if err != nil {
		return err
	}
	if again.Result != rec.Result || len(again.Picks) != len(rec.Picks) || again.Exempt != rec.Exempt || again.Entities != rec.Entities {
		for i := range again.Picks {
			if i >= len(rec.Picks) || again.Picks[i].Entity != rec.Picks[i].Entity || !slices.Equal(again.Picks[i].Inspectors, rec.Picks[i].Inspectors) {
				return fmt.Errorf("%w: 重新抽取的第%d项不同 / re-running the draw differs at pick %d", ErrInvalidDraw, i+1, i+1)
			}
		}
		return fmt.Errorf("%w: 重新抽取的结果不同 / re-running the draw gives a different result", ErrInvalidDraw)
	}
	return nil
}
