package plan

import "github.com/bizenv/bizenv/schemas"

// Schema returns the JSON Schema (draft 2020-12) of the plan JSON that
// Decode reads and json.Marshal writes: schemas/plan.schema.json,
// generated from the types by internal/schemagen. It accepts exactly what
// Decode accepts (the tests run a corpus of documents, and mutations of
// them, through both).
func Schema() []byte {
	b, _ := schemas.Get("plan")
	return b
}
