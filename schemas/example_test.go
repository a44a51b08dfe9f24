package schemas_test

import (
	"encoding/json"
	"fmt"

	"github.com/bizenv/bizenv/schemas"
)

func ExampleGet() {
	b, ok := schemas.Get("plan")
	var s struct {
		Title string `json:"title"`
		Defs  map[string]struct {
			Format string `json:"format"`
		} `json:"$defs"`
	}
	if ok && json.Unmarshal(b, &s) == nil {
		fmt.Println(s.Title)
		fmt.Println(s.Defs["calendar.Date"].Format)
	}
	// Output:
	// bizenv plan
	// date
}

func ExampleNames() {
	for _, n := range schemas.Names()[:3] {
		fmt.Println(n)
	}
	// Output:
	// actions
	// approval-alerts
	// approval-case
}
