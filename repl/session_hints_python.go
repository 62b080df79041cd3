package repl

// Python's surface syntax, translated for hints.
//
// An entry that does not parse as Go may be Python that the hint rules
// can read once its surface is Go's. pythonToGo rewrites, outside Go
// string literals:
//
//	'text'                        → "text"
//	True, False, None             → true, false, nil
//	not, and, or                  → !, &&, ||
//	{'name': 'x'}                 → orm.Values{"name": "x"}   (orm.Ctx in with_context)
//	f([('name', '=', 'x')])       → f("[('name', '=', 'x')]") (a domain is Odoo text)
//	f(d, limit=5, order='name')   → f(d, orm.Limit(5), orm.Order("name"))
//	with_context(active_test=False) → with_context(orm.Ctx{"active_test": false})
//	sorted(key=k, reverse=True)   → sorted(k, true)
//	lambda r: r.a.b               → func(r orm.Recordset) any { return r.Get("a.b") }
//	filtered(lambda r: r.active)  → filtered(func(r orm.Recordset) bool { return r.Bool("active") })
//
// The result is only ever shown as a suggestion, never run.

import (
	"strconv"
	"strings"
)

// searchOpts are Odoo's keyword arguments that are options in Go.
var searchOpts = map[string]string{"limit": "orm.Limit", "offset": "orm.Offset", "order": "orm.Order"}

// pyWords are Python words with a Go spelling.
var pyWords = map[string]string{"True": "true", "False": "false", "None": "nil", "not": "!", "and": "&&", "or": "||"}

// contextFuncs take a context: keyword arguments there are its keys.
var contextFuncs = map[string]bool{"with_context": true, "WithContext": true}

// pythonToGo translates src's Python surface syntax (see above).
func pythonToGo(src string) string {
	var b strings.Builder
	for i := 0; i < len(src); {
		i = pyStep(&b, src, i)
	}
	return b.String()
}

// pyStep translates the token at i and returns the offset after it.
func pyStep(b *strings.Builder, src string, i int) int {
	c := src[i]
	switch {
	case c == '"' || c == '`':
		j := stringEnd(src, i)
		b.WriteString(src[i:j])
		return j
	case c == '\'':
		j := stringEnd(src, i)
		b.WriteString(pyString(src[i:j]))
		return j
	case c == '[' && argStart(b.String()) && domainList(src[i+1:]):
		if j := closing(src, i); j > 0 {
			b.WriteString(strconv.Quote(strings.ReplaceAll(src[i:j], `"`, `'`)))
			return j
		}
	case c == '{' && argStart(b.String()) && dictKey(src[i+1:]):
		if contextFuncs[lastCall(b.String())] {
			b.WriteString("orm.Ctx")
		} else {
			b.WriteString("orm.Values")
		}
	case isIdentByte(c) && (i == 0 || !isIdentByte(src[i-1])):
		return pyWord(b, src, i)
	}
	b.WriteByte(c)
	return i + 1
}

// pyWord translates the identifier at i.
func pyWord(b *strings.Builder, src string, i int) int {
	j := i
	for j < len(src) && isIdentByte(src[j]) {
		j++
	}
	word := src[i:j]
	switch {
	case pyWords[word] != "":
		b.WriteString(pyWords[word])
		return j
	case word == "lambda":
		return pyLambda(b, src, j, lastCall(b.String()))
	case keyword(src, j) && contextFuncs[lastCall(b.String())]:
		return pyContext(b, src, i)
	case keyword(src, j) && (word == "key" || word == "reverse"): // sorted(key=…, reverse=…)
		eq := j + strings.IndexByte(src[j:], '=')
		end := argEnd(src, eq+1)
		b.WriteString(strings.TrimSpace(pythonToGo(src[eq+1 : end])))
		return end
	case keyword(src, j) && searchOpts[word] != "":
		eq := j + strings.IndexByte(src[j:], '=')
		end := argEnd(src, eq+1)
		b.WriteString(searchOpts[word] + "(" + strings.TrimSpace(pythonToGo(src[eq+1:end])) + ")")
		return end
	}
	b.WriteString(word)
	return j
}

// pyContext writes the keyword arguments starting at i as one orm.Ctx.
func pyContext(b *strings.Builder, src string, i int) int {
	end := closing(src, strings.LastIndexByte(src[:i], '(')) - 1 // the call's ')'
	if end < i {
		return copyRest(b, src, i)
	}
	var items []string
	for _, arg := range splitArgs(src[i:end]) {
		k, v, ok := strings.Cut(arg, "=")
		if !ok {
			return copyRest(b, src, i)
		}
		items = append(items, strconv.Quote(strings.TrimSpace(k))+": "+strings.TrimSpace(pythonToGo(v)))
	}
	b.WriteString("orm.Ctx{" + strings.Join(items, ", ") + "}")
	return end
}

func copyRest(b *strings.Builder, src string, i int) int {
	b.WriteString(src[i:])
	return len(src)
}

// pyLambda writes `lambda params: body` (params after j), an argument of
// call, as a Go func: a predicate for filtered, a value otherwise. Fields
// read as attributes of a parameter are read with Get (Bool when the
// predicate is one field).
func pyLambda(b *strings.Builder, src string, j int, call string) int {
	colon := strings.IndexByte(src[j:], ':')
	if colon < 0 {
		return copyRest(b, src, j)
	}
	params := strings.Split(strings.TrimSpace(src[j:j+colon]), ",")
	end := argEnd(src, j+colon+1)
	body := strings.TrimSpace(pythonToGo(src[j+colon+1 : end]))
	result := "any"
	if call == "filtered" || call == "Filtered" {
		result = "bool"
	}
	var ps []string
	for _, p := range params {
		p = strings.TrimSpace(p)
		body = fieldReads(body, p, result == "bool")
		ps = append(ps, p+" orm.Recordset")
	}
	b.WriteString("func(" + strings.Join(ps, ", ") + ") " + result + " { return " + body + " }")
	return end
}

// fieldReads rewrites p.a.b in body as p.Get("a.b"), or p.Bool("a.b")
// when the body is that one read and a predicate.
func fieldReads(body, p string, predicate bool) string {
	var b strings.Builder
	for i := 0; i < len(body); {
		if !strings.HasPrefix(body[i:], p+".") || i > 0 && isIdentByte(body[i-1]) {
			b.WriteByte(body[i])
			i++
			continue
		}
		j := i + len(p) + 1
		for j < len(body) && (isIdentByte(body[j]) || body[j] == '.') {
			j++
		}
		path := body[i+len(p)+1 : j]
		if j < len(body) && body[j] == '(' || path == "" || path[0] < 'a' || path[0] > 'z' {
			b.WriteString(body[i:j])
		} else if predicate && i == 0 && j == len(body) {
			b.WriteString(p + ".Bool(" + strconv.Quote(path) + ")")
		} else {
			b.WriteString(p + ".Get(" + strconv.Quote(path) + ")")
		}
		i = j
	}
	return b.String()
}

// keyword says whether an identifier ending at j is a keyword argument
// (followed by '=' but not '==').
func keyword(src string, j int) bool {
	rest := strings.TrimLeft(src[j:], " ")
	return strings.HasPrefix(rest, "=") && !strings.HasPrefix(rest, "==")
}

// argEnd returns the offset of the ',' or ')' ending the argument that
// starts at i (or the end of src).
func argEnd(src string, i int) int {
	depth := 0
	for j := i; j < len(src); j++ {
		switch c := src[j]; {
		case c == '"' || c == '\'' || c == '`':
			j = stringEnd(src, j) - 1
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			if depth == 0 {
				return j
			}
			depth--
		case c == ',' && depth == 0:
			return j
		}
	}
	return len(src)
}

// splitArgs splits an argument list at its top-level commas.
func splitArgs(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		j := argEnd(s, i)
		out = append(out, s[i:j])
		i = j + 1
	}
	return out
}

// closing returns the offset after the bracket matching the one at i, or
// -1.
func closing(src string, i int) int {
	depth := 0
	for j := i; j < len(src); j++ {
		switch c := src[j]; {
		case c == '"' || c == '\'' || c == '`':
			j = stringEnd(src, j) - 1
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			depth--
			if depth == 0 {
				return j + 1
			}
		}
	}
	return -1
}

// stringEnd returns the offset after the string literal starting at i (or
// the end of src when it is not terminated).
func stringEnd(src string, i int) int {
	q := src[i]
	for j := i + 1; j < len(src); j++ {
		switch {
		case src[j] == '\\' && q != '`':
			j++
		case src[j] == q:
			return j + 1
		}
	}
	return len(src)
}

// pyString turns a single-quoted Python string into a Go string.
func pyString(lit string) string {
	body := strings.TrimSuffix(lit[1:], "'")
	body = strings.ReplaceAll(body, `\'`, `'`)
	return `"` + strings.ReplaceAll(body, `"`, `\"`) + `"`
}

// argStart says whether what was written so far ends where an argument or
// a value starts: after '(', ',', '=', ':', '[' or at the start.
func argStart(done string) bool {
	t := strings.TrimRight(done, " \t")
	return t == "" || strings.ContainsRune("(,=:[", rune(t[len(t)-1])) || strings.HasSuffix(t, "return")
}

// domainList says whether the text after '[' starts a domain: a term, a
// nested list, Odoo's prefix operators, or nothing.
func domainList(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	for _, p := range []string{"(", "[", "]", "'|'", "'&'", "'!'", `"|"`, `"&"`, `"!"`} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// dictKey says whether the text after '{' starts a dict: a string key
// followed by ':'.
func dictKey(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	if rest == "" || rest[0] != '\'' && rest[0] != '"' {
		return strings.HasPrefix(rest, "}")
	}
	j := stringEnd(rest, 0)
	return strings.HasPrefix(strings.TrimLeft(rest[j:], " "), ":")
}

// lastCall returns the name of the call whose '(' ends done, if any.
func lastCall(done string) string {
	t := strings.TrimRight(done, " \t")
	if !strings.HasSuffix(t, "(") {
		return ""
	}
	t = t[:len(t)-1]
	i := len(t)
	for i > 0 && isIdentByte(t[i-1]) {
		i--
	}
	return t[i:]
}

func isIdentByte(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
