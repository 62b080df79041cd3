package repl

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/chzyer/readline"
)

// Catalog describes the models of the database, for completion. The ORM's
// registry implements it. Unknown models and fields give nothing.
type Catalog interface {
	// Models returns every model name.
	Models() []string
	// Fields returns the field names of model.
	Fields(model string) []string
	// Relation returns the comodel of a relational field.
	Relation(model, field string) (comodel string, ok bool)
	// XMLIDs returns, sorted and at most limit, the external ids
	// ("module.name") that start with prefix; while prefix has no dot, the
	// modules that start with it instead, each with a dot ("base.").
	XMLIDs(prefix string, limit int) []string
}

// maxXMLIDs caps the external ids offered at once.
const maxXMLIDs = 100

// Scope answers questions about the interpreter's state, for completion.
// The session implements it by asking the interpreter; every method must be
// free of side effects (it must not run user calls) and may return nothing.
type Scope interface {
	// ModelOf returns the model of the recordset expr denotes.
	ModelOf(expr string) (model string, ok bool)
	// Names returns the identifiers in scope at top level.
	Names() []string
	// Members returns the fields and methods of the value expr denotes.
	Members(expr string) []string
}

// Completer completes what Analyze finds at the cursor. Catalog and Scope
// may be nil (nothing is offered for what needs them).
type Completer struct {
	Catalog Catalog
	Scope   Scope
	// Meta are the meta-command names, without ':'.
	Meta []string
}

var _ readline.AutoCompleter = (*Completer)(nil)

// Do implements readline.AutoCompleter: it returns the candidates' suffixes
// after the typed prefix and the prefix's length in runes.
func (c *Completer) Do(line []rune, pos int) ([][]rune, int) {
	if pos > len(line) {
		pos = len(line)
	}
	ctx := Analyze(string(line[:pos]), len(string(line[:pos])))
	cands, prefix := c.Candidates(ctx)
	out := make([][]rune, len(cands))
	for i, s := range cands {
		out[i] = []rune(s[len(prefix):])
	}
	return out, utf8.RuneCountInString(prefix)
}

// Candidates returns the sorted completions of ctx and the prefix they
// extend (for a field path, the last segment).
func (c *Completer) Candidates(ctx Context) (cands []string, prefix string) {
	switch ctx.Kind {
	case MetaCompletion:
		return filter(c.Meta, ctx.Prefix), ctx.Prefix
	case IdentCompletion:
		if c.Scope != nil {
			return filter(c.Scope.Names(), ctx.Prefix), ctx.Prefix
		}
	case MemberCompletion:
		if c.Scope != nil {
			return filter(c.Scope.Members(ctx.Receiver), ctx.Prefix), ctx.Prefix
		}
	case ModelCompletion:
		if c.Catalog != nil {
			return filter(c.Catalog.Models(), ctx.Prefix), ctx.Prefix
		}
	case FieldCompletion, DomainFieldCompletion:
		return c.fieldPath(ctx)
	case XMLIDCompletion:
		if c.Catalog != nil {
			return filter(c.Catalog.XMLIDs(ctx.Prefix, maxXMLIDs), ctx.Prefix), ctx.Prefix
		}
	}
	return nil, ctx.Prefix
}

// fieldPath completes the last segment of a dotted field path, walking the
// relations of the receiver's model for the segments before it.
func (c *Completer) fieldPath(ctx Context) ([]string, string) {
	segs := strings.Split(ctx.Prefix, ".")
	last := segs[len(segs)-1]
	model, ok := c.modelOf(ctx)
	for _, f := range segs[:len(segs)-1] {
		if !ok {
			break
		}
		model, ok = c.Catalog.Relation(model, f)
	}
	if !ok {
		return nil, last
	}
	return filter(c.Catalog.Fields(model), last), last
}

func (c *Completer) modelOf(ctx Context) (string, bool) {
	if c.Catalog == nil {
		return "", false
	}
	if ctx.Model != "" {
		return ctx.Model, true
	}
	if m, ok := literalReceiverModel(ctx.Receiver); ok {
		return m, true
	}
	if c.Scope == nil {
		return "", false
	}
	return c.Scope.ModelOf(ctx.Receiver)
}

// literalReceiverModel reads the model of a receiver written as
// `….Model("res.partner")`, without asking the interpreter.
func literalReceiverModel(recv string) (string, bool) {
	const call = `.Model("`
	i := strings.LastIndex(recv, call)
	if i < 0 || !strings.HasSuffix(recv, `")`) {
		return "", false
	}
	name := recv[i+len(call) : len(recv)-2]
	if strings.ContainsAny(name, `"()`) {
		return "", false
	}
	return name, true
}

// filter returns the sorted, distinct names that start with prefix.
func filter(names []string, prefix string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		if strings.HasPrefix(n, prefix) && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}
