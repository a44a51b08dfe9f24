package indicator

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Status says whether an observed value may still change.
type Status uint8

// The statuses. The zero Status is Provisional.
const (
	Provisional Status = iota // 初步数据: may be revised
	Final                     // 最终数据
)

// String returns provisional or final.
func (s Status) String() string {
	switch s {
	case Provisional:
		return "provisional"
	case Final:
		return "final"
	}
	return fmt.Sprintf("Status(%d)", uint8(s))
}

// MarshalText implements encoding.TextMarshaler.
func (s Status) MarshalText() ([]byte, error) {
	if s > Final {
		return nil, errf(ErrInvalidValue, "无效的数据状态", "invalid status")
	}
	return []byte(s.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Status) UnmarshalText(b []byte) error {
	switch string(b) {
	case "provisional", "初步":
		*s = Provisional
	case "final", "最终":
		*s = Final
	default:
		return errf(ErrInvalidValue, "未知的数据状态 %q（应为 provisional 或 final）", "unknown status %q (want provisional or final)", string(b))
	}
	return nil
}

// Observation is one measured value of one indicator for one region or unit
// and one period (监测数据).
type Observation struct {
	// Indicator is the code of the leaf measured (1.2.3).
	Indicator string `json:"indicator"`
	// Region is the region code or unit the value is for (210303, 铁西区).
	Region string `json:"region"`
	// Period is when the value was measured.
	Period Period `json:"period"`
	// Value is the value measured, in Unit.
	Value decimal.Decimal `json:"value"`
	// Unit is the value's unit; empty means the measure's own unit.
	Unit Unit `json:"unit,omitempty"`
	// Status says whether the value is provisional or final.
	Status Status `json:"status"`
	// Source names where the value comes from (统计局, 12345 平台).
	Source string `json:"source,omitempty"`
}
