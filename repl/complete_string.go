package repl

import (
	"go/token"
	"strconv"
	"strings"
)

// inString handles a cursor inside an unterminated string literal: the
// argument of a call that takes a model, a field path, a domain or an
// external id.
func inString(src string, toks []tok) Context {
	lit := toks[len(toks)-1].lit
	content := lit[1:]
	open, argIndex := enclosingCall(toks, len(toks)-1)
	if open < 1 || toks[open-1].t != token.IDENT {
		return Context{}
	}
	name := toks[open-1].lit
	recv := ""
	if open >= 2 && toks[open-2].t == token.PERIOD {
		start := receiverStart(toks, open-2)
		recv = src[toks[start].start:toks[open-2].start]
	}
	model := literalModel(toks, open)
	switch {
	case argIndex == 0 && modelArgFuncs[name]:
		return Context{Kind: ModelCompletion, Prefix: content}
	case argIndex == 0 && xmlidArgFuncs[name]:
		return Context{Kind: XMLIDCompletion, Prefix: content}
	case fieldArgFuncs[name] && (argIndex == 0 || name == "Read"):
		return fieldContext(name, recv, content)
	case domainArgFuncs[name] && (argIndex == 0 && recv != "" || argIndex == 1 && model != ""):
		return domainContext(recv, model, content)
	}
	return Context{}
}

// enclosingCall finds the '(' of the call whose argument list holds token
// i and the index of the argument i is in.
func enclosingCall(toks []tok, i int) (open, arg int) {
	depth := 0
	for j := i - 1; j >= 0; j-- {
		switch toks[j].t {
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth++
		case token.LBRACK, token.LBRACE:
			if depth == 0 {
				return -1, 0
			}
			depth--
		case token.LPAREN:
			if depth == 0 {
				return j, arg
			}
			depth--
		case token.COMMA:
			if depth == 0 {
				arg++
			}
		}
	}
	return -1, 0
}

// literalModel returns the model named by a string literal first argument
// of the call opened at open (search("res.partner", …)), or "".
func literalModel(toks []tok, open int) string {
	if open+2 < len(toks) && toks[open+1].t == token.STRING && toks[open+2].t == token.COMMA {
		if s, err := strconv.Unquote(toks[open+1].lit); err == nil {
			return s
		}
	}
	return ""
}

// fieldContext completes a field path; in Sorted, the last item of the
// order list, before any "desc".
func fieldContext(name, recv, content string) Context {
	if name == "Sorted" {
		content = strings.TrimLeft(content[strings.LastIndex(content, ",")+1:], " ")
		if strings.Contains(content, " ") {
			return Context{}
		}
	}
	return Context{Kind: FieldCompletion, Receiver: recv, Prefix: content}
}

// domainContext completes the field of a domain term: the cursor must be in
// a quoted first element of a tuple (or list) that sits directly in a
// list, as in [('na, [('a', '=', 1), ("b or [('line_ids', 'any', [('q —
// not in a value: [('id', 'in', ('a or [('x', '=', ref('b.
func domainContext(recv, model, content string) Context {
	type open struct {
		bracket byte
		elem    int
	}
	var quote byte
	var stack []open
	start := 0
	for i := 0; i < len(content); i++ {
		c := content[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote, start = c, i+1
		case c == '(' || c == '[':
			stack = append(stack, open{bracket: c})
		case (c == ')' || c == ']') && len(stack) > 0:
			stack = stack[:len(stack)-1]
		case c == ',' && len(stack) > 0:
			stack[len(stack)-1].elem++
		}
	}
	n := len(stack)
	if quote == 0 || n < 2 || stack[n-1].elem != 0 || stack[n-2].bracket != '[' {
		return Context{}
	}
	return Context{Kind: DomainFieldCompletion, Receiver: recv, Model: model, Prefix: content[start:]}
}
