package docimport

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/bizenv/bizenv/task"
)

// unitRole is the part a label or a verb gives the units it names, or
// what else a clause of a unit phrase is (a time limit, a person).
type unitRole uint8

const (
	roleNone     unitRole = iota
	roleLead              // 牵头
	roleResp              // 责任, 负责
	roleJoint             // 按职责分工负责
	roleSupport           // 配合, 协办, 参与
	roleDeadline          // 完成时限: the clause is a time limit
	roleLeader            // 责任领导: a person, kept in the text
	roleLiaison           // 联系人: the task's liaison
	rolePhone             // 联系电话: the liaison's phone
)

// label is a word that gives units a role: written before them (牵头单位：X,
// with ：, :, a space or nothing between) or after them (X牵头).
type label struct {
	word   string
	role   unitRole
	before bool // a label written before the units
}

// labels is the one table the grammar reads unit phrases with, longest
// word first where one word starts another. Task tables read their
// header cells with it too.
var labels = []label{
	{"总牵头单位", roleLead, true},
	{"牵头责任单位", roleLead, true},
	{"牵头责任部门", roleLead, true},
	{"牵头单位", roleLead, true},
	{"牵头部门", roleLead, true},
	{"主责单位", roleLead, true},
	{"主责部门", roleLead, true},
	{"主办单位", roleLead, true},
	{"责任单位", roleResp, true},
	{"责任部门", roleResp, true},
	{"承办单位", roleResp, true},
	{"落实单位", roleResp, true},
	{"实施单位", roleResp, true},
	{"责任主体", roleResp, true},
	{"配合单位", roleSupport, true},
	{"配合部门", roleSupport, true},
	{"协办单位", roleSupport, true},
	{"协办部门", roleSupport, true},
	{"参与单位", roleSupport, true},
	{"参与部门", roleSupport, true},
	{"协同单位", roleSupport, true},
	{"协同部门", roleSupport, true},
	{"协助单位", roleSupport, true},
	{"完成时限", roleDeadline, true},
	{"时限要求", roleDeadline, true},
	{"完成时间", roleDeadline, true},
	{"完成期限", roleDeadline, true},
	{"时间节点", roleDeadline, true},
	{"时间要求", roleDeadline, true},
	{"时限", roleDeadline, true},
	{"责任领导", roleLeader, true},
	{"分管领导", roleLeader, true},
	{"责任人", roleLeader, true},
	{"联系人", roleLiaison, true},
	{"联络人", roleLiaison, true},
	{"联系电话", rolePhone, true},
	// Verbs after the units.
	{"按职责分工负责", roleJoint, false},
	{"按职责分工落实", roleJoint, false},
	{"按职能分工负责", roleJoint, false},
	{"按职责负责", roleJoint, false},
	{"分别负责", roleJoint, false},
	{"共同负责", roleJoint, false},
	{"牵头负责", roleLead, false},
	{"牵头落实", roleLead, false},
	{"牵头", roleLead, false},
	{"负责落实", roleResp, false},
	{"负责", roleResp, false},
	{"配合落实", roleSupport, false},
	{"配合", roleSupport, false},
	{"协办", roleSupport, false},
	{"协助", roleSupport, false},
	{"参与", roleSupport, false},
}

// labelFirsts are the first characters of the labels written before units.
var labelFirsts = func() string {
	var b strings.Builder
	for _, l := range labels {
		if r, _ := utf8.DecodeRuneInString(l.word); l.before && !strings.ContainsRune(b.String(), r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}()

// labelBefore returns the label s starts with and the text after it (and
// after a ：, : or space), or ok false. A label followed by nothing is
// read only when the rest is a unit name (牵头单位区数据局), so that a
// sentence starting with 责任单位要… is no label.
func labelBefore(s string) (l label, rest string, sep bool, ok bool) {
	if r, _ := utf8.DecodeRuneInString(s); !strings.ContainsRune(labelFirsts, r) {
		return label{}, s, false, false
	}
	for _, x := range labels {
		if !x.before || !strings.HasPrefix(s, x.word) {
			continue
		}
		r := s[len(x.word):]
		t := strings.TrimLeft(r, " ")
		switch {
		case strings.HasPrefix(t, "："):
			return x, strings.TrimSpace(t[len("："):]), true, true
		case strings.HasPrefix(t, ":"):
			return x, strings.TrimSpace(t[1:]), true, true
		case len(t) < len(r):
			return x, t, true, true
		}
		return x, r, false, true
	}
	return label{}, s, false, false
}

// verbAfter returns the verb s ends with and the text before it.
func verbAfter(s string) (l label, before string, ok bool) {
	s = strings.TrimRight(s, "。. ")
	for _, x := range labels {
		if x.before || !strings.HasSuffix(s, x.word) {
			continue
		}
		return x, strings.TrimSpace(strings.TrimSuffix(s, x.word)), true
	}
	return label{}, s, false
}

// Declared rules: notes that change how later unit lists are read.
var (
	// 第一责任单位为牵头单位，下同 / 排在第一位的为牵头单位 / 列第一位的单位为牵头单位.
	reFirstIsLead = regexp.MustCompile(`(?:注\s*[:：]\s*)?(?:各项任务中[,，]?\s*)?(?:排(?:在|名)?|列|居)?第一(?:位|个)?(?:的)?(?:责任)?(?:单位|部门)?(?:为|是)(?:牵头|主责)(?:单位|部门)[,，;；]?\s*(?:下同|以下同|下文同)?[。.]?`)
	// 以下均需各市(州)人民政府落实，不再列出.
	reImplied = regexp.MustCompile(`以下(?:各项)?(?:任务)?均需(.+?)(?:负责)?(?:落实|实施|推进)[,，]?\s*(?:不再|不另)(?:一一)?列出[。.]?`)
	// 以下各项责任单位为区数据局 (a section's units, for the items under it).
	reSectionUnits = regexp.MustCompile(`^(?:本节)?以下(?:各项|各条|所列)?(?:任务|措施|条目)?(?:的)?(牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门)(?:均)?(?:为|是)[:：]?(.+?)[。；;]?$`)
)

// hasRule reports whether s declares a rule: 第一…为牵头单位, 以下均需…落实.
func hasRule(s string) bool {
	return strings.Contains(s, "第一") && reFirstIsLead.MatchString(s) || strings.Contains(s, "以下") && reImplied.MatchString(s)
}

// rules are the declared rules in force, and the unit phrases read so far.
type rules struct {
	firstIsLead bool     // the first unit of a list is the lead
	implied     []string // units every following item has (以下均需…落实)
	cache       map[phraseKey]cachedPhrase
}

// phraseKey and cachedPhrase remember a unit phrase read under no rule:
// the outline and the assembler read the same brackets.
type phraseKey struct {
	s    string
	def  unitRole
	bare bool
}

type cachedPhrase struct {
	ph phrase
	ok bool
}

// phrase is what a unit phrase says.
type phrase struct {
	r        task.Responsibility
	deadline string // a time limit written in the phrase
	leader   string // 责任领导 and the like: kept in the task's text
	liaison  *task.Liaison
	rules    []string // the declared rules the phrase holds, as written
	first    bool     // the phrase declares the first unit the lead
	implied  []string // the phrase declares units for the following items
}

// units counts the units the phrase names.
func (ph *phrase) units() int {
	return len(ph.r.Lead) + len(ph.r.Responsible) + len(ph.r.Supporting)
}

// parsePhrase reads a unit phrase: the inside of a bracket at an item's end
// ((牵头单位:区数据局), (X牵头,Y、Z按职责分工负责), 〔X等部门按职责分工负责。
// 以下均需…落实,不再列出〕), a responsibility line (牵头部门:X) or a table's
// unit cell. def is the role of units with neither a label before nor a
// verb after them (a table column's role); with roleNone such a bare list
// is read only when bare is set and every name looks like a unit. ok is
// false when s is not a unit phrase; then nothing of it is taken.
func parsePhrase(s string, def unitRole, bare bool, rs *rules) (phrase, bool) {
	if rs == nil || rs.cache == nil || rs.firstIsLead {
		return readPhrase(s, def, bare, rs)
	}
	k := phraseKey{s, def, bare}
	if c, ok := rs.cache[k]; ok {
		return c.ph, c.ok
	}
	ph, ok := readPhrase(s, def, bare, nil)
	rs.cache[k] = cachedPhrase{ph, ok}
	return ph, ok
}

// readPhrase is parsePhrase without the cache.
func readPhrase(s string, def unitRole, bare bool, rs *rules) (ph phrase, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return ph, false
	}
	// Declared rules are notes, never part of a unit name.
	if !strings.Contains(s, "以下") {
		// no note of the following items
	} else if m := reImplied.FindStringSubmatchIndex(s); m != nil {
		ph.rules = append(ph.rules, s[m[0]:m[1]])
		ph.implied = splitUnits(s[m[2]:m[3]])
		s = strings.TrimSpace(s[:m[0]] + s[m[1]:])
	}
	if !strings.Contains(s, "第一") {
		// no note of the first unit
	} else if loc := reFirstIsLead.FindStringIndex(s); loc != nil {
		ph.rules = append(ph.rules, s[loc[0]:loc[1]])
		ph.first = true
		s = strings.TrimSpace(s[:loc[0]] + s[loc[1]:])
	}
	s = strings.Trim(s, "，,；;。 ")
	if s == "" {
		return ph, len(ph.rules) > 0
	}
	role := def          // the role the last label before gave
	var pending []string // units waiting for a verb after them or the end
	labelled := false
	took := false
	flush := func() bool {
		if len(pending) == 0 {
			return true
		}
		r := role
		if r == roleNone {
			if !bare {
				return false
			}
			for _, u := range pending {
				if !looksLikeUnit(u) {
					return false
				}
			}
			r = roleResp
		}
		ph.assign(r, pending)
		pending, took = nil, true
		return true
	}
	for _, seg := range splitTop(s, "；;。") {
		for _, part := range splitAtLabels(seg) {
			part = strings.Trim(part, "，,、 ")
			if part == "" {
				continue
			}
			if l, rest, _, ok := labelBefore(part); ok {
				if !flush() {
					return phrase{}, false
				}
				labelled = true
				rest = strings.Trim(rest, "，,、。 ")
				switch l.role {
				case roleDeadline:
					ph.deadline = joinNonEmpty(ph.deadline, rest)
					took = took || rest != ""
					role = def
					continue
				case roleLeader:
					if rest != "" {
						ph.leader = joinNonEmpty(ph.leader, l.word+"："+rest)
					}
					role = def
					continue
				case roleLiaison, rolePhone:
					if ph.liaison == nil {
						ph.liaison = &task.Liaison{}
					}
					if l.role == roleLiaison {
						ph.liaison.Name = rest
					} else {
						ph.liaison.Phone = rest
					}
					role = def
					continue
				}
				role = l.role
				part = rest
				if part == "" {
					continue
				}
			}
			if isTimeLimit(part) {
				ph.deadline = joinNonEmpty(ph.deadline, part)
				continue
			}
			if v, before, ok := verbAfter(part); ok {
				group := append(pending, splitUnits(before)...)
				pending = nil
				if len(group) == 0 {
					return phrase{}, false
				}
				for _, u := range group {
					if !looksLikeUnit(u) {
						return phrase{}, false
					}
				}
				ph.assign(v.role, group)
				took = true
				continue
			}
			pending = append(pending, splitUnits(part)...)
		}
	}
	if !flush() {
		return phrase{}, false
	}
	if !took && !labelled {
		return phrase{}, false
	}
	if ph.units() == 0 && ph.deadline == "" && ph.leader == "" && ph.liaison == nil && len(ph.rules) == 0 {
		return phrase{}, false
	}
	// The first unit of a list leads when a rule says so and no unit is
	// marked lead.
	if (ph.first || rs != nil && rs.firstIsLead) && len(ph.r.Lead) == 0 && len(ph.r.Responsible) > 1 {
		ph.r.Lead = []string{ph.r.Responsible[0]}
		ph.r.Responsible = ph.r.Responsible[1:]
	}
	return ph, true
}

// assign adds units to the role.
func (ph *phrase) assign(role unitRole, units []string) {
	switch role {
	case roleLead:
		ph.r.Lead = append(ph.r.Lead, units...)
	case roleJoint:
		ph.r.Responsible = append(ph.r.Responsible, units...)
		ph.r.Joint = true
	case roleSupport:
		ph.r.Supporting = append(ph.r.Supporting, units...)
	default:
		ph.r.Responsible = append(ph.r.Responsible, units...)
	}
}

// splitAtLabels cuts a clause before every label written after other text
// and followed by a colon, and at top-level commas: "X 配合单位：Y" and
// "X配合单位：Y" are two parts, as "X，配合单位：Y" is. A label inside a
// longer one (时限 in 完成时限) is no label.
func splitAtLabels(seg string) []string {
	var out []string
	for _, part := range splitTop(seg, "，,") {
		start, depth := 0, 0
		for i := 0; i < len(part); {
			r, n := utf8.DecodeRuneInString(part[i:])
			if d, bracket := nest(depth, r); bracket {
				depth = d
			} else if depth == 0 {
				if l, _, sep, ok := labelBefore(part[i:]); ok && l.before {
					rest := strings.TrimLeft(part[i+len(l.word):], " ")
					if i > start && sep && (strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "：")) {
						out = append(out, part[start:i])
						start = i
					}
					i += len(l.word)
					continue
				}
			}
			i += n
		}
		out = append(out, part[start:])
	}
	return out
}

func joinNonEmpty(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "；" + b
}

// splitTop splits s at any of the separator runes outside brackets.
func splitTop(s, seps string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		if d, bracket := nest(depth, r); bracket {
			depth = d
		} else if depth == 0 && strings.ContainsRune(seps, r) {
			out = append(out, s[start:i])
			start = i + utf8.RuneLen(r)
		}
	}
	return append(out, s[start:])
}

// nest returns the bracket depth after r, and whether r is a bracket: an
// opening one goes one deeper, a closing one back out (never below 0).
func nest(depth int, r rune) (int, bool) {
	switch {
	case isOpen(r):
		return depth + 1, true
	case isClose(r):
		return max(depth-1, 0), true
	}
	return depth, false
}

func isOpen(r rune) bool  { return r == '(' || r == '（' || r == '〔' || r == '[' || r == '【' }
func isClose(r rune) bool { return r == ')' || r == '）' || r == '〕' || r == ']' || r == '】' }

// Time limits as written in a unit bracket or a 完成时限 cell.
var (
	reTimeLimit = regexp.MustCompile(`^(?:于|在|到|至|截至)?\s*(?:(?:\d{4}|本|今|明)\s*年)?\s*(?:底|末|年底|年末|上半年|下半年|年中|全年|年内|一季度|二季度|三季度|四季度|第[一二三四]季度|\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?(?:\s*(?:底|末|上旬|中旬|下旬))?)?\s*(?:前|以前|之前|内|以内)?\s*(?:完成|实现|落实|办结|启动|出台|建成|见效|到位)?$`)
	reOngoing   = regexp.MustCompile(`^(?:长期坚持|持续推进|长期推进|长期|持续开展|持续实施|持续|常态化推进|常态化开展|常态化|常年|长效推进|长期开展|持续落实)(?:推进|开展|实施)?$`)
	reRecurring = regexp.MustCompile(`^每(?:个)?(?:月|季度|季|半年|年)`)
)

// isTimeLimit reports whether s is a time limit, not a unit: 6月底前完成,
// 2023年12月底前, 长期坚持, 持续推进, 每月15日前, 全年.
func isTimeLimit(s string) bool {
	s = strings.TrimSpace(strings.TrimRight(s, "。. "))
	if s == "" || len(s) > 60 {
		return false
	}
	if strings.HasPrefix(s, "长期") || strings.HasPrefix(s, "持续") || strings.HasPrefix(s, "常") {
		return reOngoing.MatchString(s)
	}
	if strings.HasPrefix(s, "每") {
		return reRecurring.MatchString(s)
	}
	return hasTimeWord(s) && reTimeLimit.MatchString(s)
}

// hasTimeWord reports whether s holds a digit or a word of time (底, 末,
// 全年, 季度 …): a time limit holds one.
func hasTimeWord(s string) bool {
	return strings.ContainsAny(s, "0123456789底末季") || strings.Contains(s, "全年") || strings.Contains(s, "年内") ||
		strings.Contains(s, "半年") || strings.Contains(s, "年中")
}

// isOngoing reports whether a time limit names no date: 长期坚持, 持续推进.
func isOngoing(s string) bool {
	return reOngoing.MatchString(strings.TrimSpace(strings.TrimRight(s, "。. ")))
}

// unitSuffixes end the names of units: bureaus, offices, governments,
// companies, and the group words (相关部门, 有关单位).
var unitSuffixes = []string{
	"局", "委", "办", "厅", "院", "部", "室", "处", "科", "所", "站", "队", "会", "组", "社", "行", "司", "署", "中心",
	"政府", "公司", "集团", "单位", "部门", "机构", "机关", "街道", "镇", "乡", "街", "园区", "开发区", "专班", "法庭",
	"窗口", "社区", "村", "大厅", "企业", "银行", "协会", "商会", "联合会", "工会", "团", "妇联", "科协", "残联",
	"工商联", "党校", "医院", "学校", "大学", "报社", "电视台", "台", "馆", "场", "库", "网", "园", "区", "县", "市", "省", "州", "旗",
}

// looksLikeUnit reports whether a name reads as a unit or a group of units:
// it ends with a unit word (局, 委, 政府, 相关部门 …), a bracket after it
// aside (省发展改革委(省数据局), 各镇(街道)).
func looksLikeUnit(name string) bool {
	name = strings.TrimSpace(name)
	if name == "" || utf8.RuneCountInString(name) > 40 {
		return false
	}
	for {
		before, _, ok := trailingBracket(name)
		if !ok {
			break
		}
		name = before
	}
	if name == "" || strings.ContainsAny(name, "。；;：:，,“”\"《》") || strings.ContainsAny(name, "0123456789") && !strings.Contains(name, "12345") {
		return false
	}
	for _, s := range unitSuffixes {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return false
}

// isRespLine reports whether s is a line that gives units or a time limit a
// role: 牵头单位：X, 配合部门:X, 完成时限：2025年12月底前. Without a colon or a
// space after the label the rest must be unit names (牵头单位区数据局), so
// that 责任单位要… is prose.
func isRespLine(s string) bool {
	_, rest, sep, ok := labelBefore(s)
	if !ok {
		return false
	}
	if sep {
		return true
	}
	units := splitUnits(rest)
	if len(units) == 0 {
		return false
	}
	for _, u := range units {
		if !looksLikeUnit(u) {
			return false
		}
	}
	return true
}
