package org

import (
	"fmt"
	"slices"
)

// Kind is the kind of body a unit is.
type Kind uint8

// The kinds of unit.
const (
	Government     Kind = iota + 1 // 人民政府 and its office
	Bureau                         // a government department: 局, 委, 办
	PartyOrgan                     // a Party committee or its department: 区委组织部, 纪委监委
	Judicial                       // a court or procuratorate
	Utility                        // a utility company: 供电, 供水, 燃气, 供暖
	Bank                           // a bank
	ZoneOffice                     // a development zone's or park's management committee
	TownshipOffice                 // a township government or street office
	Community                      // a village or community committee
	Other                          // anything else: an association, a state enterprise
)

var kindNames = []struct{ json, zh string }{{}, {"government", "人民政府"}, {"bureau", "政府部门"}, {"party_organ", "党委部门"},
	{"judicial", "司法机关"}, {"utility", "公用事业单位"}, {"bank", "银行"}, {"zone_office", "园区管委会"},
	{"township_office", "镇街"}, {"community", "村（社区）"}, {"other", "其他"}}

// String returns the JSON name (bureau, party_organ ...).
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k].json
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Chinese returns the Chinese name (政府部门, 党委部门 ...).
func (k Kind) Chinese() string {
	if int(k) < len(kindNames) {
		return kindNames[k].zh
	}
	return k.String()
}

// MarshalText implements encoding.TextMarshaler.
func (k Kind) MarshalText() ([]byte, error) {
	if int(k) >= len(kindNames) {
		return nil, fmt.Errorf("%w: kind %d", ErrInvalidValue, uint8(k))
	}
	return []byte(kindNames[k].json), nil
}

// UnmarshalText implements encoding.TextUnmarshaler (English or Chinese).
func (k *Kind) UnmarshalText(b []byte) error {
	for i, n := range kindNames {
		if string(b) == n.json || (i > 0 && string(b) == n.zh) {
			*k = Kind(i)
			return nil
		}
	}
	return fmt.Errorf("%w: 未知的单位类型 %q / unknown unit kind %q", ErrInvalidValue, b, b)
}

// Unit is a responsible body: a bureau, a Party organ, a court, a utility
// company, a bank, a zone's management committee, a street office.
type Unit struct {
	// ID identifies the unit in a directory; NewDirectory sets it to Name
	// when empty.
	ID string `json:"id"`
	// Name is the name as the district's documents write it (区数据局).
	Name string `json:"name"`
	// FullName is the formal name (鞍山市铁西区数据局), if known.
	FullName string `json:"full_name,omitempty"`
	// Aliases are other names documents use for it (区市场局 for
	// 区市场监管局).
	Aliases []string `json:"aliases,omitempty"`
	// Region is where it sits.
	Region Region `json:"region"`
	// Level is its administrative level.
	Level Level `json:"level,omitempty"`
	// Kind is what kind of body it is.
	Kind Kind `json:"kind,omitempty"`
	// Parent is the ID of the unit it reports to, if any.
	Parent string `json:"parent,omitempty"`
	// Tags mark memberships groups select on (行政执法).
	Tags []string `json:"tags,omitempty"`
}

// Group is a phrase that stands for many units: 区直相关部门, 各镇(街道),
// 各园区, 各相关单位, 各行政执法部门. A unit belongs to the group when it
// matches every selector that is set (Kinds, Levels, Tags: any of the
// listed values), or when its ID is in Members.
type Group struct {
	// Name is the phrase as documents write it.
	Name string `json:"name"`
	// Aliases are other phrases for the same group (各镇街).
	Aliases []string `json:"aliases,omitempty"`
	// Kinds, when set, selects units of these kinds.
	Kinds []Kind `json:"kinds,omitempty"`
	// Levels, when set, selects units at these levels.
	Levels []Level `json:"levels,omitempty"`
	// Tags, when set, selects units carrying any of these tags.
	Tags []string `json:"tags,omitempty"`
	// Members are unit IDs that belong whatever the selectors say.
	Members []string `json:"members,omitempty"`
}

// StandardGroups returns the group phrases the seed plans use, with the
// selectors that usually fit them; adjust them to a district's directory.
func StandardGroups() []Group {
	return []Group{
		{Name: "区直相关部门", Aliases: []string{"区直各部门", "区直有关部门", "各相关部门", "各有关部门"}, Kinds: []Kind{Bureau}, Levels: []Level{County}},
		{Name: "各镇(街道)", Aliases: []string{"各镇街", "各街道", "各镇", "各乡镇(街道)", "各镇（街道）"}, Levels: []Level{Township}},
		{Name: "各园区", Aliases: []string{"园区", "各开发区"}, Kinds: []Kind{ZoneOffice}},
		{Name: "各相关单位", Aliases: []string{"各有关单位", "相关单位"}},
		{Name: "各行政执法部门", Aliases: []string{"各执法部门", "行政执法部门"}, Tags: []string{"行政执法"}},
	}
}

// clone returns u with its own copies of every list, so that a directory
// never shares memory with its callers.
func (u Unit) clone() Unit {
	u.Aliases = slices.Clone(u.Aliases)
	u.Tags = slices.Clone(u.Tags)
	return u
}

// clone returns g with its own copies of every list.
func (g Group) clone() Group {
	g.Aliases = slices.Clone(g.Aliases)
	g.Kinds = slices.Clone(g.Kinds)
	g.Levels = slices.Clone(g.Levels)
	g.Tags = slices.Clone(g.Tags)
	g.Members = slices.Clone(g.Members)
	return g
}

func (g *Group) matches(u *Unit) bool {
	for _, m := range g.Members {
		if m == u.ID {
			return true
		}
	}
	if len(g.Kinds) > 0 && !contains(g.Kinds, u.Kind) {
		return false
	}
	if len(g.Levels) > 0 && !contains(g.Levels, u.Level) {
		return false
	}
	if len(g.Tags) > 0 {
		hit := false
		for _, t := range u.Tags {
			hit = hit || contains(g.Tags, t)
		}
		if !hit {
			return false
		}
	}
	return len(g.Members) == 0 || len(g.Kinds)+len(g.Levels)+len(g.Tags) > 0
}

func contains[T comparable](xs []T, x T) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
