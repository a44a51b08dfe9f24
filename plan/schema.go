package plan

import _ "embed"

//go:embed plan.schema.json
var schema []byte

// Schema returns the JSON Schema (draft 2020-12) of the plan JSON that
// Decode reads and json.Marshal writes. The tests validate every shipped
// plan against it and check it against the Go types.
func Schema() []byte { return append([]byte(nil), schema...) }
