package org

import (
	"errors"
	"fmt"
)

// Sentinel errors.
var (
	// ErrInvalidRegion reports a malformed region code.
	ErrInvalidRegion = errors.New("org: invalid region code")
	// ErrInvalidDirectory reports units or groups that cannot form a
	// directory: a duplicate ID, a name or alias claimed by two units.
	ErrInvalidDirectory = errors.New("org: invalid directory")
	// ErrInvalidValue reports an enumerated value that is not one of its
	// names.
	ErrInvalidValue = errors.New("org: invalid value")
)

// Level is an administrative level.
type Level uint8

// The levels. Development zones sit at a level of their own, with a parent
// region.
const (
	National Level = iota + 1 // 国家
	Province                  // 省
	City                      // 市
	County                    // 县（区）
	Township                  // 乡镇（街道）
	Village                   // 村（社区）
	Zone                      // 开发区 / 园区
)

var levelNames = []struct{ json, zh string }{{}, {"national", "国家"}, {"province", "省"}, {"city", "市"},
	{"county", "县（区）"}, {"township", "乡镇（街道）"}, {"village", "村（社区）"}, {"zone", "开发区"}}

// String returns the JSON name: national, province, city, county,
// township, village, zone ("" when unset).
func (l Level) String() string {
	if int(l) < len(levelNames) {
		return levelNames[l].json
	}
	return fmt.Sprintf("Level(%d)", uint8(l))
}

// Chinese returns 国家, 省, 市, 县（区）, 乡镇（街道）, 村（社区） or 开发区.
func (l Level) Chinese() string {
	if int(l) < len(levelNames) {
		return levelNames[l].zh
	}
	return l.String()
}

// MarshalText implements encoding.TextMarshaler.
func (l Level) MarshalText() ([]byte, error) {
	if int(l) >= len(levelNames) {
		return nil, fmt.Errorf("%w: level %d", ErrInvalidValue, uint8(l))
	}
	return []byte(levelNames[l].json), nil
}

// UnmarshalText implements encoding.TextUnmarshaler (English or Chinese).
func (l *Level) UnmarshalText(b []byte) error {
	for i, n := range levelNames {
		if string(b) == n.json || (i > 0 && string(b) == n.zh) {
			*l = Level(i)
			return nil
		}
	}
	return fmt.Errorf("%w: 未知的层级 %q / unknown level %q", ErrInvalidValue, b, b)
}
