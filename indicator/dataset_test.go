package indicator

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// smallSystem: two branches, three leaves with different directions.
func smallSystem() *System {
	return &System{Name: "测试", Roots: []*Node{
		{Code: "1", Name: "办事便利", Weight: dec("0.6"), Children: []*Node{
			{Code: "1.1", Name: "审批时限", Weight: dec("0.5"), Measure: &Measure{Unit: Days, Direction: Lower}},
			{Code: "1.2", Name: "一网应用率", Weight: dec("0.5"), Measure: &Measure{Unit: Percent, Direction: Higher}},
		}},
		{Code: "2", Name: "生态宜居", Weight: dec("0.4"), Children: []*Node{
			{Code: "2.1", Name: "空气优良天数", Measure: &Measure{Unit: Days, Direction: Higher}},
		}},
	}}
}

func obs(code, region, period, value string) Observation {
	p, _ := ParsePeriod(period)
	return Observation{Indicator: code, Region: region, Period: p, Value: decimal.RequireFromString(value), Status: Final}
}

func TestEvaluateSmall(t *testing.T) {
	ds, err := NewDataset(smallSystem())
	require.NoError(t, err)
	for _, o := range []Observation{
		obs("1.1", "甲区", "2025", "40"), obs("1.1", "乙区", "2025", "20"), obs("1.1", "丙区", "2025", "30"),
		obs("1.2", "甲区", "2025", "100"), obs("1.2", "乙区", "2025", "80"),
		obs("2.1", "甲区", "2025", "300"), obs("2.1", "乙区", "2025", "320"), obs("2.1", "丙区", "2025", "310"),
	} {
		require.NoError(t, ds.Add(o))
	}
	res, err := ds.Evaluate(mustPeriod(t, "2025"))
	require.NoError(t, err)
	assert.Equal(t, []string{"甲区", "乙区", "丙区"}, ds.Regions(), "in the order first added")
	assert.Equal(t, ds.Regions(), res.Regions())
	regions := res.Regions()
	regions[0] = "改写"
	assert.Equal(t, "甲区", res.Regions()[0], "the caller's copy")
	score := func(code, region string) string {
		s, ok := res.Score(code, region)
		if !ok {
			return "no data"
		}
		return s.String()
	}
	// 1.1 lower is better: frontier 20, worst 40.
	assert.Equal(t, "0", score("1.1", "甲区"))
	assert.Equal(t, "100", score("1.1", "乙区"))
	assert.Equal(t, "50", score("1.1", "丙区"))
	// 1.2: 丙区 has no value: no data, not zero.
	assert.Equal(t, "100", score("1.2", "甲区"))
	assert.Equal(t, "no data", score("1.2", "丙区"))
	// Branch 1 for 丙区 renormalises over 1.1 alone, with half the weight covered.
	assert.Equal(t, "50", score("1", "丙区"))
	assert.Equal(t, "0.5", res.Coverage("1", "丙区").String())
	assert.Equal(t, "1", res.Coverage("1", "甲区").String())
	assert.Equal(t, "50", score("1", "甲区"))
	assert.Equal(t, "50", score("1", "乙区"))
	// Overall: 甲 0.6×50 + 0.4×0 = 30; 乙 0.6×50 + 0.4×100 = 70; 丙 0.6×50 + 0.4×50 = 50.
	ranks, err := res.Ranking("")
	require.NoError(t, err)
	require.Len(t, ranks, 3)
	assert.Equal(t, []string{"乙区", "丙区", "甲区"}, []string{ranks[0].Region, ranks[1].Region, ranks[2].Region})
	assert.Equal(t, "70", ranks[0].Score.String())
	assert.Equal(t, []int{1, 2, 3}, []int{ranks[0].Rank, ranks[1].Rank, ranks[2].Rank})

	// Ties share a rank; regions without data come last, unranked.
	ranks, err = res.Ranking("1")
	require.NoError(t, err)
	for _, r := range ranks {
		assert.Equal(t, 1, r.Rank, r.Region)
	}
	ranks, err = res.Ranking("1.2")
	require.NoError(t, err)
	assert.Equal(t, Rank{Region: "丙区", Rank: 0, HasData: false}, ranks[2])
	_, err = res.Ranking("9.9")
	assert.ErrorIs(t, err, ErrInvalidSystem)

	// A period with no data at all: every score is missing.
	empty, err := ds.Evaluate(mustPeriod(t, "2024"))
	require.NoError(t, err)
	_, ok := empty.Score("1", "甲区")
	assert.False(t, ok)
	_, ok = empty.Overall("甲区")
	assert.False(t, ok)
}

func TestEvaluateFlatLeafHasNoScore(t *testing.T) {
	ds, err := NewDataset(smallSystem())
	require.NoError(t, err)
	require.NoError(t, ds.Add(obs("2.1", "甲区", "2025", "300")))
	require.NoError(t, ds.Add(obs("2.1", "乙区", "2025", "300")))
	res, err := ds.Evaluate(mustPeriod(t, "2025"))
	require.NoError(t, err)
	_, ok := res.Score("2.1", "甲区")
	assert.False(t, ok, "frontier equal to worst: no data, never NaN")
	require.Len(t, res.Notes(), 1)
	assert.Contains(t, res.Notes()[0], "no spread")
}

func TestDatasetAddErrors(t *testing.T) {
	ds, err := NewDataset(smallSystem())
	require.NoError(t, err)
	assert.ErrorIs(t, ds.Add(obs("1", "甲区", "2025", "1")), ErrInvalidObservation, "a branch is not measured")
	assert.ErrorIs(t, ds.Add(obs("9.9", "甲区", "2025", "1")), ErrInvalidObservation)
	assert.ErrorIs(t, ds.Add(Observation{Indicator: "1.1", Value: dec("1")}), ErrInvalidObservation)
	o := obs("1.1", "甲区", "2025", "30")
	o.Unit = Workdays
	err = ds.Add(o)
	assert.ErrorIs(t, err, ErrInvalidObservation)
	assert.ErrorIs(t, err, ErrUnitMismatch)

	require.NoError(t, ds.Add(obs("1.1", "甲区", "2025", "30")))
	assert.ErrorIs(t, ds.Add(obs("1.1", "甲区", "2025", "31")), ErrInvalidObservation, "a second final value")
	prov := obs("1.1", "甲区", "2025", "29")
	prov.Status = Provisional
	assert.ErrorIs(t, ds.Add(prov), ErrInvalidObservation, "provisional after final")
	require.NoError(t, ds.Replace(obs("1.1", "甲区", "2025", "31")))
	v, ok := ds.Value("1.1", "甲区", mustPeriod(t, "2025"))
	require.True(t, ok)
	assert.Equal(t, "31", v.String())

	prov = obs("1.2", "甲区", "2025", "50")
	prov.Status = Provisional
	require.NoError(t, ds.Add(prov))
	require.NoError(t, ds.Add(obs("1.2", "甲区", "2025", "60")), "final replaces provisional")
	v, _ = ds.Value("1.2", "甲区", mustPeriod(t, "2025"))
	assert.Equal(t, "60", v.String())

	// Observations in a convertible unit are stored in the measure's unit.
	o = obs("2.1", "甲区", "2025", "300")
	o.Unit = NaturalDays
	require.NoError(t, ds.Add(o))
}

func TestNewDatasetRejectsBrokenSystems(t *testing.T) {
	loop := &Node{Code: "1", Name: "a"}
	loop.Children = []*Node{loop}
	neg := smallSystem()
	neg.Roots[0].Weight = dec("-0.6")
	nodir := smallSystem()
	nodir.Roots[1].Children[0].Measure.Direction = 0
	for name, sys := range map[string]*System{"cycle": {Roots: []*Node{loop}}, "negative weight": neg, "no direction": nodir} {
		_, err := NewDataset(sys)
		assert.ErrorIs(t, err, ErrInvalidSystem, name)
	}
}

// referenceScores computes every node's score with plain decimal arithmetic,
// the straightforward way: the definition Evaluate must match exactly.
func referenceScores(sys *System, data map[string]map[string]decimal.Decimal, year int) map[string]map[string]decimal.Decimal {
	out := map[string]map[string]decimal.Decimal{}
	var visit func(n *Node)
	visit = func(n *Node) {
		scores := map[string]decimal.Decimal{}
		out[n.Code] = scores
		if n.IsLeaf() {
			m := n.Measure
			xs := map[int]decimal.Decimal{}
			regions := []string{}
			for region, v := range data[n.Code] {
				x := v
				if m.Direction == Band {
					t, _ := m.TargetFor(year)
					x = decimal.Max(t.Value.Sub(v), decimal.Zero, v.Sub(t.High))
				}
				xs[len(regions)] = x
				regions = append(regions, region)
			}
			if len(xs) == 0 {
				return
			}
			best, worst := frontierWorst(m, xs)
			for i, region := range regions {
				if s := DTF(xs[i], best, worst); s.Valid {
					scores[region] = s.Decimal
				}
			}
			return
		}
		for _, c := range n.Children {
			visit(c)
		}
		ws := make([]decimal.Decimal, len(n.Children))
		allZero := true
		for i, c := range n.Children {
			ws[i] = c.Weight.Round(6)
			allZero = allZero && ws[i].IsZero()
		}
		regions := map[string]bool{}
		for _, c := range n.Children {
			for r := range out[c.Code] {
				regions[r] = true
			}
		}
		for r := range regions {
			sum, sumW := decimal.Zero, decimal.Zero
			for i, c := range n.Children {
				w := ws[i]
				if allZero {
					w = decimal.NewFromInt(1)
				}
				if s, ok := out[c.Code][r]; ok && !w.IsZero() {
					sum = sum.Add(w.Mul(s))
					sumW = sumW.Add(w)
				}
			}
			if !sumW.IsZero() {
				scores[r] = sum.DivRound(sumW, 6)
			}
		}
	}
	for _, r := range sys.Roots {
		visit(r)
	}
	return out
}

// randomSystem builds a tree of the given shape with random weights and
// measures of every direction.
func randomSystem(rng *rand.Rand, shape []int) *System {
	sys := &System{Name: "random"}
	var build func(level int) []*Node
	build = func(level int) []*Node {
		n := 1 + rng.Intn(shape[level])
		nodes := make([]*Node, n)
		for i := range nodes {
			nd := &Node{Name: fmt.Sprintf("n%d-%d", level, i)}
			if rng.Intn(3) > 0 {
				nd.Weight = decimal.New(int64(rng.Intn(1000)), -3)
			}
			if level+1 < len(shape) {
				nd.Children = build(level + 1)
			} else {
				m := &Measure{Unit: Percent, Direction: Direction(1 + rng.Intn(3))}
				if m.Direction == Band {
					lo := decimal.New(int64(rng.Intn(50)), 0)
					m.Targets = []Target{{Op: Between, Value: lo, High: lo.Add(decimal.New(int64(rng.Intn(30)), -1)), Unit: Percent, Year: 2025}}
				}
				if rng.Intn(4) == 0 {
					m.Frontier = decimal.NewNullDecimal(decimal.New(int64(rng.Intn(100)), 0))
					m.Worst = decimal.NewNullDecimal(decimal.New(int64(rng.Intn(100)+100), 0))
				}
				nd.Measure = m
			}
			nodes[i] = nd
		}
		return nodes
	}
	sys.Roots = build(0)
	sys.AssignCodes()
	return sys
}

func TestEvaluateEqualsDecimalComputation(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for trial := 0; trial < 40; trial++ {
		sys := randomSystem(rng, []int{3, 4, 4})
		ds, err := NewDataset(sys)
		require.NoError(t, err)
		data := map[string]map[string]decimal.Decimal{}
		for _, leaf := range sys.Leaves() {
			data[leaf.Code] = map[string]decimal.Decimal{}
			for r := 0; r < 12; r++ {
				if rng.Intn(5) == 0 {
					continue // missing data
				}
				var v decimal.Decimal
				switch rng.Intn(4) {
				case 0:
					v = decimal.New(rng.Int63n(1_000_000), -int32(rng.Intn(8)))
				case 1:
					v = decimal.New(rng.Int63n(200)-50, 0)
				case 2: // beyond int64: the decimal path
					v = decimal.RequireFromString(fmt.Sprintf("%d%018d.5", rng.Intn(9)+1, rng.Int63()))
				default:
					v = decimal.New(rng.Int63n(100), int32(rng.Intn(3)))
				}
				region := fmt.Sprintf("r%02d", r)
				data[leaf.Code][region] = v
				require.NoError(t, ds.Add(Observation{Indicator: leaf.Code, Region: region, Period: mustPeriod(t, "2025"), Value: v}))
			}
		}
		res, err := ds.Evaluate(mustPeriod(t, "2025"))
		require.NoError(t, err)
		want := referenceScores(sys, data, 2025)
		sys.Walk(func(n *Node, _ int, _ *Node) bool {
			for r := 0; r < 12; r++ {
				region := fmt.Sprintf("r%02d", r)
				got, ok := res.Score(n.Code, region)
				w, wok := want[n.Code][region]
				require.Equal(t, wok, ok, "trial %d node %s region %s", trial, n.Code, region)
				if ok {
					require.True(t, w.Equal(got), "trial %d node %s region %s: want %s got %s", trial, n.Code, region, w, got)
				}
			}
			return true
		})
	}
}

func TestEvaluateRoundsHalfUp(t *testing.T) {
	sys := &System{Roots: []*Node{{Code: "1", Name: "x", Measure: &Measure{Unit: Items, Direction: Higher}}}}
	ds, err := NewDataset(sys)
	require.NoError(t, err)
	for region, v := range map[string]string{"a": "0", "b": "1", "c": "200000000"} {
		require.NoError(t, ds.Add(obs("1", region, "2025", v)))
	}
	res, err := ds.Evaluate(mustPeriod(t, "2025"))
	require.NoError(t, err)
	s, ok := res.Score("1", "b")
	require.True(t, ok)
	assert.Equal(t, "0.000001", s.String(), "1/2e8 × 100 = 0.0000005, half rounds up")
}

func TestDecodeObservations(t *testing.T) {
	obs, err := DecodeObservations(strings.NewReader(`[{"indicator":"1.1","region":"铁西区","period":"2025","value":"12.5","status":"final"}]`))
	require.NoError(t, err)
	require.Len(t, obs, 1)
	assert.Equal(t, "12.5", obs[0].Value.String())
	for _, in := range []string{
		`[null]`,
		`[{"indicator":"1.1","indicator":"1.2","region":"a","period":"2025","value":"1"}]`,
		`[{"indicator":"1.1","region":"a","period":"2025","value":"x"}]`,
		`[{"indicator":"1.1","region":"a","period":"2025-13","value":"1"}]`,
		`[{"region":"a","period":"2025","value":"1"}]`,
		`[{"indicator":"1.1","period":"2025","value":"1"}]`,
		`[{"indicator":"1.1","region":"a","value":"1"}]`,
		`[{"indicator":"1.1","region":"a","period":"2025","value":"1","colour":1}]`,
		`[] []`,
	} {
		_, err := DecodeObservations(strings.NewReader(in))
		assert.ErrorIs(t, err, ErrInvalidObservation, in)
	}
}
