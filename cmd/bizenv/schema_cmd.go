package main

import (
	"fmt"
	"strings"

	"github.com/bizenv/bizenv/schemas"
)

var schemaCmd = &command{
	name: "schema", usage: "[NAME]",
	summary: "打印 JSON 格式的 JSON Schema；不带名称时列出名称 / print the JSON Schema of a JSON format; without a name, list the names",
	run: func(e *env, o *options, args []string) error {
		switch len(args) {
		case 0:
			for _, n := range schemas.Names() {
				b, _ := schemas.Get(n)
				fmt.Fprintf(e.stdout, "%-18s %s\n", n, schemaTitle(b))
			}
			return nil
		case 1:
			b, ok := schemas.Get(args[0])
			if !ok {
				return usagef("未知的格式 %q（可选：%s）", "unknown format %q (one of: %s)", args[0], strings.Join(schemas.Names(), ", "))
			}
			_, err := e.stdout.Write(b)
			return err
		}
		return usagef("schema 至多带一个名称", "schema takes at most one name")
	},
}

// schemaTitle returns a schema's title.
func schemaTitle(b []byte) string {
	_, rest, ok := strings.Cut(string(b), `"title": "`)
	if !ok {
		return ""
	}
	title, _, _ := strings.Cut(rest, `"`)
	return title
}
