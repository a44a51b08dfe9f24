package indicator

import (
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"sort"

	"github.com/shopspring/decimal"
)

// Dataset holds observations of one indicator system, ready to be scored:
// values are kept as compact fixed-point numbers (16 bytes each), so that
// millions of observations score in seconds.
//
// A Dataset is not safe for concurrent Add; Evaluate may run concurrently
// once adding is done.
type Dataset struct {
	sys       *System
	leaves    []*Node
	leafIdx   map[string]int
	regions   []string
	regionIdx map[string]int32
	periods   map[Period]*periodData
	big       map[bigKey]decimal.Decimal // values whose coefficient does not fit int64
	// plan is the evaluation order, computed once.
	plan evalPlan
}

type bigKey struct {
	leaf   int
	region int32
	period Period
}

type periodData struct {
	leaves [][]cell // [leaf][region]
}

// cell is one value: coef × 10^exp.
type cell struct {
	coef  int64
	exp   int32
	flags uint8
}

const (
	cellPresent = 1 << iota
	cellFinal
	cellBig // the value is in Dataset.big
)

// NewDataset returns an empty dataset for sys. The system must pass Audit
// without errors (warnings are fine): its codes identify leaves, and
// cycles, negative weights or unusable measures would make scores
// meaningless.
func NewDataset(sys *System) (*Dataset, error) {
	if errs := Errors(sys.Audit(AuditOptions{})); len(errs) > 0 {
		return nil, errf(ErrInvalidSystem, "指标体系有%d处错误，首个：%s", "the system has %d errors; the first: %s", len(errs), errs[0])
	}
	d := &Dataset{
		sys:       sys,
		leafIdx:   map[string]int{},
		regionIdx: map[string]int32{},
		periods:   map[Period]*periodData{},
		big:       map[bigKey]decimal.Decimal{},
	}
	d.leaves = sys.Leaves()
	for i, l := range d.leaves {
		d.leafIdx[l.Code] = i
	}
	plan, err := newPlan(sys, d.leafIdx)
	if err != nil {
		return nil, err
	}
	d.plan = plan
	return d, nil
}

// Regions returns the regions seen, in the order first added.
func (d *Dataset) Regions() []string { return append([]string(nil), d.regions...) }

// Add records an observation. It returns an error wrapping
// ErrInvalidObservation when the indicator is not a leaf of the system,
// the region or period is missing, the leaf has no measure, or the unit does
// not convert to the measure's unit (ErrUnitMismatch). A later value for
// the same indicator, region and period replaces a provisional one; a
// second final value, or a provisional value after a final one, is an
// error: revisions of final data are made explicitly, with Replace.
func (d *Dataset) Add(o Observation) error { return d.add(o, false) }

// Replace records an observation like Add, but overwrites any earlier value
// for the same indicator, region and period, final or not.
func (d *Dataset) Replace(o Observation) error { return d.add(o, true) }

func (d *Dataset) add(o Observation, replace bool) error {
	li, ok := d.leafIdx[o.Indicator]
	if !ok {
		return errf(ErrInvalidObservation, "指标 %q 不是本体系的末级指标", "indicator %q is not a leaf of this system", o.Indicator)
	}
	leaf := d.leaves[li]
	if leaf.Measure == nil {
		return errf(ErrInvalidObservation, "指标 %s %s 没有度量，无法记录数值", "indicator %s %s has no measure to record values against", leaf.Code, leaf.Name)
	}
	if o.Region == "" || o.Period.IsZero() {
		return errf(ErrInvalidObservation, "指标 %s 的观测缺少地区或期间", "an observation of %s lacks a region or period", o.Indicator)
	}
	v := o.Value
	if o.Unit != "" && o.Unit != leaf.Measure.Unit {
		var err error
		if v, err = o.Unit.Convert(v, leaf.Measure.Unit); err != nil {
			return fmt.Errorf("%w: %s %s %s: %w", ErrInvalidObservation, o.Indicator, o.Region, o.Period, err)
		}
	}
	ri, ok := d.regionIdx[o.Region]
	if !ok {
		ri = int32(len(d.regions))
		d.regions = append(d.regions, o.Region)
		d.regionIdx[o.Region] = ri
	}
	pd := d.periods[o.Period]
	if pd == nil {
		pd = &periodData{leaves: make([][]cell, len(d.leaves))}
		d.periods[o.Period] = pd
	}
	row := pd.leaves[li]
	if int(ri) >= len(row) {
		if int(ri) < cap(row) {
			row = row[:ri+1] // cells past len are zero: never written
		} else {
			grown := make([]cell, int(ri)+1, max(int(ri)+1, 2*cap(row)))
			copy(grown, row)
			row = grown
		}
		pd.leaves[li] = row
	}
	old := row[ri]
	if !replace && old.flags&cellPresent != 0 && old.flags&cellFinal != 0 {
		if o.Status == Final {
			return errf(ErrInvalidObservation, "%s %s %s 已有最终数据；修订请用 Replace", "%s %s %s already has a final value; revise it with Replace", o.Indicator, o.Region, o.Period)
		}
		return errf(ErrInvalidObservation, "%s %s %s 已有最终数据，不能再记初步数据", "%s %s %s already has a final value; a provisional one cannot follow it", o.Indicator, o.Region, o.Period)
	}
	c := cell{flags: cellPresent}
	if o.Status == Final {
		c.flags |= cellFinal
	}
	key := bigKey{li, ri, o.Period}
	delete(d.big, key)
	if coef := v.Coefficient(); coef.IsInt64() {
		c.coef, c.exp = coef.Int64(), v.Exponent()
	} else {
		c.flags |= cellBig
		d.big[key] = v
	}
	row[ri] = c
	return nil
}

// value returns the cell's value as a decimal.
func (d *Dataset) value(c cell, key bigKey) decimal.Decimal {
	if c.flags&cellBig != 0 {
		return d.big[key]
	}
	return decimal.New(c.coef, c.exp)
}

// Value returns the value recorded for indicator, region and period, in the
// measure's unit; ok is false when there is none.
func (d *Dataset) Value(indicator, region string, p Period) (v decimal.Decimal, ok bool) {
	li, ok1 := d.leafIdx[indicator]
	ri, ok2 := d.regionIdx[region]
	pd := d.periods[p]
	if !ok1 || !ok2 || pd == nil || int(ri) >= len(pd.leaves[li]) {
		return decimal.Decimal{}, false
	}
	c := pd.leaves[li][ri]
	if c.flags&cellPresent == 0 {
		return decimal.Decimal{}, false
	}
	return d.value(c, bigKey{li, ri, p}), true
}

// evalPlan is the system flattened for scoring: nodes in post-order, each
// branch with the range of its children and their integer weights.
type evalPlan struct {
	nodes    []*Node
	codeIdx  map[string]int
	leafOf   []int      // node index -> leaf index, or -1
	children [][]int    // node index -> child node indexes
	weights  [][]uint64 // node index -> child weights, scaled by 1e6
	roots    []int
}

const weightScale = 1_000_000

func newPlan(sys *System, leafIdx map[string]int) (evalPlan, error) {
	p := evalPlan{codeIdx: map[string]int{}}
	var visit func(n *Node) (int, error)
	visit = func(n *Node) (int, error) {
		var kids []int
		for _, c := range n.Children {
			k, err := visit(c)
			if err != nil {
				return 0, err
			}
			kids = append(kids, k)
		}
		idx := len(p.nodes)
		p.nodes = append(p.nodes, n)
		p.codeIdx[n.Code] = idx
		li := -1
		if n.IsLeaf() {
			li = leafIdx[n.Code]
		}
		p.leafOf = append(p.leafOf, li)
		p.children = append(p.children, kids)
		w, err := intWeights(n.Children)
		if err != nil {
			return 0, err
		}
		p.weights = append(p.weights, w)
		return idx, nil
	}
	for _, r := range sys.Roots {
		k, err := visit(r) // Audit has ruled out cycles
		if err != nil {
			return p, err
		}
		p.roots = append(p.roots, k)
	}
	rw, err := intWeights(sys.Roots)
	if err != nil {
		return p, err
	}
	p.weights = append(p.weights, rw) // the weights of the roots, last
	return p, nil
}

// intWeights returns sibling weights rounded to six decimal places and
// scaled to integers; all-zero weights count equally.
func intWeights(nodes []*Node) ([]uint64, error) {
	w := make([]uint64, len(nodes))
	any := false
	for i, n := range nodes {
		r := n.Weight.Round(6).Shift(6)
		if r.IsNegative() || r.GreaterThan(decimal.New(1, 15)) {
			return nil, errf(ErrInvalidSystem, "%s 的权重 %s 超出范围", "weight %s of %s is out of range", n.Code, n.Weight)
		}
		w[i] = uint64(r.IntPart())
		any = any || w[i] != 0
	}
	if !any {
		for i := range w {
			w[i] = weightScale
		}
	}
	return w, nil
}

// noScore marks a missing score in Result.
const noScore = -1

// Result holds the scores of one period: a distance-to-frontier score for
// every leaf and region with data, and weighted roll-ups to every node.
type Result struct {
	// Period is the period scored.
	Period    Period
	regions   []string
	regionIdx map[string]int32 // the dataset's; indexes >= len(regions) came later
	plan      *evalPlan
	// scores[node*R + region] is the score × 1e6, or noScore.
	scores []int64
	// coverage[node*R + region] is the weight share of children with data,
	// × 1e6 (leaves: 1e6 with data, 0 without).
	coverage []int64
	notes    []string
}

// Evaluate scores every region for period p. Each leaf's values are scored
// by distance to frontier (see DTF), with the frontier and worst taken
// from the measure when set and from the values observed otherwise; for a
// Band measure the score is of the distance from the band of the target in
// force. Each branch's score is the weighted mean of its children's,
// with the weights renormalised over the children that have data; a region
// with no data under a node has no score there, never zero. Leaves whose
// values are all equal have no spread and no score; Notes says which.
//
// The arithmetic is exact fixed point: every score equals the decimal
// computation (worst − x) × 100 / (worst − frontier) rounded half away
// from zero to six places, and each roll-up Σ wᵢsᵢ / Σ wᵢ rounded the same
// way, with weights rounded to six places.
func (d *Dataset) Evaluate(p Period) (*Result, error) {
	R := len(d.regions)
	N := len(d.plan.nodes)
	res := &Result{Period: p, regions: d.regions[:R:R], regionIdx: d.regionIdx, plan: &d.plan,
		scores: make([]int64, N*R), coverage: make([]int64, N*R)}
	pd := d.periods[p]
	vals := make([]int64, R)
	present := make([]bool, R)
	for ni, n := range d.plan.nodes {
		out := res.scores[ni*R : (ni+1)*R]
		cov := res.coverage[ni*R : (ni+1)*R]
		li := d.plan.leafOf[ni]
		if li < 0 {
			d.rollUp(res, ni, out, cov)
			continue
		}
		for r := range out {
			out[r] = noScore
		}
		if pd == nil || li >= len(pd.leaves) || n.Measure == nil {
			continue
		}
		row := pd.leaves[li]
		note, err := d.scoreLeaf(n, li, p, row, vals, present, out)
		if err != nil {
			return nil, err
		}
		if note != "" {
			res.notes = append(res.notes, note)
		}
		for r := range out {
			if out[r] != noScore {
				cov[r] = weightScale
			}
		}
	}
	return res, nil
}

// scoreLeaf fills out with the leaf's scores; it takes the fixed-point path
// when the values share a scale that fits in int64, and the decimal path
// otherwise (the results are the same).
func (d *Dataset) scoreLeaf(n *Node, li int, p Period, row []cell, vals []int64, present []bool, out []int64) (string, error) {
	m := n.Measure
	minExp, anyPresent, slow := int32(math.MaxInt32), false, false
	for _, c := range row {
		if c.flags&cellPresent == 0 {
			continue
		}
		anyPresent = true
		if c.flags&cellBig != 0 {
			slow = true
		}
		minExp = min(minExp, c.exp)
	}
	if !anyPresent {
		return "", nil
	}
	var lo, hi decimal.Decimal // the band, for Band measures
	if m.Direction == Band {
		t, ok := m.TargetFor(p.Year())
		if !ok || t.Op != Between {
			return fmt.Sprintf("%s %s: 区间指标在 %s 没有区间目标 / band measure has no band target for %s", n.Code, n.Name, p, p), nil
		}
		var err error
		if lo, err = t.Unit.Convert(t.Value, m.Unit); err == nil {
			hi, err = t.Unit.Convert(t.High, m.Unit)
		}
		if err != nil {
			return "", err
		}
	}
	// The fixed-point path needs every number on one scale within int64.
	extra := []decimal.Decimal{}
	if m.Frontier.Valid {
		extra = append(extra, m.Frontier.Decimal)
	}
	if m.Worst.Valid {
		extra = append(extra, m.Worst.Decimal)
	}
	if m.Direction == Band {
		extra = append(extra, lo, hi)
	}
	for _, e := range extra {
		minExp = min(minExp, e.Exponent())
	}
	scaleOK := func(coef *big.Int, exp int32) (int64, bool) {
		if !coef.IsInt64() || exp-minExp > 18 {
			return 0, false
		}
		return mulPow10(coef.Int64(), int(exp-minExp))
	}
	if !slow {
		for r, c := range row {
			present[r] = c.flags&cellPresent != 0
			if !present[r] {
				continue
			}
			v, ok := mulPow10(c.coef, int(c.exp-minExp))
			if !ok || v > math.MaxInt64/4 || v < math.MinInt64/4 {
				slow = true
				break
			}
			vals[r] = v
		}
	}
	var fixed []int64
	for _, e := range extra {
		v, ok := scaleOK(e.Coefficient(), e.Exponent())
		if !ok || v > math.MaxInt64/4 || v < math.MinInt64/4 {
			slow = true
			break
		}
		fixed = append(fixed, v)
	}
	if slow {
		return d.scoreLeafDecimal(n, li, p, row, lo, hi, out), nil
	}
	vals = vals[:len(row)]
	if m.Direction == Band {
		bl, bh := fixed[len(fixed)-2], fixed[len(fixed)-1]
		for r, v := range vals {
			if present[r] {
				vals[r] = max(bl-v, 0, v-bh)
			}
		}
	}
	// Frontier and worst: configured, or the best and worst observed.
	lower := m.Direction != Higher // Band scores distances: lower is better
	var best, worst int64
	first := true
	for r, v := range vals {
		if !present[r] {
			continue
		}
		if first {
			best, worst, first = v, v, false
			continue
		}
		if (v > best) != lower && v != best {
			best = v
		}
		if (v < worst) != lower && v != worst {
			worst = v
		}
	}
	k := 0
	if m.Frontier.Valid {
		best, k = fixed[k], k+1
	}
	if m.Worst.Valid {
		worst = fixed[k]
	}
	if best == worst {
		return fmt.Sprintf("%s %s: %s 各地数值相同，无法计算前沿距离 / all values equal in %s: no spread to score", n.Code, n.Name, p, p), nil
	}
	// score = (worst − x) / (worst − best) × 100, made positive.
	den := worst - best
	sign := int64(1)
	if den < 0 {
		den, sign = -den, -1
	}
	for r, v := range vals {
		if !present[r] {
			continue
		}
		num := sign * (worst - v)
		out[r] = ratioScore(uint64(max(num, 0)), uint64(den))
	}
	return "", nil
}

// ratioScore returns num/den × 100 × 1e6 rounded half up, for 0 <= num,
// clamped to 100 × 1e6 when num > den.
func ratioScore(num, den uint64) int64 { return ratio(num, den, 100*weightScale) }

// ratio returns num/den × scale rounded half up, clamped to scale when
// num >= den.
func ratio(num, den, scale uint64) int64 {
	if num >= den {
		return int64(scale)
	}
	hi, lo := bits.Mul64(num, scale)
	q, rem := bits.Div64(hi, lo, den) // num < den, so q < scale and hi < den
	if rem >= den-rem {
		q++
	}
	return int64(q)
}

// weightedMean returns Σ wₖsₖ / Σ wₖ over the scores that exist (rounded half
// up) and Σ wₖ over them; ok is false when none exists. Scores are at most
// 1e8 and weights at most 1e21 in total, so the sum fits in 128 bits and the
// mean in 64.
func weightedMean(scores []int64, kids []int, w []uint64, R, r int) (mean int64, sumW uint64, ok bool) {
	var hi, lo uint64
	for k, c := range kids {
		s := scores[c*R+r]
		if s == noScore || w[k] == 0 {
			continue
		}
		ph, pl := bits.Mul64(w[k], uint64(s))
		var carry uint64
		lo, carry = bits.Add64(lo, pl, 0)
		hi += ph + carry
		sumW += w[k]
	}
	if sumW == 0 {
		return 0, 0, false
	}
	q, rem := bits.Div64(hi, lo, sumW) // the mean is at most 1e8, so hi < sumW
	if rem >= sumW-rem {
		q++
	}
	return int64(q), sumW, true
}

// mulPow10 returns v × 10^k, reporting overflow.
func mulPow10(v int64, k int) (int64, bool) {
	for ; k > 0; k-- {
		if v > math.MaxInt64/10 || v < math.MinInt64/10 {
			return 0, false
		}
		v *= 10
	}
	return v, true
}

// scoreLeafDecimal is the straightforward decimal computation, used for
// values too large for the fixed-point path.
func (d *Dataset) scoreLeafDecimal(n *Node, li int, p Period, row []cell, lo, hi decimal.Decimal, out []int64) string {
	m := n.Measure
	xs := map[int]decimal.Decimal{}
	for r, c := range row {
		if c.flags&cellPresent != 0 {
			x := d.value(c, bigKey{li, int32(r), p})
			if m.Direction == Band {
				x = decimal.Max(lo.Sub(x), decimal.Zero, x.Sub(hi))
			}
			xs[r] = x
		}
	}
	best, worst := frontierWorst(m, xs)
	for r, x := range xs {
		s := DTF(x, best, worst)
		if !s.Valid {
			return fmt.Sprintf("%s %s: %s 各地数值相同，无法计算前沿距离 / all values equal in %s: no spread to score", n.Code, n.Name, p, p)
		}
		out[r] = s.Decimal.Shift(scorePlaces).IntPart()
	}
	return ""
}

// frontierWorst returns the configured frontier and worst, or the best and
// worst of xs for the measure's direction.
func frontierWorst(m *Measure, xs map[int]decimal.Decimal) (best, worst decimal.Decimal) {
	first := true
	lower := m.Direction != Higher
	for _, x := range xs {
		if first {
			best, worst, first = x, x, false
			continue
		}
		if x.GreaterThan(best) != lower && !x.Equal(best) {
			best = x
		}
		if x.LessThan(worst) != lower && !x.Equal(worst) {
			worst = x
		}
	}
	if m.Frontier.Valid {
		best = m.Frontier.Decimal
	}
	if m.Worst.Valid {
		worst = m.Worst.Decimal
	}
	return best, worst
}

// rollUp fills a branch's scores with the weighted mean of its children's.
func (d *Dataset) rollUp(res *Result, ni int, out, cov []int64) {
	R := len(out)
	kids, w := d.plan.children[ni], d.plan.weights[ni]
	var total uint64
	for _, x := range w {
		total += x
	}
	for r := 0; r < R; r++ {
		mean, sumW, ok := weightedMean(res.scores, kids, w, R, r)
		if !ok {
			out[r], cov[r] = noScore, 0
			continue
		}
		out[r], cov[r] = mean, ratio(sumW, total, weightScale)
	}
}

// Regions returns the regions the result covers, in the dataset's order.
func (r *Result) Regions() []string { return append([]string(nil), r.regions...) }

// Notes lists the leaves that could not be scored, and why.
func (r *Result) Notes() []string { return append([]string(nil), r.notes...) }

// Score returns the score of node code for region, 0–100 with six decimal
// places; ok is false when the region has no data under that node (or
// either is unknown).
func (r *Result) Score(code, region string) (score decimal.Decimal, ok bool) {
	i, ok := r.at(code, region)
	if !ok || r.scores[i] == noScore {
		return decimal.Decimal{}, false
	}
	return decimal.New(r.scores[i], -scorePlaces), true
}

// Coverage returns the weight share of node code's children that have data
// for region, 0–1 with six decimal places (for a leaf: 1 with data, 0
// without).
func (r *Result) Coverage(code, region string) decimal.Decimal {
	i, ok := r.at(code, region)
	if !ok {
		return decimal.Zero
	}
	return decimal.New(r.coverage[i], -scorePlaces)
}

func (r *Result) at(code, region string) (int, bool) {
	ni, ok := r.plan.codeIdx[code]
	if !ok {
		return 0, false
	}
	ri, ok := r.regionIdx[region]
	if !ok || int(ri) >= len(r.regions) {
		return 0, false
	}
	return ni*len(r.regions) + int(ri), true
}

// Overall returns each region's overall score: the weighted mean of the
// level-1 indicators (renormalised over those with data); ok is false for
// a region with no data at all.
func (r *Result) Overall(region string) (decimal.Decimal, bool) {
	ri, ok := r.regionIdx[region]
	if !ok || int(ri) >= len(r.regions) {
		return decimal.Decimal{}, false
	}
	return r.overall(int(ri))
}

func (r *Result) overall(ri int) (decimal.Decimal, bool) {
	w := r.plan.weights[len(r.plan.weights)-1]
	mean, _, ok := weightedMean(r.scores, r.plan.roots, w, len(r.regions), ri)
	if !ok {
		return decimal.Decimal{}, false
	}
	return decimal.New(mean, -scorePlaces), true
}

// Rank is one region's place in a ranking.
type Rank struct {
	// Region is the region or unit ranked.
	Region string `json:"region"`
	// Rank is 1 for the best; regions with equal scores share a rank and
	// the next rank is skipped (1, 2, 2, 4). 0 means no data: unranked.
	Rank int `json:"rank"`
	// Score is the score ranked by, 0–100 (zero when HasData is false).
	Score decimal.Decimal `json:"score"`
	// HasData is false for a region with no score; it is listed last.
	HasData bool `json:"has_data"`
}

// Ranking orders the regions by node code's score (by the overall score
// when code is ""), best first; ties share a rank and are listed by region
// name; regions without data come last, unranked.
func (r *Result) Ranking(code string) ([]Rank, error) {
	var out []Rank
	for ri, name := range r.regions {
		var s decimal.Decimal
		var ok bool
		if code == "" {
			s, ok = r.overall(ri)
		} else {
			if _, known := r.plan.codeIdx[code]; !known {
				return nil, errf(ErrInvalidSystem, "未知的指标编码 %q", "unknown indicator code %q", code)
			}
			s, ok = r.Score(code, name)
		}
		out = append(out, Rank{Region: name, Score: s, HasData: ok})
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.HasData != b.HasData {
			return a.HasData
		}
		if c := a.Score.Cmp(b.Score); c != 0 && a.HasData {
			return c > 0
		}
		return a.Region < b.Region
	})
	for i := range out {
		switch {
		case !out[i].HasData:
		case i > 0 && out[i-1].HasData && out[i-1].Score.Equal(out[i].Score):
			out[i].Rank = out[i-1].Rank
		default:
			out[i].Rank = i + 1
		}
	}
	return out, nil
}
