package repl

// Completion context.
//
// Analyze looks at the text left of the cursor and says what is being typed:
// a Go name, a member after `expr.`, a model name in `env.Model("`, a field
// path in `rs.Get("partner_id.coun`, a field in a domain literal
// `rs.Search("[('na`, an external id in `env.Ref("base.ma`, or a
// meta-command after `:`. It tokenizes with
// go/scanner, so brackets and quotes inside string literals never confuse
// it; an unterminated string literal at the cursor is the "inside a string"
// case.

import (
	"go/scanner"
	"go/token"
	"strings"
)

// ContextKind says what is being completed.
type ContextKind int

const (
	// NoCompletion: nothing sensible to offer (inside a number, a comment…).
	NoCompletion ContextKind = iota
	// IdentCompletion: a Go identifier in scope; Prefix is typed.
	IdentCompletion
	// MemberCompletion: a field or method of Receiver; Prefix is typed.
	MemberCompletion
	// ModelCompletion: a model name; Prefix is typed.
	ModelCompletion
	// FieldCompletion: a field path of Receiver's model; Prefix is the
	// partial path, e.g. "partner_id.coun".
	FieldCompletion
	// DomainFieldCompletion: a field path in a domain string literal.
	DomainFieldCompletion
	// MetaCompletion: a meta-command name; Prefix is typed, without ':'.
	MetaCompletion
	// XMLIDCompletion: an external id ("module.name") in env.Ref(" or
	// ref("; Prefix is typed.
	XMLIDCompletion
)

// Context is the result of Analyze.
type Context struct {
	Kind ContextKind
	// Receiver is the source text of the expression whose member, field or
	// domain is completed ("env.Model(\"res.partner\")"); empty otherwise.
	Receiver string
	// Model is set when the model is written literally in the call
	// (a search("res.partner", "[('na") helper call).
	Model  string
	Prefix string
}

// modelArgFuncs take a model name as first argument; fieldArgFuncs a field
// path; domainArgFuncs a domain; xmlidArgFuncs an external id. search,
// browse and ref are the shell's helpers.
var (
	modelArgFuncs  = map[string]bool{"Model": true, "search": true, "browse": true, "count": true}
	xmlidArgFuncs  = map[string]bool{"Ref": true, "RefOK": true, "ref": true}
	fieldArgFuncs  = map[string]bool{"Get": true, "Mapped": true, "Filtered": true, "Sorted": true, "Read": true, "Set": true}
	domainArgFuncs = map[string]bool{"Search": true, "SearchCount": true, "FilteredDomain": true, "ReadGroup": true, "search": true, "count": true}
)

// modelArgMeta are the meta-commands whose argument is a model name.
var modelArgMeta = map[string]bool{"fields": true, "doc": true, "models": true, "graph": true}

// analyzeMeta completes a meta-command's name, or the model name that is
// the first argument of :fields, :doc, :graph and :models.
func analyzeMeta(text string) Context {
	name, arg, ok := strings.Cut(text, " ")
	if !ok {
		return Context{Kind: MetaCompletion, Prefix: text}
	}
	arg = strings.TrimLeft(arg, " ")
	if !modelArgMeta[name] || strings.ContainsAny(arg, " \t") {
		return Context{}
	}
	return Context{Kind: ModelCompletion, Prefix: arg}
}

// tok is one token with its byte offsets in the analysed text.
type tok struct {
	t          token.Token
	lit        string
	start, end int
}

// Analyze returns what is being completed at byte offset pos of line.
func Analyze(line string, pos int) Context {
	if pos > len(line) {
		pos = len(line)
	}
	src := line[:pos]
	if trimmed := strings.TrimLeft(src, " \t"); strings.HasPrefix(trimmed, ":") {
		return analyzeMeta(trimmed[1:])
	}
	toks := tokens(src)
	if len(toks) == 0 {
		return Context{Kind: IdentCompletion}
	}
	last := toks[len(toks)-1]
	switch {
	case last.end < len(src):
		return afterSpace(toks)
	case last.t == token.STRING && unterminated(last.lit):
		return inString(src, toks)
	case last.t == token.IDENT || last.t.IsKeyword():
		return identOrMember(src, toks[:len(toks)-1], last.lit)
	case last.t == token.PERIOD:
		return identOrMember(src, toks, "")
	case last.t == token.COMMENT, last.t == token.INT, last.t == token.FLOAT, last.t == token.STRING, last.t == token.CHAR:
		return Context{}
	}
	return Context{Kind: IdentCompletion}
}

// afterSpace handles a cursor after blanks: a new identifier starts.
func afterSpace(toks []tok) Context {
	if last := toks[len(toks)-1]; last.t == token.COMMENT {
		return Context{}
	}
	return Context{Kind: IdentCompletion}
}

func tokens(src string) []tok {
	var s scanner.Scanner
	file := token.NewFileSet().AddFile("", -1, len(src))
	s.Init(file, []byte(src), func(token.Position, string) {}, scanner.ScanComments)
	var out []tok
	for {
		p, t, lit := s.Scan()
		if t == token.EOF {
			return out
		}
		if t == token.SEMICOLON && lit == "\n" {
			continue
		}
		if lit == "" {
			lit = t.String()
		}
		start := file.Offset(p)
		out = append(out, tok{t: t, lit: lit, start: start, end: start + len(lit)})
	}
}

func unterminated(lit string) bool {
	if len(lit) < 2 {
		return true
	}
	q := lit[0]
	return lit[len(lit)-1] != q || q == '"' && strings.HasSuffix(lit, `\"`) && !strings.HasSuffix(lit, `\\"`)
}

// identOrMember handles a name being typed; before is the tokens before it.
func identOrMember(src string, before []tok, prefix string) Context {
	if len(before) == 0 || before[len(before)-1].t != token.PERIOD {
		return Context{Kind: IdentCompletion, Prefix: prefix}
	}
	dot := len(before) - 1
	start := receiverStart(before, dot)
	if start == dot {
		return Context{}
	}
	return Context{Kind: MemberCompletion, Receiver: src[before[start].start:before[dot].start], Prefix: prefix}
}

// receiverStart walks back from the token before end over a primary
// expression (names, selectors, calls, indexes, composite literals) and
// returns the index of its first token.
func receiverStart(toks []tok, end int) int {
	i := end - 1
	for i >= 0 {
		switch toks[i].t {
		case token.RPAREN, token.RBRACK, token.RBRACE:
			open := matching(toks, i)
			if open < 0 {
				return end
			}
			i = open - 1
			continue
		case token.IDENT, token.STRING, token.INT:
			if i > 0 && toks[i-1].t == token.PERIOD {
				i -= 2
				continue
			}
			return i
		}
		break
	}
	return i + 1
}

// matching returns the index of the bracket opening the one at i, or -1.
func matching(toks []tok, i int) int {
	depth := 0
	for j := i; j >= 0; j-- {
		switch toks[j].t {
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth++
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}
