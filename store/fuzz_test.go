package store

import (
	"database/sql"
	"errors"
	"testing"

	"github.com/bizenv/bizenv/approval"
	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/task"
)

// FuzzStoredData: what the store reads back from its tables — a plan
// version's body, a task event's columns, a case's header — may have been
// written by anything with access to the database. Reading it never
// panics, and what cannot be read is an error naming the store
// (ErrNotAStore) or the plan's decoding problems, never a half-read value.
func FuzzStoredData(f *testing.F) {
	f.Add("entry", "6f1c35a4-6a7b-5d0e-9a3c-2f6b1e0d9c11", "2025-06-30T01:00:00.000000000Z",
		`{"seq":1,"date":"2025-06-30","unit":"区数据局","percent":"40"}`)
	f.Add("status", "6f1c35a4-6a7b-5d0e-9a3c-2f6b1e0d9c11", "2025-06-30T01:00:00Z", `"suspended"`)
	f.Add("delegation", "6f1c35a4-6a7b-5d0e-9a3c-2f6b1e0d9c11", "2025-06-30T01:00:00Z", `{"units":["兴盛街道"],"due":null}`)
	f.Add("entry", "not-a-uuid", "yesterday", `{`)
	f.Add("other", "6f1c35a4-6a7b-5d0e-9a3c-2f6b1e0d9c11", "2025-06-30T01:00:00Z", `{"title":"计划","sections":[{"tasks":[null]}]}`)
	f.Add("status", "6f1c35a4-6a7b-5d0e-9a3c-2f6b1e0d9c11", "2025-06-30T01:00:00Z", `{"id":"HV-1","process":"p","events":[{"at":"x"}]}`)
	f.Fuzz(func(t *testing.T, kind, op, stored, body string) {
		e, err := decodeTaskEvent("t", 1, kind, op, stored, body)
		if err != nil && !errors.Is(err, ErrNotAStore) {
			t.Fatalf("a task event that cannot be read: %v does not wrap ErrNotAStore", err)
		}
		if err == nil && e.Entry != nil {
			var l task.Ledger
			_, _ = l.Append(*e.Entry) // the task package's rules decide; no panic
		}
		if p, err := decodeStored(body); err == nil {
			if p == nil {
				t.Fatal("a plan read without error is nil")
			}
			_, _ = p.Tasks()
		} else {
			var de *plan.DecodeError
			if !errors.As(err, &de) && !errors.Is(err, plan.ErrInvalidPlan) {
				t.Fatalf("a stored plan that cannot be read: %v is neither a DecodeError nor ErrInvalidPlan", err)
			}
		}
		c := approval.Case{ID: "C-1"}
		if err := readHeader(&c, sql.NullString{String: body, Valid: true}); err != nil && !errors.Is(err, ErrNotAStore) {
			t.Fatalf("a case header that cannot be read: %v does not wrap ErrNotAStore", err)
		} else if err == nil && c.ID != "C-1" {
			t.Fatalf("the header %q changed the case's id to %q", body, c.ID)
		}
	})
}
