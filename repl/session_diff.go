package repl

// The change log behind :diff: the writes the ORM reported (orm.OnWrite)
// since the last commit or rollback, in order. A failed or undone entry
// truncates it to its length before the entry. :diff folds it per model:
// records created, records updated with each field's first "before" value
// and its current value, records deleted. Raw SQL that wrote (sql(),
// env.Cr().Execute, …) follows, statement by statement with its command
// tag: what it changed is not itemised.

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"odsh/orm"
	"odsh/printer"
)

// changeLog is the list of writes of the current epoch, and the records
// created in it per model.
type changeLog struct {
	events  []orm.WriteEvent
	created map[string]map[int64]bool
}

func newChangeLog() *changeLog { return &changeLog{created: map[string]map[int64]bool{}} }

func (c *changeLog) add(ev orm.WriteEvent) {
	c.events = append(c.events, ev)
	if ev.Op == orm.OpCreate {
		set := c.created[ev.Model]
		if set == nil {
			set = map[int64]bool{}
			c.created[ev.Model] = set
		}
		for _, id := range ev.IDs {
			set[id] = true
		}
	}
}

func (c *changeLog) len() int { return len(c.events) }

func (c *changeLog) truncate(n int) {
	events := c.events[:n]
	*c = *newChangeLog()
	for _, ev := range events {
		c.add(ev)
	}
}

// want narrows the records of an update about to be sent to those whose
// values before it :diff shows: not the ones created in this epoch
// (orm.Transaction.OnWriteWant). A deletion keeps every record: :diff names
// the deleted records, created ones included.
func (c *changeLog) want(op orm.WriteOp, model string, ids []int64) []int64 {
	created := c.created[model]
	if op != orm.OpUpdate || len(created) == 0 {
		return ids
	}
	out := make([]int64, 0, len(ids))
	for _, id := range ids {
		if !created[id] {
			out = append(out, id)
		}
	}
	return out
}

// records counts the distinct records written.
func (c *changeLog) records() int {
	seen := map[string]bool{}
	for _, ev := range c.events {
		for _, id := range ev.IDs {
			seen[fmt.Sprint(ev.Model, id)] = true
		}
	}
	return len(seen)
}

// modelDiff is what happened to one model's records.
type modelDiff struct {
	created, deleted []int64
	before           map[int64]orm.Values // first known value per updated field
	deletedNames     map[int64]orm.Values
}

// fold groups the log per model.
func (c *changeLog) fold() map[string]*modelDiff {
	out := map[string]*modelDiff{}
	get := func(m string) *modelDiff {
		if out[m] == nil {
			out[m] = &modelDiff{before: map[int64]orm.Values{}, deletedNames: map[int64]orm.Values{}}
		}
		return out[m]
	}
	for _, ev := range c.events {
		if ev.Op == orm.OpSQL {
			continue
		}
		d := get(ev.Model)
		switch ev.Op {
		case orm.OpCreate:
			d.created = append(d.created, ev.IDs...)
		case orm.OpUpdate:
			d.addBefore(ev)
		case orm.OpUnlink:
			d.deleted = append(d.deleted, ev.IDs...)
			for id, v := range ev.Before {
				d.deletedNames[id] = v
			}
		}
	}
	return out
}

// addBefore keeps the first before-value of each field of records that
// existed before the transaction.
func (d *modelDiff) addBefore(ev orm.WriteEvent) {
	created := idSet(d.created)
	for _, id := range ev.IDs {
		if created[id] {
			continue
		}
		if d.before[id] == nil {
			d.before[id] = orm.Values{}
		}
		for _, f := range ev.Fields {
			if f == "write_date" || f == "write_uid" {
				continue
			}
			if _, ok := d.before[id][f]; !ok {
				d.before[id][f] = ev.Before[id][f]
			}
		}
	}
}

func idSet(ids []int64) map[int64]bool {
	m := make(map[int64]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}

// writeDiff prints the folded log; current values are read through env.
func (s *Session) writeDiff(w io.Writer) {
	folded := s.changes.fold()
	raw := s.changes.raw()
	if len(folded) == 0 && len(raw) == 0 {
		fmt.Fprintln(w, "no changes")
		return
	}
	models := make([]string, 0, len(folded))
	for m := range folded {
		models = append(models, m)
	}
	sort.Strings(models)
	for _, m := range models {
		s.writeModelDiff(w, m, folded[m])
	}
	if len(raw) > 0 {
		fmt.Fprintln(w, "raw SQL (what it changed is not itemised above)")
		for _, ev := range raw {
			fmt.Fprintf(w, "  %s%s → %s\n", ev.SQL, formatSQLArgs(ev.Args), ev.Tag)
		}
	}
}

// raw returns the raw statements that wrote, in order.
func (c *changeLog) raw() []orm.WriteEvent {
	var out []orm.WriteEvent
	for _, ev := range c.events {
		if ev.Op == orm.OpSQL {
			out = append(out, ev)
		}
	}
	return out
}

// formatSQLArgs writes a statement's arguments: " [$1 = "X", $2 = 6]".
func formatSQLArgs(args []any) string {
	if len(args) == 0 {
		return ""
	}
	parts := make([]string, len(args))
	for i, a := range args {
		v := printer.FormatValue(a, printer.Hint{})
		if str, ok := a.(string); ok {
			v = fmt.Sprintf("%q", str)
		}
		parts[i] = fmt.Sprintf("$%d = %s", i+1, v)
	}
	return " [" + strings.Join(parts, ", ") + "]"
}

func (s *Session) writeModelDiff(w io.Writer, model string, d *modelDiff) {
	fmt.Fprintln(w, model)
	deleted := idSet(d.deleted)
	if created := without(d.created, deleted); len(created) > 0 {
		rs := s.env.Model(model).Browse(created...)
		fmt.Fprintf(w, "  created %s\n", rs)
	}
	for _, id := range sortedIDs(d.before) {
		if deleted[id] {
			continue
		}
		rec := s.env.Model(model).Browse(id)
		fmt.Fprintf(w, "  updated %s\n", rec)
		for _, f := range sortedKeys(d.before[id]) {
			after := dbValue(rec, f)
			fmt.Fprintf(w, "    %s: %s → %s\n", f, printer.FormatValue(d.before[id][f], printer.Hint{}), after)
		}
	}
	if len(d.deleted) > 0 {
		var names []string
		for _, id := range d.deleted {
			if n, ok := d.deletedNames[id]; ok && len(n) > 0 {
				for _, v := range n {
					names = append(names, fmt.Sprintf("%d %s", id, printer.FormatValue(v, printer.Hint{})))
				}
			} else if !idSet(d.created)[id] {
				names = append(names, fmt.Sprint(id))
			}
		}
		if len(names) > 0 {
			fmt.Fprintf(w, "  deleted %s\n", strings.Join(names, ", "))
		}
	}
}

// dbValue formats a record's current value of field f as the database
// holds it (a many2one as its id).
func dbValue(rec orm.Recordset, f string) string {
	v := rec.Get(f)
	if r, ok := v.(orm.Recordset); ok {
		switch r.Len() {
		case 0:
			return printer.FormatValue(nil, printer.Hint{})
		case 1:
			return fmt.Sprint(r.ID())
		}
		return printer.FormatValue(r.IDs(), printer.Hint{})
	}
	return printer.FormatValue(v, printer.Hint{})
}

func without(ids []int64, drop map[int64]bool) []int64 {
	var out []int64
	for _, id := range ids {
		if !drop[id] {
			out = append(out, id)
		}
	}
	return out
}

func sortedIDs(m map[int64]orm.Values) []int64 {
	ids := make([]int64, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}

func sortedKeys(v orm.Values) []string {
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
