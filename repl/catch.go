package repl

import (
	"reflect"

	"github.com/traefik/yaegi/interp"

	"odsh/orm"
)

// bindCatch makes orm.Catch, in the code in runs, take its savepoint on
// the transaction of env() at the time of the call: the shell's spelling of
// env.Catch, which scripts rely on. Compiled code has no session, so the
// compiled orm.Catch refuses instead of guessing a transaction.
func bindCatch(in *Interp, env func() *orm.Env) error {
	catch := func(f func()) error { return env().Catch(f) }
	return in.Use(interp.Exports{"odsh/orm/orm": {"Catch": reflect.ValueOf(catch)}})
}
