package orm

import (
	"fmt"
	"strings"
	"unicode"

	"odsh/domain"
)

// FieldType is the type of a field, named as Odoo's field classes.
type FieldType int

// The field types.
const (
	TypeBoolean FieldType = iota
	TypeInteger
	TypeFloat
	TypeMonetary
	TypeChar
	TypeText
	TypeHTML
	TypeSelection
	TypeDate
	TypeDatetime
	TypeBinary
	TypeMany2one
	TypeOne2many
	TypeMany2many
	TypeReference
	TypeMany2oneReference
)

// LastType is the last field type, for loops over every type.
const LastType = TypeMany2oneReference

var typeNames = [...]string{"boolean", "integer", "float", "monetary", "char", "text", "html",
	"selection", "date", "datetime", "binary", "many2one", "one2many", "many2many",
	"reference", "many2one_reference"}

// String returns Odoo's name of the type ("many2one").
func (t FieldType) String() string {
	if t >= 0 && int(t) < len(typeNames) {
		return typeNames[t]
	}
	return fmt.Sprintf("FieldType(%d)", int(t))
}

// Relational reports whether the type refers to another model.
func (t FieldType) Relational() bool {
	return t == TypeMany2one || t == TypeOne2many || t == TypeMany2many
}

// X2many reports whether the type is one2many or many2many.
func (t FieldType) X2many() bool { return t == TypeOne2many || t == TypeMany2many }

// SelectionItem is one (value, label) pair of a Selection field.
type SelectionItem struct{ Value, Label string }

// ComputeFunc computes a field for every record of rs, assigning each with
// rec.Set (or SetCached).
type ComputeFunc func(rs Recordset)

// Field is a resolved field of a model: the result of its definition and
// every extension. It is read-only once the registry is set up.
type Field struct {
	Name  string
	Type  FieldType
	Model *Model // the model owning this field

	Label, Help                        string // Odoo's string and help
	Required, Readonly, Index, Store   bool
	Copy, Translate, Prefetch          bool
	CompanyDependent                   bool // value per company, in a jsonb column (field_company.go)
	Default                            any  // a value, or func(*Env) any
	Groups                             string
	Size                               int
	Digits                             [2]int // (precision, scale); HasDigits says whether set
	HasDigits                          bool
	CurrencyField                      string
	Selection                          []SelectionItem
	SelectionFunc                      func(env *Env) []SelectionItem
	Comodel, InverseName               string
	Ondelete                           OnDelete // many2one: what deleting the target does
	Relation, Column1, Column2         string
	Domain                             any
	Context                            Ctx
	AutoJoin, Delegate, CheckCompany   bool
	Compute                            ComputeFunc
	Depends, DependsContext            []string
	Related                            string
	Inverse                            func(rs Recordset)
	SearchFunc                         func(rs Recordset, op string, value any) any
	GroupExpand                        GroupExpandFunc
	ComputeSudo, Precompute, Recursive bool

	// ModelField is, for a Many2oneReference, the Char field holding the
	// model name of the record it refers to.
	ModelField string
	// Attachment says a stored Binary keeps its value in an ir.attachment
	// row (Odoo's default) rather than a bytea column.
	Attachment bool
	// IsImage, MaxWidth, MaxHeight and VerifyResolution are an Image's
	// attributes (an Image is a Binary).
	IsImage, VerifyResolution bool
	MaxWidth, MaxHeight       int
	// Sanitize, StripStyle and StripClasses say how an Html field cleans
	// the values written (see SanitizeHTML).
	Sanitize, StripStyle, StripClasses bool

	// Unavailable says why odsh cannot give this field's value (in an
	// Odoo database: computed by Odoo's Python code and not stored, kept in
	// Odoo's filestore, …); reading it is a ValidationError saying so.
	// Read without field names leaves such fields out.
	Unavailable string

	// Addon is the addon that introduced the field: the one whose
	// definition of the model (or of a prototype parent) declared it first.
	// It is empty for the magic fields (id, display_name, create_uid, …) and
	// for fields declared outside addons; a field inherited by delegation
	// has its parent field's.
	Addon string

	// InheritedFrom is the parent's field when this field is inherited by
	// delegation (_inherits) through the many2one DelegateLink; nil otherwise.
	InheritedFrom *Field
	DelegateLink  string

	// SelectionOndelete holds, for each value added by SelectionAdd, what
	// happens to records holding it when the value goes away.
	SelectionOndelete map[string]string
	selectionAdded    []string

	column       string // SQL column, "" when the field has no column
	index        int    // position in Model.FieldList (the cache slot)
	twin         *Field // x2many: the slot of the value with archived lines
	kind         kind
	labelDefault bool
	given        map[string]bool // attributes set explicitly (store, copy, readonly, compute_sudo)
}

// Column returns the field's SQL column name, or "" when it has none.
func (f *Field) Column() string { return f.column }

// String returns "model.field".
func (f *Field) String() string {
	if f.Model == nil {
		return f.Name
	}
	return f.Model.Name + "." + f.Name
}

// IsComputed reports whether the field is computed or related.
func (f *Field) IsComputed() bool { return f.Compute != nil || f.Related != "" }

// FieldDef declares a field, or redefines some attributes of an inherited
// one (only the attributes set on the definition change). Build one with
// the type constructors (Char, Many2one, ...) and chain attribute setters.
//
// Example:
//
//	f := orm.Char("name").Required().Index().Label("Customer")
//	env.Declare(orm.ModelDef{Name: "x.customer", Fields: []*orm.FieldDef{f}})
//	env.Model("x.customer").Create(orm.Values{"name": "Acme"}).Str("name")
type FieldDef struct {
	Name string
	Type FieldType
	ops  []func(*Field)
}

func newDef(name string, t FieldType, ops ...func(*Field)) *FieldDef {
	return &FieldDef{Name: name, Type: t, ops: ops}
}

func (d *FieldDef) set(op func(*Field)) *FieldDef { d.ops = append(d.ops, op); return d }

// Boolean declares a Boolean field.
func Boolean(name string) *FieldDef { return newDef(name, TypeBoolean) }

// Integer declares an Integer field.
func Integer(name string) *FieldDef { return newDef(name, TypeInteger) }

// Float declares a Float field; see Digits.
func Float(name string) *FieldDef { return newDef(name, TypeFloat) }

// Monetary declares a Monetary field; its currency is CurrencyField
// ("currency_id" by default).
func Monetary(name string) *FieldDef { return newDef(name, TypeMonetary) }

// Char declares a Char field (varchar).
func Char(name string) *FieldDef { return newDef(name, TypeChar) }

// Text declares a Text field.
func Text(name string) *FieldDef { return newDef(name, TypeText) }

// HTML declares an Html field (stored as text).
func HTML(name string) *FieldDef { return newDef(name, TypeHTML) }

// Selection declares a Selection field with a static list of values.
func Selection(name string, items ...SelectionItem) *FieldDef {
	d := newDef(name, TypeSelection)
	if len(items) > 0 {
		d.set(func(f *Field) { f.Selection = items })
	}
	return d
}

// Date declares a Date field.
func Date(name string) *FieldDef { return newDef(name, TypeDate) }

// Datetime declares a Datetime field (UTC, naive in the database).
func Datetime(name string) *FieldDef { return newDef(name, TypeDatetime) }

// Binary declares a Binary field. Its value is kept in an ir.attachment
// row, as Odoo's default (attachment=True); Attachment(false) keeps it in a
// bytea column instead.
func Binary(name string) *FieldDef { return newDef(name, TypeBinary) }

// Many2one declares a Many2one field to comodel.
func Many2one(name, comodel string) *FieldDef {
	return newDef(name, TypeMany2one, func(f *Field) { f.Comodel = comodel })
}

// One2many declares a One2many field: the records of comodel whose
// inverse many2one points to this record.
func One2many(name, comodel, inverse string) *FieldDef {
	return newDef(name, TypeOne2many, func(f *Field) { f.Comodel, f.InverseName = comodel, inverse })
}

// Many2many declares a Many2many field to comodel; the relation table and
// its columns are generated as Odoo does unless Relation sets them.
func Many2many(name, comodel string) *FieldDef {
	return newDef(name, TypeMany2many, func(f *Field) { f.Comodel = comodel })
}

// Label sets the field's label (Odoo's string); the default is the name
// capitalised, without a trailing _id/_ids.
func (d *FieldDef) Label(s string) *FieldDef { return d.set(func(f *Field) { f.Label = s }) }

// Help sets the field's help text.
func (d *FieldDef) Help(s string) *FieldDef { return d.set(func(f *Field) { f.Help = s }) }

// Required makes the field required (or not, with false).
func (d *FieldDef) Required(b ...bool) *FieldDef {
	v := flag(b)
	return d.set(func(f *Field) { f.Required = v })
}

// Readonly marks the field read-only in forms (the ORM still writes it).
func (d *FieldDef) Readonly(b ...bool) *FieldDef {
	v := flag(b)
	return d.set(func(f *Field) { f.Readonly = v; f.give("readonly") })
}

// Index creates a database index on the column.
func (d *FieldDef) Index(b ...bool) *FieldDef {
	v := flag(b)
	return d.set(func(f *Field) { f.Index = v })
}

// Store sets whether a computed or related field is stored.
func (d *FieldDef) Store(b ...bool) *FieldDef {
	v := flag(b)
	return d.set(func(f *Field) { f.Store = v; f.give("store") })
}

// Copy sets whether Copy duplicates the field's value.
func (d *FieldDef) Copy(b bool) *FieldDef {
	return d.set(func(f *Field) { f.Copy = b; f.give("copy") })
}

// Prefetch sets whether the field is loaded with the other columns.
func (d *FieldDef) Prefetch(b bool) *FieldDef { return d.set(func(f *Field) { f.Prefetch = b }) }

// Default sets the default value: a value, or a func(*Env) any computed
// for each new record. Default(nil) removes an inherited default.
func (d *FieldDef) Default(v any) *FieldDef { return d.set(func(f *Field) { f.Default = v }) }

// Groups restricts the field to users of these groups (comma-separated
// external ids).
func (d *FieldDef) Groups(s string) *FieldDef { return d.set(func(f *Field) { f.Groups = s }) }

// Size limits a Char field to n characters (longer values are truncated).
func (d *FieldDef) Size(n int) *FieldDef { return d.set(func(f *Field) { f.Size = n }) }

// Digits sets a Float's precision and scale: values are rounded to scale
// digits and the column is numeric.
func (d *FieldDef) Digits(precision, scale int) *FieldDef {
	return d.set(func(f *Field) { f.Digits, f.HasDigits = [2]int{precision, scale}, true })
}

// CurrencyField names the many2one to res.currency of a Monetary field.
func (d *FieldDef) CurrencyField(s string) *FieldDef {
	return d.set(func(f *Field) { f.CurrencyField = s })
}

// SelectionMethod gives a Selection field's values from the model method
// named method (Odoo's selection='_select_versions'); the method returns
// []SelectionItem and is called on the model owning the field, so a model
// that copies the field or an extension can override it.
func (d *FieldDef) SelectionMethod(method string) *FieldDef {
	return d.set(func(f *Field) {
		model := f.Model.Name
		f.SelectionFunc = func(env *Env) []SelectionItem {
			items, _ := env.Model(model).Call(method).([]SelectionItem)
			return items
		}
	})
}

// SelectionFunc gives a Selection field's values from a function (values
// are then not validated, as Odoo).
func (d *FieldDef) SelectionFunc(fn func(env *Env) []SelectionItem) *FieldDef {
	return d.set(func(f *Field) { f.SelectionFunc = fn })
}

// OnDelete is what deleting a many2one's target does to the records that
// point at it (Odoo's ondelete): SetNull empties the field, Cascade
// deletes them, Restrict refuses the deletion. The value goes into the
// foreign key's DDL, so the registry refuses any other at set-up.
type OnDelete string

// The ondelete values Odoo's Many2one accepts.
const (
	SetNull  OnDelete = "set null"
	Cascade  OnDelete = "cascade"
	Restrict OnDelete = "restrict"
)

// valid reports whether o is one of SetNull, Cascade and Restrict.
func (o OnDelete) valid() bool { return o == SetNull || o == Cascade || o == Restrict }

// Ondelete sets what deleting a many2one's target does: SetNull (the
// default, Restrict when the field is required), Cascade or Restrict.
func (d *FieldDef) Ondelete(o OnDelete) *FieldDef { return d.set(func(f *Field) { f.Ondelete = o }) }

// Relation sets a many2many's relation table and its two columns (this
// model's, then the comodel's).
func (d *FieldDef) Relation(table, column1, column2 string) *FieldDef {
	return d.set(func(f *Field) { f.Relation, f.Column1, f.Column2 = table, column1, column2 })
}

// Domain sets the domain of a relational field.
func (d *FieldDef) Domain(dom any) *FieldDef { return d.set(func(f *Field) { f.Domain = dom }) }

// Context sets the context used to read a relational field's records.
func (d *FieldDef) Context(c Ctx) *FieldDef { return d.set(func(f *Field) { f.Context = c }) }

// AutoJoin makes searches through the field use a JOIN.
func (d *FieldDef) AutoJoin() *FieldDef { return d.set(func(f *Field) { f.AutoJoin = true }) }

// Delegate makes a many2one a delegation (_inherits) link.
func (d *FieldDef) Delegate() *FieldDef { return d.set(func(f *Field) { f.Delegate = true }) }

// CheckCompany checks that the linked record belongs to a compatible company.
func (d *FieldDef) CheckCompany() *FieldDef { return d.set(func(f *Field) { f.CheckCompany = true }) }

// Translate makes a Char, Text or Html field translatable: its column is
// jsonb holding one value per language, read in the env's language (see
// field_translate.go). Translate(false) makes an inherited field plain.
func (d *FieldDef) Translate(b ...bool) *FieldDef {
	v := flag(b)
	return d.set(func(f *Field) { f.Translate = v })
}

// CompanyDependent makes the field's value depend on the env's company
// (Odoo's company_dependent): its column is jsonb holding one value per
// company id, read for env.Company() and falling back to the field's
// default (see field_company.go). Such fields are not copied by default.
func (d *FieldDef) CompanyDependent(b ...bool) *FieldDef {
	v := flag(b)
	return d.set(func(f *Field) { f.CompanyDependent = v })
}

// Compute makes the field computed by fn, which depends on the given paths.
func (d *FieldDef) Compute(fn ComputeFunc, depends ...string) *FieldDef {
	return d.set(func(f *Field) { f.Compute, f.Depends = fn, append(f.Depends, depends...) })
}

// Related makes the field a related field following path ("partner_id.name").
func (d *FieldDef) Related(path string) *FieldDef { return d.set(func(f *Field) { f.Related = path }) }

// Inverse sets the function that writes a computed field's value back.
func (d *FieldDef) Inverse(fn func(rs Recordset)) *FieldDef {
	return d.set(func(f *Field) { f.Inverse = fn })
}

// GroupExpandFunc returns the groups ReadGroup shows for a field (Odoo's
// group_expand): it receives the model (an empty recordset), the values of
// the groups found (selection keys, many2one ids, ...; the empty group
// left out) and the search domain, and returns every value to show, in
// display order; a many2one's values may be ids or recordsets.
type GroupExpandFunc func(rs Recordset, values []any, dom domain.Domain) []any

// GroupExpand sets the function that adds empty groups to a ReadGroup by
// this field, e.g. every state of a kanban column (see GroupExpandFunc).
func (d *FieldDef) GroupExpand(fn GroupExpandFunc) *FieldDef {
	return d.set(func(f *Field) { f.GroupExpand = fn })
}

// Search sets the function that turns a condition on a non-stored computed
// field into a domain.
func (d *FieldDef) Search(fn func(rs Recordset, op string, value any) any) *FieldDef {
	return d.set(func(f *Field) { f.SearchFunc = fn })
}

// DependsContext names context keys a non-stored computed value depends on.
func (d *FieldDef) DependsContext(keys ...string) *FieldDef {
	return d.set(func(f *Field) { f.DependsContext = append(f.DependsContext, keys...) })
}

// ComputeSudo sets whether the compute runs as superuser.
func (d *FieldDef) ComputeSudo(b bool) *FieldDef {
	return d.set(func(f *Field) { f.ComputeSudo = b; f.give("compute_sudo") })
}

// Precompute computes a stored field before the INSERT.
func (d *FieldDef) Precompute() *FieldDef { return d.set(func(f *Field) { f.Precompute = true }) }

// Recursive marks a computed field that depends on itself through a parent.
func (d *FieldDef) Recursive() *FieldDef { return d.set(func(f *Field) { f.Recursive = true }) }

func (f *Field) give(attr string) {
	if f.given == nil {
		f.given = map[string]bool{}
	}
	f.given[attr] = true
}

func flag(b []bool) bool { return len(b) == 0 || b[0] }

// defaultLabel is Odoo's default string: "partner_id" → "Partner".
func defaultLabel(name string) string {
	name = strings.TrimSuffix(strings.TrimSuffix(name, "_ids"), "_id")
	name = strings.ReplaceAll(name, "_", " ")
	r := []rune(name)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

// newField builds a field from its definitions, in order (base first).
func newField(m *Model, defs []*FieldDef) *Field {
	f := &Field{Name: defs[0].Name, Type: defs[0].Type, Model: m, Store: true, Prefetch: true}
	f.Copy = f.Type != TypeOne2many
	f.typeDefaults()
	for _, d := range defs {
		for _, op := range d.ops {
			op(f)
		}
	}
	f.kind = kindOf(f.Type)
	f.finish()
	return f
}

// finish derives the attributes that follow from the others.
func (f *Field) finish() {
	if f.Label == "" && f.Related == "" {
		f.Label = defaultLabel(f.Name)
	}
	f.labelDefault = f.Label == ""
	if f.IsComputed() {
		f.finishComputed()
	}
	if f.CompanyDependent && !f.given["copy"] {
		f.Copy = false
	}
	f.given = nil
	if f.Type == TypeBinary {
		f.Prefetch = false
	}
	if f.Type == TypeMonetary && f.CurrencyField == "" {
		f.CurrencyField = "currency_id"
	}
	if f.Type == TypeMany2one && f.Ondelete == "" {
		f.Ondelete = SetNull
		if f.Required {
			f.Ondelete = Restrict
		}
	}
	if f.Store && !f.Type.X2many() && !f.inAttachment() {
		f.column = f.Name
	}
	f.finishJSONB()
}

// finishComputed applies Odoo's defaults for computed and related fields:
// not stored, read-only unless they have an inverse, not copied unless
// stored and editable, computed as superuser when stored.
func (f *Field) finishComputed() {
	if !f.given["store"] {
		f.Store = false
	}
	if !f.given["readonly"] {
		f.Readonly = f.Inverse == nil && f.Related == ""
		if f.Related != "" {
			f.Readonly = true
		}
	}
	if !f.given["copy"] {
		f.Copy = f.Store && !f.Readonly
	}
	if !f.given["compute_sudo"] {
		f.ComputeSudo = f.Store || f.Related != ""
	}
}
