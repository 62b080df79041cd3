package orm

// How a registry resolves inheritance.
//
// Every ModelDef is a layer. A layer with a new name starts a model; a
// layer naming an existing model in Inherit (with no other name) extends
// it. Nothing is resolved while layers are added: Setup resolves every
// model from its layers at once, so the order of extensions is the order
// of definition, and a model that copies a parent (prototype inheritance)
// sees every extension of that parent, as Odoo's class hierarchy does.
//
// A model's fields are the merge, in order, of: the magic fields, the
// fields of its prototype parents (the last parent first, so the first
// parent wins), then its own layers. A field defined in several places is
// one field whose definitions apply in that order: a later definition
// changes only the attributes it sets. Methods chain the same way, each
// override receiving the one below it as super.

import (
	"fmt"
	"sort"
	"strings"
)

// Registry maps model names to resolved models. Build it with Define (or
// from addons), then Setup; it is read-only afterwards.
type Registry struct {
	layers  map[string][]*ModelDef
	names   []string // model names in order of first definition
	models  map[string]*Model
	pool    map[string]*Model // every *Model ever built, reused by later set-ups
	tables  map[string]*Model
	fks     map[string]*Field // foreign key constraint name → many2one
	sqlCons map[string]*sqlConstraintRef
	addons  []*Addon
	ready   bool

	odoo     *odooMeta        // an Odoo database's registry (odoo_registry.go); nil otherwise
	deps     *dependencyIndex // triggers of computed fields (compute.go)
	inverses map[*Field]bool  // many2one fields that are one2many inverses
}

type sqlConstraintRef struct {
	model   string
	field   string
	Message string
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return &Registry{layers: map[string][]*ModelDef{}}
}

// Define adds model definitions or extensions. Call Setup afterwards.
func (r *Registry) Define(defs ...ModelDef) error { return r.define("", defs) }

// define adds definitions given by the named addon ("" for none).
func (r *Registry) define(addon string, defs []ModelDef) error {
	for i := range defs {
		d := defs[i]
		d.addon = addon
		name := d.Name
		if name == "" {
			if len(d.Inherit) == 0 {
				return fmt.Errorf("orm: a model definition needs a Name or an Inherit")
			}
			name = d.Inherit[0]
			d.Name = name
		}
		if _, ok := r.layers[name]; !ok {
			if d.extends() {
				return fmt.Errorf("orm: %s: cannot extend an unknown model", name)
			}
			r.names = append(r.names, name)
		}
		r.layers[name] = append(r.layers[name], &d)
	}
	r.ready = false
	return nil
}

// extends reports whether the layer extends its own model.
func (d *ModelDef) extends() bool {
	for _, p := range d.Inherit {
		if p == d.Name {
			return true
		}
	}
	return false
}

// Model returns the resolved model, or nil.
func (r *Registry) Model(name string) *Model { return r.models[name] }

// Models returns the names of every model, sorted.
func (r *Registry) Models() []string {
	out := make([]string, 0, len(r.models))
	for n := range r.models {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func (r *Registry) modelByTable(t string) *Model { return r.tables[t] }

func (r *Registry) fkByName(name string) *Field { return r.fks[name] }

func (r *Registry) sqlConstraint(name string) *sqlConstraintRef { return r.sqlCons[name] }

// resolution is a model's merged definition before fields are built.
type resolution struct {
	attrs      ModelDef
	fieldDefs  map[string][]*FieldDef
	fieldAddon map[string]string // field → the addon that declared it first
	fieldSeq   []string
	methods    map[string][]MethodDecorator
	methSeq    []string
}

// Setup resolves every model from its layers; it may be called again after
// more definitions. A model keeps its *Model across set-ups (it is updated
// in place), so recordsets made before stay valid; its fields are new, so
// a transaction's cache must be cleared afterwards (Declare does).
func (r *Registry) Setup() error {
	res := map[string]*resolution{}
	for _, name := range r.names {
		if _, err := r.resolve(name, res, nil); err != nil {
			return err
		}
	}
	if r.pool == nil {
		r.pool = map[string]*Model{}
	}
	r.models = map[string]*Model{}
	r.inverses = nil
	r.tables = map[string]*Model{}
	for _, name := range r.names {
		m, err := r.build(res[name], r.pool[name])
		if err != nil {
			return err
		}
		r.pool[name] = m
		r.models[name] = m
		if m.HasTable() {
			r.tables[m.Table] = m
		}
	}
	if err := r.setupInherits(); err != nil {
		return err
	}
	if err := r.setupFields(); err != nil {
		return err
	}
	r.ready = true
	return nil
}

// resolve merges a model's parents and layers, memoised in res.
func (r *Registry) resolve(name string, res map[string]*resolution, stack []string) (*resolution, error) {
	if done := res[name]; done != nil {
		return done, nil
	}
	for _, s := range stack {
		if s == name {
			return nil, fmt.Errorf("orm: inheritance cycle: %s → %s", strings.Join(stack, " → "), name)
		}
	}
	layers := r.layers[name]
	if len(layers) == 0 {
		return nil, fmt.Errorf("orm: unknown model %q", name)
	}
	out := &resolution{fieldDefs: map[string][]*FieldDef{}, fieldAddon: map[string]string{}, methods: map[string][]MethodDecorator{}}
	stack = append(stack, name)
	for _, layer := range layers {
		if err := r.mergeParents(out, layer, res, stack); err != nil {
			return nil, err
		}
		out.mergeLayer(layer)
	}
	out.attrs.Name = name
	res[name] = out
	return out, nil
}

// mergeParents merges the prototype parents a layer names (not itself).
func (r *Registry) mergeParents(out *resolution, layer *ModelDef, res map[string]*resolution, stack []string) error {
	for i := len(layer.Inherit) - 1; i >= 0; i-- {
		p := layer.Inherit[i]
		if p == layer.Name {
			continue
		}
		if _, ok := r.layers[p]; !ok {
			return fmt.Errorf("orm: %s inherits from unknown model %q%s", layer.Name, p, r.suggestModel(p))
		}
		pr, err := r.resolve(p, res, stack)
		if err != nil {
			return err
		}
		out.mergeParent(pr)
	}
	return nil
}

func (out *resolution) addFieldDefs(name, addon string, defs ...*FieldDef) {
	if _, ok := out.fieldDefs[name]; !ok {
		out.fieldSeq = append(out.fieldSeq, name)
		out.fieldAddon[name] = addon
	}
	out.fieldDefs[name] = append(out.fieldDefs[name], defs...)
}

func (out *resolution) addMethods(name string, ms ...MethodDecorator) {
	if _, ok := out.methods[name]; !ok {
		out.methSeq = append(out.methSeq, name)
	}
	out.methods[name] = append(out.methods[name], ms...)
}

// mergeParent copies a parent's fields, methods and inheritable attributes.
func (out *resolution) mergeParent(p *resolution) {
	for _, n := range p.fieldSeq {
		out.addFieldDefs(n, p.fieldAddon[n], p.fieldDefs[n]...)
	}
	for _, n := range p.methSeq {
		out.addMethods(n, p.methods[n]...)
	}
	overlay(&out.attrs, &p.attrs)
}

// overlay applies b's inheritable attributes on a: non-empty names win,
// flags accumulate, constraints and delegations add up.
func overlay(a, b *ModelDef) {
	a.Order = firstNonEmpty(b.Order, a.Order)
	a.RecName = firstNonEmpty(b.RecName, a.RecName)
	if len(b.RecNamesSearch) > 0 {
		a.RecNamesSearch = b.RecNamesSearch
	}
	a.ParentName = firstNonEmpty(b.ParentName, a.ParentName)
	a.ActiveName = firstNonEmpty(b.ActiveName, a.ActiveName)
	a.ParentStore = a.ParentStore || b.ParentStore
	a.CheckCompanyAuto = a.CheckCompanyAuto || b.CheckCompanyAuto
	a.NoLogAccess = a.NoLogAccess || b.NoLogAccess
	a.SQLConstraints = append(a.SQLConstraints, b.SQLConstraints...)
	a.Constraints = append(a.Constraints, b.Constraints...)
	for k, v := range b.Inherits {
		if a.Inherits == nil {
			a.Inherits = map[string]string{}
		}
		a.Inherits[k] = v
	}
}

// mergeLayer applies one layer: its non-empty attributes win.
func (out *resolution) mergeLayer(l *ModelDef) {
	for _, fd := range l.Fields {
		out.addFieldDefs(fd.Name, l.addon, fd)
	}
	for _, n := range sortedKeys(l.Methods) {
		out.addMethods(n, l.Methods[n])
	}
	a := &out.attrs
	if !l.extends() {
		a.Abstract, a.Transient, a.Table = l.Abstract, l.Transient, l.Table
		a.NoAuto = l.NoAuto
	}
	a.Description = firstNonEmpty(l.Description, a.Description)
	if l.Table != "" {
		a.Table = l.Table
	}
	overlay(a, l)
	a.Inherit = append(a.Inherit, l.Inherit...)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// suggestModel proposes a defined model name close to a misspelt one.
func (r *Registry) suggestModel(name string) string {
	best := r.closestModel(name, r.names)
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// ClosestModel returns the model whose name is closest to a misspelt name
// (at most two edits away), or "": what errors propose with "did you mean".
func (r *Registry) ClosestModel(name string) string { return r.closestModel(name, r.Models()) }

func (r *Registry) closestModel(name string, names []string) string {
	best, bestD := "", 3
	for _, n := range names {
		if d := editDistance(name, n); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}
