package repl

import (
	"bufio"
	"bytes"
	"go/scanner"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"

	"github.com/chzyer/readline"
)

// LineReader is where the loop reads lines: a terminal with editing,
// completion and history, or a plain stream.
type LineReader interface {
	// ReadLine returns a line without its newline, io.EOF at the end
	// (Ctrl-D), ErrInterrupt when Ctrl-C cancels the line being typed.
	ReadLine(prompt string) (string, error)
	// SaveHistory adds a whole entry to the history (no-op without one).
	SaveHistory(entry string)
	// Close restores the terminal.
	Close() error
}

// ErrInterrupt is returned by ReadLine when the user presses Ctrl-C.
var ErrInterrupt = readline.ErrInterrupt

// plainReader reads lines from a stream, without prompt or history.
type plainReader struct{ r *bufio.Reader }

// NewPlainReader returns a LineReader on r: no prompt, no history.
func NewPlainReader(r io.Reader) LineReader { return plainReader{bufio.NewReader(r)} }

func (p plainReader) ReadLine(string) (string, error) {
	line, err := p.r.ReadString('\n')
	if err == io.EOF && line != "" {
		err = nil
	}
	return strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r"), err
}
func (plainReader) SaveHistory(string) {}
func (plainReader) Close() error       { return nil }

// terminal is a LineReader on chzyer/readline.
type terminal struct {
	rl    *readline.Instance
	empty atomic.Bool // the line being edited is empty
}

// privateDelete stands for the Delete key, which readline would otherwise
// take for Ctrl-D (end of input) on an empty line.
const privateDelete = '\uE000'

// NewTerminal returns a LineReader with line editing on the process's
// terminal, history in historyFile ("" for none) and completion by c.
func NewTerminal(historyFile string, c readline.AutoCompleter) (LineReader, error) {
	if historyFile != "" {
		_ = os.MkdirAll(filepath.Dir(historyFile), 0o700)
	}
	t := &terminal{}
	rl, err := readline.NewEx(&readline.Config{
		HistoryFile:            historyFile,
		AutoComplete:           c,
		DisableAutoSaveHistory: true,
		HistorySearchFold:      true,
		Stdin:                  readline.NewCancelableStdin(deleteKeyReader{os.Stdin}),
		FuncFilterInputRune:    t.filter,
		Listener:               readline.FuncListener(t.listen),
	})
	if err != nil {
		return nil, err
	}
	t.rl = rl
	return t, nil
}

func (t *terminal) ReadLine(prompt string) (string, error) {
	t.empty.Store(true)
	t.rl.SetPrompt(prompt)
	return t.rl.Readline()
}

func (t *terminal) SaveHistory(entry string) {
	if line, ok := OneLine(entry); ok {
		_ = t.rl.SaveHistory(line)
	}
}

func (t *terminal) Close() error { return t.rl.Close() }

// filter makes Delete delete, and do nothing on an empty line.
func (t *terminal) filter(r rune) (rune, bool) {
	if r == privateDelete {
		return readline.CharDelete, !t.empty.Load()
	}
	return r, true
}

func (t *terminal) listen(line []rune, _ int, _ rune) ([]rune, int, bool) {
	t.empty.Store(len(line) == 0)
	return nil, 0, false
}

// deleteKeyReader turns the Delete key's escape sequence into privateDelete.
type deleteKeyReader struct{ r io.Reader }

var deleteKey, deleteRune = []byte("\x1b[3~"), []byte(string(privateDelete))

func (d deleteKeyReader) Read(p []byte) (int, error) {
	buf := make([]byte, len(p)/len(deleteRune)+1)
	n, err := d.r.Read(buf)
	out := bytes.ReplaceAll(buf[:n], deleteKey, deleteRune)
	return copy(p, out), err
}

// OneLine joins a multi-line entry into one equivalent line for the
// history: a newline becomes "; " where Go would insert a semicolon, else
// a space. ok is false when a newline is inside a raw string.
func OneLine(entry string) (string, bool) {
	if !strings.Contains(entry, "\n") {
		return entry, true
	}
	if strings.Contains(entry, "`") || strings.Contains(entry, "//") {
		return "", false
	}
	var out strings.Builder
	for i, line := range strings.Split(entry, "\n") {
		line = strings.TrimSpace(line)
		if i > 0 && line != "" && out.Len() > 0 {
			if endsStatement(out.String()) {
				out.WriteString("; ")
			} else {
				out.WriteString(" ")
			}
		}
		out.WriteString(line)
	}
	return out.String(), true
}

// endsStatement reports whether Go inserts a semicolon after src's last
// token at a newline.
func endsStatement(src string) bool {
	var s scanner.Scanner
	file := token.NewFileSet().AddFile("", -1, len(src))
	s.Init(file, []byte(src), nil, 0)
	last := token.ILLEGAL
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.SEMICOLON && lit == "\n" {
			return true
		}
		last = tok
	}
	switch last {
	case token.IDENT, token.INT, token.FLOAT, token.IMAG, token.CHAR, token.STRING,
		token.BREAK, token.CONTINUE, token.FALLTHROUGH, token.RETURN, token.INC, token.DEC,
		token.RPAREN, token.RBRACK, token.RBRACE:
		return true
	}
	return false
}
