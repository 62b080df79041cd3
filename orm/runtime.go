package orm

// Models declared at run time.
//
// A shell or a script may declare a model, or extend one, while a
// transaction is open: Declare adds the definitions as new layers of the
// live registry, sets the whole registry up again (so that models that
// inherit, delegate to or point at the changed ones see the change), then
// creates the missing tables, columns and constraints and refreshes
// ir.model / ir.model.fields, all in the caller's transaction.
//
// A model keeps its *Model across set-ups, so recordsets and envs made
// before stay valid; its *Field values are new, so the transaction's cache
// is flushed before and emptied after. Either everything is declared or
// nothing is: a definition that does not set up leaves the registry as it
// was, and a schema statement that fails rolls back to a savepoint and
// restores the registry too.
//
// The registry is shared by every transaction made on it: declare models
// from one transaction at a time, as a shell does. If the transaction is
// later rolled back, the models stay in the registry while their tables are
// gone; InitSchema (or the next Declare) creates them again.

import "fmt"

// Declare declares models or extensions in env's transaction; see
// Env.Declare. It is the function form, for scripts.
func Declare(env *Env, defs ...ModelDef) { env.Declare(defs...) }

// Declare adds model definitions or extensions to the live registry and
// creates what they need in the database, in the env's transaction. A
// definition that does not set up (unknown parent, field redefined with
// another type, bad delegation, ...) panics with a ValidationError and
// changes nothing; so does a schema statement that fails.
func (e *Env) Declare(defs ...ModelDef) {
	tx := e.tx
	r := tx.reg
	tx.flushAll()
	snap := r.snapshot()
	if err := r.Define(defs...); err != nil {
		r.restore(snap)
		panic(declareErr(defs, err))
	}
	if err := r.Setup(); err != nil {
		r.restore(snap)
		panic(declareErr(defs, err))
	}
	tx.resetCache()
	err := tx.Catch(func() {
		tx.InitSchema()
		ReflectModels(e)
	})
	if err != nil {
		r.restore(snap)
		tx.resetCache()
		panic(err)
	}
}

// declareErr makes a set-up error a ValidationError naming the model.
func declareErr(defs []ModelDef, err error) error {
	name := ""
	if len(defs) > 0 {
		name = firstNonEmpty(defs[0].Name, firstOf(defs[0].Inherit))
	}
	return &ValidationError{ErrorInfo{Model: name, Msg: fmt.Sprintf("cannot declare: %v", err), Err: err}}
}

func firstOf(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// registrySnapshot is what Define changes.
type registrySnapshot struct {
	layers map[string][]*ModelDef
	names  []string
}

func (r *Registry) snapshot() registrySnapshot {
	s := registrySnapshot{layers: make(map[string][]*ModelDef, len(r.layers)), names: append([]string(nil), r.names...)}
	for k, v := range r.layers {
		s.layers[k] = v[:len(v):len(v)]
	}
	return s
}

// restore puts the layers back and sets the registry up again; the old
// definitions set up before, so they set up again.
func (r *Registry) restore(s registrySnapshot) {
	r.layers, r.names = s.layers, s.names
	if err := r.Setup(); err != nil {
		panic(fmt.Errorf("orm: restoring the registry: %w", err))
	}
}

// resetCache empties the cache after a set-up made new fields.
func (tx *Transaction) resetCache() {
	tx.cache.clear()
	tx.computing = map[*Field]map[int64]bool{}
}
