package orm

import (
	"fmt"
	"strings"
)

// SQLConstraint is one of a model's _sql_constraints: a table constraint
// named "<table>_<Name>" with the message shown when it is violated.
type SQLConstraint struct {
	Name       string // e.g. "name_uniq"
	Definition string // e.g. "unique (name)"
	Message    string // shown as the ValidationError's message
	Field      string // the field the ValidationError names, if the constraint is about one
}

// Constraint is a Python-style constraint (@api.constrains): Check runs
// after Create/Write on the records whose Fields were touched and panics
// with a ValidationError to refuse them.
type Constraint struct {
	Fields []string
	Check  func(rs Recordset)
}

// Method is a model method callable by name (rs.Call("action_confirm")).
type Method func(rs Recordset, args ...any) any

// MethodDecorator overrides a method: it receives the next implementation
// (super; nil for a new method) and returns the new one.
type MethodDecorator func(super Method) Method

// ModelDef declares a model, or extends one (Odoo's class attributes).
//
//   - Name set, Inherit empty: a new model.
//   - Name empty (or equal to its only Inherit): an extension of Inherit[0].
//   - Name set and Inherit naming other models: a new model copying them
//     (prototype inheritance); several parents act as mixins.
//   - Inherits: delegation, parent model → many2one field name.
//
// In an extension, empty attributes leave the extended model's as they were.
type ModelDef struct {
	Name        string
	Inherit     []string
	Inherits    map[string]string
	Description string
	Abstract    bool // AbstractModel: no table
	Transient   bool // TransientModel
	Table       string
	NoAuto      bool // _auto = False: the table is not created by the ORM
	NoLogAccess bool // _log_access = False: no create/write uid and date
	Order       string
	RecName     string
	// RecNamesSearch (Odoo's _rec_names_search) lists the fields (or
	// paths) a search by name looks in, instead of RecName alone.
	RecNamesSearch []string
	ParentName     string
	ParentStore    bool
	ActiveName     string
	SQLConstraints []SQLConstraint
	Fields         []*FieldDef
	// CheckCompanyAuto (Odoo's _check_company_auto) checks the company of
	// the CheckCompany fields after every Create and Write.
	CheckCompanyAuto bool
	Constraints      []Constraint
	Methods          map[string]MethodDecorator
	Onchanges        map[string]OnchangeFunc // field → what changing it in a form does

	addon string // the addon that gave this definition (Registry.AddAddons), "" otherwise
}

// ModelLayer is one definition of a model as the registry received it: the
// model's own definition, or an extension of it. Model.Layers lists them in
// order, so that documentation can say which addon defines a model and
// which addons extend it.
type ModelLayer struct {
	Addon   string   // the addon that gave the definition; "" when none did (Define, Declare)
	Extends bool     // an extension (_inherit of the model itself) rather than its definition
	Inherit []string // prototype parents the layer names (the model itself left out)
	Fields  []string // the fields the layer declares, new or redefined, in order
}

// Model is a resolved model: the result of its definition, its parents and
// every extension. Read-only once the registry is set up.
type Model struct {
	Name, Description, Table   string
	Abstract, Transient, Auto  bool
	LogAccess                  bool
	Order, RecName, ParentName string
	ParentStore                bool
	ActiveName                 string
	RecNamesSearch             []string
	CheckCompanyAuto           bool
	Inherits                   map[string]string
	SQLConstraints             []SQLConstraint
	Constraints                []Constraint
	Fields                     map[string]*Field
	FieldList                  []*Field // in declaration order
	// Layers are the definitions the model was resolved from, in order
	// (see ModelLayer); an Odoo database's model has one per module that
	// defines or extends it, when its ir_model_data says so.
	Layers             []ModelLayer
	registry           *Registry
	columns            []*Field // stored fields with a column, id first
	prefetch           []*Field // columns loaded together
	order              []orderTerm
	methods            map[string]Method
	nonStoredComputed  []*Field
	constraintsByField map[string][]int
	parents            []string // Inherit parents (prototype), for reflection
	slots              int      // cache slots per record: fields, then archived twins
}

// Field returns the named field, or nil.
func (m *Model) Field(name string) *Field { return m.Fields[name] }

// String returns the model's name.
func (m *Model) String() string { return m.Name }

// Registry returns the registry the model belongs to.
func (m *Model) Registry() *Registry { return m.registry }

// mustField returns the named field or panics with a ValidationError.
func (m *Model) mustField(name string) *Field {
	if f := m.Fields[name]; f != nil {
		return f
	}
	panic(&ValidationError{ErrorInfo{Model: m.Name, Field: name, Msg: fmt.Sprintf("unknown field %q%s", name, m.suggest(name))}})
}

// suggest proposes a field name close to a misspelt one:
// ` (did you mean "name"?)`, or "".
func (m *Model) suggest(name string) string {
	best := m.ClosestField(name)
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// ClosestField returns the field of m whose name is closest to a misspelt
// name (at most two edits away), or "": what errors propose with "did you
// mean".
func (m *Model) ClosestField(name string) string {
	best, bestD := "", 3
	for _, f := range m.FieldList {
		if d := editDistance(name, f.Name); d < bestD {
			best, bestD = f.Name, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	if abs(len(a)-len(b)) > 3 {
		return 99
	}
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// fieldByColumn returns the field stored in the given column.
func (m *Model) fieldByColumn(col string) *Field {
	for _, f := range m.columns {
		if f.column == col {
			return f
		}
	}
	return nil
}

// HasTable reports whether the model has a table of its own.
func (m *Model) HasTable() bool { return !m.Abstract && m.Auto }

// tableName derives _table from _name.
func tableName(name string) string { return strings.ReplaceAll(name, ".", "_") }
