package repl

import (
	"go/scanner"
	"go/token"
	"strings"
)

// Status says what the shell should do with the text typed so far.
type Status int

const (
	// Ready means the entry is complete: evaluate it.
	Ready Status = iota
	// More means the entry continues on the next line (an open bracket, a
	// raw string or block comment not yet closed, a trailing operator).
	More
	// Broken means the entry can never become valid by adding lines (an
	// interpreted string cut by a newline): evaluate it to report the error.
	Broken
)

// String returns the status name.
func (s Status) String() string {
	switch s {
	case Ready:
		return "ready"
	case More:
		return "more"
	case Broken:
		return "broken"
	}
	return "status(?)"
}

// Complete reports whether src is a whole entry, that is, whether the shell
// should stop asking for continuation lines. An entry that is broken beyond
// repair is complete: evaluating it reports the error.
func Complete(src string) bool {
	s, _ := Check(src)
	return s != More
}

// Check classifies src and, when it is not Ready, says why in a short
// lowercase phrase ("open brace", "raw string not terminated", …).
func Check(src string) (Status, string) {
	var errs []string
	var s scanner.Scanner
	file := token.NewFileSet().AddFile("", -1, len(src))
	s.Init(file, []byte(src), func(_ token.Position, msg string) { errs = append(errs, msg) }, scanner.ScanComments)
	var open []token.Token
	last := token.ILLEGAL
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		switch {
		case tok == token.COMMENT || tok == token.SEMICOLON && lit == "\n":
			continue
		case tok == token.LPAREN || tok == token.LBRACK || tok == token.LBRACE:
			open = append(open, tok)
		case (tok == token.RPAREN || tok == token.RBRACK || tok == token.RBRACE) && len(open) > 0:
			open = open[:len(open)-1]
		}
		last = tok
	}
	return verdict(errs, open, last)
}

// verdict turns what the scan found into a status, errors first.
func verdict(errs []string, open []token.Token, last token.Token) (Status, string) {
	for _, e := range errs {
		switch {
		case strings.Contains(e, "raw string literal not terminated"):
			return More, "raw string not terminated"
		case strings.Contains(e, "comment not terminated"):
			return More, "comment not terminated"
		case strings.Contains(e, "not terminated"):
			return Broken, strings.TrimSuffix(e, " literal not terminated") + " not terminated"
		}
	}
	if len(open) > 0 {
		return More, "open " + openName[open[len(open)-1]]
	}
	if continues(last) {
		return More, "trailing " + last.String()
	}
	return Ready, ""
}

var openName = map[token.Token]string{token.LPAREN: "parenthesis", token.LBRACK: "bracket", token.LBRACE: "brace"}

// continues reports whether an entry ending with tok needs another line:
// binary and unary operators, assignments, a comma or a dot, and keywords
// that cannot end a statement.
func continues(tok token.Token) bool {
	switch {
	case tok.IsOperator():
		switch tok {
		case token.INC, token.DEC, token.RPAREN, token.RBRACK, token.RBRACE, token.SEMICOLON, token.ELLIPSIS:
			return false
		}
		return true
	case tok.IsKeyword():
		switch tok {
		case token.BREAK, token.CONTINUE, token.FALLTHROUGH, token.RETURN:
			return false
		}
		return true
	}
	return false
}
