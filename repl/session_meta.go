package repl

// Meta-commands: lines starting with ':' (see package shell's documentation for
// the user's view). Each is a method taking its arguments.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"

	"odsh/orm"
	"odsh/printer"
)

// ErrQuit is returned by Eval for :quit.
var ErrQuit = errors.New("quit")

// MetaError is a meta-command used wrongly (unknown name, bad argument).
type MetaError struct{ Msg string }

// Error returns the message.
func (e *MetaError) Error() string { return e.Msg }

func metaErr(format string, args ...any) error { return &MetaError{Msg: fmt.Sprintf(format, args...)} }

// metaCommand is one meta-command: usage line and what it does.
type metaCommand struct {
	usage, help string
	run         func(s *Session, ctx context.Context, args []string) error
}

// metaCommands are the meta-commands by name; filled in init because the
// functions refer to the table (:help).
var metaCommands map[string]metaCommand

func init() {
	metaCommands = map[string]metaCommand{
		"help":     {":help", "this list", (*Session).metaHelp},
		"models":   {":models [PATTERN]", "models whose name contains PATTERN", (*Session).metaModels},
		"fields":   {":fields MODEL", "the fields of MODEL", (*Session).metaFields},
		"doc":      {":doc NAME", "describe a model (its fields, attributes and addons), a field (model.field), a helper, a command or an ORM name (Search, env.Ref, orm.Limit)", (*Session).metaDoc},
		"graph":    {":graph MODEL [DEPTH]", "the models MODEL is related to, DEPTH relations out (default 1), and those pointing at it, as a tree", (*Session).metaGraph},
		"sql":      {":sql on|off", "log every SQL statement on stderr", (*Session).metaSQL},
		"timing":   {":timing on|off", "print time, SQL statements and pending changes after each entry", (*Session).metaTiming},
		"x":        {":x", "toggle vertical display of records", (*Session).metaVertical},
		"commit":   {":commit", "commit the transaction", (*Session).metaCommit},
		"rollback": {":rollback", "roll back everything since the last commit", (*Session).metaRollback},
		"undo":     {":undo", "roll back the last entry that wrote", (*Session).metaUndo},
		"diff":     {":diff", "what this transaction changed so far, per model", (*Session).metaDiff},
		"explain":  {":explain", "SQL and plan of the last search", (*Session).metaExplain},
		"user":     {":user LOGIN", "run as another user (env is rebound)", (*Session).metaUser},
		"why":      {":why MODEL ID [LOGIN]", "may the user (env's, or LOGIN) read and write this record, and which access line or rule decides", (*Session).metaWhy},
		"ctx":      {":ctx [KEY=VALUE...]", "show or extend env's context", (*Session).metaCtx},
		"load":     {":load FILE", "run a script file in this session", (*Session).metaLoad},
		"save":     {":save FILE", "write the entries in effect as a script", (*Session).metaSave},
		"reset":    {":reset", "roll back and forget every variable", (*Session).metaReset},
		"trace":    {":trace", "the stack of the last internal error", (*Session).metaTrace},
		"quit":     {":quit", "leave (Ctrl-D also does)", (*Session).metaQuit},
		"learn":    {":learn [N|next|…]", "the course: shows a lesson; each entry is then a try at it (:learn hint, answer, prev, list, off)", (*Session).metaLearn},
	}
}

// MetaNames returns the meta-command names, for completion.
func MetaNames() []string {
	names := make([]string, 0, len(metaCommands))
	for n := range metaCommands {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// meta runs a meta-command; an error is printed and returned.
func (s *Session) meta(ctx context.Context, name string, args []string) error {
	c, ok := metaCommands[name]
	if !ok {
		return s.fail(metaErr("unknown command :%s (:help lists them)", name))
	}
	err := c.run(s, ctx, args)
	if err != nil && !errors.Is(err, ErrQuit) && err != errAlreadyShown {
		return s.fail(err)
	}
	return err
}

func (s *Session) metaHelp(context.Context, []string) error {
	fmt.Fprintln(s.out, "Go statements and expressions run against env; a bare expression is printed.")
	fmt.Fprintln(s.out, "Helpers: "+strings.Join(helperNames, ", ")+" (:doc NAME)")
	for _, n := range MetaNames() {
		c := metaCommands[n]
		fmt.Fprintf(s.out, "  %-22s %s\n", c.usage, c.help)
	}
	return nil
}

func (s *Session) metaModels(_ context.Context, args []string) error {
	pattern := ""
	if len(args) > 0 {
		pattern = args[0]
	}
	reg := s.env.Registry()
	for _, name := range reg.Models() {
		if strings.Contains(name, pattern) {
			fmt.Fprintf(s.out, "%-28s %s\n", name, reg.Model(name).Description)
		}
	}
	return nil
}

func (s *Session) metaFields(_ context.Context, args []string) error {
	if len(args) != 1 {
		return metaErr("usage: :fields MODEL")
	}
	m, err := s.model(args[0])
	if err != nil {
		return err
	}
	t := printer.Table{Title: m.Name, Columns: []printer.Column{{Name: "field"}, {Name: "type"}, {Name: "label"}, {Name: "relation"}, {Name: "flags"}}}
	for _, f := range m.FieldList {
		t.Rows = append(t.Rows, []string{f.Name, f.Type.String(), f.Label, f.Comodel, fieldFlags(f)})
	}
	t.Total = len(t.Rows)
	opts := s.printerOptions()
	opts.MaxRows = -1
	return printer.RenderTable(s.out, t, opts)
}

// model returns the named model or a ValidationError naming it.
func (s *Session) model(name string) (m *orm.Model, err error) {
	err = catch(func() { m = s.env.Model(name).Model() })
	return m, err
}

// fieldFlags sums up a field's attributes: required, readonly, stored, computed.
func fieldFlags(f *orm.Field) string {
	var flags []string
	add := func(ok bool, s string) {
		if ok {
			flags = append(flags, s)
		}
	}
	add(f.Unavailable != "", "unavailable: "+f.Unavailable)
	add(f.Required, "required")
	add(f.Readonly, "readonly")
	add(!f.Store, "not stored")
	add(f.IsComputed(), "computed")
	add(f.Index, "index")
	return strings.Join(flags, " ")
}

func (s *Session) metaSQL(_ context.Context, args []string) error {
	on, err := onOff(args, ":sql")
	if err == nil {
		if on {
			s.tx.SetLog(SQLLog(s.errw))
		} else {
			s.tx.SetLog(nil)
		}
	}
	return err
}

func (s *Session) metaTiming(_ context.Context, args []string) (err error) {
	s.timing, err = onOff(args, ":timing")
	return err
}

// onOff reads the on|off argument of a toggle.
func onOff(args []string, cmd string) (bool, error) {
	if len(args) == 1 && (args[0] == "on" || args[0] == "off") {
		return args[0] == "on", nil
	}
	return false, metaErr("usage: %s on|off", cmd)
}

func (s *Session) metaVertical(context.Context, []string) error {
	s.vertical = !s.vertical
	fmt.Fprintf(s.out, "vertical display %s\n", map[bool]string{true: "on", false: "off"}[s.vertical])
	return nil
}

func (s *Session) metaCommit(context.Context, []string) error {
	if err := s.commitFlush(); err != nil {
		if isConflict(err) {
			return errAlreadyShown
		}
		return err
	}
	if err := catch(s.commit); err != nil {
		if isConflict(err) {
			s.conflict(err, "", 0)
			return errAlreadyShown
		}
		return err
	}
	s.syncEpoch()
	fmt.Fprintln(s.out, "committed")
	return nil
}

func (s *Session) metaRollback(context.Context, []string) error {
	if err := catch(s.rollback); err != nil {
		return err
	}
	s.syncEpoch()
	fmt.Fprintln(s.out, "rolled back")
	return nil
}

func (s *Session) metaUndo(context.Context, []string) error {
	s.syncEpoch()
	if s.learn != nil && s.learn.try != nil {
		s.dropTry() // its savepoint is after the entry to undo (learn_attempt.go)
		return nil
	}
	if len(s.undo) == 0 {
		return metaErr("nothing to undo")
	}
	last := s.undo[len(s.undo)-1]
	if err := catch(func() { s.tx.RollbackTo(last.savepoint) }); err != nil {
		return err
	}
	s.undo = s.undo[:len(s.undo)-1]
	s.changes.truncate(last.changes)
	if last.saved < len(s.saved) {
		s.saved[last.saved].gone = true
	}
	fmt.Fprintf(s.out, "undone: %s\n", firstLine(last.entry))
	s.sayStale()
	return nil
}

// sayStale names the Go variables that keep values an entry that is gone
// gave them (session_save.go).
func (s *Session) sayStale() {
	names := s.staleNames()
	switch len(names) {
	case 0:
	case 1:
		fmt.Fprintf(s.out, "not restored: Go variable %s keeps its value (set by an entry that is undone, or computed from one)\n", names[0])
	default:
		fmt.Fprintf(s.out, "not restored: Go variables %s keep their values (set by entries that are undone, or computed from one)\n", strings.Join(names, ", "))
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " …"
	}
	return s
}

func (s *Session) metaDiff(context.Context, []string) error {
	s.syncEpoch()
	return catch(func() {
		s.env.FlushAll()
		s.writeDiff(s.out)
	})
}

func (s *Session) metaExplain(context.Context, []string) error {
	q := s.lastSearch
	if q == nil {
		return metaErr("no search yet")
	}
	fmt.Fprintln(s.out, q.sql)
	for i, a := range q.args {
		fmt.Fprintf(s.out, "  $%d = %s\n", i+1, printer.FormatValue(a, printer.Hint{}))
	}
	return s.inSavepoint(func() {
		for _, row := range s.tx.QueryValues("EXPLAIN (COSTS OFF) "+q.sql, q.args...) {
			fmt.Fprintln(s.out, row[0])
		}
	})
}

// inSavepoint runs f (which may fail in SQL) without harming the
// transaction: a failure rolls back to a savepoint.
func (s *Session) inSavepoint(f func()) error {
	sp, err := s.savepoint()
	if err != nil {
		return err
	}
	if err := catch(f); err != nil {
		_ = catch(func() { s.tx.RollbackTo(sp) })
		return err
	}
	return catch(func() { s.tx.Release(sp) })
}

func (s *Session) metaUser(_ context.Context, args []string) error {
	if len(args) != 1 {
		return metaErr("usage: :user LOGIN")
	}
	var env *orm.Env
	if err := s.inSavepoint(func() { env = s.env.WithUser(args[0]) }); err != nil {
		return err
	}
	if err := s.setEnv(env); err != nil {
		return err
	}
	fmt.Fprintf(s.out, "env is now user %d (%s)\n", env.UID(), args[0])
	s.record(fmt.Sprintf("env = env.WithUser(%q) // :user", args[0]), false, false)
	return nil
}

func (s *Session) metaCtx(_ context.Context, args []string) error {
	add := orm.Ctx{}
	for _, a := range args {
		k, v, ok := strings.Cut(a, "=")
		if !ok || k == "" {
			return metaErr("usage: :ctx KEY=VALUE...")
		}
		add[k] = parseCtxValue(v)
	}
	if len(add) > 0 {
		if err := s.setEnv(s.env.WithContext(add)); err != nil {
			return err
		}
		s.record("env = env.WithContext("+ctxLiteral(add)+") // :ctx", false, false)
	}
	c := s.env.Context()
	for _, k := range sortedKeys(orm.Values(c)) {
		fmt.Fprintf(s.out, "%s=%v\n", k, c[k])
	}
	return nil
}

// ctxLiteral writes c as Go source: orm.Ctx{"lang": "fr_FR"}.
func ctxLiteral(c orm.Ctx) string {
	parts := make([]string, 0, len(c))
	for _, k := range sortedKeys(orm.Values(c)) {
		parts = append(parts, fmt.Sprintf("%q: %#v", k, c[k]))
	}
	return "orm.Ctx{" + strings.Join(parts, ", ") + "}"
}

// parseCtxValue reads true/false, integers, floats, or keeps the text.
func parseCtxValue(v string) any {
	if b, err := strconv.ParseBool(v); err == nil && (v == "true" || v == "false") {
		return b
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		return n
	}
	if f, err := strconv.ParseFloat(v, 64); err == nil {
		return f
	}
	return v
}

func (s *Session) metaLoad(ctx context.Context, args []string) error {
	if len(args) != 1 {
		return metaErr("usage: :load FILE")
	}
	src, err := os.ReadFile(args[0])
	if err != nil {
		return metaErr("%v", err)
	}
	if err := s.runScriptEntry(ctx, args[0], string(src)); err != nil {
		return errAlreadyShown
	}
	return nil
}

// errAlreadyShown is returned by a meta-command whose failure is printed.
var errAlreadyShown = &MetaError{}

func (s *Session) metaSave(_ context.Context, args []string) error {
	if len(args) != 1 {
		return metaErr("usage: :save FILE")
	}
	s.syncEpoch()
	keep, _, risky, dropped := s.plan()
	srcs := make([]string, len(keep))
	for i, e := range keep {
		srcs[i] = e.src
	}
	src := "#!/usr/bin/env odsh\n" + strings.Join(srcs, "\n") + "\n"
	if err := os.WriteFile(args[0], []byte(src), 0o644); err != nil {
		return metaErr("%v", err)
	}
	left := ""
	if dropped > 0 {
		left = fmt.Sprintf(" (left out %d undone, rolled back or failed, or computed from one)", dropped)
	}
	fmt.Fprintf(s.out, "saved %d entries to %s%s\n", len(keep), args[0], left)
	for _, r := range risky {
		fmt.Fprintf(s.errw, "warning: %s wrote, so it is saved, but it uses %s, which the saved file does not set as this session did: the file may not run\n",
			firstLine(r.e.src), strings.Join(r.names, ", "))
	}
	return nil
}

func (s *Session) metaReset(context.Context, []string) error {
	if err := catch(s.rollback); err != nil {
		return err
	}
	s.syncEpoch()
	in, err := New(Options{Stdout: s.opts.Stdout, Stderr: s.opts.Stderr, Env: s.opts.Env})
	if err != nil {
		return err
	}
	s.in, s.saved, s.lastSearch, s.epochStart = in, nil, nil, 0
	if err := s.setup(); err != nil {
		return err
	}
	fmt.Fprintln(s.out, "rolled back; variables forgotten")
	return nil
}

func (s *Session) metaTrace(context.Context, []string) error {
	var ie *InternalError
	switch {
	case errors.As(s.lastErr, &ie):
		fmt.Fprintf(s.out, "%s\n%s", ie.Error(), ie.Stack)
	case s.lastErr != nil && s.lastStack != nil:
		fmt.Fprintf(s.out, "%s\n%s", s.lastErr, s.lastStack)
	default:
		return metaErr("no stack to show")
	}
	return nil
}

func (s *Session) metaQuit(context.Context, []string) error { return ErrQuit }
