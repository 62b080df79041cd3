package orm

// The schema.
//
// Tables, columns, foreign keys, indexes, many2many tables and SQL
// constraints are created from the registry; what exists is read from the
// catalog in three queries first, so an up-to-date database costs nothing
// more. Nothing is ever dropped. Everything runs in the caller's
// transaction: a failure leaves the database as it was.

import (
	"fmt"
	"sort"
	"strings"
)

type schemaState struct {
	columns     map[string]map[string]bool   // table → columns
	types       map[string]map[string]string // table → column → type (format_type)
	constraints map[string]bool
	indexes     map[string]bool
	computed    []*Field // stored computed fields whose column was added to a table that had one
}

func (tx *Transaction) readSchema() *schemaState {
	st := &schemaState{columns: map[string]map[string]bool{}, types: map[string]map[string]string{}, constraints: map[string]bool{}, indexes: map[string]bool{}}
	tx.query(`SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
		WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'v') AND a.attnum > 0 AND NOT a.attisdropped`, nil,
		func(rows pgxRows) error {
			var t, c, typ string
			if err := rows.Scan(&t, &c, &typ); err != nil {
				return err
			}
			if st.columns[t] == nil {
				st.columns[t] = map[string]bool{}
				st.types[t] = map[string]string{}
			}
			st.columns[t][c] = true
			st.types[t][c] = typ
			return nil
		})
	tx.query(`SELECT conname FROM pg_constraint WHERE connamespace = current_schema()::regnamespace`, nil,
		func(rows pgxRows) error {
			var n string
			err := rows.Scan(&n)
			st.constraints[n] = true
			return err
		})
	tx.query(`SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()`, nil,
		func(rows pgxRows) error {
			var n string
			err := rows.Scan(&n)
			st.indexes[n] = true
			return err
		})
	return st
}

// InitSchema creates what the registry's models need and the database
// lacks: tables, columns, foreign keys, indexes, relation tables and SQL
// constraints. It returns the statements it ran, and a comment
// "-- not added: <constraint> …" for each SQL constraint the rows already
// there violate (left out, as Odoo does, so that they can be fixed).
func (tx *Transaction) InitSchema(models ...string) []string {
	tx.flushAll()
	reg := tx.reg
	if len(models) == 0 {
		models = reg.names
	}
	st := tx.readSchema()
	var ran []string
	exec := func(q string) {
		if len(ran) == 0 {
			// deferred foreign keys with pending checks forbid ALTER TABLE:
			// check them now, and defer them again at the end
			tx.exec("SET CONSTRAINTS ALL IMMEDIATE")
		}
		if !strings.HasPrefix(q, "-- ") {
			tx.exec(q)
		}
		ran = append(ran, q)
	}

	var ms []*Model
	for _, n := range models {
		if m := reg.models[n]; m != nil && m.HasTable() {
			ms = append(ms, m)
		}
	}
	for _, m := range ms {
		tx.createTable(m, st, exec)
	}
	for _, m := range ms {
		tx.createForeignKeys(m, st, exec)
		tx.createRelations(m, st, exec)
		tx.createIndexes(m, st, exec)
		tx.createConstraints(m, st, exec)
	}
	if len(ran) > 0 {
		tx.exec("SET CONSTRAINTS ALL DEFERRED")
		tx.cache.clear()
	}
	tx.computeAddedColumns(st.computed)
	return ran
}

// computeAddedColumns marks the existing rows of stored computed fields
// whose column was just added to compute (the next flush fills it), as
// Odoo does when an update adds such a field: an added complete_name is
// not left NULL on the partners already there.
func (tx *Transaction) computeAddedColumns(fields []*Field) {
	for _, f := range fields {
		var ids []int64
		tx.query("SELECT id FROM "+quote(f.Model.Table)+" ORDER BY id", nil, func(rows pgxRows) error {
			var id int64
			err := rows.Scan(&id)
			ids = append(ids, id)
			return err
		})
		for _, id := range ids {
			tx.addToCompute(f, id)
		}
	}
}

func (tx *Transaction) createTable(m *Model, st *schemaState, exec func(string)) {
	cols := st.columns[m.Table]
	fresh := cols == nil
	if fresh {
		var defs []string
		defs = append(defs, "id SERIAL NOT NULL PRIMARY KEY")
		for _, f := range m.columns {
			if f.Name != "id" {
				defs = append(defs, columnDef(f, true))
			}
		}
		exec(fmt.Sprintf("CREATE TABLE %s (%s)", quote(m.Table), strings.Join(defs, ", ")))
		st.columns[m.Table] = map[string]bool{}
		for _, f := range m.columns {
			st.columns[m.Table][f.column] = true
		}
		return
	}
	var adds []string
	for _, f := range m.columns {
		if !cols[f.column] {
			adds = append(adds, "ADD COLUMN "+columnDef(f, false))
			cols[f.column] = true
			if f.IsComputed() && f.Store {
				st.computed = append(st.computed, f)
			}
		} else if alter := convertColumn(f, st.types[m.Table][f.column]); alter != "" {
			adds = append(adds, alter)
		}
	}
	if len(adds) > 0 {
		exec(fmt.Sprintf("ALTER TABLE %s %s", quote(m.Table), strings.Join(adds, ", ")))
	}
}

// convertColumn is the ALTER COLUMN clause turning the column of a field
// that became translatable (varchar/text) into jsonb, its text becoming
// the en_US value, or back when it stopped being translatable; "" when
// the column type fits.
func convertColumn(f *Field, have string) string {
	col := quote(f.column)
	isJSON := have == "jsonb"
	switch {
	case have == "" || f.Type != TypeChar && f.Type != TypeText && f.Type != TypeHTML:
		return ""
	case f.Translate && !isJSON:
		return fmt.Sprintf("ALTER COLUMN %s TYPE jsonb USING CASE WHEN %s IS NULL THEN NULL ELSE jsonb_build_object('en_US', %s) END", col, col, col)
	case !f.jsonKeyed() && isJSON:
		return fmt.Sprintf("ALTER COLUMN %s TYPE %s USING %s->>'en_US'", col, f.columnType(), col)
	}
	return ""
}

// columnDef is "name type [NOT NULL]"; NOT NULL only on a new table (an
// added column of a table with rows would have none).
func columnDef(f *Field, fresh bool) string {
	def := quote(f.column) + " " + f.columnType()
	if f.Required && fresh && !f.IsComputed() {
		def += " NOT NULL"
	}
	return def
}

func (tx *Transaction) createForeignKeys(m *Model, st *schemaState, exec func(string)) {
	for _, f := range m.columns {
		if f.Type != TypeMany2one || f.jsonKeyed() {
			continue
		}
		co := tx.reg.models[f.Comodel]
		name := fkName(m.Table, f.column)
		if !co.HasTable() || st.constraints[name] {
			continue
		}
		// the users of create_uid/write_uid are checked at commit: the
		// superuser's own row is created by the base addon's data
		deferred := ""
		if logAccessFields[f.Name] {
			deferred = " DEFERRABLE INITIALLY DEFERRED"
		}
		exec(fmt.Sprintf("ALTER TABLE %s ADD CONSTRAINT %s FOREIGN KEY (%s) REFERENCES %s (id) ON DELETE %s%s",
			quote(m.Table), quote(name), quote(f.column), quote(co.Table), strings.ToUpper(string(f.Ondelete)), deferred))
		st.constraints[name] = true
	}
}

func (tx *Transaction) createRelations(m *Model, st *schemaState, exec func(string)) {
	for _, f := range m.FieldList {
		if f.Type != TypeMany2many || !f.Store || st.columns[f.Relation] != nil {
			continue
		}
		co := tx.reg.models[f.Comodel]
		if !co.HasTable() {
			continue
		}
		ondelete := "CASCADE"
		if f.Ondelete == Restrict {
			ondelete = "RESTRICT"
		}
		exec(fmt.Sprintf("CREATE TABLE %s (%s int4 NOT NULL REFERENCES %s (id) ON DELETE CASCADE, %s int4 NOT NULL REFERENCES %s (id) ON DELETE %s, PRIMARY KEY (%s, %s))",
			quote(f.Relation), quote(f.Column1), quote(m.Table), quote(f.Column2), quote(co.Table), ondelete, quote(f.Column1), quote(f.Column2)))
		exec(fmt.Sprintf("CREATE INDEX ON %s (%s, %s)", quote(f.Relation), quote(f.Column2), quote(f.Column1)))
		st.columns[f.Relation] = map[string]bool{f.Column1: true, f.Column2: true}
	}
}

func (tx *Transaction) createIndexes(m *Model, st *schemaState, exec func(string)) {
	for _, f := range m.columns {
		index := f.Index || (f.Type == TypeMany2one && f.Name == m.ParentName)
		if f.Type == TypeMany2one {
			// one2many reads and ondelete checks look lines up by their parent
			index = index || tx.reg.isInverse(f)
		}
		if !index || f.Name == "id" {
			continue
		}
		name := m.Table + "__" + f.column + "_index"
		if len(name) > 63 {
			name = fmt.Sprintf("%s_%08x", name[:54], hashString(name))
		}
		if st.indexes[name] {
			continue
		}
		exec(fmt.Sprintf("CREATE INDEX %s ON %s (%s)", quote(name), quote(m.Table), quote(f.column)))
		st.indexes[name] = true
	}
	if m.ParentStore && m.Fields["parent_path"] != nil {
		name := m.Table + "_parent_path_index"
		if !st.indexes[name] {
			exec(fmt.Sprintf("CREATE INDEX %s ON %s (parent_path text_pattern_ops)", quote(name), quote(m.Table)))
			st.indexes[name] = true
		}
	}
}

// isInverse reports whether a many2one is the inverse of some one2many.
func (r *Registry) isInverse(f *Field) bool {
	if r.inverses == nil {
		r.inverses = map[*Field]bool{}
		for _, m := range r.models {
			for _, g := range m.FieldList {
				if g.Type == TypeOne2many {
					if inv := r.models[g.Comodel].Fields[g.InverseName]; inv != nil {
						r.inverses[inv] = true
					}
				}
			}
		}
	}
	return r.inverses[f]
}

func (tx *Transaction) createConstraints(m *Model, st *schemaState, exec func(string)) {
	cons := append([]SQLConstraint(nil), m.SQLConstraints...)
	sort.SliceStable(cons, func(i, j int) bool { return cons[i].Name < cons[j].Name })
	for _, c := range cons {
		name := m.Table + "_" + c.Name
		if st.constraints[name] {
			continue
		}
		q := fmt.Sprintf("ALTER TABLE %s ADD CONSTRAINT %s %s", quote(m.Table), quote(name), c.Definition)
		if err := tx.tryConstraint(q, exec); err != nil {
			// as Odoo, which logs it: the rows already there violate the
			// constraint (a contact without a name, for check_name); the
			// database stays usable, so that they can be fixed
			exec(fmt.Sprintf("-- not added: %s %s (%v)", name, c.Definition, err))
			continue
		}
		st.constraints[name] = true
	}
}

// tryConstraint adds a table constraint in a savepoint, and returns the
// ValidationError when existing rows violate it.
func (tx *Transaction) tryConstraint(q string, exec func(string)) (err error) {
	// before the savepoint: rolling back to it would undo this too
	tx.exec("SET CONSTRAINTS ALL IMMEDIATE")
	sp := tx.Savepoint()
	defer func() {
		if r := recover(); r != nil {
			ve, ok := r.(*ValidationError)
			if !ok {
				panic(r)
			}
			tx.RollbackTo(sp)
			err = ve
		}
	}()
	exec(q)
	tx.Release(sp)
	return nil
}
