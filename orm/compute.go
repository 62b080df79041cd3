package orm

import (
	"fmt"
	"sort"
	"strings"
	"unsafe"
)

// Computed and related fields: set-up.
//
// The registry resolves every dependency path once (see the essay in
// recompute.go) into the trigger index: for each field, the computed
// fields to recompute when it changes and how to find their records.

// dependencyIndex is what the registry knows about computed fields; it is
// built by setupDependencies and read-only afterwards.
type dependencyIndex struct {
	triggers    map[*Field][]trigger
	group       map[*Field][]*Field // fields assigned by the same compute call
	feedsStored map[*Field]bool     // non-stored fields a stored field depends on
	one2many    map[*Field][]*Field // many2one → the one2many fields it is the inverse of
	dependsOn   map[*Field][]*Field // computed field → every field on its paths
	precompute  map[*Model][]*Field // stored fields computed before INSERT
	hasTriggers map[*Model]bool     // some field of the model triggers a computation
	onchanges   map[*Model]map[string][]OnchangeFunc
}

// trigger says: when a field changes on some records, target must be
// recomputed on the records reached by walking back (nearest first).
type trigger struct {
	target *Field
	back   []*Field
}

// key identifies the walk of a trigger (triggers sharing it walk once).
func (t trigger) key(precise bool) string {
	var b strings.Builder
	fmt.Fprint(&b, precise)
	for _, f := range t.back {
		b.WriteString("/")
		b.WriteString(f.String())
	}
	return b.String()
}

func (idx *dependencyIndex) groupOf(f *Field) []*Field {
	if g := idx.group[f]; len(g) > 0 {
		return g
	}
	return []*Field{f}
}

// setupDependencies sets up related fields, checks every dependency path
// and builds the trigger index.
func (r *Registry) setupDependencies() error {
	idx := &dependencyIndex{triggers: map[*Field][]trigger{}, group: map[*Field][]*Field{},
		feedsStored: map[*Field]bool{}, one2many: map[*Field][]*Field{}, dependsOn: map[*Field][]*Field{},
		precompute: map[*Model][]*Field{}, hasTriggers: map[*Model]bool{}}
	if err := r.setupRelatedFields(); err != nil {
		return err
	}
	for _, name := range r.names {
		for _, f := range r.models[name].FieldList {
			if err := idx.addField(r, f); err != nil {
				return err
			}
		}
	}
	idx.groupComputes(r)
	if err := idx.checkCycles(r); err != nil {
		return err
	}
	idx.findFeedsStored()
	idx.setupOnchanges(r)
	r.deps = idx
	return nil
}

func (r *Registry) setupRelatedFields() error {
	for _, name := range r.names {
		for _, f := range r.models[name].FieldList {
			if f.Related != "" {
				if err := r.setupRelated(f); err != nil {
					return err
				}
			}
			if f.Label == "" {
				f.Label = defaultLabel(f.Name)
			}
		}
	}
	return nil
}

// addField indexes one field: its one2many inverse and the triggers of
// its dependency paths.
func (idx *dependencyIndex) addField(r *Registry, f *Field) error {
	m := f.Model
	if f.Type == TypeOne2many {
		inv := r.models[f.Comodel].Fields[f.InverseName]
		idx.one2many[inv] = append(idx.one2many[inv], f)
	}
	if f.Compute == nil {
		return nil
	}
	if f.Store && f.Precompute && f.column != "" {
		idx.precompute[m] = append(idx.precompute[m], f)
	}
	for _, dep := range f.Depends {
		chain, err := r.resolvePath(m, dep)
		if err != nil {
			return fmt.Errorf("orm: %s: invalid dependency %q: %v", f, dep, err)
		}
		idx.addPath(r, f, chain)
	}
	return nil
}

// addPath adds the triggers of one dependency path of target.
func (idx *dependencyIndex) addPath(r *Registry, target *Field, chain []*Field) {
	for i, g := range chain {
		idx.add(g, trigger{target: target, back: reversed(chain[:i])})
		idx.dependsOn[target] = appendUnique(idx.dependsOn[target], g)
		if g.Type == TypeOne2many {
			inv := r.models[g.Comodel].Fields[g.InverseName]
			idx.add(inv, trigger{target: target, back: reversed(chain[:i+1])})
		}
	}
}

func (idx *dependencyIndex) add(f *Field, t trigger) {
	for _, x := range idx.triggers[f] {
		if x.target == t.target && x.key(true) == t.key(true) {
			return
		}
	}
	idx.triggers[f] = append(idx.triggers[f], t)
	idx.hasTriggers[f.Model] = true
}

func reversed(fs []*Field) []*Field {
	out := make([]*Field, len(fs))
	for i, f := range fs {
		out[len(fs)-1-i] = f
	}
	return out
}

func appendUnique(list []*Field, f *Field) []*Field {
	for _, x := range list {
		if x == f {
			return list
		}
	}
	return append(list, f)
}

// groupComputes finds the fields one compute call assigns together: the
// same compute function (as Odoo groups fields by method), model, storage
// and dependencies (related fields apart). The same function is the same
// func value: two closures made by one factory share their code but not
// their captured variables, each assigning its own field, so the code
// pointer (reflect's Pointer) does not tell them apart; the closure's
// address does (see funcIdentity).
func (idx *dependencyIndex) groupComputes(r *Registry) {
	for _, name := range r.names {
		byKey := map[string][]*Field{}
		for _, f := range r.models[name].FieldList {
			if f.Compute == nil || f.Related != "" {
				continue
			}
			deps := append([]string(nil), f.Depends...)
			sort.Strings(deps)
			key := fmt.Sprintf("%x|%v|%s", funcIdentity(f.Compute), f.Store, strings.Join(deps, ","))
			byKey[key] = append(byKey[key], f)
		}
		for _, fs := range byKey {
			if len(fs) > 1 {
				for _, f := range fs {
					idx.group[f] = fs
				}
			}
		}
	}
}

// checkCycles refuses stored computed fields that depend on themselves,
// directly or through other computed fields, unless a field depending on
// itself through a relation is marked Recursive.
func (idx *dependencyIndex) checkCycles(r *Registry) error {
	for _, name := range r.names {
		for _, f := range r.models[name].FieldList {
			if f.Compute == nil || !f.Store {
				continue
			}
			if path := idx.cycleFrom(f); path != nil {
				if len(path) == 2 && f.Recursive {
					continue
				}
				return fmt.Errorf("orm: %s: dependency cycle %s%s", f, joinFields(path), recursiveHint(path))
			}
		}
	}
	return nil
}

func recursiveHint(path []*Field) string {
	if len(path) == 2 {
		return " (a field depending on itself through a relation must be marked Recursive)"
	}
	return ""
}

// cycleFrom returns a dependency path from f back to f, or nil.
func (idx *dependencyIndex) cycleFrom(f *Field) []*Field {
	seen := map[*Field]bool{}
	var walk func(g *Field, path []*Field) []*Field
	walk = func(g *Field, path []*Field) []*Field {
		for _, d := range idx.dependsOn[g] {
			if d == f {
				return append(append([]*Field(nil), path...), d)
			}
			if d.Compute == nil || seen[d] {
				continue
			}
			seen[d] = true
			if p := walk(d, append(path, d)); p != nil {
				return p
			}
		}
		return nil
	}
	return walk(f, []*Field{f})
}

func joinFields(fs []*Field) string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.String()
	}
	return strings.Join(names, " → ")
}

// findFeedsStored marks the non-stored computed fields that a stored
// field depends on, directly or not: their changes are followed precisely.
func (idx *dependencyIndex) findFeedsStored() {
	for changed := true; changed; {
		changed = false
		for g, ts := range idx.triggers {
			if g.Compute == nil || g.Store || idx.feedsStored[g] {
				continue
			}
			for _, t := range ts {
				if t.target.Store || idx.feedsStored[t.target] {
					idx.feedsStored[g], changed = true, true
					break
				}
			}
		}
	}
}

// resolvePath returns the fields along a dotted path from m; every field
// but the last must be relational.
func (r *Registry) resolvePath(m *Model, path string) ([]*Field, error) {
	var chain []*Field
	cur := m
	segs := splitPath(path)
	for i, s := range segs {
		f := cur.Fields[s]
		if f == nil {
			return nil, fmt.Errorf("unknown field %s.%s", cur.Name, s)
		}
		chain = append(chain, f)
		if i < len(segs)-1 {
			if !f.Type.Relational() {
				return nil, fmt.Errorf("%s.%s is not relational", cur.Name, s)
			}
			cur = r.models[f.Comodel]
		}
	}
	return chain, nil
}

// funcIdentity returns the address of the closure a func value points to:
// one for every reference to a top-level function, one per closure made.
// (A func value is a pointer to its closure, whose first word is the code
// pointer reflect reports.)
func funcIdentity(fn ComputeFunc) uintptr {
	return uintptr(*(*unsafe.Pointer)(unsafe.Pointer(&fn)))
}
