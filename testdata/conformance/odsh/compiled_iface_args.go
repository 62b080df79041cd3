// Values of types declared in the program passed to compiled functions
// whose parameters are interfaces with methods (io.Writer, io.Reader,
// sort.Interface), which may keep them: bufio.NewWriter, io.MultiWriter
// (variadic), io.TeeReader, and a method of a compiled type.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

type counter struct{ n int }

func (c *counter) Write(p []byte) (int, error) { c.n += len(p); return len(p), nil }

type tag string

func (t tag) Write(p []byte) (int, error) { fmt.Printf("%s:%s", t, p); return len(p), nil }

type byLen []string

func (s byLen) Len() int           { return len(s) }
func (s byLen) Less(i, j int) bool { return len(s[i]) < len(s[j]) }
func (s byLen) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

type rot13 struct{ r io.Reader }

func (r rot13) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	for i := 0; i < n; i++ {
		switch c := p[i]; {
		case 'a' <= c && c <= 'z':
			p[i] = 'a' + (c-'a'+13)%26
		case 'A' <= c && c <= 'Z':
			p[i] = 'A' + (c-'A'+13)%26
		}
	}
	return n, err
}

func main() {
	c := &counter{}
	first := c
	w := bufio.NewWriter(c)
	c = &counter{}
	fmt.Fprint(w, "hello")
	w.Flush()
	fmt.Println(first.n, c.n)

	var ws []*bufio.Writer
	for _, t := range []tag{"a", "b", "c"} {
		ws = append(ws, bufio.NewWriter(t))
	}
	for _, w := range ws {
		fmt.Fprintln(w, "x")
		w.Flush()
	}

	total := &counter{}
	mw := io.MultiWriter(total, os.Stdout, tag("t"))
	fmt.Fprintln(mw, "both")
	fmt.Println(total.n)

	seen := &counter{}
	tr := io.TeeReader(rot13{strings.NewReader("Uryyb, Tbcure\n")}, seen)
	b, _ := io.ReadAll(tr)
	fmt.Print(string(b))
	fmt.Println(seen.n)

	words := byLen{"ccc", "a", "bb"}
	sort.Sort(words)
	fmt.Println(words)

	var bw *bufio.Writer = bufio.NewWriter(tag("first"))
	bw.Reset(tag("second"))
	fmt.Fprintln(bw, "after reset")
	bw.Flush()

	sc := bufio.NewScanner(rot13{strings.NewReader("bar\nonm\n")})
	for sc.Scan() {
		fmt.Println(sc.Text())
	}
}
