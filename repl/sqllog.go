package repl

import (
	"bytes"
	"io"
	"regexp"
)

// SQLLog returns a writer for the ORM's statement log (orm.TxOptions.Log,
// Transaction.SetLog) that leaves out the savepoints the shell takes
// around every entry, so `:sql on` and --sql show the statements the
// user's code sent:
//
//	[52µs] SAVEPOINT odsh_sp_4          left out
//	[396µs] SELECT count(*) FROM …      kept
//	[40µs] RELEASE SAVEPOINT odsh_sp_4  left out
//
// Lines are passed on whole; a partial line waits for its end.
func SQLLog(w io.Writer) io.Writer { return &sqlLog{w: w} }

type sqlLog struct {
	w   io.Writer
	buf []byte
}

// savepointLine matches a log line of a savepoint taken or released.
var savepointLine = regexp.MustCompile(`^\[[^\]]*\] (SAVEPOINT|RELEASE SAVEPOINT) odsh_sp_\d+\n$`)

// Write buffers p and writes out every complete line that is kept.
func (l *sqlLog) Write(p []byte) (int, error) {
	l.buf = append(l.buf, p...)
	for {
		i := bytes.IndexByte(l.buf, '\n')
		if i < 0 {
			return len(p), nil
		}
		line := l.buf[:i+1]
		if !savepointLine.Match(line) {
			if _, err := l.w.Write(line); err != nil {
				return len(p), err
			}
		}
		l.buf = l.buf[i+1:]
	}
}
