package orm

// The registry of an Odoo database.
//
// An Odoo database describes its own models in its reflection tables:
// ir_model (name, order, transient), ir_model_fields (type, relation,
// inverse, relation table, required, stored, translated, company
// dependent, related path, …), ir_model_fields_selection (selection
// values), ir_model_inherit (delegation parents) and ir_model_constraint
// (SQL constraints, and the foreign keys whose names give a model's table).
// LoadOdooRegistry reads them, with the catalog's columns, in six queries
// and turns each model into a ModelDef, so that search, read, read_group,
// record rules and the printer run on the same engine as odsh's own
// databases. Nothing is written.
//
// What lives only in Odoo's Python is absent and said to be: a field that
// is not stored and not related is computed by Python code, and reading it
// is a ValidationError naming it (Field.Unavailable); so is a binary kept
// in Odoo's filestore, a field of a type odsh does not read, and a field
// whose column, comodel or inverse is missing. Related fields are computed
// from their path. Stored fields — computed or not in Odoo — are read from
// their columns.
//
// Display names follow one rule, since Odoo does not store _rec_name: a
// stored complete_name where the model has one, else name, else
// "model,id" (Model.RecName).

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
)

// odooMeta is what an Odoo-mode registry knows beyond its models.
type odooMeta struct {
	version string
	// readonly holds the stored fields Odoo marks read-only, computed
	// ones among them: model → field.
	readonly map[string]map[string]bool
	// depends holds ir_model_fields.depends of stored fields: model →
	// field → paths; empty when the database does not record them.
	depends map[string]map[string][]string

	origins *odooOrigins // the modules of models and fields (odoo_modules.go); nil when unread

	once sync.Once
	deps map[string][]string // "model.field" → stored computed fields depending on it
}

// IsOdoo reports whether the registry was read from an Odoo database.
func (r *Registry) IsOdoo() bool { return r.odoo != nil }

// OdooVersion returns the version of the Odoo database's base module
// ("18.0.1.3"), or "" for a registry built from addons.
func (r *Registry) OdooVersion() string {
	if r.odoo == nil {
		return ""
	}
	return r.odoo.version
}

type odooModelRow struct {
	id                  int64
	model, order, label string
	transient           bool
}

type odooFieldRow struct {
	id                                       int64
	model, name, ttype, relation, inverse    string
	related, onDelete, relTable, col1, col2  string
	depends, currency, label, help, domain   string
	size                                     int
	required, readonly, translate, companyDp bool
	groupExpand, store                       bool
}

// odooSchema is what LoadOdooRegistry read.
type odooSchema struct {
	version   string
	models    []odooModelRow
	fields    map[string][]*odooFieldRow // model → fields, by id
	byName    map[string]map[string]*odooFieldRow
	selection map[int64][]SelectionItem
	inherits  map[string]map[string]string // model → parent → link
	columns   map[string]map[string]string // table → column → type
	tables    map[string]string            // model → table named by its foreign keys
	cons      map[string][]SQLConstraint   // model → unique and check constraints
	fieldSkip map[string]map[string]string // model → field → why it is unavailable
	visiting  map[*odooFieldRow]bool
	known     map[string]bool              // model names
	forced    map[string]map[string]string // model → field → why the set-up failed on it
	origins   *odooOrigins
}

// LoadOdooRegistry builds the registry of the Odoo database conn is
// connected to from its reflection tables. It only reads.
func LoadOdooRegistry(ctx context.Context, conn *pgx.Conn) (*Registry, error) {
	s, err := readOdooSchema(ctx, conn)
	if err != nil {
		return nil, fmt.Errorf("orm: reading Odoo's reflection tables: %w", err)
	}
	return s.registry()
}

func readOdooSchema(ctx context.Context, conn *pgx.Conn) (*odooSchema, error) {
	s := &odooSchema{fields: map[string][]*odooFieldRow{}, byName: map[string]map[string]*odooFieldRow{},
		selection: map[int64][]SelectionItem{}, inherits: map[string]map[string]string{},
		columns: map[string]map[string]string{}, tables: map[string]string{}, cons: map[string][]SQLConstraint{}}
	batch := &pgx.Batch{}
	batch.Queue(`SELECT COALESCE((SELECT latest_version FROM ir_module_module WHERE name = 'base'), '')`).QueryRow(func(row pgx.Row) error {
		return row.Scan(&s.version)
	})
	batch.Queue(`SELECT id, model, COALESCE("order", 'id'), COALESCE(name->>'en_US', model), COALESCE(transient, false) FROM ir_model ORDER BY id`).
		Query(func(rows pgx.Rows) error {
			for rows.Next() {
				var m odooModelRow
				if err := rows.Scan(&m.id, &m.model, &m.order, &m.label, &m.transient); err != nil {
					return err
				}
				s.models = append(s.models, m)
			}
			return rows.Err()
		})
	batch.Queue(`SELECT id, model, name, ttype, COALESCE(relation, ''), COALESCE(relation_field, ''), COALESCE(related, ''),
		COALESCE(on_delete, ''), COALESCE(relation_table, ''), COALESCE(column1, ''), COALESCE(column2, ''), COALESCE(depends, ''),
		COALESCE(currency_field, ''), COALESCE(field_description->>'en_US', name), COALESCE(help->>'en_US', ''), COALESCE(domain, ''),
		COALESCE(size, 0), COALESCE(required, false), COALESCE(readonly, false), COALESCE(translate, false),
		COALESCE(company_dependent, false), COALESCE(group_expand, false), COALESCE(store, false)
		FROM ir_model_fields ORDER BY model, id`).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			f := &odooFieldRow{}
			if err := rows.Scan(&f.id, &f.model, &f.name, &f.ttype, &f.relation, &f.inverse, &f.related, &f.onDelete,
				&f.relTable, &f.col1, &f.col2, &f.depends, &f.currency, &f.label, &f.help, &f.domain, &f.size,
				&f.required, &f.readonly, &f.translate, &f.companyDp, &f.groupExpand, &f.store); err != nil {
				return err
			}
			s.fields[f.model] = append(s.fields[f.model], f)
			if s.byName[f.model] == nil {
				s.byName[f.model] = map[string]*odooFieldRow{}
			}
			s.byName[f.model][f.name] = f
		}
		return rows.Err()
	})
	batch.Queue(`SELECT field_id, value, COALESCE(name->>'en_US', value) FROM ir_model_fields_selection ORDER BY field_id, sequence, id`).
		Query(func(rows pgx.Rows) error {
			for rows.Next() {
				var id int64
				var it SelectionItem
				if err := rows.Scan(&id, &it.Value, &it.Label); err != nil {
					return err
				}
				s.selection[id] = append(s.selection[id], it)
			}
			return rows.Err()
		})
	batch.Queue(`SELECT m.model, p.model, f.name FROM ir_model_inherit i JOIN ir_model m ON m.id = i.model_id
		JOIN ir_model p ON p.id = i.parent_id JOIN ir_model_fields f ON f.id = i.parent_field_id`).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var m, p, link string
			if err := rows.Scan(&m, &p, &link); err != nil {
				return err
			}
			if s.inherits[m] == nil {
				s.inherits[m] = map[string]string{}
			}
			s.inherits[m][p] = link
		}
		return rows.Err()
	})
	batch.Queue(`SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
		WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm') AND a.attnum > 0 AND NOT a.attisdropped`).
		Query(func(rows pgx.Rows) error {
			for rows.Next() {
				var t, c, typ string
				if err := rows.Scan(&t, &c, &typ); err != nil {
					return err
				}
				if s.columns[t] == nil {
					s.columns[t] = map[string]string{}
				}
				s.columns[t][c] = typ
			}
			return rows.Err()
		})
	batch.Queue(`SELECT m.model, c.name, c.type, COALESCE(c.definition, ''), COALESCE(c.message->>'en_US', '') FROM ir_model_constraint c
		JOIN ir_model m ON m.id = c.model WHERE c.type = 'u' OR c.name LIKE '%\_create\_uid\_fkey' ORDER BY c.id`).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var m, name, typ, def, msg string
			if err := rows.Scan(&m, &name, &typ, &def, &msg); err != nil {
				return err
			}
			if typ == "f" {
				s.tables[m] = strings.TrimSuffix(name, "_create_uid_fkey")
			} else {
				s.cons[m] = append(s.cons[m], SQLConstraint{Name: name, Definition: def, Message: msg})
			}
		}
		return rows.Err()
	})
	queueOdooOrigins(batch, s)
	if err := conn.SendBatch(ctx, batch).Close(); err != nil {
		return nil, err
	}
	return s, nil
}

// registry turns the schema into model definitions and sets them up. A
// field the registry cannot set up (an inconsistency of the database odsh
// did not foresee) is made unavailable, saying why, and the set-up is
// tried again, so that one odd field never keeps a database closed.
func (s *odooSchema) registry() (*Registry, error) {
	s.known = map[string]bool{}
	for _, m := range s.models {
		s.known[m.model] = true
	}
	s.forced = map[string]map[string]string{}
	for attempt := 0; ; attempt++ {
		r, err := s.setup()
		if err == nil || attempt == maxSetupRetries {
			return r, err
		}
		model, field, ok := s.blame(err)
		if !ok || s.forced[model][field] != "" {
			return nil, err
		}
		if s.forced[model] == nil {
			s.forced[model] = map[string]string{}
		}
		s.forced[model][field] = "odsh cannot set it up (" + strings.TrimPrefix(err.Error(), "orm: ") + ")"
	}
}

// maxSetupRetries bounds the fields registry may give up on.
const maxSetupRetries = 50

// setup builds and sets up a registry from the schema.
func (s *odooSchema) setup() (*Registry, error) {
	s.fieldSkip = map[string]map[string]string{}
	s.visiting = map[*odooFieldRow]bool{}
	meta := &odooMeta{version: s.version, origins: s.origins, readonly: map[string]map[string]bool{}, depends: map[string]map[string][]string{}}
	defs := make([]ModelDef, 0, len(s.models))
	for _, m := range s.models {
		defs = append(defs, s.modelDef(m, meta))
	}
	r := NewRegistry()
	if err := r.Define(defs...); err != nil {
		return nil, err
	}
	r.odoo = meta
	if err := r.Setup(); err != nil {
		return nil, err
	}
	return r, nil
}

// blame finds the field a set-up error names ("orm: res.company.bank_ids:
// …"): the longest model name followed by one of its fields.
func (s *odooSchema) blame(err error) (model, field string, ok bool) {
	msg := strings.TrimPrefix(err.Error(), "orm: ")
	head, _, found := strings.Cut(msg, ":")
	if !found {
		return "", "", false
	}
	head = strings.Fields(head + " ")[0]
	i := strings.LastIndexByte(head, '.')
	if i < 0 {
		return "", "", false
	}
	model, field = head[:i], head[i+1:]
	return model, field, s.byName[model][field] != nil
}

// odooTables are the tables of Odoo's models whose _table is not their
// name with underscores, and that the names of their foreign keys in
// ir_model_constraint may not give (a constraint is reflected once, for
// the first model that declared it).
var odooTables = map[string]string{
	"ir.actions.actions": "ir_actions", "ir.actions.act_window": "ir_act_window",
	"ir.actions.act_window.view": "ir_act_window_view", "ir.actions.act_window_close": "ir_actions",
	"ir.actions.act_url": "ir_act_url", "ir.actions.server": "ir_act_server",
	"ir.actions.client": "ir_act_client", "ir.actions.report": "ir_act_report_xml",
	"project.task.stage.personal": "project_task_user_rel",
}

// odooRecNamesSearch is Odoo's _rec_names_search of models whose name
// search looks beyond their display name (ir_model does not record it).
var odooRecNamesSearch = map[string][]string{
	"res.partner": {"complete_name", "email", "ref", "vat", "company_registry"},
}

// tableOf returns the model's table, or "" when it has none (abstract
// models, and reports whose view the database lacks).
func (s *odooSchema) tableOf(model string) string {
	if t := odooTables[model]; t != "" && s.columns[t] != nil {
		return t
	}
	if t := s.tables[model]; t != "" && s.columns[t] != nil {
		return t
	}
	if t := tableName(model); s.columns[t] != nil {
		return t
	}
	return ""
}

func (s *odooSchema) modelDef(m odooModelRow, meta *odooMeta) ModelDef {
	table := s.tableOf(m.model)
	own := s.byName[m.model]
	d := ModelDef{Name: m.model, Description: m.label, Transient: m.transient, Table: table, Abstract: table == "",
		NoLogAccess: !logAccess(own), Methods: odooGuards(m.model)}
	magic := m.transient || logAccess(own)
	for _, f := range s.fields[m.model] {
		if f.name == "id" || f.name == "display_name" || magic && logAccessFields[f.name] && !logAccess(own) {
			continue
		}
		d.Fields = append(d.Fields, s.fieldDef(f, table))
		if f.store && s.available(f) {
			if f.readonly {
				setIn(meta.readonly, m.model, f.name, true)
			}
			if f.depends != "" {
				if meta.depends[m.model] == nil {
					meta.depends[m.model] = map[string][]string{}
				}
				meta.depends[m.model][f.name] = strings.Split(f.depends, ",")
			}
		}
	}
	switch {
	case s.stored(m.model, "complete_name"):
		d.RecName = "complete_name"
	case s.available(own["name"]):
		d.RecName = "name"
	}
	for _, n := range odooRecNamesSearch[m.model] {
		if s.stored(m.model, n) {
			d.RecNamesSearch = append(d.RecNamesSearch, n)
		}
	}
	d.Order = s.order(m)
	d.ParentName = s.parentName(m.model)
	d.ParentStore = d.ParentName != "" && table != "" && s.columns[table]["parent_path"] != ""
	for p, link := range s.inherits[m.model] {
		if lf := own[link]; table != "" && s.available(lf) && lf.ttype == "many2one" && lf.relation == p {
			if d.Inherits == nil {
				d.Inherits = map[string]string{}
			}
			d.Inherits[p] = link
		}
	}
	for _, c := range s.cons[m.model] {
		if table != "" && strings.HasPrefix(c.Name, table+"_") {
			c.Name = strings.TrimPrefix(c.Name, table+"_")
			d.SQLConstraints = append(d.SQLConstraints, c)
		}
	}
	return d
}

// logAccess reports whether the model has Odoo's four log access fields
// with their usual types (odsh then adds them as magic fields).
func logAccess(own map[string]*odooFieldRow) bool {
	for name, typ := range map[string]string{"create_uid": "many2one", "write_uid": "many2one", "create_date": "datetime", "write_date": "datetime"} {
		if f := own[name]; f == nil || f.ttype != typ || !f.store {
			return false
		}
	}
	return true
}

func setIn(m map[string]map[string]bool, a, b string, v bool) {
	if m[a] == nil {
		m[a] = map[string]bool{}
	}
	m[a][b] = v
}

// stored reports whether model has an available stored field name.
func (s *odooSchema) stored(model, name string) bool {
	f := s.byName[model][name]
	return f != nil && f.store && s.available(f)
}

// order keeps the terms of ir_model.order that name stored fields.
func (s *odooSchema) order(m odooModelRow) string {
	var keep []string
	for _, part := range strings.Split(m.order, ",") {
		words := strings.Fields(strings.ToLower(part))
		if !validOrderWords(words) {
			continue
		}
		if words[0] == "id" || s.stored(m.model, words[0]) {
			keep = append(keep, strings.Join(words, " "))
		}
	}
	if len(keep) == 0 {
		return "id"
	}
	return strings.Join(keep, ", ")
}

// validOrderWords reports whether an order term is "field [asc|desc]
// [nulls first|last]".
func validOrderWords(w []string) bool {
	if len(w) == 0 {
		return false
	}
	w = w[1:]
	if len(w) > 0 && (w[0] == "asc" || w[0] == "desc") {
		w = w[1:]
	}
	if len(w) == 2 && w[0] == "nulls" && (w[1] == "first" || w[1] == "last") {
		w = nil
	}
	return len(w) == 0
}

// parentName is the many2one to the model itself that child_of follows:
// parent_id, else the only stored many2one to the model (stock.location's
// location_id) when the table has parent_path.
func (s *odooSchema) parentName(model string) string {
	if f := s.byName[model]["parent_id"]; f != nil && f.ttype == "many2one" && f.relation == model && f.store && s.available(f) {
		return "parent_id"
	}
	if s.columns[s.tableOf(model)]["parent_path"] == "" {
		return ""
	}
	var found []string
	for _, f := range s.fields[model] {
		if f.ttype == "many2one" && f.relation == model && f.store && s.available(f) {
			found = append(found, f.name)
		}
	}
	if len(found) == 1 {
		return found[0]
	}
	return ""
}

// odooTypes maps ir_model_fields.ttype to odsh's field types.
var odooTypes = map[string]FieldType{
	"boolean": TypeBoolean, "integer": TypeInteger, "float": TypeFloat, "monetary": TypeMonetary,
	"char": TypeChar, "text": TypeText, "html": TypeHTML, "selection": TypeSelection, "date": TypeDate,
	"datetime": TypeDatetime, "binary": TypeBinary, "many2one": TypeMany2one, "one2many": TypeOne2many,
	"many2many": TypeMany2many, "reference": TypeReference, "many2one_reference": TypeMany2oneReference,
}

// available reports whether odsh can give f's value, memoising why not.
func (s *odooSchema) available(f *odooFieldRow) bool {
	if f == nil {
		return false
	}
	return s.whyUnavailable(f) == ""
}

// whyUnavailable says why odsh cannot give f's value, or "".
func (s *odooSchema) whyUnavailable(f *odooFieldRow) string {
	if why, ok := s.fieldSkip[f.model][f.name]; ok {
		return why
	}
	if s.visiting[f] {
		return "its related path loops"
	}
	s.visiting[f] = true
	why := s.computeWhy(f)
	delete(s.visiting, f)
	if s.fieldSkip[f.model] == nil {
		s.fieldSkip[f.model] = map[string]string{}
	}
	s.fieldSkip[f.model][f.name] = why
	return why
}

func (s *odooSchema) computeWhy(f *odooFieldRow) string {
	t, ok := odooTypes[f.ttype]
	switch {
	case s.forced[f.model][f.name] != "":
		return s.forced[f.model][f.name]
	case !ok:
		return fmt.Sprintf("fields of type %s are not read by odsh yet", f.ttype)
	case t.Relational() && !s.modelKnown(f.relation):
		return fmt.Sprintf("its comodel %s is not in this database", f.relation)
	case f.name == "display_name" && !f.store:
		return "" // odsh's own display name (the package comment says how)
	case !f.store && f.related == "" && s.knownCompute(f) != nil:
		return ""
	case f.related != "" && !f.store:
		return s.relatedWhy(f, t)
	case !f.store:
		return "it is computed by Odoo's Python code and not stored"
	}
	table := s.tableOf(f.model)
	switch t {
	case TypeOne2many:
		inv := s.byName[f.relation][f.inverse]
		if inv == nil || inv.ttype != "many2one" || !s.available(inv) {
			return fmt.Sprintf("its inverse %s.%s is not a many2one odsh can read", f.relation, f.inverse)
		}
		return ""
	case TypeMany2many:
		if f.relTable == "" || f.col1 == "" || f.col2 == "" || s.columns[f.relTable] == nil {
			return fmt.Sprintf("its relation table %q is not in this database", f.relTable)
		}
		return ""
	}
	if table == "" {
		return ""
	}
	if s.columns[table][f.name] == "" {
		if t == TypeBinary {
			return "it is kept in Odoo's filestore (ir.attachment)"
		}
		return fmt.Sprintf("table %s has no column %s", table, f.name)
	}
	return ""
}

func (s *odooSchema) modelKnown(name string) bool { return s.known[name] }

// relatedWhy checks a non-stored related field's path: every step an
// available field, every step but the last relational, the last of the
// field's type.
func (s *odooSchema) relatedWhy(f *odooFieldRow, t FieldType) string {
	model := f.model
	steps := strings.Split(f.related, ".")
	for i, name := range steps {
		step := s.byName[model][name]
		if step == nil {
			return fmt.Sprintf("its related path %q names %s.%s, which does not exist", f.related, model, name)
		}
		if why := s.whyUnavailable(step); why != "" {
			return fmt.Sprintf("it is related to %s.%s, and %s", model, name, why)
		}
		st := odooTypes[step.ttype]
		if i == len(steps)-1 {
			if st != t {
				return fmt.Sprintf("its related path %q ends on a %s field", f.related, step.ttype)
			}
			return ""
		}
		if !st.Relational() {
			return fmt.Sprintf("its related path %q goes through %s.%s, which is not relational", f.related, model, name)
		}
		model = step.relation
	}
	return ""
}

// relatedTarget returns the field a related field's path ends on (the
// path was checked by relatedWhy).
func (s *odooSchema) relatedTarget(f *odooFieldRow) *odooFieldRow {
	for f.related != "" && !f.store {
		model := f.model
		steps := strings.Split(f.related, ".")
		for _, name := range steps[:len(steps)-1] {
			model = s.byName[model][name].relation
		}
		f = s.byName[model][steps[len(steps)-1]]
	}
	return f
}

// fieldDef builds the definition of one reflected field.
func (s *odooSchema) fieldDef(f *odooFieldRow, table string) *FieldDef {
	t := odooTypes[f.ttype]
	if why := s.whyUnavailable(f); why != "" {
		return s.unavailableDef(f, t, why)
	}
	d := s.typedDef(f, t)
	d.Label(f.label).Required(f.required).Readonly(f.readonly)
	if fn := s.knownCompute(f); fn != nil && !f.store && f.related == "" {
		return d.Compute(fn).Store(false)
	}
	if f.help != "" {
		d.Help(f.help)
	}
	if f.related != "" && !f.store {
		d.Related(f.related)
		return d
	}
	col := s.columns[table][f.name]
	if f.translate && col == "jsonb" {
		d.Translate()
	}
	if f.companyDp && col == "jsonb" {
		d.CompanyDependent()
		if s.columns["ir_default"] != nil {
			d.Default(irDefault(f.id, t))
		}
	}
	if t == TypeFloat && strings.HasPrefix(col, "numeric") {
		d.set(func(fl *Field) { fl.HasDigits, fl.Digits = true, [2]int{0, 6} })
	}
	if f.groupExpand && (t == TypeSelection || t == TypeMany2one) {
		d.GroupExpandAll()
	}
	return d
}

// typedDef is the type constructor with the type's own attributes.
func (s *odooSchema) typedDef(f *odooFieldRow, t FieldType) *FieldDef {
	switch t {
	case TypeMany2one:
		d := Many2one(f.name, f.relation)
		switch {
		case f.required && (f.onDelete == "set null" || f.onDelete == ""):
			d.Ondelete(Restrict)
		case f.onDelete != "":
			d.Ondelete(OnDelete(f.onDelete))
		}
		return d
	case TypeOne2many:
		if f.related != "" && !f.store {
			f = s.relatedTarget(f)
		}
		return One2many(f.name, f.relation, f.inverse)
	case TypeMany2many:
		if f.related != "" && !f.store {
			f = s.relatedTarget(f)
		}
		return Many2many(f.name, f.relation).Relation(f.relTable, f.col1, f.col2)
	case TypeSelection, TypeReference:
		d := newDef(f.name, t)
		if items := s.selection[f.id]; len(items) > 0 {
			d.set(func(fl *Field) { fl.Selection = append([]SelectionItem(nil), items...) })
		} else {
			d.SelectionFunc(func(*Env) []SelectionItem { return nil })
		}
		return d
	case TypeMany2oneReference:
		for _, mf := range []string{"res_model", "model"} {
			if c := s.byName[f.model][mf]; c != nil && (c.ttype == "char" || c.ttype == "selection") && s.available(c) {
				return Many2oneReference(f.name, mf)
			}
		}
		return Integer(f.name)
	case TypeMonetary:
		d := Monetary(f.name)
		cur := firstNonEmpty(f.currency, "currency_id")
		if s.byName[f.model][cur] != nil {
			d.CurrencyField(cur)
		}
		return d
	case TypeBinary:
		return Binary(f.name).Attachment(false)
	case TypeChar:
		d := Char(f.name)
		if f.size > 0 {
			d.Size(f.size)
		}
		return d
	case TypeHTML:
		return HTML(f.name).Sanitize(false)
	}
	return newDef(f.name, t)
}

// unavailableDef declares a field odsh lists but cannot read: not stored,
// computed by a function that says why. Its type is kept where the
// registry can set it up without its comodel or inverse.
func (s *odooSchema) unavailableDef(f *odooFieldRow, t FieldType, why string) *FieldDef {
	name, model := f.name, f.model
	switch {
	case odooTypes[f.ttype] != t || f.ttype == "" || !knownType(f.ttype):
		t = TypeChar
	case t.Relational() && !s.modelKnown(f.relation):
		t = TypeChar
	case t == TypeOne2many:
		inv := s.byName[f.relation][f.inverse]
		if inv == nil || inv.ttype != "many2one" || !s.available(inv) {
			t = TypeMany2many
		}
	case t == TypeMany2oneReference:
		t = TypeInteger
	}
	var d *FieldDef
	switch t {
	case TypeMany2one:
		d = Many2one(name, f.relation)
	case TypeOne2many:
		d = One2many(name, f.relation, f.inverse)
	case TypeMany2many:
		d = Many2many(name, f.relation)
		if f.relTable != "" && f.col1 != "" && f.col2 != "" {
			d.Relation(f.relTable, f.col1, f.col2)
		} else {
			d.Relation(strings.ReplaceAll(model+"_"+name, ".", "_")+"_odsh_rel", "a", "b")
		}
	case TypeSelection, TypeReference:
		d = newDef(name, t).SelectionFunc(func(*Env) []SelectionItem { return s.selectionOf(f) })
	default:
		d = newDef(name, t)
	}
	if fn := s.searchFunc(f); fn != nil {
		d.Search(fn)
	}
	msg := "odsh cannot read it: " + why
	d.Label(f.label).Store(false).Readonly(true)
	d.set(func(fl *Field) { fl.Unavailable = why })
	return d.Compute(func(Recordset) {
		panic(&ValidationError{ErrorInfo{Model: model, Field: name, Msg: msg}})
	})
}

func (s *odooSchema) selectionOf(f *odooFieldRow) []SelectionItem { return s.selection[f.id] }

func knownType(ttype string) bool { _, ok := odooTypes[ttype]; return ok }

// availableFields returns the fields Read gives without field names:
// those odsh can read.
func (m *Model) availableFields() []*Field {
	for _, f := range m.FieldList {
		if f.Unavailable != "" {
			out := make([]*Field, 0, len(m.FieldList))
			for _, f := range m.FieldList {
				if f.Unavailable == "" {
					out = append(out, f)
				}
			}
			return out
		}
	}
	return m.FieldList
}
