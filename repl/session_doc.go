package repl

import (
	"context"
	"fmt"
	"strings"

	"odsh/modeldoc"
	"odsh/printer"
)

// helperDocs describe the helpers for :doc.
var helperDocs = map[string]string{
	"show":     "show(x, fields...) prints x: a recordset as a table of id and fields, a list of Values as a table",
	"search":   `search(model, dom, opts...) is env.Model(model).Search(dom, opts...); dom is a domain.Domain or Odoo text "[('name','ilike','a')]"`,
	"browse":   "browse(model, ids...) is env.Model(model).Browse(ids...)",
	"ref":      `ref(xmlid) is env.Ref(xmlid), e.g. ref("base.main_company")`,
	"models":   "models() returns every model name",
	"fields":   "fields(model) returns the field names of model (:fields MODEL shows their types)",
	"sql":      "sql(query, args...) flushes, runs raw SQL with $1… parameters and prints the rows or the count of rows affected",
	"flush":    "flush() sends pending writes to the database",
	"commit":   "commit() commits the transaction (as :commit and env.Commit())",
	"rollback": "rollback() discards everything since the last commit",
	"chart":    `chart(groups, "field") draws ReadGroup rows as bars of field`,
}

func (s *Session) metaDoc(_ context.Context, args []string) error {
	if len(args) != 1 {
		return metaErr("usage: :doc NAME")
	}
	name := args[0]
	if c, ok := metaCommands[strings.TrimPrefix(name, ":")]; ok {
		fmt.Fprintf(s.out, "%s  %s\n", c.usage, c.help)
		return nil
	}
	if d, ok := helperDocs[name]; ok {
		fmt.Fprintln(s.out, d)
		return nil
	}
	reg := s.env.Registry()
	if reg.Model(name) != nil {
		return modeldoc.Text(s.out, reg, name, s.width())
	}
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		if m := reg.Model(name[:i]); m != nil {
			if f := m.Fields[name[i+1:]]; f != nil {
				return modeldoc.FieldText(s.out, f, s.width())
			}
		}
	}
	if name == "python" || name == "odoo" {
		writePhrasebook(s.out)
		return nil
	}
	if keys := s.apiDoc(name); len(keys) > 0 {
		s.printAPIDoc(keys)
		return nil
	}
	if s.goDoc(name) {
		return nil
	}
	if m := reg.ClosestModel(name); m != "" && strings.Contains(name, ".") {
		return metaErr("no model, field, helper, command or ORM name %q (did you mean %q?)", name, m)
	}
	return metaErr("no model, field, helper, command or ORM name %q", name)
}

// width is the printer's width in cells.
func (s *Session) width() int {
	if s.opts.Width == 0 {
		return printer.DefaultWidth
	}
	return max(s.opts.Width, printer.MinWidth)
}
